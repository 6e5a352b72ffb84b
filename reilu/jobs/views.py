from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import mark_safe

from reilu.employers.models import Organization
from reilu.jobs.jsonld import jsonld_script_body
from reilu.jobs.models import Posting

PUBLIC_STATES = (Posting.State.PUBLISHED, Posting.State.CLOSED, Posting.State.CANCELLED)


def open_postings():
    today = timezone.localdate()
    return Posting.objects.filter(state=Posting.State.PUBLISHED).filter(
        Q(apply_by__isnull=True) | Q(apply_by__gte=today)
    )


def home(request):
    latest = open_postings().select_related("organization")[:6]
    employers = Organization.objects.filter(postings__state=Posting.State.PUBLISHED).distinct()[:8]
    return render(request, "jobs/home.html", {"latest": latest, "employers": employers})


def job_list(request):
    postings = open_postings().select_related("organization")
    filters = {
        "q": request.GET.get("q", "").strip()[:100],
        "location": request.GET.get("location", "").strip()[:100],
        "remote": request.GET.get("remote", ""),
        "employment_type": request.GET.get("employment_type", ""),
        "language": request.GET.get("language", ""),
    }
    if filters["q"]:
        postings = postings.filter(
            Q(title__icontains=filters["q"]) | Q(organization__name__icontains=filters["q"])
        )
    if filters["location"]:
        postings = postings.filter(location__icontains=filters["location"])
    if filters["remote"] in Posting.Remote.values:
        postings = postings.filter(remote=filters["remote"])
    if filters["employment_type"] in Posting.EmploymentType.values:
        postings = postings.filter(employment_type=filters["employment_type"])
    if filters["language"] in Posting.Language.values:
        postings = postings.filter(language=filters["language"])
    page = Paginator(postings, 20).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "jobs/list.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "remote_choices": Posting.Remote.choices,
            "type_choices": Posting.EmploymentType.choices,
            "language_choices": Posting.Language.choices,
        },
    )


def job_detail(request, slug):
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


def employer_profile(request, slug):
    org = get_object_or_404(Organization, slug=slug)
    postings = open_postings().filter(organization=org)
    return render(request, "employers/profile.html", {"org": org, "postings": postings})
