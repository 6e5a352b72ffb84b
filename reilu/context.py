from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from reilu.talent.auth import current_seeker
from reilu.talent.models import Seeker


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "dev_mailbox": settings.REILU_DEV_MAILBOX,
        "base_url": settings.BASE_URL,
        "is_recruiter": _is_recruiter(request),
        # Looked up only by a page that asks (the job list's alert offer), so the areas below
        # talent need not know how seekers sign in.
        "signed_in_seeker": SimpleLazyObject(lambda: _seeker(request)),
    }


def _seeker(request: HttpRequest) -> Seeker | None:
    return current_seeker(request) if hasattr(request, "session") else None


def _is_recruiter(request: HttpRequest) -> bool:
    """Whether to show the recruiter's navigation (interviewers see only their interviews)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    from reilu.employers.access import recruiting_orgs

    return recruiting_orgs(user).exists()
