"""Publishing interview times through the real form: one, a series, and deleting with care."""

import datetime as dt

import pytest
from django.utils import timezone

from reilu.interviews import services
from reilu.interviews.models import Slot

pytestmark = pytest.mark.django_db


def _next_monday() -> dt.date:
    day = timezone.localdate() + dt.timedelta(days=7)
    return day - dt.timedelta(days=day.weekday())


def _form(interviewer, **fields) -> dict:
    data = {
        "purpose": "interview",
        "day": _next_monday().isoformat(),
        "last_day": "",
        "start": "09:00",
        "end": "12:00",
        "length": "",
        "pause": "0",
        "location": "Main office, Helsinki",
        "video_url": "",
        "interviewers": [str(interviewer.pk)],
        "parts": "",
    }
    data.update(fields)
    return data


def _local(slot) -> tuple[str, str]:
    return (
        timezone.localtime(slot.starts_at).strftime("%a %H:%M"),
        timezone.localtime(slot.ends_at).strftime("%H:%M"),
    )


def test_it_publishes_a_series_over_weekdays_with_a_pause(staff_client, posting, interviewer):
    monday = _next_monday()
    url = f"/staff/interviews/postings/{posting.pk}/slots/"
    page = staff_client.get(url)
    assert page.status_code == 200 and 'name="length"' in page.content.decode()

    response = staff_client.post(
        url,
        _form(
            interviewer,
            last_day=(monday + dt.timedelta(days=6)).isoformat(),  # Monday to Sunday
            start="09:00",
            end="11:00",
            length="45",
            pause="15",
        ),
        follow=True,
    )
    assert "10 times are published for booking." in response.content.decode()
    slots = list(Slot.objects.order_by("starts_at"))
    assert [_local(s) for s in slots[:2]] == [("Mon 09:00", "09:45"), ("Mon 10:00", "10:45")]
    assert {timezone.localtime(s.starts_at).weekday() for s in slots} == {0, 1, 2, 3, 4}
    assert all(set(s.interviewers.all()) == {interviewer} for s in slots)


def test_it_includes_weekends_only_when_chosen(staff_client, posting, interviewer):
    saturday = _next_monday() + dt.timedelta(days=5)
    url = f"/staff/interviews/postings/{posting.pk}/slots/"
    refused = staff_client.post(url, _form(interviewer, day=saturday.isoformat()))
    assert refused.status_code == 400
    assert "These settings give no times" in refused.content.decode()
    assert not Slot.objects.exists()

    staff_client.post(url, _form(interviewer, day=saturday.isoformat(), weekends="on"))
    assert [_local(s) for s in Slot.objects.all()] == [("Sat 09:00", "12:00")]


def test_a_part_outside_the_time_is_refused_with_a_message_that_says_so(
    staff_client, posting, interviewer
):
    url = f"/staff/interviews/postings/{posting.pk}/slots/"
    data = _form(interviewer, parts="09:00-10:00 Interview\n11:30-12:30 Lunch with the team")
    refused = staff_client.post(url, data)
    html = refused.content.decode()
    assert refused.status_code == 400
    assert "The part “Lunch with the team” (11:30–12:30) is outside the time 09:00–12:00." in html
    assert "Lunch with the team" in refused.context["form"]["parts"].value()
    assert not Slot.objects.exists()

    data["parts"] = "09:00-10:00 Interview\n11:00-12:00 Lunch with the team"
    staff_client.post(url, data)
    slot = Slot.objects.get()
    assert [p.title for p in slot.parts.all()] == ["Interview", "Lunch with the team"]


def test_a_series_is_published_whole_or_not_at_all(staff_client, posting, interviewer):
    monday = _next_monday()
    url = f"/staff/interviews/postings/{posting.pk}/slots/"
    # 09:00–10:00 each day of the week, with a part that starts before the time.
    refused = staff_client.post(
        url,
        _form(
            interviewer,
            last_day=(monday + dt.timedelta(days=4)).isoformat(),
            start="09:00",
            end="10:00",
            parts="08:30-09:30 Coffee",
        ),
    )
    assert refused.status_code == 400 and "is outside the time" in refused.content.decode()
    assert not Slot.objects.exists()


def test_deleting_asks_once_and_then_deletes(staff_client, slot):
    delete_url = f"/staff/interviews/slots/{slot.pk}/delete/"
    listing = staff_client.get(f"/staff/interviews/postings/{slot.posting_id}/slots/")
    assert f'href="{delete_url}"' in listing.content.decode()

    confirm = staff_client.get(delete_url)
    assert confirm.status_code == 200
    assert "Delete this time? It cannot be undone." in confirm.content.decode()
    assert Slot.objects.filter(pk=slot.pk).exists()  # asking changes nothing

    done = staff_client.post(delete_url, follow=True)
    assert "The time is removed." in done.content.decode()
    assert not Slot.objects.filter(pk=slot.pk).exists()


def test_a_booked_time_is_not_deleted(staff_client, slot, interview_app):
    services.booking_book(application=interview_app, slot_id=slot.pk)
    delete_url = f"/staff/interviews/slots/{slot.pk}/delete/"
    confirm = staff_client.get(delete_url).content.decode()
    assert "cannot be deleted" in confirm and 'method="post"' not in confirm.split("<main")[-1]
    refused = staff_client.post(delete_url, follow=True)
    assert "This time is booked." in refused.content.decode()
    assert Slot.objects.filter(pk=slot.pk).exists()
