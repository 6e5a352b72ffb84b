"""A posting's board for staff: its active applications in one column per stage, and the
delivery of their messages above it."""

from django.db.models import Count
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


@recruiter_required
def board(request: StaffRequest, pk: int) -> HttpResponse:
    return board_page(request, staff_posting(request, pk))


def board_page(request: HttpRequest, posting: Posting) -> HttpResponse:
    """The whole page, or only the columns for htmx (also the answer to a move from it)."""
    stages = list(posting.stages.all())
    active = Application.objects.filter(posting=posting, outcome=Application.Outcome.ACTIVE)
    counts = dict(active.values_list("stage").annotate(n=Count("id")).values_list("stage", "n"))
    # One query per column, each capped: the board stays fast with thousands of applicants.
    columns = []
    for stage in stages:
        cards = list(
            active.filter(stage=stage)
            .only(
                "id",
                "name",
                "promised_by",
                "created_at",
                "stage_id",
                "language",
                "anonymous_review",
                "revealed_at",
            )
            .order_by("promised_by", "id")[:BOARD_COLUMN_LIMIT]
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
            "problems": publish_problems(posting) if posting.state == "draft" else [],
        },
    )


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
