"""Tests share one "today": every test starts at noon in Helsinki, far from midnight."""

from django.utils import timezone

from tests.conftest import NOON


def test_a_test_starts_at_noon_helsinki_time_and_the_clock_runs_on():
    start = timezone.localtime()
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Helsinki"
    assert start.date() == NOON.date() and start.hour == 12
    assert timezone.localtime() >= start  # ticking: timeouts and orderings still work
    assert timezone.localdate() == NOON.date()
