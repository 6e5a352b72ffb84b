"""Publishing interview times through the real form: one, a series, and deleting with care."""

import datetime as dt

import pytest
from django.utils import timezone

from reilu.interviews.models import Slot
from reilu.interviews.services.booking import booking_book
from reilu.workdays import holiday_free_working_days, is_public_holiday, working_days

pytestmark = pytest.mark.django_db


def _next_monday() -> dt.date:
    """A Monday at least a week ahead, in a week with no public holiday."""
    day = timezone.localdate() + dt.timedelta(days=7)
    monday = day - dt.timedelta(days=day.weekday())
    while any(is_public_holiday(monday + dt.timedelta(days=i)) for i in range(7)):
        monday += dt.timedelta(days=7)
    return monday


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


def test_a_range_includes_weekends_only_when_chosen(staff_client, posting, interviewer):
    friday = _next_monday() + dt.timedelta(days=4)
    url = f"/staff/interviews/postings/{posting.pk}/slots/"
    data = _form(
        interviewer,
        day=friday.isoformat(),
        last_day=(friday + dt.timedelta(days=3)).isoformat(),
    )
    staff_client.post(url, data)
    assert [_local(s) for s in Slot.objects.order_by("starts_at")] == [
        ("Fri 09:00", "12:00"),
        ("Mon 09:00", "12:00"),
    ]
    Slot.objects.all().delete()
    staff_client.post(url, {**data, "weekends": "on"})
    assert Slot.objects.count() == 4

    # A single day is published as chosen, even a Saturday.
    Slot.objects.all().delete()
    saturday = (friday + dt.timedelta(days=1)).isoformat()
    staff_client.post(url, _form(interviewer, day=saturday))
    assert [_local(s) for s in Slot.objects.all()] == [("Sat 09:00", "12:00")]


def test_a_series_that_gives_no_times_is_refused(staff_client, posting, interviewer):
    saturday = _next_monday() + dt.timedelta(days=5)
    url = f"/staff/interviews/postings/{posting.pk}/slots/"
    data = _form(
        interviewer,
        day=saturday.isoformat(),
        last_day=(saturday + dt.timedelta(days=1)).isoformat(),
    )
    refused = staff_client.post(url, data)
    assert refused.status_code == 400
    assert "These settings give no times" in refused.content.decode()
    refused = staff_client.post(url, _form(interviewer, length="240"))  # 09-12 holds no 4 h
    assert refused.status_code == 400 and not Slot.objects.exists()


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
    booking_book(application=interview_app, slot_id=slot.pk)
    delete_url = f"/staff/interviews/slots/{slot.pk}/delete/"
    confirm = staff_client.get(delete_url).content.decode()
    assert "cannot be deleted" in confirm and 'method="post"' not in confirm.split("<main")[-1]
    refused = staff_client.post(delete_url, follow=True)
    assert "This time is booked." in refused.content.decode()
    assert Slot.objects.filter(pk=slot.pk).exists()


def test_a_series_skips_public_holidays_unless_chosen(staff_client, posting, interviewer):
    # The next May Day (1 May) that falls on a weekday, with the day before and after.
    year = timezone.localdate().year + 1
    while dt.date(year, 5, 1).weekday() not in (1, 2, 3):
        year += 1
    may_day = dt.date(year, 5, 1)
    url = f"/staff/interviews/postings/{posting.pk}/slots/"
    data = _form(
        interviewer,
        day=(may_day - dt.timedelta(days=1)).isoformat(),
        last_day=(may_day + dt.timedelta(days=1)).isoformat(),
    )
    staff_client.post(url, data)
    days = [timezone.localtime(s.starts_at).date() for s in Slot.objects.order_by("starts_at")]
    assert days == [may_day - dt.timedelta(days=1), may_day + dt.timedelta(days=1)]

    Slot.objects.all().delete()
    staff_client.post(url, {**data, "weekends": "on"})
    assert Slot.objects.count() == 3


def test_finnish_public_holidays_include_the_easter_based_ones():
    # Easter Sunday 2027 is 28 March: Good Friday 26.3., Easter Monday 29.3.,
    # Ascension Day 6.5.; Midsummer Eve 2027 is Friday 25 June.
    for day in (
        "2027-03-26",
        "2027-03-28",
        "2027-03-29",
        "2027-05-06",
        "2027-06-25",
        "2027-12-06",
        "2027-12-24",
        "2027-01-06",
    ):
        assert is_public_holiday(dt.date.fromisoformat(day)), day
    assert not is_public_holiday(dt.date(2027, 3, 30))
    assert working_days(dt.date(2027, 3, 25), 2) == [dt.date(2027, 3, 25), dt.date(2027, 3, 30)]
    assert holiday_free_working_days(dt.date(2027, 12, 22), 3) == [
        dt.date(2027, 12, 27),
        dt.date(2027, 12, 28),
        dt.date(2027, 12, 29),
    ]


@pytest.mark.parametrize(
    ("language", "question", "error"),
    [
        ("fi", "Poistetaanko tämä aika? Poistoa ei voi perua.", "on ajan 09:00–12:00 ulkopuolella"),
        (
            "sv",
            "Ta bort den här tiden? Det går inte att ångra.",
            "ligger utanför tiden 09:00–12:00",
        ),
        ("en", "Delete this time? It cannot be undone.", "is outside the time 09:00–12:00"),
    ],
)
def test_the_question_and_the_error_are_in_the_users_language(
    staff_client, posting, interviewer, slot, language, question, error
):
    page = staff_client.get(
        f"/staff/interviews/slots/{slot.pk}/delete/", HTTP_ACCEPT_LANGUAGE=language
    )
    assert question in page.content.decode()
    refused = staff_client.post(
        f"/staff/interviews/postings/{posting.pk}/slots/",
        _form(interviewer, parts="12:00-13:00 Lunch"),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert refused.status_code == 400 and error in refused.content.decode()
