"""Public reviews: what is shown, how many are hidden, and the queue of reported ones."""

from django.db.models import Count, IntegerField, OuterRef, Subquery

from reilu.voice.models import SurveyResponse
from reilu.voice.selectors.figures import MIN_BASIS


def _peers(**match) -> Subquery:
    """How many answers share the review's posting (and `match`): the crowd it hides in."""
    same = (
        SurveyResponse.objects.filter(posting=OuterRef("posting"), **match)
        .values("posting")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Subquery(same, output_field=IntegerField())


def public_reviews(organization, limit: int = 20) -> list[SurveyResponse]:
    """Published comments, each shown only once at least MIN_BASIS candidates of the same
    posting have answered the survey: the survey promises that answers are seen together
    with others', and a comment under a posting's name, month and outcome from one of three
    candidates would name its writer to the employer (staff see no more than the public).
    The outcome is shown only when MIN_BASIS answers of the posting share it."""
    reviews: list[SurveyResponse] = list(
        SurveyResponse.objects.filter(organization=organization, publish=True, hidden_at=None)
        .exclude(comment="")
        .annotate(peers=_peers(), outcome_peers=_peers(outcome=OuterRef("outcome")))
        .filter(peers__gte=MIN_BASIS)
        .select_related("posting", "reply")
        .order_by("-answered_on", "-id")[:limit]
    )
    for review in reviews:
        # Read by the template: the outcome line of the review.
        setattr(review, "show_outcome", getattr(review, "outcome_peers", 0) >= MIN_BASIS)  # noqa: B010
    return reviews


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
