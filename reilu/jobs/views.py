from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from reilu.employers.models import Organization
from reilu.jobs.jsonld import jsonld_script_body
from reilu.jobs.models import Posting
from reilu.jobs.search import SORTS, job_search, open_postings

PUBLIC_STATES = (Posting.State.PUBLISHED, Posting.State.CLOSED, Posting.State.CANCELLED)


def home(request: HttpRequest) -> HttpResponse:
    latest = open_postings().select_related("organization")[:6]
    employers = Organization.objects.filter(postings__state=Posting.State.PUBLISHED).distinct()[:8]
    return render(request, "jobs/home.html", {"latest": latest, "employers": employers})


def job_list(request: HttpRequest) -> HttpResponse:
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
    return render(
        request,
        "jobs/list.html",
        {
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
        },
    )


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
    posting = get_object_or_404(
        Posting.objects.select_related("organization").prefetch_related(
            "duties", Prefetch("stages")
        ),
        slug=slug,
        state__in=PUBLIC_STATES,
    )
    from reilu.jobs.adcheck import ad_is_clean

    # The mark is earned, not assumed: the ad checker finds no error in the ad as it stands.
    ad_clean = ad_is_clean(posting)
    context = {"posting": posting, "open": posting.is_open, "ad_clean": ad_clean}
    if posting.is_open:
        context["jsonld"] = mark_safe(jsonld_script_body(posting))  # noqa: S308 - escaped above
    return render(request, "jobs/detail.html", context)


def employer_profile(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organization, slug=slug)
    postings = open_postings().filter(organization=org)
    return render(request, "employers/profile.html", {"org": org, "postings": postings})
