"""The privacy notices as pages of their own, at stable addresses, in the visitor's language.

/privacy/ explains whose notice applies and lists every employer's; each employer's
current notice lives at /employers/<slug>/privacy/ with its version (0 = the built-in text).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from reilu.employers.models import Organization
from reilu.privacy.notices import LANGUAGES, current_notice
from reilu.privacy.registry import public_employers


def _language() -> str:
    language = (get_language() or "en")[:2]
    return language if language in LANGUAGES else "en"


def privacy_page(request: HttpRequest) -> HttpResponse:
    employers = public_employers().order_by("name")
    return render(request, "privacy/page.html", {"employers": employers})


def employer_notice(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organization, slug=slug)
    notice = current_notice(org)
    context = {
        "org": org,
        "notice_text": notice.text(_language()),
        "notice_version": notice.version,
        "notice_date": getattr(notice, "created_at", None),
    }
    return render(request, "privacy/employer_notice.html", context)
