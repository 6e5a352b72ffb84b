"""Every change in the interviews area: slots, bookings, preparation, scorecards, feedback.

Shared by the HTML views, the API and the worker. Messages go through the outbox in the
same transaction as the change; calendar files travel as MessageAttachment rows.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.applications.models import AccessToken, Application, Event
from reilu.applications.services import message_values, tell_candidate
from reilu.employers.models import Membership
from reilu.formatting import fmt_date
from reilu.interviews import ics
from reilu.interviews.models import (
    Booking,
    Criterion,
    FeedbackCall,
    Preparation,
    Purpose,
    Rating,
    Scorecard,
    Slot,
    SlotPart,
)
from reilu.jobs.models import Posting, Stage
from reilu.messaging import texts
from reilu.messaging.models import MessageAttachment, employer_templates
from reilu.messaging.outbox import follow_up_due, kick_delivery, message_queue
from reilu.rules import RuleError

MAX_PARTS = 8


def _staff_link(name: str, *args) -> str:
    return f"{settings.BASE_URL}{reverse(name, args=args)}"


# --- Slots -------------------------------------------------------------------------------


def slot_create(
    *,
    posting: Posting,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    interviewer_ids: list[int],
    location: str = "",
    video_url: str = "",
    purpose: str = Purpose.INTERVIEW,
    parts: list[dict] | None = None,
    actor=None,
) -> Slot:
    """Publish one bookable slot; `parts` (title, starts_at, ends_at) make it an interview day.

    Parts must be consecutive, inside the slot, and not overlap; the slot is booked as one.
    """
    if purpose not in Purpose.values:
        raise RuleError("bad_purpose", _("Unknown kind of slot."))
    if ends_at <= starts_at:
        raise RuleError("bad_time", _("The end must be after the start."))
    if starts_at <= timezone.now():
        raise RuleError("past", _("The time must be in the future."))
    if ends_at - starts_at > dt.timedelta(hours=12):
        raise RuleError("too_long", _("One slot can last at most 12 hours."))
    location, video_url = location.strip(), video_url.strip()
    if not location and not video_url:
        raise RuleError("no_place", _("Give a place or a video link."))
    ids = list(dict.fromkeys(int(i) for i in interviewer_ids))
    if not ids:
        raise RuleError("no_interviewers", _("Choose at least one interviewer."))
    people = list(
        get_user_model().objects.filter(
            pk__in=ids, memberships__organization=posting.organization, is_active=True
        )
    )
    if len(people) != len(ids):
        raise RuleError("bad_interviewer", _("Interviewers must be members of your organisation."))
    parts = parts or []
    if len(parts) > MAX_PARTS:
        raise RuleError("too_many_parts", _("An interview day has at most 8 parts."))
    previous_end = starts_at
    for part in parts:
        if not str(part.get("title", "")).strip():
            raise RuleError("bad_part", _("Every part needs a name."))
        if part["starts_at"] < starts_at or part["ends_at"] > ends_at:
            raise RuleError(
                "part_outside",
                _("The part “%(title)s” (%(part)s) is outside the time %(slot)s.")
                % {
                    "title": str(part["title"]).strip(),
                    "part": _clock_span(part["starts_at"], part["ends_at"]),
                    "slot": _clock_span(starts_at, ends_at),
                },
            )
        if part["starts_at"] < previous_end or part["ends_at"] <= part["starts_at"]:
            raise RuleError(
                "bad_part", _("The parts must follow each other in order, without overlap.")
            )
        previous_end = part["ends_at"]
    if parts and previous_end > ends_at:
        raise RuleError("bad_part", _("The parts must end by the end of the day."))
    with transaction.atomic():
        slot = Slot.objects.create(
            organization=posting.organization,
            posting=posting,
            purpose=purpose,
            starts_at=starts_at,
            ends_at=ends_at,
            location=location[:300],
            video_url=video_url,
            created_by=actor,
        )
        slot.interviewers.set(people)
        SlotPart.objects.bulk_create(
            SlotPart(
                slot=slot,
                position=i,
                title=str(p["title"]).strip()[:200],
                starts_at=p["starts_at"],
                ends_at=p["ends_at"],
            )
            for i, p in enumerate(parts)
        )
    return slot


def _clock_span(start: dt.datetime, end: dt.datetime) -> str:
    return f"{timezone.localtime(start):%H:%M}–{timezone.localtime(end):%H:%M}"


def slot_delete(*, slot: Slot) -> None:
    with transaction.atomic():
        locked = Slot.objects.select_for_update().get(pk=slot.pk)
        if locked.bookings.filter(state=Booking.State.ACTIVE).exists():
            raise RuleError("booked", _("This time is booked. Ask the candidate to move it first."))
        locked.bookings.all().delete()
        locked.delete()


def open_slots(application: Application, purpose: str = Purpose.INTERVIEW):
    """Times the candidate can book now: same posting, in the future, not booked."""
    return (
        Slot.objects.filter(
            posting_id=application.posting_id, purpose=purpose, starts_at__gt=timezone.now()
        )
        .exclude(bookings__state=Booking.State.ACTIVE)
        .prefetch_related("parts")
        .order_by("starts_at", "id")
    )


# --- Bookings ----------------------------------------------------------------------------


def can_book_interview(app: Application) -> bool:
    return app.is_active and app.stage.kind == Stage.Kind.INTERVIEW


def _may_book(app: Application, purpose: str) -> None:
    if purpose == Purpose.INTERVIEW:
        if not can_book_interview(app):
            raise RuleError(
                "not_bookable", _("Interview times can be booked only in the interview stage.")
            )
        return
    call = FeedbackCall.objects.filter(application=app).first()
    if call is None or call.state not in (FeedbackCall.State.OFFERED, FeedbackCall.State.BOOKED):
        raise RuleError("not_bookable", _("There is no feedback call to book."))


def booking_book(*, application: Application, slot_id: int, purpose: str = Purpose.INTERVIEW):
    """Book the slot, or move the candidate's booking there; returns the booking.

    Two candidates clicking the same slot at once: the slot row is locked, so the second
    waits and then sees the first one's booking; the partial unique constraint on active
    bookings stops any path that skips the lock.
    """
    try:
        with transaction.atomic():
            app = (
                Application.objects.select_for_update()
                .select_related("posting__organization", "stage")
                .get(pk=application.pk)
            )
            _may_book(app, purpose)
            slot = (
                Slot.objects.select_for_update()
                .filter(pk=slot_id, posting_id=app.posting_id, purpose=purpose)
                .first()
            )
            if slot is None:
                raise RuleError("no_slot", _("That time is not available."))
            if slot.starts_at <= timezone.now():
                raise RuleError("past", _("That time has already passed."))
            current = (
                Booking.objects.select_for_update()
                .filter(application=app, purpose=purpose, state=Booking.State.ACTIVE)
                .select_related("slot")
                .first()
            )
            if current and current.slot_id == slot.pk:
                return current
            if slot.bookings.filter(state=Booking.State.ACTIVE).exists():
                raise RuleError("taken", _("Someone booked that time just before you."))
            if current is None:
                booking = Booking.objects.create(application=app, slot=slot, purpose=purpose)
                old_people = []
            else:
                old_people = list(current.slot.interviewers.all())
                booking = current
                booking.slot = slot
                booking.sequence += 1
                booking.save(update_fields=["slot", "sequence", "updated_at"])
            booking.application = app
            if purpose == Purpose.INTERVIEW:
                _sync_preparations(booking)
            else:
                FeedbackCall.objects.filter(application=app).update(
                    state=FeedbackCall.State.BOOKED,
                    preference=FeedbackCall.Preference.CALL,
                    booking=booking,
                    booked_at=timezone.now(),
                )
            _send_invitations(booking, ics.REQUEST, previous=old_people)
            Event.objects.create(
                application=app,
                kind=Event.Kind.NOTE,
                visible_to_candidate=False,
                text=_("Booked: %(when)s") % {"when": _when(slot, app.posting.language)},
            )
    except IntegrityError:
        raise RuleError("taken", _("Someone booked that time just before you.")) from None
    return booking


def booking_cancel(*, application: Application, purpose: str = Purpose.INTERVIEW) -> Booking:
    with transaction.atomic():
        app = (
            Application.objects.select_for_update()
            .select_related("posting__organization", "stage")
            .get(pk=application.pk)
        )
        booking = (
            Booking.objects.select_for_update()
            .filter(application=app, purpose=purpose, state=Booking.State.ACTIVE)
            .select_related("slot")
            .first()
        )
        if booking is None:
            raise RuleError("no_booking", _("You have no booked time to cancel."))
        booking.state = Booking.State.CANCELLED
        booking.sequence += 1
        booking.save(update_fields=["state", "sequence", "updated_at"])
        booking.application = app
        if purpose == Purpose.FEEDBACK:
            FeedbackCall.objects.filter(application=app, booking=booking).update(
                state=FeedbackCall.State.OFFERED, booking=None, booked_at=None
            )
        _send_invitations(booking, ics.CANCEL, previous=[])
    return booking


def _sync_preparations(booking: Booking) -> None:
    people = list(booking.slot.interviewers.all())
    booking.preparations.exclude(interviewer__in=people).delete()
    Preparation.objects.bulk_create(
        [Preparation(booking=booking, interviewer=p) for p in people], ignore_conflicts=True
    )


def _when(slot: Slot, language: str) -> str:
    start, end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
    return f"{fmt_date(start, language)} {start:%H:%M}–{end:%H:%M}"


def _details(slot: Slot, language: str) -> str:
    with override(language):
        lines = [_("When: %(when)s") % {"when": _when(slot, language)}]
        if slot.location:
            lines.append(_("Where: %(place)s") % {"place": slot.location})
        if slot.video_url:
            lines.append(_("Video link: %(url)s") % {"url": slot.video_url})
        parts = list(slot.parts.all())
        if parts:
            lines.append(_("Programme:"))
            for part in parts:
                start = timezone.localtime(part.starts_at)
                end = timezone.localtime(part.ends_at)
                lines.append(f"  {start:%H:%M}–{end:%H:%M} {part.title}")
        names = [p.get_full_name() or p.email for p in slot.interviewers.all()]
        if names and slot.purpose == Purpose.INTERVIEW:
            lines.append(_("You will meet: %(names)s") % {"names": ", ".join(names)})
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


def _send_invitations(booking: Booking, method: str, previous: list) -> None:
    """The candidate and every interviewer get the calendar file; interviewers taken off a
    moved booking get a cancellation for their copy."""
    app, slot = booking.application, booking.slot
    org, posting = app.posting.organization, app.posting
    with override(app.language):
        if booking.purpose == Purpose.FEEDBACK:
            summary = _("Feedback call: %(posting)s") % {"posting": posting.title}
        else:
            summary = _("Interview: %(posting)s, %(employer)s") % {
                "posting": posting.title,
                "employer": org.name,
            }
    details = _details(slot, app.language)
    kind = "interview_cancelled" if method == ics.CANCEL else "interview_booked"
    raw = AccessToken.issue(app)
    subject, body = texts.render(
        kind, app.language, message_values(app, raw, details), employer_templates(org)
    )
    key = f"booking:{booking.uid}:{booking.sequence}"
    message = message_queue(
        organization=org,
        application=app,
        kind=kind,
        to_email=app.email,
        reply_to=app.contact_email,
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
                staff_subject = _("Cancelled: %(name)s, %(posting)s")
                intro = _("This time is cancelled, or you are no longer on it.")
            else:
                staff_subject = _("Interview: %(name)s, %(posting)s")
                intro = _(
                    "You are an interviewer. Please read the application before the "
                    "interview and confirm it here:"
                )
            staff_subject = staff_subject % {"name": app.name, "posting": posting.title}
            link = _staff_link("interviews:prepare", app.pk)
            staff_body = f"{intro}\n{link}\n\n{staff_details}\n"
        staff_message = message_queue(
            organization=org,
            application=app,
            kind="interviewer_invitation",
            to_candidate=False,
            to_email=person.email,
            subject=staff_subject,
            body=staff_body,
            language=staff_language,
            dedupe_key=f"{key}:staff:{person.pk}",
        )
        _attach(staff_message, booking, person_method, summary, staff_details)
    kick_delivery()


# --- Preparation -------------------------------------------------------------------------


def preparation_confirm(*, application: Application, user) -> int:
    """The interviewer has read the application; returns how many interviews it covers."""
    return Preparation.objects.filter(
        booking__application=application,
        booking__state=Booking.State.ACTIVE,
        interviewer=user,
        confirmed_at__isnull=True,
    ).update(confirmed_at=timezone.now())


def remind_unprepared(now: dt.datetime | None = None) -> int:
    """From the day before an interview on, remind interviewers who have not confirmed."""
    now = now or timezone.now()
    tomorrow_end = timezone.localtime(now).replace(
        hour=0, minute=0, second=0, microsecond=0
    ) + dt.timedelta(days=2)
    due = (
        Preparation.objects.filter(
            confirmed_at__isnull=True,
            reminded_at__isnull=True,
            booking__state=Booking.State.ACTIVE,
            booking__slot__starts_at__gt=now,
            booking__slot__starts_at__lt=tomorrow_end,
        )
        .select_related(
            "interviewer", "booking__slot", "booking__application__posting__organization"
        )
        .order_by("pk")[:500]
    )
    sent = 0
    for prep in due:
        with transaction.atomic():
            if not Preparation.objects.filter(pk=prep.pk, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                continue  # another worker took it
            app = prep.booking.application
            language = app.posting.language
            with override(language):
                subject = _("Reminder: read %(name)s's application before the interview") % {
                    "name": app.name
                }
                body = _(
                    "You interview %(name)s for %(posting)s soon, and you have not yet "
                    "confirmed that you read the application. It takes a few minutes:\n%(link)s"
                    "\n\n%(details)s\n"
                ) % {
                    "name": app.name,
                    "posting": app.posting.title,
                    "link": _staff_link("interviews:prepare", app.pk),
                    "details": _details(prep.booking.slot, language),
                }
            message_queue(
                organization=app.posting.organization,
                application=app,
                kind="interviewer_reminder",
                to_candidate=False,
                to_email=prep.interviewer.email,
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"prep-reminder:{prep.pk}",
            )
            kick_delivery()
            sent += 1
    return sent


# --- Criteria and scorecards -------------------------------------------------------------


def _requirement_lines(requirements: str) -> list[str]:
    lines = []
    for line in requirements.splitlines():
        text = line.strip().lstrip("-*•–·").strip()
        if text and text not in lines:
            lines.append(text[:300])
    return lines[:20]


def criteria_for(posting: Posting) -> list[Criterion]:
    """The posting's evaluation criteria; the first call derives them from its requirements."""
    existing = list(posting.criteria.all())
    if existing:
        return existing
    lines = _requirement_lines(posting.requirements)
    if not lines:
        with override(posting.language):
            lines = [str(_("Overall fit for the job"))]
    with transaction.atomic():
        Posting.objects.select_for_update().filter(pk=posting.pk).first()
        if not posting.criteria.exists():
            Criterion.objects.bulk_create(
                Criterion(posting=posting, position=i, text=t) for i, t in enumerate(lines)
            )
    return list(posting.criteria.all())


def criteria_set(*, posting: Posting, lines: list[str]) -> list[Criterion]:
    """Replace the criteria with `lines`; criteria already rated cannot be removed."""
    wanted = _requirement_lines("\n".join(lines))
    if not wanted:
        raise RuleError("empty", _("Give at least one criterion."))
    with transaction.atomic():
        current = {c.text: c for c in criteria_for(posting)}
        removed = [c for text, c in current.items() if text not in wanted]
        rated = [c.text for c in removed if c.ratings.exists()]
        if rated:
            raise RuleError(
                "rated",
                _("These criteria already have ratings and cannot be removed: %(list)s")
                % {"list": "; ".join(rated)},
            )
        Criterion.objects.filter(pk__in=[c.pk for c in removed]).delete()
        for i, text in enumerate(wanted):
            if text in current:
                Criterion.objects.filter(pk=current[text].pk).update(position=i)
            else:
                Criterion.objects.create(posting=posting, position=i, text=text)
    return list(posting.criteria.all())


def scorecard_submit(*, application: Application, interviewer, ratings: dict) -> Scorecard:
    """`ratings` maps criterion id to (score 1–5, notes); every criterion must be rated."""
    criteria = criteria_for(application.posting)
    problems = []
    for criterion in criteria:
        score, _notes = ratings.get(criterion.pk, (None, ""))
        if not isinstance(score, int) or not 1 <= score <= 5:
            problems.append(criterion.text)
    if problems:
        raise RuleError(
            "incomplete",
            _("Rate every criterion from 1 to 5: %(list)s") % {"list": "; ".join(problems)},
        )
    with transaction.atomic():
        card, _created = Scorecard.objects.select_for_update().get_or_create(
            application=application, interviewer=interviewer
        )
        given = {c.pk: (ratings[c.pk][0], str(ratings[c.pk][1] or "")[:5000]) for c in criteria}
        held = {r.criterion_id: (r.score, r.notes) for r in card.ratings.all()}
        if card.submitted_at and held == given:
            return card  # resubmitted unchanged: the first submission time stands
        card.ratings.all().delete()
        Rating.objects.bulk_create(
            Rating(
                scorecard=card,
                criterion=c,
                score=ratings[c.pk][0],
                notes=str(ratings[c.pk][1] or "")[:5000],
            )
            for c in criteria
        )
        card.submitted_at = timezone.now()
        card.save(update_fields=["submitted_at"])
    return card


# --- Feedback calls ----------------------------------------------------------------------


def interviewed_ids(application_ids) -> set[int]:
    """Of these applications, the ones that reached an interview-kind stage."""
    ids = list(application_ids)
    reached = set(
        Event.objects.filter(
            application_id__in=ids, kind=Event.Kind.MOVED, stage__kind=Stage.Kind.INTERVIEW
        ).values_list("application_id", flat=True)
    )
    reached |= set(
        Application.objects.filter(pk__in=ids, stage__kind=Stage.Kind.INTERVIEW).values_list(
            "pk", flat=True
        )
    )
    return reached


def feedback_offer(*, application_ids, outcome: str) -> int:
    """Offer a feedback call to each interviewed candidate who was not chosen.

    Runs inside the transaction that ended the processes (the process_ended signal).
    """
    if outcome != Application.Outcome.REJECTED:
        return 0
    ids = interviewed_ids(application_ids)
    if not ids:
        return 0
    apps = Application.objects.filter(
        pk__in=ids, outcome=Application.Outcome.REJECTED, feedback_call__isnull=True
    ).select_related("posting__organization", "stage")
    offered = []
    due = follow_up_due(ids)  # after the decision, never in the same hour
    for app in apps:
        FeedbackCall.objects.create(application=app, organization=app.posting.organization)
        tell_candidate(app, "feedback_offer", f"feedback_offer:{app.pk}", due_at=due[app.pk])
        offered.append(app)
    by_contact: dict[str, list[Application]] = {}
    for app in offered:
        if app.contact_email:
            by_contact.setdefault(app.contact_email, []).append(app)
    for group in by_contact.values():
        _feedback_task(group)
    return len(offered)


def criteria_summary(app: Application, language: str) -> str:
    from reilu.interviews.selectors import scorecard_aggregate

    with override(language):
        rows = scorecard_aggregate(app)
        lines = []
        if not any(r["count"] for r in rows):
            lines.append(str(_("No scorecards were submitted; the criteria were:")))
        for r in rows:
            mean = f"{r['mean']:.1f}" if r["mean"] is not None else "–"
            lines.append(
                _("%(criterion)s: %(mean)s / 5 (%(count)s ratings)")
                % {"criterion": r["criterion"].text, "mean": mean, "count": r["count"]}
            )
            lines.extend(f"  – {n}" for n in r["notes"])
        return "\n".join(lines)


TASK_SUMMARIES = 20


def _feedback_task(apps: list[Application]) -> None:
    """The contact person's to-do, one message per decision batch: who was offered a call,
    with the criteria to talk through (all of them are on the feedback page)."""
    first = apps[0]
    language = first.posting.language
    with override(language):
        one = _("Feedback call to give: %(name)s, %(posting)s")
        many = _("Feedback calls to give: %(count)s candidates, %(posting)s")
        subject = (one if len(apps) == 1 else many) % {
            "name": first.name,
            "posting": first.posting.title,
            "count": len(apps),
        }
        parts = [
            f"{app.name} ({app.posting.title})\n{criteria_summary(app, language)}"
            for app in apps[:TASK_SUMMARIES]
        ]
        if len(apps) > TASK_SUMMARIES:
            parts.append(
                _("…and %(count)s more on the feedback page.")
                % {"count": len(apps) - TASK_SUMMARIES}
            )
        body = _(
            "These candidates reached the interviews and were not chosen. They were offered a "
            "personal feedback call, and may book one of your feedback times. Talk through "
            "what decided the choice, along the evaluation criteria:\n\n%(summary)s\n\n"
            "Mark each call done when you have given the feedback:\n%(link)s\n"
        ) % {
            "summary": "\n\n".join(parts),
            "link": _staff_link("interviews:feedback_list"),
        }
    message_queue(
        organization=first.posting.organization,
        application=first if len(apps) == 1 else None,
        kind="feedback_task",
        to_candidate=False,
        to_email=first.contact_email,
        subject=subject,
        body=body,
        language=language,
        dedupe_key=f"feedback_task:{first.pk}:{apps[-1].pk}:{len(apps)}",
        about=apps,
    )
    kick_delivery()


def feedback_choose_written(*, application: Application) -> FeedbackCall:
    with transaction.atomic():
        call = _open_call(application)
        if call.booking_id:
            booking_cancel(application=application, purpose=Purpose.FEEDBACK)
        FeedbackCall.objects.filter(pk=call.pk).update(
            state=FeedbackCall.State.BOOKED,
            preference=FeedbackCall.Preference.WRITTEN,
            booked_at=timezone.now(),
            booking=None,
        )
        call.refresh_from_db()
    return call


def feedback_decline(*, application: Application) -> FeedbackCall:
    with transaction.atomic():
        call = _open_call(application)
        if call.booking_id:
            booking_cancel(application=application, purpose=Purpose.FEEDBACK)
        FeedbackCall.objects.filter(pk=call.pk).update(
            state=FeedbackCall.State.DECLINED, booking=None
        )
        call.refresh_from_db()
    return call


def _open_call(application: Application) -> FeedbackCall:
    call = FeedbackCall.objects.select_for_update().filter(application=application).first()
    if call is None or call.state not in (FeedbackCall.State.OFFERED, FeedbackCall.State.BOOKED):
        raise RuleError("no_call", _("There is no open feedback call."))
    return call


def feedback_done(*, call: FeedbackCall, actor) -> FeedbackCall:
    with transaction.atomic():
        locked = FeedbackCall.objects.select_for_update().get(pk=call.pk)
        if locked.state in (FeedbackCall.State.DONE, FeedbackCall.State.DECLINED):
            raise RuleError("closed", _("This feedback call is already closed."))
        locked.state = FeedbackCall.State.DONE
        locked.done_at = timezone.now()
        locked.done_by = actor
        locked.save(update_fields=["state", "done_at", "done_by"])
    return locked


def member_choices(organization) -> list:
    """Everyone who can sit on a slot: members of the employer, any role."""
    return list(
        Membership.objects.filter(organization=organization, user__is_active=True)
        .select_related("user")
        .order_by("user__first_name", "user__email")
    )
