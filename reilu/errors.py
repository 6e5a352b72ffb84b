"""Error pages in Reilu's layout and the visitor's language, each with a way forward.

Django's handlers (handler400/403/404/500 in urls.py, CSRF_FAILURE_VIEW) call the views
below. A candidate's link that is unknown or no longer valid raises `LinkNotFound` or
`LinkExpired`; `CandidateLinkMiddleware` answers those with the friendly 404/410 page even
in debug mode, where Django would otherwise show its technical 404 to a job seeker.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger(__name__)
Response = TypeVar("Response", bound=HttpResponseBase)


class LinkNotFound(Exception):
    """A candidate's link that matches nothing (mistyped, cut short, or erased)."""


class LinkExpired(Exception):
    """A candidate's link that was real but no longer opens anything (404 vs 410)."""


def _page(request: HttpRequest, status: int, context: dict | None = None) -> HttpResponse:
    return render(
        request, f"errors/{status}.html", {"code": status, **(context or {})}, status=status
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(request, 403, {"csrf": True})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404)


def link_not_found(request: HttpRequest) -> HttpResponse:
    return _page(request, 404, {"candidate_link": True})


def link_expired(request: HttpRequest) -> HttpResponse:
    return _page(request, 410, {"candidate_link": True})


def _form_page(request: HttpRequest) -> str:
    """The page a refused form was sent from (this site's only), so the way forward can
    lead back to it: the form's own address may answer only POST."""
    referer = request.META.get("HTTP_REFERER", "")
    if request.method != "POST" or not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return referer


def too_many_requests(request: HttpRequest, message: str) -> HttpResponse:
    response = _page(request, 429, {"message": message, "back": _form_page(request)})
    response["Retry-After"] = "60"
    return response


FALLBACK_500 = (
    "<!doctype html><title>Error · Reilu</title><h1>Something went wrong</h1>"
    '<p>Please try again in a moment. <a href="/">Reilu</a></p>'
)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page: rendered without the request, so no context processor and no database
    query can fail a second time; a plain fallback if even the template cannot render."""
    try:
        html = loader.get_template("errors/500.html").render({"code": 500})
    except Exception:  # the last line of defence must not raise itself
        logger.exception("the 500 page could not be rendered")
        html = FALLBACK_500
    return HttpResponseServerError(html)


class CandidateLinkMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, LinkExpired):
            return private_response(link_expired(request))
        if isinstance(exception, LinkNotFound):
            return private_response(link_not_found(request))
        return None


def private_response(response: Response) -> Response:
    """For pages whose address holds a secret (a candidate's or a seeker's link): never pass
    the address on to other sites, never cache the answer."""
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response
