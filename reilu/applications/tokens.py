"""The application a candidate's status link opens, or the refusal when it opens none."""

from django.http import HttpRequest

from reilu.applications.models import AccessToken, Application
from reilu.applications.retention import token_expired
from reilu.employers.models import hash_token
from reilu.errors import LinkExpired, LinkNotFound
from reilu.formatting import chosen_language, use_language
from reilu.limits import count_miss


def token_lookup(raw: str) -> tuple[Application | None, bool]:
    """(the application, False) for a working link; (None, True) for a real link that has
    expired; (None, False) for one that matches nothing (also an empty or overlong one: no
    stored hash matches it)."""
    token = (
        AccessToken.objects.select_related(
            "application__posting__organization", "application__stage"
        )
        .filter(token_hash=hash_token(raw))
        .first()
    )
    if token is None:
        return None, False
    # Links die with the data: after erasure, and once the retention period has passed.
    if token_expired(token.application):
        return None, True
    return token.application, False


def token_application(raw: str) -> Application | None:
    """The application a working link opens, or None."""
    return token_lookup(raw)[0]


def application_for_token(
    token: str, *, request: HttpRequest | None = None, tell_expired: bool = False
) -> Application:
    """The application behind `token`, for pages and API operations under a status link.

    A link that opens nothing raises `LinkNotFound` (the candidate-link 404 page; 404 in the
    API). With `tell_expired`, a real link past its time raises `LinkExpired` (410) instead;
    otherwise it is not found like any other. Given the request, a miss counts towards the
    status rate limit, which keeps guessing links slow.
    """
    app, expired = token_lookup(token)
    if expired and tell_expired:
        raise LinkExpired
    if app is None:
        if request is not None:
            count_miss(request, "status")
        raise LinkNotFound
    return app


def link_language(request: HttpRequest, app: Application) -> str:
    """Show a page under a candidate's link in the language they applied in, unless the
    visitor has chosen a language on the site: a status link opened in a fresh browser
    follows the application, not the browser's Accept-Language."""
    return use_language(request, chosen_language(request) or app.language)
