"""Interviewed candidates who are not chosen are offered a feedback call (S6)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from reilu.applications import services as app_services
from reilu.interviews.models import Booking, FeedbackCall
from reilu.interviews.selectors import feedback_shares
from reilu.interviews.services.booking import booking_book
from reilu.interviews.services.feedback_calls import feedback_done
from reilu.messaging.models import Message
from reilu.rules import RuleError
from tests.conftest import make_application
from tests.interviews.conftest import make_slot


def reject(org, *apps):
    return app_services.applications_decide(
        organization=org, application_ids=[a.pk for a in apps], outcome="rejected"
    )


def test_it_offers_a_feedback_call_only_to_interviewed_candidates(org, posting, interview_app):
    screened, _raw = make_application(posting, email="sami@example.fi", name="Sami Screened")
    reject(org, interview_app, screened)
    call = FeedbackCall.objects.get()
    assert call.application == interview_app and call.state == "offered"
    assert not FeedbackCall.objects.filter(application=screened).exists()
    offer = Message.objects.get(kind="feedback_offer")
    assert offer.to_email == "aino@example.fi" and "/status/" in offer.body
    task = Message.objects.get(kind="feedback_task")
    assert task.to_email == "laura@acme.example" and not task.alert_staff_on_failure
    assert "Python" in task.body  # the criteria to talk through
    assert not Message.objects.about(screened).filter(kind="feedback_offer").exists()


def test_hired_and_withdrawn_candidates_get_no_offer(org, interview_app, second_app):
    app_services.applications_decide(
        organization=org, application_ids=[interview_app.pk], outcome="hired"
    )
    app_services.application_withdraw(application=second_app)
    assert not FeedbackCall.objects.exists()


def test_a_candidate_books_a_feedback_call_and_staff_mark_it_done(
    client, staff_client, org, posting, interview_app, recruiter
):
    slot = make_slot(posting, [recruiter], purpose="feedback", days=8)
    reject(org, interview_app)
    token = interview_app.raw_token
    status = client.get(reverse("applications:status", args=[token])).content.decode()
    assert reverse("interviews:feedback", args=[token]) in status
    page = client.get(reverse("interviews:feedback", args=[token]))
    assert f'value="{slot.pk}"' in page.content.decode()
    client.post(reverse("interviews:feedback", args=[token]), {"choice": str(slot.pk)})
    call = FeedbackCall.objects.get()
    assert call.state == "booked" and call.preference == "call"
    assert call.booking.slot == slot and call.booking.purpose == "feedback"
    # The mails speak of a feedback call, not of an interview.
    from reilu.messaging.models import Message

    booked = Message.objects.about(interview_app).get(kind="feedback_booked")
    assert "feedback call" in booked.body and "interview" not in booked.body.lower()
    to_staff = Message.objects.filter(to_email=recruiter.email).order_by("id").last()
    assert to_staff.subject.startswith("Feedback call: ")
    assert "You are an interviewer" not in to_staff.body

    listing = staff_client.get(reverse("interviews:feedback_list"))
    assert "Aino Korhonen" in listing.content.decode()
    staff_client.post(reverse("interviews:feedback_done", args=[call.pk]))
    call.refresh_from_db()
    assert call.state == "done" and call.done_at is not None and call.done_by == recruiter


def test_a_candidate_may_ask_for_a_written_summary_or_decline(
    client, org, interview_app, second_app
):
    reject(org, interview_app, second_app)
    client.post(
        reverse("interviews:feedback", args=[interview_app.raw_token]), {"choice": "written"}
    )
    client.post(reverse("interviews:feedback", args=[second_app.raw_token]), {"choice": "decline"})
    assert FeedbackCall.objects.get(application=interview_app).preference == "written"
    assert FeedbackCall.objects.get(application=interview_app).state == "booked"
    assert FeedbackCall.objects.get(application=second_app).state == "declined"


def test_a_candidate_who_declined_may_change_their_mind_and_sees_a_booking(
    client, org, posting, interview_app, recruiter
):
    slot = make_slot(posting, [recruiter], purpose="feedback", days=8)
    reject(org, interview_app)
    url = reverse("interviews:feedback", args=[interview_app.raw_token])
    client.post(url, {"choice": str(slot.pk)})
    page = client.get(url).content.decode()
    assert "Your feedback call is booked." in page and "cancels this one" in page
    client.post(url, {"choice": "decline"})
    call = FeedbackCall.objects.get(application=interview_app)
    assert call.state == "declined" and call.booking is None
    page = client.get(url).content.decode()
    assert "You can still change your mind." in page and f'value="{slot.pk}"' in page
    client.post(url, {"choice": str(slot.pk)})
    call.refresh_from_db()
    assert call.state == "booked" and call.booking.slot == slot


def test_interview_slots_cannot_be_booked_as_feedback_calls(org, posting, interview_app, slot):
    reject(org, interview_app)
    try:
        booking_book(application=interview_app, slot_id=slot.pk, purpose="feedback")
    except RuleError as exc:
        assert exc.code == "no_slot"
    assert not Booking.objects.exists()


def test_it_reports_feedback_shares(org, other_org, posting, interview_app, second_app, recruiter):
    screened, _raw = make_application(posting, email="sami@example.fi")
    since = timezone.now() - dt.timedelta(days=1)
    reject(org, interview_app, second_app, screened)
    call = FeedbackCall.objects.get(application=interview_app)
    feedback_done(call=call, actor=recruiter)
    shares = feedback_shares(org, since)
    assert shares["interviewed_not_chosen"] == 2
    assert shares["offered"] == 2 and shares["done"] == 1
    assert shares["done_share"] == 0.5
    assert feedback_shares(other_org, since)["interviewed_not_chosen"] == 0
