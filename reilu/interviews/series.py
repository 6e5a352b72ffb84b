"""Many bookable times at once: a day or a range of days, cut into times of one length."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reilu.interviews.services.slots import slot_create
from reilu.rules import RuleError
from reilu.workdays import is_working_day

MAX_SERIES = 100
MAX_DAYS = 31


def series_times(
    *,
    first_day: dt.date,
    last_day: dt.date | None,
    start: dt.time,
    end: dt.time,
    length: int | None,
    pause: int = 0,
    weekends: bool = False,
) -> list[tuple[dt.datetime, dt.datetime]]:
    """Start and end of every time in the series, in local time.

    Without a length each day gets one time from start to end. In a range of days, weekends
    and Finnish public holidays are skipped unless chosen; a single day is taken as given.
    Times that would run past the day's end are left out.
    """
    last_day = last_day or first_day
    every_day = weekends or last_day == first_day
    if last_day < first_day:
        raise RuleError("bad_days", _("The last day cannot be before the first day."))
    if (last_day - first_day).days >= MAX_DAYS:
        raise RuleError(
            "too_many_days", _("A series can cover at most %(n)s days.") % {"n": MAX_DAYS}
        )
    if end <= start:
        raise RuleError("bad_time", _("The end must be after the start."))
    times = []
    day = first_day
    while day <= last_day:
        if every_day or is_working_day(day):
            day_start = timezone.make_aware(dt.datetime.combine(day, start))
            day_end = timezone.make_aware(dt.datetime.combine(day, end))
            if not length:
                times.append((day_start, day_end))
            else:
                at = day_start
                while at + dt.timedelta(minutes=length) <= day_end:
                    times.append((at, at + dt.timedelta(minutes=length)))
                    at += dt.timedelta(minutes=length + pause)
        day += dt.timedelta(days=1)
    if not times:
        raise RuleError(
            "empty_series",
            _(
                "These settings give no times: check the days, the weekends and holidays, "
                "and the length."
            ),
        )
    if len(times) > MAX_SERIES:
        raise RuleError(
            "too_many_times",
            _("These settings give %(count)s times; at most %(max)s can be published at once.")
            % {"count": len(times), "max": MAX_SERIES},
        )
    return times


def slot_series_create(
    *, posting, times: list[tuple[dt.datetime, dt.datetime]], parts=None, **slot_fields
) -> list:
    """Publish every time of a series, or none of them: one refused time refuses the series.

    `parts` (title, start, end as clock times) are the programme of each day's time.
    """
    created = []
    with transaction.atomic():
        for starts_at, ends_at in times:
            day = timezone.localtime(starts_at).date()
            day_parts = [
                {
                    "title": p["title"],
                    "starts_at": timezone.make_aware(dt.datetime.combine(day, p["start"])),
                    "ends_at": timezone.make_aware(dt.datetime.combine(day, p["end"])),
                }
                for p in parts or []
            ]
            created.append(
                slot_create(
                    posting=posting,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    parts=day_parts,
                    **slot_fields,
                )
            )
    return created
