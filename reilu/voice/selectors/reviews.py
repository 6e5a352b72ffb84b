"""Public reviews: what is shown, how many are hidden, and the queue of reported ones."""

from django.db.models import Count

from reilu.voice.models import SurveyResponse


def public_reviews(organization, limit: int = 20) -> list[SurveyResponse]:
    return list(
        SurveyResponse.objects.filter(organization=organization, publish=True, hidden_at=None)
        .exclude(comment="")
        .select_related("posting", "reply")
        .order_by("-answered_on", "-id")[:limit]
    )


def hidden_review_count(organization) -> int:
    return (
        SurveyResponse.objects.filter(organization=organization, publish=True)
        .exclude(hidden_at=None)
        .count()
    )


def report_queue(organization) -> list[SurveyResponse]:
    """Reviews of this employer with reports not yet handled, most reported first."""
    return list(
        # One filter() call, so both conditions (and the count) apply to the same report row:
        # "handled_at is null" alone also matches a review with no reports (the outer join).
        SurveyResponse.objects.filter(
            organization=organization, reports__isnull=False, reports__handled_at=None
        )
        .annotate(open_reports=Count("reports"))
        .select_related("posting", "reply")
        .order_by("-open_reports", "-answered_on")
    )
