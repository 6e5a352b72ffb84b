"""Finding a candidate across postings: name, email, phone; scoped; paginated; few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reilu.applications import services
from reilu.applications.models import Application
from reilu.applications.search import phone_key
from tests.conftest import make_application, make_posting

pytestmark = pytest.mark.django_db


def _apply(posting, name, email, phone=""):
    app, _raw = services.application_submit(
        posting=posting, name=name, email=email, language="fi", privacy_consent=True, phone=phone
    )
    return app


def test_it_finds_a_candidate_by_name_email_or_phone_across_open_and_ended_postings(
    staff_client, org
):
    open_posting = make_posting(org, title="Sosiaaliohjaaja")
    ended = make_posting(org, title="Kesätyöntekijä")
    first = _apply(open_posting, "Maija Virtanen", "maija.v@example.fi", "040 123 4567")
    second = _apply(ended, "Maija Virtanen", "maija.v@example.fi", "+358 40 123 4567")
    services.applications_decide(
        organization=org, application_ids=[second.pk], outcome=Application.Outcome.REJECTED
    )
    ended.state = ended.State.CLOSED
    ended.save(update_fields=["state"])
    _apply(open_posting, "Matti Mäkinen", "matti@example.fi", "050 765 4321")

    for query in (
        "maija virtanen",
        "VIRTANEN maija",
        "Maija.V@Example.fi",
        "+358401234567",
        "0401234567",
        "040-123 45 67",
        "123 4567",
    ):
        page = staff_client.get("/staff/candidates/", {"q": query})
        assert page.status_code == 200
        found = {a.pk for a in page.context["page"]}
        assert found == {first.pk, second.pk}, query

    html = staff_client.get("/staff/candidates/", {"q": "Maija"}).content.decode()
    assert "Sosiaaliohjaaja" in html and "Kesätyöntekijä" in html
    assert first.stage.name in html and "Laura Nieminen" in html  # stage, contact person
    assert "Not chosen" in html and "Closed" in html
    assert f"/staff/applications/{first.pk}/" in html


def test_it_never_finds_another_employers_candidate(client, staff_client, org, other_org):
    mine = make_posting(org)
    theirs = make_posting(other_org, title="Elsewhere")
    _apply(theirs, "Maija Virtanen", "maija@other.example", "040 999 8888")
    _apply(mine, "Aino Korhonen", "aino@example.fi", "040 111 2222")
    for query in ("Maija", "maija@other.example", "040 999 8888", "Virtanen"):
        page = staff_client.get("/staff/candidates/", {"q": query})
        assert list(page.context["page"]) == [], query
        html = page.content.decode()
        assert "Elsewhere" not in html and "0 applications found" in html


def test_it_asks_for_more_than_one_character_and_refuses_anonymous_visitors(staff_client):
    page = staff_client.get("/staff/candidates/", {"q": "a"})
    assert page.status_code == 200 and "Write at least two characters." in page.content.decode()
    staff_client.logout()
    assert staff_client.get("/staff/candidates/", {"q": "Maija"}).status_code == 302


def test_it_pages_results_with_the_same_number_of_queries_for_any_page_size(staff_client, org):
    def queries_for(count: int, posting_title: str) -> int:
        posting = make_posting(org, title=posting_title)
        for i in range(count):
            make_application(
                posting, email=f"{posting_title}{i}@example.fi", name=f"Pia {posting_title}"
            )
        with CaptureQueriesContext(connection) as ctx:
            page = staff_client.get("/staff/candidates/", {"q": posting_title})
        assert page.context["page"].paginator.count == count
        return len(ctx.captured_queries)

    assert queries_for(3, "Small") == queries_for(40, "Large")
    second = staff_client.get("/staff/candidates/", {"q": "Large", "page": 2})
    assert len(second.context["page"]) == 15 and "Page 2 of 2" in second.content.decode()


def test_it_reduces_phone_numbers_to_national_digits():
    assert phone_key("+358 40 123 4567") == "0401234567"
    assert phone_key("00358-40-1234567") == "0401234567"
    assert phone_key("(040) 123 4567") == "0401234567"


def test_the_start_page_links_to_the_search(staff_client, org):
    assert 'action="/staff/candidates/"' in staff_client.get("/staff/").content.decode()


@pytest.mark.parametrize(
    ("language", "label", "count"),
    [
        ("fi", "Nimi, sähköposti tai puhelinnumero", "1 hakemus löytyi"),
        ("sv", "Namn, e-post eller telefon", "1 ansökan hittades"),
        ("en", "Name, email or phone", "1 application found"),
    ],
)
def test_the_search_speaks_the_users_language(staff_client, org, language, label, count):
    _apply(make_posting(org), "Maija Virtanen", "maija@example.fi", "040 123 4567")
    html = staff_client.get(
        "/staff/candidates/", {"q": "040 1234567"}, HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert label in html and count in html and "Maija Virtanen" in html
