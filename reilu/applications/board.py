"""A posting's board for staff: its active applications in one column per stage, and the
delivery of their messages above it."""

from collections.abc import Callable
from typing import Any

from django.db.models import Count, F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.middleware import HtmxDetails

from reilu.applications.models import Application
from reilu.employers.staff import StaffRequest, recruiter_required
from reilu.jobs.models import Posting
from reilu.jobs.rules import publish_problems
from reilu.jobs.staff_views import staff_posting
from reilu.messaging.models import Message

BOARD_COLUMN_LIMIT = 50

# The structured first review's combined score (issue 19), registered by the interviews area
# (which sits above this one): (queryset, user) → the queryset annotated with
# `review_score` (a mean, or None) and `review_mine` (whether the user has scored).
_score: Callable[[QuerySet[Application], Any], QuerySet[Application]] | None = None


def register_board_score(
    annotate: Callable[[QuerySet[Application], Any], QuerySet[Application]],
) -> None:
    global _score
    _score = annotate


@recruiter_required
def board(request: StaffRequest, pk: int) -> HttpResponse:
    return board_page(request, staff_posting(request, pk))


def board_page(request: HttpRequest, posting: Posting) -> HttpResponse:
    """The whole page, or only the columns for htmx (also the answer to a move from it)."""
    stages = list(posting.stages.all())
    active = Application.objects.filter(posting=posting, outcome=Application.Outcome.ACTIVE)
    counts = dict(active.values_list("stage").annotate(n=Count("id")).values_list("stage", "n"))
    # By promised date (the default), or by the first review's combined score: those the
    # viewer has scored, best first; then the others by promised date.
    by_score = _score is not None and _requested_sort(request) == "score"
    # One query per column, each capped: the board stays fast with thousands of applicants.
    columns = []
    for stage in stages:
        column = active.filter(stage=stage)
        order: list[Any] = ["promised_by", "id"]
        if _score is not None:
            column = _score(column, request.user)
            if by_score:
                order = [
                    F("review_mine").desc(),
                    F("review_score").desc(nulls_last=True),
                    *order,
                ]
        cards = list(
            column.only(
                "id",
                "name",
                "promised_by",
                "created_at",
                "stage_id",
                "language",
                "anonymous_review",
                "revealed_at",
                "erased_at",  # the card's name (display_name)
            ).order_by(*order)[:BOARD_COLUMN_LIMIT]
        )
        columns.append({"stage": stage, "cards": cards, "count": counts.get(stage.pk, 0)})
    outcomes = dict(
        Application.objects.filter(posting=posting)
        .exclude(outcome=Application.Outcome.ACTIVE)
        .values_list("outcome")
        .annotate(n=Count("id"))
        .values_list("outcome", "n")
    )
    # What django-htmx's middleware sets as request.htmx, read here with its type.
    partial = bool(HtmxDetails(request))
    template = "applications/staff/_board.html" if partial else "applications/staff/board.html"
    return render(
        request,
        template,
        {
            "posting": posting,
            "columns": columns,
            "outcomes": outcomes,
            "limit": BOARD_COLUMN_LIMIT,
            "sort": "score" if by_score else "promised",
            "problems": publish_problems(posting) if posting.state == "draft" else [],
        },
    )


def _requested_sort(request: HttpRequest) -> str:
    return request.GET.get("sort") or request.POST.get("sort") or ""


@recruiter_required
def delivery(request: HttpRequest, pk: int) -> HttpResponse:
    """Delivery progress of this posting's candidate messages, polled while any are queued."""
    posting = staff_posting(request, pk)
    states = dict(
        Message.objects.about_any(Application, posting.applications.values("pk"))
        .filter(alert_staff_on_failure=True)
        .values_list("state")
        .annotate(n=Count("id"))
        .values_list("state", "n")
    )
    sent = states.get("sent", 0)
    pending = states.get("pending", 0) + states.get("sending", 0)
    failed = states.get("failed", 0)
    return render(
        request,
        "applications/staff/_delivery.html",
        {
            "posting": posting,
            "sent": sent,
            "pending": pending,
            "failed": failed,
            "total": sent + pending + failed,
        },
    )
