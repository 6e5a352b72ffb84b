"""Interview times: staff publish them, candidates book and cancel with their status token."""

import datetime as dt
from typing import Literal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from reilu.api.auth import staff_auth
from reilu.api.schemas import Body, DbId, Error, Problems, Refusal, StrictDateTime
from reilu.applications.tokens import application_for_token
from reilu.interviews.models import Booking, Purpose, Slot
from reilu.interviews.selectors import open_slots
from reilu.interviews.services.booking import booking_book, booking_cancel, can_book_interview
from reilu.interviews.services.slots import MAX_PARTS, slot_create
from reilu.jobs.models import Posting
from reilu.textfields import Line

router = Router(tags=["interviews"])


class PartIn(Body):
    title: Line = Field(min_length=1, max_length=200)
    starts_at: StrictDateTime
    ends_at: StrictDateTime


class SlotIn(Body):
    purpose: Literal["interview", "feedback"] = "interview"
    starts_at: StrictDateTime
    ends_at: StrictDateTime
    location: Line = Field("", max_length=300)
    video_url: Line = Field("", max_length=200)
    interviewer_ids: list[DbId] = Field(min_length=1, max_length=20)
    parts: list[PartIn] = Field(default_factory=list, max_length=MAX_PARTS)


class PartOut(Schema):
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime


class SlotOut(Schema):
    id: int
    purpose: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    location: str
    video_url: str
    parts: list[PartOut]


class StaffSlotOut(SlotOut):
    interviewer_ids: list[int]
    booked: bool


class BookIn(Body):
    slot_id: DbId


class BookingOut(Schema):
    uid: str
    state: str
    sequence: int
    slot: SlotOut


def _aware(value: dt.datetime) -> dt.datetime:
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _slot(slot: Slot) -> dict:
    return {
        "id": slot.pk,
        "purpose": slot.purpose,
        "starts_at": slot.starts_at,
        "ends_at": slot.ends_at,
        "location": slot.location,
        "video_url": slot.video_url,
        "parts": [
            {"title": p.title, "starts_at": p.starts_at, "ends_at": p.ends_at}
            for p in slot.parts.all()
        ],
    }


def _booking(booking: Booking) -> dict:
    return {
        "uid": str(booking.uid),
        "state": booking.state,
        "sequence": booking.sequence,
        "slot": _slot(booking.slot),
    }


def _not_found():
    return Status(404, {"detail": _("Not found.")})


# --- Staff ---------------------------------------------------------------------------------


@router.get(
    "/postings/{pk}/slots",
    auth=staff_auth,
    response={200: list[StaffSlotOut], 401: Error, 404: Error},
)
def staff_slot_list(request, pk: int):
    posting = Posting.objects.filter(pk=pk, organization=request.org).first()
    if posting is None:
        return _not_found()
    slots = (
        Slot.objects.filter(posting=posting)
        .prefetch_related("parts", "interviewers", "bookings")
        .order_by("starts_at")[:500]
    )
    return [
        {
            **_slot(s),
            "interviewer_ids": [p.pk for p in s.interviewers.all()],
            "booked": any(b.state == Booking.State.ACTIVE for b in s.bookings.all()),
        }
        for s in slots
    ]


@router.post(
    "/postings/{pk}/slots",
    auth=staff_auth,
    response={201: StaffSlotOut, 400: Error | Refusal, 401: Error, 404: Error, 422: Problems},
)
def staff_slot_create(request, pk: int, payload: SlotIn):
    posting = Posting.objects.filter(pk=pk, organization=request.org).first()
    if posting is None:
        return _not_found()
    if payload.video_url:
        try:
            URLValidator(schemes=["https", "http"])(payload.video_url)
        except ValidationError:
            return Status(400, {"detail": _("The video link is not a valid web address.")})
    slot = slot_create(
        posting=posting,
        purpose=payload.purpose,
        starts_at=_aware(payload.starts_at),
        ends_at=_aware(payload.ends_at),
        location=payload.location,
        video_url=payload.video_url,
        interviewer_ids=payload.interviewer_ids,
        parts=[
            {"title": p.title, "starts_at": _aware(p.starts_at), "ends_at": _aware(p.ends_at)}
            for p in payload.parts
        ],
        actor=request.user,
    )
    return Status(
        201,
        {
            **_slot(slot),
            "interviewer_ids": list(slot.interviewers.values_list("pk", flat=True)),
            "booked": False,
        },
    )


# --- Candidates ----------------------------------------------------------------------------


@router.get("/status/{token}/slots", response={200: list[SlotOut], 404: Error})
def candidate_slots(request, token: str):
    app = application_for_token(token)
    if not can_book_interview(app):
        return []
    return [_slot(s) for s in open_slots(app)[:200]]


@router.get("/status/{token}/booking", response={200: BookingOut, 404: Error})
def candidate_booking(request, token: str):
    app = application_for_token(token)
    booking = (
        app.bookings.filter(purpose=Purpose.INTERVIEW, state=Booking.State.ACTIVE)
        .select_related("slot")
        .first()
    )
    if booking is None:
        return Status(404, {"detail": _("You have no booked time.")})
    return _booking(booking)


@router.post(
    "/status/{token}/booking", response={200: BookingOut, 404: Error, 409: Refusal, 422: Problems}
)
def candidate_book(request, token: str, payload: BookIn):
    app = application_for_token(token)
    booking = booking_book(application=app, slot_id=payload.slot_id)
    return _booking(booking)


@router.delete("/status/{token}/booking", response={200: BookingOut, 404: Error, 409: Refusal})
def candidate_cancel(request, token: str):
    app = application_for_token(token)
    booking = booking_cancel(application=app)
    return _booking(booking)
