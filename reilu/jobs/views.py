from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from reilu.employers.models import Organization
from reilu.jobs.jsonld import jsonld_script_body
from reilu.jobs.models import Posting
from reilu.jobs.pages import (
    job_etag,
    job_head,
    job_last_modified,
    job_part,
    list_etag,
    list_key,
    list_part,
    list_version,
    per_request,
    storable,
)
from reilu.jobs.search import SORTS, job_search, open_postings

PUBLIC_STATES = (Posting.State.PUBLISHED, Posting.State.CLOSED, Posting.State.CANCELLED)


def home(request: HttpRequest) -> HttpResponse:
    latest = open_postings().select_related("organization")[:6]
    employers = Organization.objects.filter(postings__state=Posting.State.PUBLISHED).distinct()[:8]
    return render(request, "jobs/home.html", {"latest": latest, "employers": employers})


def job_list(request: HttpRequest) -> HttpResponse:
    language = (get_language() or "fi")[:2]
    key = list_key(request, language) if storable(request) else None
    if key is None:
        return _personal(render(request, "jobs/list.html", _list_context(request)))
    csrf = get_token(request)
    version = list_version()
    tag = list_etag(key, version, request.META.get("CSRF_COOKIE", ""), request.get_full_path())
    response = get_conditional_response(request, etag=tag)
    if response is None:
        part = list_part(request, key, version, language, lambda mark: _shared_list(request))
        if part is None:
            return _personal(render(request, "jobs/list.html", _list_context(request)))
        response = HttpResponse(part.fill(per_request(request, csrf)))
    response["ETag"] = tag
    return _public(response)


def _list_context(request: HttpRequest) -> dict[str, Any]:
    filters = {
        "q": request.GET.get("q", "").strip()[:100],
        "location": request.GET.get("location", "").strip()[:100],
        "remote": request.GET.get("remote", ""),
        "employment_type": request.GET.get("employment_type", ""),
        "language": request.GET.get("language", ""),
    }
    sort = request.GET.get("sort", "")
    sort = sort if sort in SORTS else "newest"
    page = Paginator(job_search(**filters, sort=sort), 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    filtered = any(filters.values())
    return {
        "page": page,
        "filters": filters,
        "sort": sort,
        "sorts": SORTS.items(),
        "filtered": filtered,
        "alert": _alert_offer(request, filters) if filtered and not page.object_list else None,
        "query": query.urlencode(),
        "remote_choices": Posting.Remote.choices,
        "type_choices": Posting.EmploymentType.choices,
        "language_choices": Posting.Language.choices,
    }


def _shared_list(request: HttpRequest) -> dict[str, Any] | None:
    """The list's context when the page is the same for everyone: not when it offers a
    saved search (its form is for a signed-in job seeker only)."""
    context = _list_context(request)
    return None if context["alert"] else context


def _public(response: HttpResponse) -> HttpResponse:
    """A stored page: any cache may keep it but must ask each time (no-cache), which the
    validators answer with a 304, so a change is seen at once. The CSRF cookie and the
    language decide the bytes."""
    response["Cache-Control"] = "public, no-cache"
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


def _personal(response: HttpResponse) -> HttpResponse:
    """A page rendered for this request alone (a signed-in user's header, a notice)."""
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


def _alert_offer(request: HttpRequest, filters: dict) -> dict:
    """An empty result offers to mail the jobs that will match (a saved job search): a
    signed-in seeker saves it at once (the page asks `signed_in_seeker`), others sign in."""
    remote = filters["remote"] in (Posting.Remote.HYBRID, Posting.Remote.FULL)
    search = {"keywords": filters["q"], "remote": remote}
    return {
        "search": search,
        "signin_query": urlencode(
            {
                k: v
                for k, v in {"keywords": filters["q"], "remote": "1" if remote else ""}.items()
                if v
            }
        ),
    }


def job_detail(request: HttpRequest, slug: str) -> HttpResponse:
    posting = job_head(slug, PUBLIC_STATES)
    if posting is None:
        raise Http404
    if not storable(request):
        return _personal(render(request, "jobs/detail.html", _detail_context(posting.pk)))
    language = (get_language() or posting.language)[:2]
    csrf = get_token(request)
    tag = job_etag(posting, language, request.META.get("CSRF_COOKIE", ""), request.get_full_path())
    modified = job_last_modified(posting)
    # If-Modified-Since alone is answered only to a visitor who holds a CSRF cookie: under
    # "Vary: Cookie" any copy it could reuse carries a token of that same cookie.
    has_cookie = settings.CSRF_COOKIE_NAME in request.COOKIES
    response = get_conditional_response(
        request, etag=tag, last_modified=modified if has_cookie else None
    )
    if response is None:
        part = job_part(request, posting, language, lambda: _detail_context(posting.pk))
        response = HttpResponse(part.fill(per_request(request, csrf)))
    response["ETag"] = tag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    return _public(response)


def _detail_context(pk: int) -> dict[str, Any]:
    from reilu.jobs.adcheck import ad_is_clean

    posting = (
        Posting.objects.select_related("organization")
        .prefetch_related("duties", Prefetch("stages"))
        .get(pk=pk)
    )
    # The mark is earned, not assumed: the ad checker finds no error in the ad as it stands.
    ad_clean = ad_is_clean(posting)
    context: dict[str, Any] = {"posting": posting, "open": posting.is_open, "ad_clean": ad_clean}
    if posting.is_open:
        context["jsonld"] = mark_safe(jsonld_script_body(posting))  # noqa: S308 - escaped above
    return context


def employer_profile(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organization, slug=slug)
    postings = open_postings().filter(organization=org)
    return render(request, "employers/profile.html", {"org": org, "postings": postings})
