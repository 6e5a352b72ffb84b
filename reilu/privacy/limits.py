"""Rate limits on public endpoints (django-ratelimit), counted per client IP in the cache.

Use on any view or django-ninja handler that takes `request` first:

    from reilu.privacy.limits import rate_limited

    @rate_limited("contact")          # rate from settings.REILU_RATES["contact"]
    def contact_request(request, ...): ...

Groups and rates live in settings.REILU_RATES; a limit reached raises
django_ratelimit.exceptions.Ratelimited, answered with 429 in the user's language (HTML by
RatelimitMiddleware + reilu.privacy.views.ratelimited, JSON by the API's handler).
"""

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def _rate(group: str):
    def rate(_group, _request):
        return settings.REILU_RATES.get(group)

    return rate


def rate_limited(group: str, method: str | list[str] = ratelimit.ALL, key="ip"):
    """`key` is django-ratelimit's: "ip" (default), "post:field", or a callable(group, request)."""
    return ratelimit(key=key, rate=_rate(group), group=f"reilu.{group}", method=method, block=True)


def over_limit_for(request, group: str, value: str) -> bool:
    """Count one hit for `value` (e.g. an email address) rather than the client, and say
    whether the rate of settings.REILU_RATES[group] is exceeded. Callers decide what to
    do: a per-address limit must not reveal whether the address is known."""
    from django_ratelimit.core import is_ratelimited

    return is_ratelimited(
        request,
        group=f"reilu.{group}",
        key=lambda _group, _request: value.strip().lower(),
        rate=_rate(group),
        increment=True,
    )


def count_miss(request, group: str) -> None:
    """Count a failed lookup (e.g. a wrong status token) and refuse when there are too many.

    Status links are 256-bit secrets, so only guessing needs a limit: counting misses alone
    keeps the cache out of every valid candidate's page view.
    """
    from django_ratelimit.core import is_ratelimited
    from django_ratelimit.exceptions import Ratelimited

    if is_ratelimited(
        request, group=f"reilu.{group}.miss", key="ip", rate=_rate(group), increment=True
    ):
        raise Ratelimited
