from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "dev_mailbox": settings.REILU_DEV_MAILBOX,
        "base_url": settings.BASE_URL,
        "is_recruiter": _is_recruiter(request),
    }


def _is_recruiter(request: HttpRequest) -> bool:
    """Whether to show the recruiter's navigation (interviewers see only their interviews)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    from reilu.employers.access import recruiting_orgs

    return recruiting_orgs(user).exists()
