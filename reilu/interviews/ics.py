"""iCalendar invitations for bookings (RFC 5545 / RFC 5546 iTIP).

One VEVENT per booking with a UID that stays the same for the booking's whole life, so a
moved time updates the event in the recipient's calendar (higher SEQUENCE) and a cancelled
one removes it (METHOD:CANCEL).
"""

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from reilu.interviews.models import Booking
from reilu.messaging.queue import mail_domain

REQUEST, CANCEL = "REQUEST", "CANCEL"


def booking_uid(booking: Booking) -> str:
    return f"{booking.uid}@{mail_domain()}"


def _address(email: str, name: str, **params) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = vText(name)
    for key, value in params.items():
        address.params[key.replace("_", "-").upper()] = vText(value)
    return address


def invitation(booking: Booking, *, method: str, summary: str, description: str) -> str:
    """The calendar file for one booking; `method` is REQUEST (new or changed) or CANCEL."""
    app, slot = booking.application, booking.slot
    cal = Calendar()
    cal.add("prodid", "-//Reilu//Interviews//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("sequence", booking.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", slot.starts_at)
    event.add("dtend", slot.ends_at)
    event.add("summary", summary)
    event.add("description", description)
    if slot.location:
        event.add("location", slot.location)
    if slot.video_url:
        event.add("url", slot.video_url)
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    organizer_email = app.contact_email or app.posting.contact_email
    organizer_name = app.contact_name or app.posting.contact_name
    if organizer_email:
        event.add("organizer", _address(organizer_email, organizer_name))
    attendee = {"role": "REQ-PARTICIPANT", "partstat": "NEEDS-ACTION", "rsvp": "TRUE"}
    event.add("attendee", _address(app.email, app.name, cutype="INDIVIDUAL", **attendee))
    for person in slot.interviewers.all():
        name = person.get_full_name() or person.email
        event.add("attendee", _address(person.email, name, cutype="INDIVIDUAL", **attendee))
    cal.add_component(event)
    return cal.to_ical().decode()
