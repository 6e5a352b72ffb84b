"""Calendar invitations for a booking: the candidate's and every interviewer's message, with
the .ics file as a MessageAttachment, and the slot's details as text.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from reilu.applications.mail import message_values, reply_address
from reilu.applications.models import AccessToken
from reilu.formatting import fmt_date
from reilu.interviews import ics, letters
from reilu.interviews.models import Booking, Purpose, Slot
from reilu.messaging import texts
from reilu.messaging.models import MessageAttachment, employer_templates
from reilu.messaging.queue import message_queue


def _staff_link(name: str, *args) -> str:
    return f"{settings.BASE_URL}{reverse(name, args=args)}"


def _when(slot: Slot, language: str) -> str:
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    return f"{fmt_date(start, language)} {start:%H:%M}–{end:%H:%M}"


def _details(slot: Slot, language: str) -> str:
    with override(language):
        lines = [letters.WHEN % {"when": _when(slot, language)}]
        if slot.location:
            lines.append(letters.WHERE % {"place": slot.location})
        if slot.video_url:
            lines.append(letters.VIDEO_LINK % {"url": slot.video_url})
        parts = list(slot.parts.all())
        if parts:
            lines.append(str(letters.PROGRAMME))
            for part in parts:
                start = timezone.localtime(part.starts_at)
                end = timezone.localtime(part.ends_at)
                lines.append(f"  {start:%H:%M}–{end:%H:%M} {part.title}")
        names = [p.get_full_name() or p.email for p in slot.interviewers.all()]
        if names and slot.purpose == Purpose.INTERVIEW:
            lines.append(letters.YOU_WILL_MEET % {"names": ", ".join(names)})
        return "\n".join(lines)


def _attach(message, booking: Booking, method: str, summary: str, description: str) -> None:
    if message is None:
        return
    MessageAttachment.objects.create(
        message=message,
        filename="cancel.ics" if method == ics.CANCEL else "invite.ics",
        content_type=f"text/calendar; method={method}",
        content=ics.invitation(booking, method=method, summary=summary, description=description),
    )


def _send_invitations(booking: Booking, method: str, previous: list, ended: bool = False) -> None:
    """The candidate and every interviewer get the calendar file; interviewers taken off a
    moved booking get a cancellation for their copy. `ended`: cancelled because the
    application ended, so the candidate is not invited to book another time."""
    app, slot = booking.application, booking.slot
    org, posting = app.posting.organization, app.posting
    with override(app.language):
        if booking.purpose == Purpose.FEEDBACK:
            summary = letters.FEEDBACK_CALL_SUMMARY % {"posting": posting.title}
        else:
            summary = letters.INTERVIEW_SUMMARY % {
                "posting": posting.title,
                "employer": org.name,
            }
    details = _details(slot, app.language)
    if booking.purpose == Purpose.FEEDBACK:
        kind = "feedback_cancelled" if method == ics.CANCEL else "feedback_booked"
    elif method == ics.CANCEL:
        kind = "interview_cancelled_ended" if ended else "interview_cancelled"
    else:
        kind = "interview_booked"
    raw = AccessToken.issue(app)
    subject, body = texts.render(
        kind, app.language, message_values(app, raw, details), employer_templates(org)
    )
    key = f"booking:{booking.uid}:{booking.sequence}"
    message = message_queue(
        organization=org,
        about=app,
        kind=kind,
        to_email=app.email,
        reply_to=reply_address(app),
        subject=subject,
        body=body,
        language=app.language,
        dedupe_key=f"{key}:candidate",
    )
    _attach(message, booking, method, summary, details)
    people = list(slot.interviewers.all())
    staff_language = posting.language
    for person, person_method in [(p, method) for p in people] + [
        (p, ics.CANCEL) for p in previous if p not in people
    ]:
        if not person.email:
            continue
        with override(staff_language):
            staff_details = _details(slot, staff_language)
            if person_method == ics.CANCEL:
                staff_subject = str(letters.STAFF_CANCELLED_SUBJECT)
                intro = str(letters.STAFF_CANCELLED_INTRO)
            elif booking.purpose == Purpose.FEEDBACK:
                staff_subject = str(letters.STAFF_FEEDBACK_SUBJECT)
                intro = str(letters.STAFF_FEEDBACK_INTRO)
            else:
                staff_subject = str(letters.STAFF_INVITATION_SUBJECT)
                intro = str(letters.STAFF_INVITATION_INTRO)
            staff_subject = staff_subject % {"name": app.name, "posting": posting.title}
            link = _staff_link("interviews:prepare", app.pk)
            staff_body = f"{intro}\n{link}\n\n{staff_details}\n"
        staff_message = message_queue(
            organization=org,
            about=app,
            kind="interviewer_invitation",
            alert_staff_on_failure=False,
            to_email=person.email,
            subject=staff_subject,
            body=staff_body,
            language=staff_language,
            dedupe_key=f"{key}:staff:{person.pk}",
        )
        _attach(staff_message, booking, person_method, summary, staff_details)
