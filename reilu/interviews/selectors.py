"""Reads for the interviews area: who may see what, aggregates and reports."""

import datetime as dt

from django.db.models import Avg, Count, F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from reilu.applications.models import Application, Event
from reilu.employers.access import recruiting_orgs
from reilu.employers.models import Membership
from reilu.interviews.criteria import criteria_for
from reilu.interviews.models import (
    Booking,
    FeedbackCall,
    Preparation,
    Purpose,
    Rating,
    Scorecard,
    Slot,
)
from reilu.jobs.models import Posting, Stage


def assigned_application_ids(user):
    """Applications the user interviews (an active interview booking on their slot)."""
    return Preparation.objects.filter(interviewer=user, booking__state=Booking.State.ACTIVE).values(
        "booking__application_id"
    )


def interviewer_application(user, pk) -> Application:
    """An application the user may prepare for and rate: recruiters of its employer see all
    of theirs; interviewers only those they are assigned to. Anything else is a 404."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(
        Application.objects.select_related("posting__organization", "stage"),
        Q(posting__organization__in=recruiting_orgs(user))
        | Q(pk__in=assigned_application_ids(user)),
        pk=pk,
    )


def is_assigned(user, app: Application) -> bool:
    return Preparation.objects.filter(
        interviewer=user, booking__application=app, booking__state=Booking.State.ACTIVE
    ).exists()


def can_see_ratings(user, app: Application, kind: str = Scorecard.Kind.INTERVIEW) -> bool:
    """Blind until submitted: an interviewer sees others' ratings only after their own. In
    the first review every reviewer scores blind: nobody sees the others' scores before
    submitting their own."""
    submitted = Scorecard.objects.filter(
        application=app, interviewer=user, submitted_at__isnull=False, kind=kind
    ).exists()
    if submitted:
        return True
    if kind == Scorecard.Kind.FIRST_REVIEW:
        return False
    if is_assigned(user, app):
        return False
    return recruiting_orgs(user).filter(pk=app.posting.organization_id).exists()


def scorecard_aggregate(app: Application, kind: str = Scorecard.Kind.INTERVIEW) -> list[dict]:
    """Mean and count per criterion over submitted scorecards, with the notes."""
    criteria = criteria_for(app.posting)
    stats = {
        row["criterion_id"]: row
        for row in Rating.objects.filter(
            scorecard__application=app, scorecard__submitted_at__isnull=False, scorecard__kind=kind
        )
        .values("criterion_id")
        .annotate(mean=Avg("score"), count=Count("id"))
    }
    notes: dict[int, list[str]] = {}
    for criterion_id, text in (
        Rating.objects.filter(
            scorecard__application=app, scorecard__submitted_at__isnull=False, scorecard__kind=kind
        )
        .exclude(notes="")
        .values_list("criterion_id", "notes")
    ):
        notes.setdefault(criterion_id, []).append(text)
    return [
        {
            "criterion": c,
            "mean": stats.get(c.pk, {}).get("mean"),
            "count": stats.get(c.pk, {}).get("count", 0),
            "notes": notes.get(c.pk, []),
        }
        for c in criteria
    ]


def my_interviews(user, since: dt.datetime):
    return (
        Preparation.objects.filter(
            interviewer=user,
            booking__state=Booking.State.ACTIVE,
            booking__slot__ends_at__gte=since,
        )
        .select_related("booking__slot", "booking__application__posting__organization")
        .order_by("booking__slot__starts_at")[:200]
    )


def preparation_shares(organization, now: dt.datetime) -> dict:
    """Share of held interviews for which the interviewer confirmed preparation in time,
    per interviewer and for the employer."""
    held = Preparation.objects.filter(
        booking__state=Booking.State.ACTIVE,
        booking__purpose=Purpose.INTERVIEW,
        booking__slot__organization=organization,
        booking__slot__starts_at__lte=now,
    )
    in_time = Q(confirmed_at__isnull=False, confirmed_at__lte=F("booking__slot__starts_at"))
    rows = list(
        held.values(
            "interviewer_id",
            "interviewer__first_name",
            "interviewer__last_name",
            "interviewer__email",
        )
        .annotate(total=Count("id"), prepared=Count("id", filter=in_time))
        .order_by("interviewer__email")
    )
    for row in rows:
        row["name"] = (
            f"{row['interviewer__first_name']} {row['interviewer__last_name']}".strip()
            or row["interviewer__email"]
        )
        row["share"] = row["prepared"] / row["total"] if row["total"] else None
    total = sum(r["total"] for r in rows)
    prepared = sum(r["prepared"] for r in rows)
    return {
        "interviewers": rows,
        "total": total,
        "prepared": prepared,
        "share": prepared / total if total else None,
    }


def feedback_shares(organization, since: dt.datetime) -> dict:
    """Interviewed candidates not chosen (decided since `since`), how many were offered a
    feedback call and how many got their feedback. Counts, plus shares of the first count."""
    rejected = (
        Application.objects.filter(
            posting__organization=organization,
            outcome=Application.Outcome.REJECTED,
            decided_at__gte=since,
        )
        .exclude(posting__state=Posting.State.CANCELLED)  # nobody was chosen there
        .values_list("pk", flat=True)
    )
    ids = interviewed_ids(list(rejected))
    calls = FeedbackCall.objects.filter(application_id__in=ids)
    offered = calls.count()
    done = calls.filter(state=FeedbackCall.State.DONE).count()
    n = len(ids)
    return {
        "interviewed_not_chosen": n,
        "offered": offered,
        "done": done,
        "offered_share": offered / n if n else None,
        "done_share": done / n if n else None,
    }


def open_feedback_calls(organization):
    return (
        FeedbackCall.objects.filter(
            organization=organization,
            state__in=(FeedbackCall.State.OFFERED, FeedbackCall.State.BOOKED),
        )
        .select_related("application__posting", "booking__slot")
        .order_by("offered_at")[:500]
    )


def can_book_interview(app: Application) -> bool:
    """Interview times are booked (and moved) in the interview stage of an active process."""
    return app.is_active and app.stage.kind == Stage.Kind.INTERVIEW


def open_slots(application: Application, purpose: str = Purpose.INTERVIEW):
    """Times the candidate can book now: same posting, in the future, not booked."""
    return (
        Slot.objects.filter(
            posting_id=application.posting_id, purpose=purpose, starts_at__gt=timezone.now()
        )
        .exclude(bookings__state=Booking.State.ACTIVE)
        .prefetch_related("parts")
        .order_by("starts_at", "id")
    )


def interviewed_ids(application_ids) -> set[int]:
    """Of these applications, the ones that reached an interview-kind stage."""
    ids = list(application_ids)
    reached = set(
        Event.objects.filter(
            application_id__in=ids, kind=Event.Kind.MOVED, stage__kind=Stage.Kind.INTERVIEW
        ).values_list("application_id", flat=True)
    )
    reached |= set(
        Application.objects.filter(pk__in=ids, stage__kind=Stage.Kind.INTERVIEW).values_list(
            "pk", flat=True
        )
    )
    return reached


def member_choices(organization) -> list:
    """Everyone who can sit on a slot: members of the employer, any role."""
    return list(
        Membership.objects.filter(organization=organization, user__is_active=True)
        .select_related("user")
        .order_by("user__first_name", "user__email")
    )


def first_review_state(user, app: Application) -> dict:
    """What the application page shows of the first review: whether this person has scored,
    how many have, and (once they have) the combined score."""
    kind = Scorecard.Kind.FIRST_REVIEW
    cards = Scorecard.objects.filter(application=app, kind=kind, submitted_at__isnull=False)
    mine = cards.filter(interviewer=user).exists()
    combined = None
    if mine:
        combined = Rating.objects.filter(scorecard__in=cards).aggregate(mean=Avg("score"))["mean"]
    return {"mine": mine, "count": cards.count(), "combined": combined}


def first_review_score(queryset, user):
    """`queryset` of applications with `review_score`, the mean of every submitted
    first-review score, and `review_mine`, whether `user` has scored it. Registered as the
    board's score (reilu.applications.board): the board shows and sorts by the combined score
    only where the person has given their own, so nobody scores swayed by the others."""
    from django.db.models import Exists, OuterRef

    kind = Scorecard.Kind.FIRST_REVIEW
    return queryset.annotate(
        review_score=Avg(
            "scorecards__ratings__score",
            filter=Q(scorecards__kind=kind, scorecards__submitted_at__isnull=False),
        ),
        review_mine=Exists(
            Scorecard.objects.filter(
                application=OuterRef("pk"),
                kind=kind,
                interviewer=user,
                submitted_at__isnull=False,
            )
        ),
    )
