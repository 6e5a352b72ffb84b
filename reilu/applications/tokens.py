"""The application a candidate's status link opens, or the refusal when it opens none."""

from django.http import HttpRequest

from reilu.applications.models import AccessToken, Application
from reilu.errors import LinkExpired, LinkNotFound
from reilu.limits import count_miss


def application_for_token(
    token: str, *, request: HttpRequest | None = None, tell_expired: bool = False
) -> Application:
    """The application behind `token`, for pages and API operations under a status link.

    A link that opens nothing raises `LinkNotFound` (the candidate-link 404 page; 404 in the
    API). With `tell_expired`, a real link past its time raises `LinkExpired` (410) instead;
    otherwise it is not found like any other. Given the request, a miss counts towards the
    status rate limit, which keeps guessing links slow.
    """
    app, expired = AccessToken.lookup(token)
    if expired and tell_expired:
        raise LinkExpired
    if app is None:
        if request is not None:
            count_miss(request, "status")
        raise LinkNotFound
    return app
