"""Tenant isolation and escaping: a recruiter sees only their own employer's data."""

import pytest

from reilu.applications.models import Application
from tests.conftest import make_application, make_posting


@pytest.fixture
def foreign(other_org):
    posting = make_posting(other_org, title="Their job")
    app, raw = make_application(posting, email="theirs@example.fi", name="Their Candidate")
    return posting, app


@pytest.mark.parametrize(
    "url",
    [
        "/staff/postings/{p}/",
        "/staff/postings/{p}/edit/",
        "/staff/postings/{p}/delivery/",
        "/staff/applications/{a}/",
        "/staff/applications/{a}/cv/",
    ],
)
def test_other_employers_pages_are_404(staff_client, foreign, url):
    posting, app = foreign
    assert staff_client.get(url.format(p=posting.pk, a=app.pk)).status_code == 404


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/staff/postings/{p}/publish/", {}),
        ("/staff/postings/{p}/close/", {}),
        ("/staff/postings/{p}/decide/", {"ids": "{a}", "outcome": "rejected", "confirm": "yes"}),
        ("/staff/applications/{a}/move/", {"to": "next"}),
        ("/staff/applications/{a}/note/", {"text": "hello"}),
        ("/staff/applications/{a}/promise/", {"promised_by": "2099-01-01"}),
    ],
)
def test_other_employers_actions_are_404_and_change_nothing(staff_client, foreign, url, data):
    posting, app = foreign
    data = {k: v.format(a=app.pk) for k, v in data.items()}
    response = staff_client.post(url.format(p=posting.pk, a=app.pk), data)
    assert response.status_code == 404
    app.refresh_from_db()
    assert app.outcome == "active" and app.stage.position == 0
    assert app.events.count() == 1
    posting.refresh_from_db()
    assert posting.state == "published"


def test_an_interviewer_cannot_use_the_recruiter_workspace(client, org, posting, application):
    from tests.conftest import make_staff

    interviewer = make_staff(org, "int@acme.example", role="interviewer")
    client.force_login(interviewer)
    assert client.get(f"/staff/applications/{application.pk}/").status_code == 404
    assert client.get(f"/staff/applications/{application.pk}/cv/").status_code == 404


def test_anonymous_staff_pages_redirect_to_login(client, application):
    response = client.get(f"/staff/applications/{application.pk}/cv/")
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


def test_own_cv_downloads_as_an_attachment(staff_client, application):
    response = staff_client.get(f"/staff/applications/{application.pk}/cv/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_staff_home_lists_only_own_postings(staff_client, posting, foreign):
    html = staff_client.get("/staff/").content.decode()
    assert "Backend developer" in html and "Their job" not in html


def test_candidate_text_is_escaped_everywhere(client, staff_client, posting):
    evil = '<script>alert("x")</script>'
    app, raw = make_application(posting, email="evil@example.fi", name=f"{evil} Eve")
    Application.objects.filter(pk=app.pk).update(cover_letter=evil)
    for page in (
        client.get(f"/status/{raw}/"),
        staff_client.get(f"/staff/applications/{app.pk}/"),
        staff_client.get(f"/staff/postings/{posting.pk}/"),
    ):
        html = page.content.decode()
        assert evil not in html
        assert "&lt;script&gt;" in html
