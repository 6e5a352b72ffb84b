"""Staff request helpers: the organisation a recruiter is working for right now."""

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar, cast

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponseBase
from django_htmx.middleware import HtmxDetails

from reilu.employers.access import recruiting_orgs
from reilu.employers.models import Organization

if TYPE_CHECKING:
    from django.contrib.auth.models import User

P = ParamSpec("P")
R = TypeVar("R", bound=HttpResponseBase)


class StaffRequest(HttpRequest):
    """For annotations: a request that passed recruiter_required, which sets `org` (and
    lets only a signed-in user through); `htmx` is django-htmx's, on every request."""

    org: Organization
    user: "User"
    htmx: HtmxDetails


def current_org(request: HttpRequest) -> Organization | None:
    orgs = recruiting_orgs(request.user)
    chosen = request.session.get("org")
    org = orgs.filter(pk=chosen).first() if chosen else None
    return org or orgs.order_by("name").first()


def recruiter_required(
    view: Callable[Concatenate[StaffRequest, P], R],
) -> Callable[Concatenate[HttpRequest, P], R]:
    """Signed in, and a recruiter or owner of some employer; the view scopes further."""

    @wraps(view)
    @login_required
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> R:
        org = current_org(request)
        if org is None:
            raise Http404
        staff = cast(StaffRequest, request)
        staff.org = org
        return view(staff, *args, **kwargs)

    return wrapper


def set_language(request: HttpRequest) -> HttpResponseBase:
    """Django's language switch, which also remembers a signed-in person's choice on their
    memberships: Reilu's reminders and alerts to them are then written in it."""
    from django.conf import settings
    from django.views.i18n import set_language as switch

    from reilu.employers.models import Membership

    response = switch(request)
    language = request.POST.get("language", "") if request.method == "POST" else ""
    chosen = language in dict(settings.LANGUAGES)
    if chosen and request.user.is_authenticated and response.status_code in (204, 302):
        Membership.objects.filter(user=request.user).exclude(language=language).update(
            language=language
        )
    return response
