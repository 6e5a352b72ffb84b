"""A job seeker's whole journey on a phone: apply, book and move an interview, hear the
decision, book a feedback call and answer the survey once."""

import datetime as dt
import re

import time_machine
from django.core import mail
from django.utils import dateformat, timezone
from playwright.sync_api import expect

from reilu.applications import services as app_services
from reilu.applications.models import Application
from reilu.employers.models import Membership
from reilu.interviews.models import Booking, FeedbackCall, Purpose
from reilu.interviews.services.slots import slot_create
from reilu.jobs.models import Stage
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from reilu.voice.models import SurveyInvitation, SurveyResponse
from tests.conftest import PDF_BYTES, make_org, make_posting, make_staff
from tests.e2e.conftest import PHONE, shot

STATUS_LINK = re.compile(r"https?://[^/\s]+(/status/[A-Za-z0-9_-]+/)")
SURVEY_LINK = re.compile(r"https?://[^/\s]+(/survey/[A-Za-z0-9_-]+/)")
SEEKER = "aino@example.fi"
LONG = 15_000


def _slot(posting, people, *, days, hour, purpose=Purpose.INTERVIEW):
    # As tests/interviews/conftest.py make_slot: staff publish a bookable time.
    day = timezone.localdate() + dt.timedelta(days=days)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))
    return slot_create(
        posting=posting,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        location="Main office, Helsinki",
        interviewer_ids=[p.pk for p in people],
        purpose=purpose,
    )


def _shown(slot) -> str:
    """The slot's time as interviews/_when.html prints it, without the weekday name."""
    return dateformat.format(timezone.localtime(slot.starts_at), "j.n.Y H:i")


def _mail_link(pattern, to: str) -> str:
    deliver_all()
    for message in reversed(mail.outbox):
        if message.to == [to] and (found := pattern.search(message.body)):
            return found.group(1)
    raise AssertionError(f"no mail to {to} with a link matching {pattern.pattern}")


def _no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide on a {PHONE['width']}px phone"


def _invitations(app, kind: str):
    return (
        Message.objects.about(app)
        .filter(alert_staff_on_failure=True, kind=kind, attachments__isnull=False)
        .distinct()
    )


def _apply(page, base_url, posting, cv) -> Application:
    page.goto(base_url + "/jobs/")
    expect(page.get_by_role("heading", level=1, name="Open jobs")).to_be_visible(timeout=LONG)
    shot(page, "seeker-01-jobs")
    page.get_by_role("link", name=posting.title).click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/$"), timeout=LONG)
    page.get_by_role("link", name="Apply for this job").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/apply/$"), timeout=LONG)
    page.get_by_label("Full name").fill("Aino Korhonen")
    page.get_by_label(re.compile(r"^Email:?$")).fill(SEEKER)
    page.get_by_label(re.compile(r"^CV:?$")).set_input_files(str(cv))
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    _no_horizontal_scroll(page)
    shot(page, "seeker-02-apply-form")
    page.get_by_role("button", name="Send application").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/thanks/$"), timeout=LONG)
    expect(page.get_by_role("heading", name="Your application has been sent")).to_be_visible(
        timeout=LONG
    )
    shot(page, "seeker-03-thanks")
    app = Application.objects.get(posting=posting, email=SEEKER)
    assert app.cv_type == "application/pdf"
    return app


def _book(page, slot, button: str) -> None:
    expect(page.get_by_role("heading", level=1, name="Book your interview time")).to_be_visible(
        timeout=LONG
    )
    page.locator(f"#slot-{slot.pk}").check()
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/$"), timeout=LONG)
    expect(page.get_by_text("Your time is booked. The invitation is on its way.")).to_be_visible(
        timeout=LONG
    )
    expect(page.locator("#interview")).to_contain_text(_shown(slot), timeout=LONG)


def test_it_follows_a_seeker_from_applying_to_the_survey(
    transactional_db, live_server, phone_page, tmp_path
):
    page = phone_page
    org = make_org()
    posting = make_posting(org)
    recruiter = make_staff(org)
    # The contact person of the posting is a member too: feedback calls are held with them.
    contact = make_staff(org, posting.contact_email)
    interviewer = make_staff(org, "ina@acme.example", role=Membership.Role.INTERVIEWER)
    cv = tmp_path / "aino-korhonen-cv.pdf"
    cv.write_bytes(PDF_BYTES)
    mail.outbox.clear()

    # 1. Find the job and apply on the phone.
    app = _apply(page, live_server.url, posting, cv)

    # 2. The status link from the confirmation mail.
    status_path = _mail_link(STATUS_LINK, SEEKER)
    status_url = live_server.url + status_path
    page.goto(status_url)
    expect(page.get_by_role("heading", level=1, name=posting.title)).to_be_visible(timeout=LONG)
    expect(page.locator("ol.progress [aria-current='step']")).to_have_text("Received")
    _no_horizontal_scroll(page)
    shot(page, "seeker-04-status-received")

    # 3. Staff move the application to the interview stage and publish two times.
    interview_stage = posting.stages.get(kind=Stage.Kind.INTERVIEW)
    app_services.application_move(application=app, to_stage=interview_stage, actor=recruiter)
    first = _slot(posting, [interviewer, recruiter], days=3, hour=10)
    second = _slot(posting, [interviewer, recruiter], days=4, hour=13)

    page.reload()
    panel = page.locator("#interview")
    expect(panel).to_contain_text("There are 2 times open for you to book.", timeout=LONG)
    shot(page, "seeker-05-status-interview-open")

    # 4. Book the first time.
    panel.get_by_role("link", name="Book your interview time").click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/interview/$"), timeout=LONG)
    expect(page.get_by_label(re.compile(re.escape(_shown(first))))).to_be_visible(timeout=LONG)
    expect(page.get_by_label(re.compile(re.escape(_shown(second))))).to_be_visible()
    _no_horizontal_scroll(page)
    shot(page, "seeker-06-book-times")
    _book(page, first, "Book this time")
    _no_horizontal_scroll(page)
    shot(page, "seeker-07-booked-first")
    booking = Booking.objects.get(application=app, purpose=Purpose.INTERVIEW)
    assert (booking.slot_id, booking.state) == (first.pk, Booking.State.ACTIVE)
    booked = _invitations(app, "interview_booked")
    assert booked.count() == 1
    assert booked.get().attachments.get().filename == "invite.ics"

    # 5. Cancel it: a confirmation first, then the cancel.
    panel.get_by_role("link", name="Cancel this time").click()
    page.wait_for_url(re.compile(r"/interview/cancel/$"), timeout=LONG)
    expect(page.get_by_role("heading", name="Cancel your interview time?")).to_be_visible()
    assert Booking.objects.get(pk=booking.pk).state == Booking.State.ACTIVE
    _no_horizontal_scroll(page)
    page.get_by_role("button", name="Yes, cancel the time").click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/$"), timeout=LONG)
    expect(page.get_by_text("Your time is cancelled.")).to_be_visible(timeout=LONG)
    expect(panel).to_contain_text("There are 2 times open for you to book.", timeout=LONG)
    expect(panel).not_to_contain_text(_shown(first))
    shot(page, "seeker-08-cancelled")
    booking.refresh_from_db()
    assert booking.state == Booking.State.CANCELLED
    cancelled = _invitations(app, "interview_cancelled")
    assert cancelled.count() == 1
    assert cancelled.get().attachments.get().filename == "cancel.ics"

    # 6. Rebook, this time the other slot.
    panel.get_by_role("link", name="Book your interview time").click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/interview/$"), timeout=LONG)
    _book(page, second, "Book this time")
    expect(panel).not_to_contain_text(_shown(first))
    shot(page, "seeker-09-booked-second")
    active = Booking.objects.get(application=app, purpose=Purpose.INTERVIEW, state="active")
    assert active.slot_id == second.pk
    assert _invitations(app, "interview_booked").count() == 2
    # The interviewers' calendars got the invitations too.
    assert (
        Message.objects.about(app)
        .filter(to_email=interviewer.email, attachments__isnull=False)
        .exists()
    )

    # 7. Staff decide: not chosen. The seeker sees it on the status page.
    decided = app_services.applications_decide(
        organization=org, application_ids=[app.pk], outcome="rejected", actor=recruiter
    )
    assert decided == 1
    page.reload()
    expect(
        page.get_by_text(
            f"The process has ended for you. You reached the stage: {interview_stage.name}."
        )
    ).to_be_visible(timeout=LONG)
    expect(page.get_by_role("link", name="Withdraw my application")).to_have_count(0)
    call = FeedbackCall.objects.get(application=app)
    assert call.state == FeedbackCall.State.OFFERED
    feedback = page.locator("#feedback")
    expect(feedback.get_by_role("heading", name="Feedback on your interview")).to_be_visible()
    _no_horizontal_scroll(page)
    shot(page, "seeker-10-decision")

    # 8. The contact person publishes a feedback time; the seeker books it.
    call_slot = _slot(posting, [contact], days=6, hour=9, purpose=Purpose.FEEDBACK)
    feedback.get_by_role("link", name="Book a feedback call or ask for a written summary").click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/feedback/$"), timeout=LONG)
    expect(page.get_by_role("heading", level=1, name="Feedback on your interview")).to_be_visible(
        timeout=LONG
    )
    page.get_by_label(re.compile(re.escape(_shown(call_slot)))).check()
    _no_horizontal_scroll(page)
    shot(page, "seeker-11-feedback-choice")
    page.get_by_role("button", name="Send my choice").click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/$"), timeout=LONG)
    expect(feedback).to_contain_text("Your feedback call is booked.", timeout=LONG)
    expect(feedback).to_contain_text(_shown(call_slot))
    shot(page, "seeker-12-feedback-booked")
    call.refresh_from_db()
    assert call.state == FeedbackCall.State.BOOKED
    assert call.booking.slot_id == call_slot.pk
    assert (
        Message.objects.about(app)
        .filter(to_email=contact.email, attachments__isnull=False)
        .exists()
    )

    # 9. The survey, from the link in the invitation mail: it follows the decision and the
    # feedback-call offer, an hour apart from each, so the hours pass first.
    now = timezone.now()
    for hours in (1.1, 2.2, 3.3):
        with time_machine.travel(now + dt.timedelta(hours=hours), tick=False):
            deliver_all()
    survey_path = _mail_link(SURVEY_LINK, SEEKER)
    page.goto(live_server.url + survey_path)
    expect(page.get_by_role("heading", level=1, name="How did we do?")).to_be_visible(timeout=LONG)
    # A second tab with the same form open, to try a second answer afterwards.
    second_tab = page.context.new_page()
    second_tab.goto(live_server.url + survey_path)
    expect(second_tab.get_by_role("button", name="Send my answers")).to_be_visible(timeout=LONG)

    recommend = page.get_by_role(
        "group", name=re.compile("How likely are you to recommend applying")
    )
    recommend.get_by_label("8", exact=True).check()
    page.get_by_role("group", name=re.compile("The job ad matched")).get_by_label(
        "4", exact=True
    ).check()
    page.get_by_role("group", name=re.compile("I always knew where")).get_by_label(
        "5", exact=True
    ).check()
    page.get_by_label("Anything you would like to tell us?").fill(
        "The booking page made moving my interview easy."
    )
    _no_horizontal_scroll(page)
    shot(page, "seeker-13-survey-filled")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", level=1, name="Thank you for your answer")).to_be_visible(
        timeout=LONG
    )
    expect(page.get_by_text("Thank you! Your answer was saved.")).to_be_visible()
    shot(page, "seeker-14-survey-done")
    answer = SurveyResponse.objects.get(posting=posting)
    assert (answer.recommend, answer.ad_matched, answer.knew_status) == (8, 4, 5)
    assert answer.publish is False

    # 10. A second answer from the other tab is refused.
    group = second_tab.get_by_role("group", name=re.compile("How likely are you to recommend"))
    group.get_by_label("2", exact=True).check()
    second_tab.get_by_role("group", name=re.compile("The job ad matched")).get_by_label(
        "1", exact=True
    ).check()
    second_tab.get_by_role("group", name=re.compile("I always knew where")).get_by_label(
        "1", exact=True
    ).check()
    with second_tab.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith(survey_path)
    ) as refused:
        second_tab.get_by_role("button", name="Send my answers").click()
    assert refused.value.status == 409
    expect(second_tab.get_by_role("alert")).to_have_text(
        "This survey has already been answered. Thank you!", timeout=LONG
    )
    shot(second_tab, "seeker-15-survey-second-refused")
    second_tab.close()
    assert SurveyResponse.objects.filter(posting=posting).count() == 1

    # The status page now thanks instead of asking.
    page.goto(status_url)
    expect(page.get_by_text("Thank you for answering our survey.")).to_be_visible(timeout=LONG)
    assert SurveyInvitation.objects.get(application=app).is_used
    shot(page, "seeker-16-status-final")
