"""Rate limits rule by rule (reilu.limits): which address counts, which requests count, the
switch, counting for a value, the window a hit falls in, and Redis's lifetime of a counter.

Written from the mutants that survived the module's tests (docs/testing.md, "limits").
"""

import datetime as dt

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django_ratelimit.exceptions import Ratelimited

from reilu import limits
from reilu.limits import RateCounter

HOUR = 3600
START = dt.datetime(2026, 3, 2, 10, 0, 0, tzinfo=dt.UTC).timestamp()


def request(method="GET", **meta):
    return getattr(RequestFactory(), method.lower())("/", **meta)


@pytest.fixture
def no_proxy(settings):
    settings.RATELIMIT_IP_META_KEY = None
    return settings


# --- The client's address -------------------------------------------------------------------


def test_without_a_proxy_setting_the_connections_address_counts(no_proxy):
    assert limits.client_address(request(REMOTE_ADDR="192.0.2.1")) == "192.0.2.1"


def test_a_proxy_header_missing_falls_back_to_the_connections_address(settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    assert limits.client_address(request(REMOTE_ADDR="192.0.2.2")) == "192.0.2.2"


def test_a_request_without_any_address_is_unknown(no_proxy):
    assert limits.client_address(request(REMOTE_ADDR="")) == "unknown"
    nowhere = request()
    del nowhere.META["REMOTE_ADDR"]  # e.g. a request that came over a Unix socket
    assert limits.client_address(nowhere) == "unknown"
    assert limits.client_ip(request(REMOTE_ADDR="")) is None


def test_an_ipv6_client_is_counted_by_its_64_network(no_proxy):
    one = limits.client_address(request(REMOTE_ADDR="2001:db8:1:2:3:4:5:6"))
    two = limits.client_address(request(REMOTE_ADDR="2001:db8:1:2:ffff::9"))
    assert one == two == "2001:db8:1:2::"
    assert limits.client_ip(request(REMOTE_ADDR="2001:db8:1:2:3:4:5:6")) == "2001:db8:1:2::"


def test_a_bad_rate_names_itself():
    with pytest.raises(ValueError, match="not a rate: '20 per hour'"):
        limits.parse_rate("20 per hour")


# --- Windows, as of a given time ------------------------------------------------------------


@pytest.mark.django_db
def test_a_hit_falls_in_the_window_of_its_own_time():
    assert limits.hit("w", "2/h", now=START + 10)
    assert list(RateCounter.objects.values_list("window_start", "window_end", "hits")) == [
        (int(START), int(START) + HOUR, 1)
    ]
    assert limits.hit("w", "2/h", now=START + HOUR - 1)
    assert not limits.hit("w", "2/h", now=START + 20)
    assert limits.exhausted("w", "2/h", now=START + 30)
    # The next window starts empty, whatever the last one held.
    assert not limits.exhausted("w", "2/h", now=START + HOUR)
    assert not limits.exhausted("w", "1/h", now=START + HOUR)
    assert limits.sweep(now=START + HOUR - 1) == 0
    assert limits.sweep(now=START + HOUR) == 1


# --- Which requests count ---------------------------------------------------------------


def ok(request):
    return HttpResponse("ok")


@pytest.mark.django_db
def test_a_post_only_limit_lets_reads_through_and_counts_posts(settings, no_proxy):
    settings.REILU_RATES = {**settings.REILU_RATES, "contact": "2/h"}
    view = limits.rate_limited("contact", method="POST")(ok)
    for _ in range(3):
        assert view(request("GET", REMOTE_ADDR="192.0.2.3")).status_code == 200
    for _ in range(2):
        assert view(request("POST", REMOTE_ADDR="192.0.2.3")).status_code == 200
    with pytest.raises(Ratelimited):
        view(request("POST", REMOTE_ADDR="192.0.2.3"))


@pytest.mark.django_db
def test_a_limit_without_a_method_counts_every_request(settings, no_proxy):
    settings.REILU_RATES = {**settings.REILU_RATES, "contact": "2/h"}
    view = limits.rate_limited("contact")(ok)
    view(request("GET", REMOTE_ADDR="192.0.2.4"))
    view(request("POST", REMOTE_ADDR="192.0.2.4"))
    with pytest.raises(Ratelimited):
        view(request("GET", REMOTE_ADDR="192.0.2.4"))


@pytest.mark.django_db
def test_limits_are_on_unless_switched_off(settings, no_proxy):
    settings.REILU_RATES = {**settings.REILU_RATES, "contact": "1/h"}
    del settings.RATELIMIT_ENABLE
    limits.check(request(REMOTE_ADDR="192.0.2.5"), "contact")
    with pytest.raises(Ratelimited):
        limits.check(request(REMOTE_ADDR="192.0.2.5"), "contact")
    assert not limits.over_limit_for(request(), "contact", "b@example.fi")
    assert limits.over_limit_for(request(), "contact", "b@example.fi")
    settings.RATELIMIT_ENABLE = False
    for _ in range(3):
        limits.check(request(REMOTE_ADDR="192.0.2.5"), "contact")
        assert not limits.over_limit_for(request(), "contact", "a@example.fi")


@pytest.mark.django_db
def test_wrong_status_links_are_counted_apart_from_the_candidates_own_pages(settings, no_proxy):
    settings.REILU_RATES = {**settings.REILU_RATES, "status": "2/m"}
    guesser = request(REMOTE_ADDR="192.0.2.6")
    limits.count_miss(guesser, "status")
    limits.count_miss(guesser, "status")
    limits.check(guesser, "status")  # a page of a real link, counted on its own
    with pytest.raises(Ratelimited):
        limits.count_miss(guesser, "status")


# --- Counting for a value (an email address asked about) ---------------------------------


@pytest.mark.django_db
def test_a_value_is_counted_whatever_its_case_and_whichever_client_asks(settings, no_proxy):
    settings.REILU_RATES = {**settings.REILU_RATES, "status_links_address": "2/h"}
    asks = [
        (request(REMOTE_ADDR="192.0.2.7"), "Aino@Example.fi"),
        (request(REMOTE_ADDR="192.0.2.8"), " aino@example.fi "),
    ]
    assert [limits.over_limit_for(r, "status_links_address", v) for r, v in asks] == [
        False,
        False,
    ]
    assert limits.over_limit_for(
        request(REMOTE_ADDR="192.0.2.9"), "status_links_address", "AINO@example.fi"
    )
    # Another address has its own count, and the asking client none from it.
    assert not limits.over_limit_for(request(), "status_links_address", "eero@example.fi")
    limits.check(request(REMOTE_ADDR="192.0.2.7"), "status_links_address")


@pytest.mark.django_db
def test_a_group_without_a_rate_limits_nothing(settings):
    settings.REILU_RATES = {"apply": "1/h"}
    assert not limits.over_limit_for(request(), "unknown_group", "a@example.fi")
    assert not RateCounter.objects.exists()


@pytest.mark.django_db
def test_a_failed_sign_in_reported_without_a_request_is_not_counted():
    # user_login_failed may come without a request (authenticate() called from code).
    limits.count_login_failure(sender=None, credentials={"username": "x"}, request=None)
    assert not RateCounter.objects.exists()


# --- Redis -----------------------------------------------------------------------------------


@pytest.fixture
def redis_cache(settings, redis_url):
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
    client = redis.Redis.from_url(redis_url)
    yield client
    for key in client.scan_iter("reilu:limit:*"):
        client.delete(key)


def _ttl(client, name, rate, now):
    _limit, key, start, _end = limits._window(name, rate, now)
    return client.ttl(f"reilu:limit:{key}:{start}")


@pytest.mark.django_db
def test_on_redis_a_counter_lives_as_long_as_its_window(redis_cache, time_machine):
    name = f"ttl:{START}"
    time_machine.move_to(dt.datetime.fromtimestamp(START + 1800, dt.UTC), tick=False)
    assert limits.hit(name, "5/h")
    assert 1800 <= _ttl(redis_cache, name, "5/h", START + 1800) <= 1801


@pytest.mark.django_db
def test_on_redis_the_last_second_of_a_window_still_counts(redis_cache, time_machine):
    name = f"last:{START}"
    time_machine.move_to(dt.datetime.fromtimestamp(START + HOUR - 1, dt.UTC), tick=False)
    assert limits.hit(name, "1/h")
    assert not limits.hit(name, "1/h")
    assert limits.exhausted(name, "1/h")
    assert 1 <= _ttl(redis_cache, name, "1/h", START + HOUR - 1) <= 2
