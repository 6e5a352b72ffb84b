"""Finnish working days: no interviews on weekends or public holidays unless chosen.

The public holidays, the Easter-based ones included, come from the `holidays` library;
Midsummer Eve and Christmas Eve count too, as they do in Finnish working life.
"""

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _finnish_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("FI", years=year))


def is_public_holiday(day: dt.date) -> bool:
    return day in _finnish_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def working_days(start: dt.date, count: int) -> list[dt.date]:
    """The first `count` working days from `start` on (inclusive)."""
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        if is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def holiday_free_working_days(start: dt.date, count: int) -> list[dt.date]:
    """`count` working days from `start` on with no public holiday between the first and last."""
    while True:
        days = working_days(start, count)
        span = (days[-1] - days[0]).days + 1
        blocked = [
            d for d in (days[0] + dt.timedelta(days=i) for i in range(span)) if is_public_holiday(d)
        ]
        if not blocked:
            return days
        start = blocked[-1] + dt.timedelta(days=1)
