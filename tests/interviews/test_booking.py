"""Candidates book, move and cancel interview times; invitations carry calendar files."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from reilu.interviews.models import Booking, Preparation, Slot
from reilu.interviews.selectors import open_slots
from reilu.interviews.services.booking import booking_book, booking_cancel
from reilu.interviews.services.slots import slot_create
from reilu.messaging import outbox
from reilu.messaging.models import Message, MessageAttachment
from reilu.rules import RuleError
from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.interviews.conftest import make_slot, to_interview


def calendar_of(message: Message) -> Calendar:
    attachment = MessageAttachment.objects.get(message=message)
    assert attachment.content_type.startswith("text/calendar")
    return Calendar.from_ical(attachment.content)


def event_of(cal: Calendar):
    (event,) = cal.walk("VEVENT")
    return event


def candidate_invites(app):
    return list(
        Message.objects.about(app)
        .filter(alert_staff_on_failure=True, kind__startswith="interview_")
        .exclude(kind="interview_invitation")
        .order_by("id")
    )


def test_it_books_a_time_from_the_status_page(client, interview_app, slot, interviewer):
    url = reverse("interviews:book", args=[interview_app.raw_token])
    page = client.get(url)
    assert page.status_code == 200 and f'value="{slot.pk}"' in page.content.decode()
    response = client.post(url, {"slot": slot.pk})
    assert response.status_code == 302
    booking = Booking.objects.get(application=interview_app)
    assert booking.slot == slot and booking.state == "active"
    # Every interviewer has a preparation to confirm, and got their own invitation.
    assert set(
        Preparation.objects.filter(booking=booking).values_list("interviewer__email", flat=True)
    ) == {
        "ina@acme.example",
        "rec@acme.example",
    }
    staff_mail = Message.objects.filter(kind="interviewer_invitation", alert_staff_on_failure=False)
    assert set(staff_mail.values_list("to_email", flat=True)) == {
        "ina@acme.example",
        "rec@acme.example",
    }
    status = client.get(reverse("applications:status", args=[interview_app.raw_token]))
    assert "Main office, Helsinki" in status.content.decode()


def test_it_writes_an_ics_that_follows_the_booking(interview_app, slot, posting, recruiter):
    other = make_slot(posting, [recruiter], days=4, location="", video_url="https://meet.example/x")
    booking = booking_book(application=interview_app, slot_id=slot.pk)
    first = event_of(cal := calendar_of(candidate_invites(interview_app)[0]))
    assert str(cal["METHOD"]) == "REQUEST"
    assert int(first["SEQUENCE"]) == 0
    assert str(first["ORGANIZER"]) == "mailto:laura@acme.example"
    attendees = {str(a) for a in first["ATTENDEE"]}
    assert attendees == {
        "mailto:aino@example.fi",
        "mailto:ina@acme.example",
        "mailto:rec@acme.example",
    }
    assert str(first["LOCATION"]) == "Main office, Helsinki"
    assert first.decoded("DTSTART") == slot.starts_at

    booking_book(application=interview_app, slot_id=other.pk)  # moved
    moved = event_of(calendar_of(candidate_invites(interview_app)[1]))
    assert str(moved["UID"]) == str(first["UID"]) and str(booking.uid) in str(first["UID"])
    assert int(moved["SEQUENCE"]) == 1
    assert str(moved["URL"]) == "https://meet.example/x"
    assert moved.decoded("DTSTART") == other.starts_at
    # Ina is not on the new time: her calendar copy is cancelled.
    ina_last = Message.objects.filter(to_email="ina@acme.example").order_by("-id").first()
    assert str(calendar_of(ina_last)["METHOD"]) == "CANCEL"

    booking_cancel(application=interview_app)
    cal = calendar_of(candidate_invites(interview_app)[2])
    cancelled = event_of(cal)
    assert str(cal["METHOD"]) == "CANCEL"
    assert str(cancelled["UID"]) == str(first["UID"])
    assert int(cancelled["SEQUENCE"]) == 2
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert Booking.objects.get(pk=booking.pk).state == "cancelled"


def test_it_delivers_the_calendar_file_as_an_attachment(interview_app, slot):
    booking_book(application=interview_app, slot_id=slot.pk)
    mail.outbox.clear()
    outbox.deliver_all()
    invites = [m for m in mail.outbox if m.attachments]
    assert len(invites) == 3  # the candidate and two interviewers
    part = invites[0].message().get_payload()[1]
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "invite.ics"
    assert Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")


def test_it_books_an_interview_day_as_one_unit(interview_app, second_app, posting, recruiter):
    start = timezone.make_aware(
        dt.datetime.combine(timezone.localdate() + dt.timedelta(days=5), dt.time(9, 0))
    )
    day = slot_create(
        posting=posting,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        location="HQ",
        interviewer_ids=[recruiter.pk],
        parts=[
            {"title": "Team", "starts_at": start, "ends_at": start + dt.timedelta(hours=1)},
            {
                "title": "Manager",
                "starts_at": start + dt.timedelta(hours=1, minutes=30),
                "ends_at": start + dt.timedelta(hours=2, minutes=30),
            },
            {
                "title": "Decision talk",
                "starts_at": start + dt.timedelta(hours=3),
                "ends_at": start + dt.timedelta(hours=4),
            },
        ],
    )
    booking_book(application=interview_app, slot_id=day.pk)
    with pytest.raises(RuleError) as exc:
        booking_book(application=second_app, slot_id=day.pk)
    assert exc.value.code == "taken"
    body = candidate_invites(interview_app)[0].body
    assert "Team" in body and "Manager" in body and "Decision talk" in body


def test_it_refuses_overlapping_parts(posting, recruiter):
    start = timezone.now() + dt.timedelta(days=2)
    with pytest.raises(RuleError) as exc:
        slot_create(
            posting=posting,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            location="HQ",
            interviewer_ids=[recruiter.pk],
            parts=[
                {"title": "A", "starts_at": start, "ends_at": start + dt.timedelta(hours=1)},
                {
                    "title": "B",
                    "starts_at": start + dt.timedelta(minutes=30),
                    "ends_at": start + dt.timedelta(hours=2),
                },
            ],
        )
    assert exc.value.code == "bad_part"


def test_it_allows_only_members_of_the_employer_as_interviewers(posting, outsider):
    with pytest.raises(RuleError) as exc:
        make_slot(posting, [outsider])
    assert exc.value.code == "bad_interviewer"


def test_it_books_only_in_the_interview_stage(application, slot):
    with pytest.raises(RuleError) as exc:
        booking_book(application=application, slot_id=slot.pk)
    assert exc.value.code == "not_bookable"
    assert not Booking.objects.exists()


def test_it_gives_one_slot_to_one_candidate(interview_app, second_app, slot, client):
    booking_book(application=interview_app, slot_id=slot.pk)
    response = client.post(
        reverse("interviews:book", args=[second_app.raw_token]), {"slot": slot.pk}
    )
    assert response.status_code == 302
    assert Booking.objects.filter(slot=slot, state="active").count() == 1
    assert not Booking.objects.filter(application=second_app).exists()
    # The booked time is no longer offered to others.
    assert slot not in open_slots(second_app)


def test_the_database_refuses_a_second_active_booking(interview_app, second_app, slot):
    Booking.objects.create(application=interview_app, slot=slot, purpose="interview")
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(application=second_app, slot=slot, purpose="interview")


def test_a_candidate_reaches_only_their_own_booking(client, interview_app, second_app, slot):
    booking_book(application=interview_app, slot_id=slot.pk)
    # The other candidate's cancel touches nothing of the first one's.
    client.post(reverse("interviews:cancel", args=[second_app.raw_token]))
    assert Booking.objects.get(application=interview_app).state == "active"
    # Slots of another employer's posting cannot be booked with this token.
    other_org = make_org("else", "Else Oy")
    other_posting = make_posting(other_org)
    foreign = make_slot(other_posting, [make_staff(other_org, "x@else.example")])
    with pytest.raises(RuleError) as exc:
        booking_book(application=second_app, slot_id=foreign.pk)
    assert exc.value.code == "no_slot"
    assert client.get(reverse("interviews:book", args=["not-a-token"])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_two_candidates_racing_for_one_slot_get_one_booking():
    if connection.vendor != "postgresql":
        pytest.skip("The booking race needs concurrent writers: PostgreSQL (CI runs it there).")
    org = make_org()
    staff = make_staff(org)
    posting = make_posting(org)
    apps = [to_interview(make_application(posting, email=f"c{i}@example.fi")[0]) for i in range(2)]
    slot = make_slot(posting, [staff])
    barrier = threading.Barrier(2)
    results, errors = [], []

    def candidate(app):
        try:
            barrier.wait(5)
            booking_book(application=app, slot_id=slot.pk)
            results.append("booked")
        except RuleError as exc:
            results.append(exc.code)
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=candidate, args=(a,)) for a in apps]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert sorted(results) == ["booked", "taken"]
    assert Booking.objects.filter(slot=slot, state="active").count() == 1


def test_staff_publish_an_interview_day_from_the_page(
    staff_client, posting, recruiter, interviewer
):
    day = (timezone.localdate() + dt.timedelta(days=4)).isoformat()
    url = reverse("interviews:slots", args=[posting.pk])
    data = {
        "purpose": "interview",
        "day": day,
        "start": "09:00",
        "end": "12:00",
        "location": "HQ",
        "interviewers": [str(recruiter.pk), str(interviewer.pk)],
        "parts": "09:00-10:00 Team interview\n10:15-11:00 Manager\n11:15-12:00 Decision talk",
    }
    assert staff_client.post(url, data).status_code == 302
    slot = Slot.objects.get()
    assert [p.title for p in slot.parts.all()] == ["Team interview", "Manager", "Decision talk"]
    bad = staff_client.post(url, {**data, "parts": "nine to ten: team"})
    assert bad.status_code == 400 and Slot.objects.count() == 1
    page = staff_client.get(url).content.decode()
    assert "Decision talk" in page


def test_the_status_page_invites_to_book(client, interview_app, slot):
    page = client.get(reverse("applications:status", args=[interview_app.raw_token]))
    assert reverse("interviews:book", args=[interview_app.raw_token]) in page.content.decode()


def test_a_decision_cancels_the_interview_still_to_come(org, interview_app, slot, recruiter):
    from reilu.applications import services as app_services

    booking_book(application=interview_app, slot_id=slot.pk)
    app_services.applications_decide(
        organization=org, application_ids=[interview_app.pk], outcome="rejected"
    )
    booking = Booking.objects.get(application=interview_app)
    assert booking.state == Booking.State.CANCELLED
    assert slot in open_slots(interview_app)  # the time is free again
    # The candidate's calendar entry is removed, without an offer to book another time.
    mail = Message.objects.about(interview_app).get(kind="interview_cancelled_ended")
    assert "no longer in process" in mail.body and "book a new time" not in mail.body
    assert slot.location in mail.body  # the time cancelled is named in the mail
    assert calendar_of(mail).get("METHOD") == "CANCEL"
    # The interviewers get their cancellation too.
    to_staff = Message.objects.filter(to_email="ina@acme.example").order_by("id").last()
    assert calendar_of(to_staff).get("METHOD") == "CANCEL"


def test_a_decision_leaves_a_past_interview_alone(org, interview_app, posting, recruiter):
    import time_machine

    past = make_slot(posting, [recruiter], days=1)
    booking_book(application=interview_app, slot_id=past.pk)
    with time_machine.travel(timezone.now() + dt.timedelta(days=3)):
        from reilu.applications import services as app_services

        app_services.applications_decide(
            organization=org, application_ids=[interview_app.pk], outcome="rejected"
        )
    assert Booking.objects.get(application=interview_app).state == Booking.State.ACTIVE
    assert not Message.objects.filter(kind="interview_cancelled_ended").exists()


def test_the_staff_note_of_a_booking_is_in_the_postings_language(interview_app, slot):
    from django.utils import translation

    from reilu.applications.models import Event

    interview_app.posting.language = "fi"
    interview_app.posting.save(update_fields=["language"])
    with translation.override("en"):  # the candidate books in English
        booking_book(application=interview_app, slot_id=slot.pk)
    note = Event.objects.filter(application=interview_app, kind="note").latest("id")
    assert note.text.startswith("Varattu: ")


def test_cancelling_a_time_asks_first(client, interview_app, slot):
    booking_book(application=interview_app, slot_id=slot.pk)
    url = reverse("interviews:cancel", args=[interview_app.raw_token])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200 and "Cancel your interview time?" in html
    assert Booking.objects.get(application=interview_app).state == Booking.State.ACTIVE
    assert client.post(url).status_code == 302
    assert Booking.objects.get(application=interview_app).state == Booking.State.CANCELLED
    # Nothing left to cancel: the confirmation leads back to the status page.
    again = client.get(url)
    assert again.status_code == 302 and again["Location"].endswith(
        f"/status/{interview_app.raw_token}/"
    )
