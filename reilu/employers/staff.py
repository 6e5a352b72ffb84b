"""Staff request helpers: the organisation a recruiter is working for right now."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from reilu.employers.access import recruiting_orgs


def current_org(request):
    orgs = recruiting_orgs(request.user)
    chosen = request.session.get("org")
    org = orgs.filter(pk=chosen).first() if chosen else None
    return org or orgs.order_by("name").first()


def recruiter_required(view):
    """Signed in, and a recruiter or owner of some employer; the view scopes further."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        request.org = current_org(request)
        if request.org is None:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
