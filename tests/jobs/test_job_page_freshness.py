"""The stored job page and job list: a visitor never sees a stale page or another's data.

Every service and view that can change what the job page or the job list shows is run
between two visits of an anonymous visitor; the second visit sends the first one's ETag and
must get the changed page in full (a 200, never a 304, never the stored rendering of
before). The stored rendering is the anonymous page: signed-in staff and job seekers get
their own header and forms, rendered for them and never stored or shared.
"""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from reilu.applications import services as app_services
from reilu.jobs import services as job_services
from reilu.jobs.models import Posting
from reilu.jobs.pages import job_key
from reilu.pagecache import released_at
from reilu.rules import RuleError
from tests.conftest import make_org, make_posting
from tests.htmlforms import parse_forms
from tests.jobs.test_editor import editor_form, set_value
from tests.talent.conftest import make_profile, sign_in_as

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _after_the_release():
    """The clock after this checkout's files were written: a page's Last-Modified is never
    before its release, and it is sent only once it lies in the past."""
    start = max(timezone.now(), released_at()) + dt.timedelta(seconds=5)
    with time_machine.travel(start, tick=True):
        yield


@pytest.fixture
def visitor():
    """An anonymous browser of its own (the `client` fixture may be signed in as staff)."""
    return Client()


def visit(visitor, url, etag=None, **headers):
    if etag:
        headers["HTTP_IF_NONE_MATCH"] = etag
    return visitor.get(url, **headers)


def assert_shown_at_once(visitor, url, change, expect: str, absent: str = "") -> None:
    first = visit(visitor, url)
    assert first.status_code == 200
    assert expect not in first.content.decode()
    again = visit(visitor, url, first["ETag"])
    assert again.status_code == 304  # unchanged: the validator holds
    assert token_free(visit(visitor, url).content.decode()) == token_free(first.content.decode())
    change()
    after = visit(visitor, url, first["ETag"])
    assert after.status_code == 200
    html = after.content.decode()
    assert expect in html
    if absent:
        assert absent not in html
    # The new rendering is stored and validated in turn.
    assert visit(visitor, url, after["ETag"]).status_code == 304


def url_of(posting):
    return f"/jobs/{posting.slug}/"


# Conditional requests on the job page


def settled():
    """Two seconds on: Last-Modified is sent once the last change is a second old (a copy
    fetched in the same second as a change could otherwise pass for the changed page)."""
    return time_machine.travel(timezone.now() + dt.timedelta(seconds=2), tick=True)


def test_a_repeat_visit_of_a_job_page_is_a_304(visitor, posting):
    with settled():
        first = visit(visitor, url_of(posting))
        assert first.status_code == 200 and first["ETag"].startswith('"')
        assert first["Cache-Control"] == "public, no-cache"
        assert {"Cookie", "Accept-Language"} <= {v.strip() for v in first["Vary"].split(",")}
        assert first["Last-Modified"]
        again = visit(visitor, url_of(posting), first["ETag"])
        assert again.status_code == 304 and again.content == b""
        assert again["ETag"] == first["ETag"]
        by_date = visitor.get(url_of(posting), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert by_date.status_code == 304


def test_no_last_modified_in_the_second_of_a_change(visitor, posting):
    job_services.posting_update(posting=posting, data={"description": "Just now."})
    response = visit(visitor, url_of(posting))
    assert "Just now." in response.content.decode()
    assert "Last-Modified" not in response and response["ETag"]


def test_if_modified_since_without_a_csrf_cookie_gets_the_page(visitor, posting):
    with settled():
        first = visit(visitor, url_of(posting))
        # A fresh client has no cookie: a copy it could be handed carries another's token.
        stranger = Client()
        answer = stranger.get(url_of(posting), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert answer.status_code == 200
        assert posting.title in answer.content.decode()


def test_last_modified_moves_with_an_edit(visitor, posting):
    with settled():
        first = visit(visitor, url_of(posting))
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=5), tick=True):
        job_services.posting_update(posting=posting, data={"description": "Rewritten."})
        after = visitor.get(url_of(posting), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert after.status_code == 200
        assert "Rewritten." in after.content.decode()
        with settled():
            later = visitor.get(url_of(posting), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
            assert later.status_code == 200
            assert later["Last-Modified"] != first["Last-Modified"]
            assert "Rewritten." in later.content.decode()


def test_the_job_page_validator_varies_by_language(visitor, posting):
    english = visit(visitor, url_of(posting))
    finnish = visit(visitor, url_of(posting), english["ETag"], HTTP_ACCEPT_LANGUAGE="fi")
    assert finnish.status_code == 200 and finnish["ETag"] != english["ETag"]
    html = finnish.content.decode()
    assert '<html lang="fi">' in html and "Apply for this job" not in html
    swedish = visit(visitor, url_of(posting), HTTP_ACCEPT_LANGUAGE="sv")
    assert '<html lang="sv">' in swedish.content.decode()
    again = visit(visitor, url_of(posting), finnish["ETag"], HTTP_ACCEPT_LANGUAGE="fi")
    assert again.status_code == 304


def test_another_visitors_validator_gets_a_page_with_its_own_token(visitor, posting):
    first = visit(visitor, url_of(posting))
    other = Client()
    theirs = visit(other, url_of(posting), first["ETag"])
    assert theirs.status_code == 200
    assert theirs["ETag"] != first["ETag"]
    token = token_in(theirs)
    assert token and token != token_in(first)


def token_in(response) -> str:
    (form,) = [
        f
        for f in parse_forms(response.content.decode())
        if f.attrs.get("action") == "/i18n/setlang/"
    ]
    return form.data()["csrfmiddlewaretoken"][0]


def test_the_stored_page_gets_this_requests_csrf_token_and_address(posting):
    strict = Client(enforce_csrf_checks=True)
    visit(strict, url_of(posting))  # stored by this visit
    response = visit(strict, url_of(posting) + "?from=mail")
    html = response.content.decode()
    assert html.count(token_in(response)) == 2  # the form and htmx's header
    (form,) = [f for f in parse_forms(html) if f.attrs.get("action") == "/i18n/setlang/"]
    data = form.data()
    assert data["next"] == [url_of(posting) + "?from=mail"]
    data["language"] = ["fi"]
    switched = strict.post("/i18n/setlang/", data)
    assert switched.status_code == 302  # the CSRF check accepted the filled-in token
    assert switched["Location"] == url_of(posting) + "?from=mail"


def test_signed_in_staff_get_their_own_page_never_stored(client, visitor, posting, recruiter):
    anonymous = visit(visitor, url_of(posting)).content.decode()
    assert "Sign out" not in anonymous
    client.force_login(recruiter)
    staff = client.get(url_of(posting))
    assert staff.status_code == 200
    assert "Sign out" in staff.content.decode()
    assert staff["Cache-Control"] == "private, no-cache"
    assert "ETag" not in staff
    # The staff page did not replace the stored one, nor the other way round.
    assert "Sign out" not in visit(Client(), url_of(posting)).content.decode()
    assert "Sign out" in client.get(url_of(posting)).content.decode()


def test_a_deleted_posting_is_gone_and_its_stored_pages_with_it(visitor, org, posting):
    visit(visitor, url_of(posting))
    visit(visitor, url_of(posting), HTTP_ACCEPT_LANGUAGE="fi")
    assert cache.get(f"page:{job_key(posting.pk, 'en')}") is not None
    pk = posting.pk
    org.delete()
    assert visit(visitor, url_of(posting)).status_code == 404
    for language in ("en", "fi", "sv"):
        assert cache.get(f"page:{job_key(pk, language)}") is None


# Every writer of the job page


def test_an_edit_in_the_staff_editor(staff_client, visitor, posting):
    edit = f"/staff/postings/{posting.pk}/edit/"

    def change():
        data = editor_form(staff_client, edit)
        set_value(data, "description", "Nowadays we build fair software.")
        set_value(data, "duties-0-duty", "Pair programming")
        set_value(data, "stages-1-name", "Phone call")
        assert staff_client.post(edit, data).status_code == 302

    assert_shown_at_once(visitor, url_of(posting), change, "Nowadays we build fair software.")
    html = visitor.get(url_of(posting)).content.decode()
    assert "Pair programming" in html and "Phone call" in html


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        ({"title": "Senior backend developer"}, "Senior backend developer"),
        ({"pay_min": 4500, "pay_max": 6100}, "6,100"),
        ({"contact_name": "Pekka Ojala"}, "Pekka Ojala"),
        ({"location": "Tampere"}, "Tampere"),
        ({"duties": [{"duty": "Mentoring", "percent": 100}]}, "Mentoring"),
    ],
    ids=["title", "pay", "contact", "location", "duties"],
)
def test_an_edit_through_the_api(client, visitor, api_token, posting, data, expect):
    def change():
        patched = client.patch(
            f"/api/v1/postings/{posting.pk}",
            data,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {api_token}",
        )
        assert patched.status_code == 200, patched.content

    assert_shown_at_once(visitor, url_of(posting), change, expect)


def test_closing_in_the_staff_view(staff_client, visitor, posting):
    def change():
        assert staff_client.post(f"/staff/postings/{posting.pk}/close/").status_code == 302

    assert_shown_at_once(
        visitor, url_of(posting), change, "This job is closed.", absent="Apply for this job"
    )
    assert '"@type": "JobPosting"' not in visitor.get(url_of(posting)).content.decode()


def test_publishing_again_after_closing(staff_client, visitor, posting):
    job_services.posting_close(posting=posting)

    def change():
        assert staff_client.post(f"/staff/postings/{posting.pk}/publish/").status_code == 302

    assert_shown_at_once(
        visitor, url_of(posting), change, "Apply for this job", absent="This job is closed."
    )


def test_publishing_through_the_api(client, visitor, api_token, posting):
    job_services.posting_close(posting=posting)

    def change():
        published = client.post(
            f"/api/v1/postings/{posting.pk}/publish", HTTP_AUTHORIZATION=f"Bearer {api_token}"
        )
        assert published.status_code == 200

    assert_shown_at_once(visitor, url_of(posting), change, "Apply for this job")


def test_cancelling_the_recruitment(staff_client, visitor, posting):
    def change():
        cancelled = staff_client.post(
            f"/staff/postings/{posting.pk}/cancel/", {"note": "The budget was cut."}
        )
        assert cancelled.status_code == 302
        assert Posting.objects.get(pk=posting.pk).state == Posting.State.CANCELLED

    assert_shown_at_once(
        visitor, url_of(posting), change, "This job is closed.", absent="Apply for this job"
    )


def test_the_deadline_passing_closes_the_page_without_a_write(visitor, posting):
    first = visit(visitor, url_of(posting))
    assert "Apply for this job" in first.content.decode()
    after_deadline = timezone.now() + dt.timedelta(days=15)
    with time_machine.travel(after_deadline, tick=True):
        after = visit(visitor, url_of(posting), first["ETag"])
        assert after.status_code == 200
        assert "This job is closed." in after.content.decode()
        # Last-Modified is the day after the deadline, so a date-only revalidation is a 200.
        since = http_date((timezone.now() - dt.timedelta(days=14)).timestamp())
        by_date = visitor.get(url_of(posting), HTTP_IF_MODIFIED_SINCE=since)
        assert by_date.status_code == 200
        assert "This job is closed." in by_date.content.decode()


def test_an_edit_of_the_employer(visitor, org, posting):
    def change():
        org.name = "Acme Group Oy"
        org.values_statement = "We answer every applicant."
        org.save()

    assert_shown_at_once(visitor, url_of(posting), change, "Acme Group Oy")
    assert "We answer every applicant." in visitor.get(url_of(posting)).content.decode()


def test_an_edit_of_the_employer_with_update_fields(visitor, org, posting):
    def change():
        org.website = "https://acme-group.example"
        org.save(update_fields=["website"])

    assert_shown_at_once(visitor, url_of(posting), change, "https://acme-group.example")


def test_a_rolled_back_edit_changes_nothing(visitor, posting):
    first = visit(visitor, url_of(posting))
    with pytest.raises(RuleError):
        # A published ad cannot lose its pay: the edit is refused and rolled back whole.
        job_services.posting_update(posting=posting, data={"pay_min": None, "pay_max": None})
    again = visit(visitor, url_of(posting), first["ETag"])
    assert again.status_code == 304


# The job list


LIST = "/jobs/"


def test_a_repeat_visit_of_the_list_is_a_304(visitor, posting):
    first = visit(visitor, LIST)
    assert first.status_code == 200 and first["Cache-Control"] == "public, no-cache"
    assert visit(visitor, LIST, first["ETag"]).status_code == 304
    filtered = visit(visitor, LIST + "?q=backend", first["ETag"])
    assert filtered.status_code == 200  # another filter combination, another validator
    assert visit(visitor, LIST + "?q=backend", filtered["ETag"]).status_code == 304


def test_publishing_a_new_posting_shows_on_the_list(staff_client, visitor, org, posting):
    draft = make_posting(org, publish=False, title="Data engineer")

    def change():
        assert staff_client.post(f"/staff/postings/{draft.pk}/publish/").status_code == 302

    assert_shown_at_once(visitor, LIST, change, "Data engineer")
    assert_shown_at_once(
        visitor,
        LIST + "?q=engineer&remote=hybrid",
        lambda: job_services.posting_update(
            posting=Posting.objects.get(pk=draft.pk), data={"title": "Data engineer II"}
        ),
        "Data engineer II",
    )


def test_closing_removes_a_posting_from_every_stored_list(staff_client, visitor, org, posting):
    other = make_posting(org, title="Data engineer")
    for url in (LIST, LIST + "?q=engineer", LIST + "?sort=pay", LIST + "?language=en"):
        html = visit(visitor, url).content.decode()
        assert "Data engineer" in html
    assert staff_client.post(f"/staff/postings/{other.pk}/close/").status_code == 302
    for url in (LIST, LIST + "?q=engineer", LIST + "?sort=pay", LIST + "?language=en"):
        html = visit(visitor, url).content.decode()
        assert "Data engineer" not in html, url
    assert "Backend developer" in visit(visitor, LIST).content.decode()


def test_an_edit_through_the_api_shows_on_the_list(client, visitor, api_token, posting):
    def change():
        patched = client.patch(
            f"/api/v1/postings/{posting.pk}",
            {"title": "Platform engineer"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {api_token}",
        )
        assert patched.status_code == 200

    assert_shown_at_once(visitor, LIST, change, "Platform engineer", absent="Backend developer")


def test_cancelling_removes_a_posting_from_the_list(visitor, posting):
    assert_shown_at_once(
        visitor,
        LIST,
        lambda: app_services.posting_cancel(posting=posting, note="Budget"),
        "0 open jobs",
        absent="Backend developer",
    )


def test_an_employer_renamed_shows_on_the_list_and_in_its_search(visitor, org, posting):
    def change():
        org.name = "Reilu Works Oy"
        org.save()

    assert_shown_at_once(visitor, LIST, change, "Reilu Works Oy")
    found = visit(visitor, LIST + "?q=works").content.decode()
    assert "Backend developer" in found


def test_the_deadline_passing_takes_a_posting_off_the_list(visitor, org, posting):
    today = timezone.localdate()
    make_posting(
        org,
        title="Long one",
        apply_by=today + dt.timedelta(days=60),
        interviews_from=today + dt.timedelta(days=61),
        interviews_to=today + dt.timedelta(days=62),
        decision_by=today + dt.timedelta(days=70),
    )
    first = visit(visitor, LIST)
    assert "Backend developer" in first.content.decode()
    with time_machine.travel(timezone.now() + dt.timedelta(days=15), tick=True):
        after = visit(visitor, LIST, first["ETag"])
        assert after.status_code == 200
        html = after.content.decode()
        assert "Backend developer" not in html and "Long one" in html


def test_a_deleted_employers_postings_leave_the_list(visitor, posting):
    other = make_org("other", "Other Oy")
    make_posting(other, title="Their job")
    first = visit(visitor, LIST)
    assert "Their job" in first.content.decode()
    other.delete()
    after = visit(visitor, LIST, first["ETag"])
    assert after.status_code == 200 and "Their job" not in after.content.decode()


def test_pagination_of_stored_pages_stays_right(visitor, org):
    for i in range(45):
        make_posting(org, title=f"Job number {i:02d}")
    pages = [visit(visitor, f"{LIST}?page={n}").content.decode() for n in (1, 2, 3)]
    seen = [
        {f"Job number {i:02d}" for i in range(45) if f"Job number {i:02d}<" in html}
        for html in pages
    ]
    assert [len(s) for s in seen] == [20, 20, 5]
    assert set.union(*seen) == {f"Job number {i:02d}" for i in range(45)}
    assert "Page 2 of 3" in pages[1]
    # Stored, then read again: the same pages.
    again = [visit(visitor, f"{LIST}?page={n}").content.decode() for n in (1, 2, 3)]
    assert [token_free(a) for a in again] == [token_free(p) for p in pages]
    # A page past the stored ones and one with a parameter the list does not know are
    # rendered per request, and right.
    assert "Page 3 of 3" in visit(visitor, f"{LIST}?page=4").content.decode()
    tracked = visit(visitor, f"{LIST}?page=2&utm_source=mail").content.decode()
    assert "utm_source=mail&amp;page=1" in tracked


def token_free(html: str) -> str:
    import re

    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', "", html)


def test_an_empty_result_offers_a_signed_in_seeker_the_form_and_others_the_link(
    client, visitor, posting
):
    url = LIST + "?q=astronaut"
    anonymous = visit(visitor, url).content.decode()
    assert "/talent/signin/" in anonymous or "Email me matching jobs" in anonymous
    assert 'name="keywords" value="astronaut"' not in anonymous
    sign_in_as(client, make_profile().seeker)
    seeker = client.get(url)
    html = seeker.content.decode()
    assert 'name="keywords" value="astronaut"' in html  # the form that saves the search
    assert seeker["Cache-Control"] == "private, no-cache"
    # And the anonymous page was not replaced by the seeker's.
    assert 'name="keywords"' not in visit(Client(), url).content.decode()


def test_a_waiting_notice_is_shown_on_a_page_of_its_own(visitor, posting):
    from tests.conftest import make_application

    app, raw = make_application(posting)
    visit(visitor, url_of(posting))  # the stored page exists
    visitor.post(f"/status/{raw}/withdraw/")  # queues "Your application is withdrawn."
    noticed = visit(visitor, url_of(posting))
    assert "Your application is withdrawn." in noticed.content.decode()
    assert noticed["Cache-Control"] == "private, no-cache" and "ETag" not in noticed
    # Shown once; the stored page never had it.
    after = visit(visitor, url_of(posting))
    assert "Your application is withdrawn." not in after.content.decode()
    assert after["ETag"]
