"""The site's URLs plus three views that fail on purpose, for the error-page tests."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.urls import path

from reilu.urls import handler400, handler403, handler404, handler500  # noqa: F401
from reilu.urls import urlpatterns as site_patterns


def bad_request(request):
    raise BadRequest("unreadable")


def denied(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("test-errors/400/", bad_request),
    path("test-errors/403/", denied),
    path("test-errors/500/", broken),
    *site_patterns,
]
