"""Rate limits count exactly: parallel bursts, idle gaps and the window's end (issue 14 #6)."""

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import time_machine
from django.db import connection, connections
from django.test import Client

from reilu import limits
from reilu.limits import RateCounter

HOUR = 3600
# A moment 10 s into an hourly window (epoch multiples of 3600 s start the windows).
WINDOW_START = dt.datetime(2026, 3, 2, 10, 0, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _production_cache(settings):
    """The production cache (the database cache), which the old counting relied on."""
    previous = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "reilu_cache",
        }
    }
    yield
    settings.CACHES = previous  # before other fixtures clear "the" cache after the database


def _parallel_misses(count: int, workers: int = 16) -> list[int]:
    """`count` status-page requests with wrong tokens from one address, `workers` at once."""
    barrier = threading.Barrier(workers)

    def get(n: int) -> int:
        if n < workers:
            barrier.wait(timeout=30)
        try:
            return Client().get(f"/status/no-such-token-{n}/").status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(get, range(count)))


# Run as its own process on SQLite: pytest-django's SQLite test database lives in memory
# with a shared cache, whose table locks do not wait; the production file database (WAL,
# IMMEDIATE transactions, a busy timeout) is what must count exactly.
SQLITE_BURST = """
import json, sys, django
django.setup()
from django.conf import settings
from django.core.management import call_command
call_command("migrate", verbosity=0)
settings.REILU_RATES = {**settings.REILU_RATES, "status": "20/h"}
from tests.privacy.test_limits import _parallel_misses
from reilu.limits import RateCounter
codes = _parallel_misses(200)
hits = list(RateCounter.objects.values_list("hits", flat=True))
print(json.dumps({"codes": codes, "hits": hits}))
"""


@pytest.mark.django_db(transaction=True)
def test_200_parallel_requests_against_a_limit_of_20_let_exactly_20_through(settings, tmp_path):
    if connection.vendor == "sqlite":
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "reilu.settings",
            "REILU_VAR_DIR": str(tmp_path),
            "REILU_DEBUG": "0",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'burst.sqlite3'}",
        }
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", SQLITE_BURST],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            cwd=settings.BASE_DIR,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        outcome = json.loads(result.stdout.strip().splitlines()[-1])
        codes, hits = outcome["codes"], outcome["hits"]
    else:
        settings.REILU_RATES = {**settings.REILU_RATES, "status": "20/h"}
        codes = _parallel_misses(200)
        hits = list(RateCounter.objects.values_list("hits", flat=True))
    assert codes.count(404) == 20, codes
    assert codes.count(429) == 180
    assert hits == [200]


@pytest.mark.django_db(transaction=True)
def test_200_parallel_hits_on_redis_let_exactly_20_through(settings, redis_url):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        }
    }
    name = f"test:{threading.get_ident()}:{dt.datetime.now().timestamp()}"
    with ThreadPoolExecutor(max_workers=16) as pool:
        allowed = list(pool.map(lambda _n: limits.hit(name, "20/h"), range(200)))
    assert allowed.count(True) == 20
    assert limits.exhausted(name, "20/h")
    assert not RateCounter.objects.exists()  # Redis counted, not the database


def _apply(client, posting, n):
    return client.post(
        f"/jobs/{posting.slug}/apply/",
        {
            "name": "A B",
            "email": f"a{n}@example.fi",
            "language": "en",
            "privacy_consent": "on",
            "cover_letter": "Hi",
        },
    )


def test_an_hourly_limit_survives_idle_minutes_and_ends_exactly_with_its_window(
    client, posting, settings
):
    from reilu.applications.models import Application

    settings.REILU_RATES = {**settings.REILU_RATES, "apply": "3/h"}
    with time_machine.travel(WINDOW_START + dt.timedelta(seconds=10), tick=False) as clock:
        for n in range(3):
            assert _apply(client, posting, n).status_code == 302
        assert _apply(client, posting, 3).status_code == 429
        clock.shift(dt.timedelta(minutes=6))  # the old cache counter had expired by now
        assert _apply(client, posting, 4).status_code == 429
        clock.move_to(WINDOW_START + dt.timedelta(seconds=HOUR - 1))
        assert _apply(client, posting, 5).status_code == 429
        clock.move_to(WINDOW_START + dt.timedelta(seconds=HOUR))
        assert _apply(client, posting, 6).status_code == 302
    assert Application.objects.count() == 4


def test_each_client_address_has_its_own_count(client, posting, settings):
    settings.REILU_RATES = {**settings.REILU_RATES, "apply": "1/h"}
    assert _apply(client, posting, 0).status_code == 302
    assert _apply(client, posting, 1).status_code == 429
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert _apply(other, posting, 2).status_code == 302


def test_behind_a_proxy_the_address_the_proxy_added_counts(client, posting, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    settings.REILU_RATES = {**settings.REILU_RATES, "apply": "1/h"}
    assert (
        _apply(Client(HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.4"), posting, 0).status_code == 302
    )
    # A forged first entry does not make a new client.
    forged = Client(HTTP_X_FORWARDED_FOR="10.9.9.9, 198.51.100.4")
    assert _apply(forged, posting, 1).status_code == 429


@pytest.mark.django_db
def test_ended_windows_are_swept_and_live_ones_kept():
    with time_machine.travel(WINDOW_START, tick=False) as clock:
        limits.hit("old", "5/m")
        limits.hit("current", "5/h")
        clock.shift(dt.timedelta(minutes=2))
        assert limits.sweep() == 1
        assert RateCounter.objects.count() == 1
        assert limits.exhausted("current", "1/h")


def test_the_worker_sweeps_counters_every_hour():
    from reilu.periodic import SCHEDULE

    assert (3600, "reilu.privacy.tasks.limits_sweep") in SCHEDULE


def test_a_rate_is_parsed_strictly():
    assert limits.parse_rate("20/h") == (20, 3600)
    assert limits.parse_rate("5/10m") == (5, 600)
    with pytest.raises(ValueError):
        limits.parse_rate("20 per hour")


def test_one_password_on_many_usernames_is_limited_per_address(client, recruiter, settings):
    """django-axes locks each username; the address's failures are counted across them."""
    settings.REILU_RATES = {**settings.REILU_RATES, "login_failures": "5/h"}
    for n in range(5):
        response = client.post("/staff/login/", {"username": f"u{n}@x.example", "password": "pw"})
        assert response.status_code == 200  # the form again, with its error
    refused = client.post("/staff/login/", {"username": recruiter.username, "password": "pw"})
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    other = Client(REMOTE_ADDR="192.0.2.8")
    signed_in = other.post("/staff/login/", {"username": recruiter.username, "password": "pw"})
    assert signed_in.status_code == 302


def test_the_default_per_address_limit_stops_thirty_usernames(client, recruiter):
    codes = [
        client.post("/staff/login/", {"username": f"u{n}@x.example", "password": "pw"}).status_code
        for n in range(30)
    ]
    assert 429 in codes and codes.count(200) <= 20


def test_axes_and_the_limits_see_the_same_client_behind_a_proxy(client, recruiter, settings):
    from axes.models import AccessAttempt

    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    proxied = Client(HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.9")
    proxied.post("/staff/login/", {"username": recruiter.username, "password": "wrong"})
    assert AccessAttempt.objects.get().ip_address == "198.51.100.9"
