"""Booking, moving and cancelling a slot; interviewers' preparation rows follow the booking."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.applications.freshness import status_changed
from reilu.applications.models import Application, Event
from reilu.interviews import ics
from reilu.interviews.models import Booking, FeedbackCall, Preparation, Purpose, Slot
from reilu.interviews.selectors import can_book_interview
from reilu.interviews.services.invitations import _send_invitations, _when
from reilu.rules import RuleError


def _may_book(app: Application, purpose: str) -> None:
    if purpose == Purpose.INTERVIEW:
        if not can_book_interview(app):
            raise RuleError(
                "not_bookable", _("Interview times can be booked only in the interview stage.")
            )
        return
    call = FeedbackCall.objects.filter(application=app).first()
    if call is None or call.state not in FeedbackCall.OPEN_STATES:
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
                raise RuleError("slot_passed", _("That time has already passed."))
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
            # A note for staff: in the posting's language, not the candidate's who booked.
            with override(app.posting.language):
                note = _("Booked: %(when)s") % {"when": _when(slot, app.posting.language)}
            Event.objects.create(
                application=app, kind=Event.Kind.NOTE, visible_to_candidate=False, text=note
            )
            status_changed([app.pk])
    except IntegrityError:
        raise RuleError("taken", _("Someone booked that time just before you.")) from None
    return booking


def booking_cancel(
    *, application: Application, purpose: str = Purpose.INTERVIEW, ended: bool = False
) -> Booking:
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
        _send_invitations(booking, ics.CANCEL, previous=[], ended=ended)
        status_changed([app.pk])
    return booking


def future_interviews_cancel(application_ids) -> int:
    """Ended applications keep no interview still to come: each such time is freed, and
    the candidate and the interviewers get the calendar cancellation."""
    future = Booking.objects.filter(
        application_id__in=list(application_ids),
        purpose=Purpose.INTERVIEW,
        state=Booking.State.ACTIVE,
        slot__starts_at__gt=timezone.now(),
    ).select_related("application")
    cancelled = 0
    for booking in future:
        booking_cancel(application=booking.application, ended=True)
        cancelled += 1
    return cancelled


def _sync_preparations(booking: Booking) -> None:
    people = list(booking.slot.interviewers.all())
    booking.preparations.exclude(interviewer__in=people).delete()
    Preparation.objects.bulk_create(
        [Preparation(booking=booking, interviewer=p) for p in people], ignore_conflicts=True
    )
