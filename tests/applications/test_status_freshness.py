"""The stored status page and its validator: a candidate never sees stale state.

Every service that can change what the status page shows is run between two visits; the
second visit sends the first one's ETag and must get the changed page in full (a 200,
never a 304 and never the stored rendering of before).
"""

import datetime as dt

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from reilu.applications import deadlines, promises
from reilu.applications import services as app_services
from reilu.applications.models import Application
from reilu.applications.status_page import status_key
from reilu.interviews.services.booking import booking_book
from reilu.interviews.services.feedback_calls import feedback_decline
from reilu.jobs import services as job_services
from reilu.messaging.outbox import deliver_all
from reilu.privacy.models import ErasureRecord
from reilu.privacy.services import application_erase
from reilu.rules import DuplicateApplication
from reilu.voice.models import SurveyInvitation
from reilu.voice.services import survey_answer
from tests.conftest import make_application
from tests.interviews.conftest import make_slot, to_interview


def visit(client, app, etag=None, **headers):
    if etag:
        headers["HTTP_IF_NONE_MATCH"] = etag
    return client.get(f"/status/{app.raw_token}/", **headers)


def assert_shown_at_once(client, app, change, expect: str, absent: str = "") -> None:
    first = visit(client, app)
    assert first.status_code == 200
    assert expect not in first.content.decode()
    again = visit(client, app, first.get("ETag"))
    if first.get("ETag"):
        assert again.status_code == 304  # unchanged: the validator holds
    change()
    after = visit(client, app, first.get("ETag"))
    assert after.status_code == 200
    html = after.content.decode()
    assert expect in html
    if absent:
        assert absent not in html


# Conditional requests


def test_a_repeat_visit_is_a_304_without_a_body(client, application):
    first = visit(client, application)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    assert first["Cache-Control"] == "private, no-cache"
    again = visit(client, application, first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "private, no-cache"


def test_the_validator_varies_by_language(client, application):
    english = visit(client, application)
    # The page follows the application's language unless the visitor chooses one.
    client.post("/i18n/setlang/", {"language": "fi", "next": "/"})
    finnish = visit(client, application, english["ETag"])
    assert finnish.status_code == 200
    assert finnish["ETag"] != english["ETag"]
    assert '<html lang="fi">' in finnish.content.decode()
    assert "Where your application stands" not in finnish.content.decode()
    assert visit(client, application, finnish["ETag"]).status_code == 304


def test_one_candidates_validator_does_not_open_anothers_page(client, posting, application):
    other, raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    other.raw_token = raw
    mine = visit(client, application)
    theirs = visit(client, other, mine["ETag"])
    assert theirs.status_code == 200
    assert "Bertta" in theirs.content.decode() and "Aino" not in theirs.content.decode()
    assert theirs["ETag"] != mine["ETag"]


def test_the_stored_part_gets_this_requests_token_and_csrf_token(client, application):
    visit(client, application)  # stores the rendering
    html = visit(client, application).content.decode()  # served from the store
    assert f"/status/{application.raw_token}/withdraw/" in html
    assert 'name="csrfmiddlewaretoken" value="' in html
    assert "-token-" not in html and "-csrf-" not in html
    # The stored form's token is this browser's: a POST from the page passes CSRF.
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    csrf_client = client.__class__(enforce_csrf_checks=True)
    csrf_client.cookies = client.cookies
    posted = csrf_client.post(
        f"/status/{application.raw_token}/alerts/", {"csrfmiddlewaretoken": token}
    )
    assert posted.status_code == 302


def test_a_notice_waiting_to_be_shown_is_never_a_304(client, application):
    first = visit(client, application)
    client.post(f"/status/{application.raw_token}/alerts/")
    shown = visit(client, application, first["ETag"])
    assert shown.status_code == 200
    assert "We sent you an email" in shown.content.decode()


def test_a_full_save_of_an_old_copy_cannot_turn_the_version_back(application):
    old = Application.objects.get(pk=application.pk)
    app_services.application_move(application=application)
    bumped = Application.objects.get(pk=application.pk).version
    assert bumped > old.version
    old.phone = "050 1"
    old.save()
    assert Application.objects.get(pk=application.pk).version == bumped


# Every service that changes the page


def test_a_move(client, application):
    assert_shown_at_once(
        client,
        application,
        lambda: app_services.application_move(application=application),
        "Stage 2 of 4",
        absent="Stage 1 of 4",
    )


def test_a_new_promised_date(client, application):
    new = timezone.localdate() + dt.timedelta(days=12)
    assert_shown_at_once(
        client,
        application,
        lambda: app_services.application_set_promise(
            application=application, promised_by=new, note="We need two more weeks."
        ),
        "We need two more weeks.",
    )


@pytest.mark.parametrize(
    ("outcome", "expect"),
    [("rejected", "The process has ended for you"), ("hired", "You were chosen")],
)
def test_a_decision(client, posting, application, outcome, expect):
    assert_shown_at_once(
        client,
        application,
        lambda: app_services.applications_decide(
            organization=posting.organization, application_ids=[application.pk], outcome=outcome
        ),
        expect,
    )


def test_withdrawing(client, application):
    assert_shown_at_once(
        client,
        application,
        lambda: app_services.application_withdraw(application=application),
        "You withdrew this application.",
    )


def test_a_new_contact_person(client, application):
    assert_shown_at_once(
        client,
        application,
        lambda: app_services.application_set_contact(
            application=application, name="Pekka Pouta", email="pekka@acme.example"
        ),
        "Pekka Pouta",
    )


def test_the_posting_cancelled(client, posting, application):
    assert_shown_at_once(
        client,
        application,
        lambda: app_services.posting_cancel(posting=posting, note="The budget was cut."),
        "The budget was cut.",
    )


def test_applying_again(client, posting, application):
    def again():
        with pytest.raises(DuplicateApplication):
            make_application(posting)

    assert_shown_at_once(client, application, again, "Applied again")


def test_a_promise_that_lapsed(client, application):
    late = application.promised_by + dt.timedelta(days=1)
    assert_shown_at_once(client, application, lambda: promises.sweep(today=late), "We are late")


def test_a_late_decision(client, posting, application):
    late = posting.decision_by + dt.timedelta(days=1)
    assert_shown_at_once(
        client,
        application,
        lambda: deadlines.tell_when_decision_is_late(today=late),
        "The decision is late",
    )


def test_a_message_delivered_by_the_worker(client, application):
    assert_shown_at_once(
        client, application, deliver_all, "Delivered to the mail server", absent="Queued"
    )


def test_erasure(client, application):
    first = visit(client, application)
    application_erase(application=application, reason=ErasureRecord.Reason.CANDIDATE)
    after = visit(client, application, first["ETag"])
    assert after.status_code in (404, 410)
    assert "Aino" not in after.content.decode()


def stored_pages(app_id):
    return {code: cache.get(f"page:{status_key(app_id, code)}") for code, _ in settings.LANGUAGES}


def test_erasure_leaves_no_stored_page_with_the_candidates_data(client, application):
    visit(client, application, HTTP_ACCEPT_LANGUAGE="fi")
    visit(client, application, HTTP_ACCEPT_LANGUAGE="sv")
    kept = [page for page in stored_pages(application.pk).values() if page]
    assert kept and all("Aino" in page[2] for page in kept)
    application_erase(application=application, reason=ErasureRecord.Reason.CANDIDATE)
    assert stored_pages(application.pk) == {code: None for code, _ in settings.LANGUAGES}


def test_a_deleted_application_takes_its_stored_pages_with_it(client, application):
    visit(client, application)
    assert any(stored_pages(application.pk).values())
    Application.objects.filter(pk=application.pk).delete()
    assert not any(stored_pages(application.pk).values())


def test_a_booked_interview(client, posting, application, recruiter):
    app = to_interview(application)
    app.raw_token = application.raw_token
    slot = make_slot(posting, [recruiter])
    assert_shown_at_once(
        client,
        app,
        lambda: booking_book(application=app, slot_id=slot.pk),
        "Move to another time",
        absent="Book your interview time",
    )


def test_an_interview_time_opened_by_staff_shows_at_once(client, posting, application, recruiter):
    # The open times are shared by every candidate of the posting: rendered per request.
    app = to_interview(application)
    app.raw_token = application.raw_token
    assert "Interview times are not open yet" in visit(client, app).content.decode()
    make_slot(posting, [recruiter])
    assert "Book your interview time" in visit(client, app).content.decode()


def test_a_declined_feedback_call(client, posting, application):
    app = to_interview(application)
    app.raw_token = application.raw_token
    app_services.applications_decide(
        organization=posting.organization, application_ids=[app.pk], outcome="rejected"
    )
    assert_shown_at_once(
        client,
        app,
        lambda: feedback_decline(application=app),
        "You chose not to have feedback.",
    )


def test_a_survey_answered(client, posting, application):
    app_services.application_move(application=application)
    app_services.applications_decide(
        organization=posting.organization, application_ids=[application.pk], outcome="rejected"
    )
    invitation = SurveyInvitation.objects.get(application=application)
    assert_shown_at_once(
        client,
        application,
        lambda: survey_answer(invitation=invitation, recommend=8, knew_status=4),
        "Thank you for answering our survey.",
        absent="Answer the survey",
    )


def test_the_posting_edited(client, posting, application):
    assert_shown_at_once(
        client,
        application,
        lambda: job_services.posting_update(posting=posting, data={"title": "Data engineer"}),
        "Data engineer",
    )


def test_the_employer_renamed(client, org, application):
    def rename():
        org.name = "Acme Group Oy"
        org.save(update_fields=["name"])

    assert_shown_at_once(client, application, rename, "Acme Group Oy")
