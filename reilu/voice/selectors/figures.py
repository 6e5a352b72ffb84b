"""What every published figure shares: the period, the smallest basis shown, and the
arithmetic (median of a histogram, rounding, NPS, shares).
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MIN_BASIS = 5
PERIOD_DAYS = 365
NOT_ENOUGH = _("Not enough data yet.")


def period_start(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=PERIOD_DAYS)


def median_of_histogram(histogram: dict[int, int]) -> float | None:
    """The median of values given as {value: how many}; the mean of the middle two if even."""
    total = sum(histogram.values())
    if total == 0:
        return None
    wanted = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value in sorted(histogram):
        count = histogram[value]
        while wanted and wanted[0] < seen + count:
            found.append(value)
            wanted.pop(0)
        seen += count
    return sum(found) / 2


def rounded_to(value: float | None, step: float) -> float | None:
    """Round to the nearest `step` (averages to 0.5, NPS to 5): one answer more rarely
    moves a published figure, and never by an amount that gives the answer away."""
    if value is None:
        return None
    return float(round(value / step) * step) + 0.0  # + 0.0: never "-0.0"


def nps(promoters: int, detractors: int, total: int) -> float | None:
    if not total:
        return None
    return round(100 * (promoters - detractors) / total, 1)


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
