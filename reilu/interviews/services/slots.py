"""Slots: publishing bookable times (an interview day in parts) and removing them."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reilu.interviews.models import Booking, Purpose, Slot, SlotPart
from reilu.jobs.models import Posting
from reilu.rules import RuleError

MAX_PARTS = 8


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
