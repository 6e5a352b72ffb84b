"""Rate limits on public endpoints: exact fixed-window counters per client address.

Use on any view or django-ninja handler that takes `request` first:

    from reilu.limits import rate_limited

    @rate_limited("contact")          # rate from settings.REILU_RATES["contact"]
    def contact_request(request, ...): ...

Groups and rates ("N/s|m|h|d", e.g. "20/h") live in settings.REILU_RATES. A limit reached
raises django_ratelimit.exceptions.Ratelimited, answered with 429 in the user's language
(HTML by RatelimitMiddleware + reilu.privacy.views.ratelimited, JSON by the API's handler).

Counting does not use the cache: Django's cache API has no atomic increment-with-lifetime
(the database cache's incr() re-saves the value with the default timeout and loses
parallel hits). Each hit is one atomic upsert on RateCounter (INSERT … ON CONFLICT DO UPDATE
… RETURNING, SQLite ≥ 3.35 and PostgreSQL), or INCR on Redis when the cache is Redis.
A window is fixed: "20/h" allows 20 hits from 10:00:00 to 10:59:59, whatever the gaps.
"""

import hashlib
import ipaddress
import re
import time
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from django.conf import settings
from django.db import connection, models
from django.http import HttpRequest
from django_ratelimit.exceptions import Ratelimited

if TYPE_CHECKING:
    from django.core.cache.backends.redis import RedisCacheClient
    from redis import Redis


class RateCounter(models.Model):
    """Hits of one rate-limit key in one fixed window.

    The key names the limit and a hash of the client address, never the address itself.
    Windows are epoch seconds; a row is useless once its window has ended and is swept.
    """

    key = models.CharField(max_length=100)
    window_start = models.BigIntegerField()
    window_end = models.BigIntegerField(db_index=True)
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        # The counters live beside the code that counts, but their table and migrations
        # stay the privacy app's (privacy_ratecounter, privacy/0003): moving the model here
        # changed no schema. reilu.privacy.models imports this class so that the app
        # registry knows it as soon as the privacy app's models load.
        app_label = "privacy"
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="one_counter_per_window")
        ]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window_start}: {self.hits}"


P = ParamSpec("P")
R = TypeVar("R")
View = Callable[Concatenate[HttpRequest, P], R]

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")
_REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def parse_rate(rate: str) -> tuple[int, int]:
    """'20/h' → (20, 3600); '5/10m' → (5, 600)."""
    match = _RATE.match(rate.strip())
    if not match:
        raise ValueError(f"not a rate: {rate!r}")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * _UNITS[unit]


def client_address(request: HttpRequest) -> str:
    """The client's address (RATELIMIT_IP_META_KEY behind a proxy), IPv6 by its /64."""
    meta_key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    raw = request.META.get(meta_key, "") or request.META.get("REMOTE_ADDR", "")
    # X-Forwarded-For lists client, proxy, proxy…: the last entry is the one our own proxy
    # added, the only one a client cannot forge.
    value = raw.split(",")[-1].strip()
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return value or "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def client_ip(request: HttpRequest) -> str | None:
    """django-axes' client address: the same as the limits', None when there is none."""
    address = client_address(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def _incr_database(key: str, window_start: int, window_end: int) -> int:
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, window_start, window_end, hits) "  # noqa: S608 - table name from the model
            "VALUES (%s, %s, %s, 1) "
            f"ON CONFLICT (key, window_start) DO UPDATE SET hits = {table}.hits + 1 "
            "RETURNING hits",
            [key, window_start, window_end],
        )
        return cursor.fetchone()[0]


def _redis_client() -> "Redis":
    """The redis-py client Django's RedisCache itself writes with.

    Counters are read from it too: with replicas configured, a replica may lag behind the
    counts just written."""
    from django.core.cache import cache

    # RedisCache._cache is private and left out of django-stubs.
    backend: RedisCacheClient = cache._cache  # type: ignore[attr-defined]
    return backend.get_client(write=True)


def _incr_redis(key: str, window_start: int, window_end: int) -> int:
    # Django's RedisCache has no public way to an atomic increment with an expiry: use its
    # redis-py client (the same one the cache itself uses).
    client = _redis_client()
    name = f"reilu:limit:{key}:{window_start}"
    pipe = client.pipeline(transaction=True)
    pipe.incr(name)
    # A lifetime, not an end time: Redis's clock and ours need not agree.
    pipe.expire(name, max(1, window_end - int(time.time())) + 1)
    hits, _expiry = pipe.execute()
    return int(hits)


def _uses_redis() -> bool:
    return settings.CACHES["default"]["BACKEND"] == _REDIS_BACKEND


def _window(name: str, rate: str, now: float | None) -> tuple[int, str, int, int]:
    limit, period = parse_rate(rate)
    now = time.time() if now is None else now
    window_start = int(now // period) * period
    return limit, f"{_digest(name)}:{period}", window_start, window_start + period


def hit(name: str, rate: str, now: float | None = None) -> bool:
    """Count one hit on `name` under `rate`; True while the window's limit is not passed."""
    limit, key, start, end = _window(name, rate, now)
    incr = _incr_redis if _uses_redis() else _incr_database
    return incr(key, start, end) <= limit


def exhausted(name: str, rate: str, now: float | None = None) -> bool:
    """True when `name` has used up `rate` in the current window (counts nothing)."""
    limit, key, start, _end = _window(name, rate, now)
    hits: bytes | str | int | None
    if _uses_redis():
        hits = _redis_client().get(f"reilu:limit:{key}:{start}")
    else:
        hits = (
            RateCounter.objects.filter(key=key, window_start=start)
            .values_list("hits", flat=True)
            .first()
        )
    return int(hits or 0) >= limit


def check(request: HttpRequest, group: str, scope: str = "") -> None:
    """Count a hit on `group` for this client (and `scope`); raise Ratelimited past the limit."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return
    rate = settings.REILU_RATES.get(group)
    if not rate:
        return
    if not hit(f"{group}:{scope}:{client_address(request)}", rate):
        raise Ratelimited


def rate_limited(
    group: str,
    method: str | list[str] | None = None,
    key: Callable[[str, HttpRequest], str | None] | None = None,
) -> Callable[[View[P, R]], View[P, R]]:
    """Limit a view per client; only `method` requests count (all when None).

    `key(group, request)`, when given, names what is counted instead of the client (e.g. the
    email address a form asks about); a None key counts nothing.
    """
    methods = [method] if isinstance(method, str) else method

    def decorator(view: View[P, R]) -> View[P, R]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R:
            if methods is None or request.method in methods:
                if key is None:
                    check(request, group)
                else:
                    value = key(group, request)
                    if value is not None and over_limit_for(request, group, value):
                        raise Ratelimited
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def over_limit_for(request: HttpRequest, group: str, value: str) -> bool:
    """Count one hit for `value` (e.g. an email address) rather than the client, and say
    whether the rate of settings.REILU_RATES[group] is exceeded. Callers decide what to
    do: a per-address limit must not reveal whether the address is known."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    rate = settings.REILU_RATES.get(group)
    if not rate:
        return False
    return not hit(f"{group}:value:{value.strip().lower()}", rate)


def failures_limited(view: View[P, R]) -> View[P, R]:
    """Refuse a sign-in form's POSTs from an address with too many failed sign-ins.

    django-axes locks a username (per address); this also stops one address trying one
    password on many usernames. Failures are counted by `count_login_failure`.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R:
        rate = settings.REILU_RATES.get("login_failures")
        if (
            request.method == "POST"
            and rate
            and getattr(settings, "RATELIMIT_ENABLE", True)
            and exhausted(f"login_failures::{client_address(request)}", rate)
        ):
            raise Ratelimited
        return view(request, *args, **kwargs)

    return wrapper


def count_login_failure(
    sender: object,
    credentials: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> None:
    """user_login_failed receiver: one failure more for the request's address."""
    rate = settings.REILU_RATES.get("login_failures")
    if request is not None and rate:
        hit(f"login_failures::{client_address(request)}", rate)


def count_miss(request: HttpRequest, group: str) -> None:
    """Count a failed lookup (e.g. a wrong status token) and refuse when there are too many.

    Status links are 256-bit secrets, so only guessing needs a limit: counting misses alone
    keeps the counters out of every valid candidate's page view.
    """
    check(request, group, scope="miss")


def sweep(now: float | None = None) -> int:
    """Delete counters whose window has ended."""
    now = time.time() if now is None else now
    deleted, _ = RateCounter.objects.filter(window_end__lte=int(now)).delete()
    return deleted
