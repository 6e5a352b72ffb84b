"""Setting a posting's criteria and submitting an interviewer's scorecard."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reilu.applications.models import Application
from reilu.interviews.criteria import criteria_for
from reilu.interviews.models import Criterion, Rating, Scorecard
from reilu.jobs.models import Posting
from reilu.jobs.requirements import requirement_lines
from reilu.rules import RuleError


def criteria_set(*, posting: Posting, lines: list[str]) -> list[Criterion]:
    """Replace the criteria with `lines`; criteria already rated cannot be removed."""
    wanted = requirement_lines("\n".join(lines))
    if not wanted:
        raise RuleError("empty", _("Give at least one criterion."))
    with transaction.atomic():
        current = {c.text: c for c in criteria_for(posting)}
        removed = [c for text, c in current.items() if text not in wanted]
        rated = [c.text for c in removed if c.ratings.exists()]
        if rated:
            raise RuleError(
                "rated",
                _("These criteria already have ratings and cannot be removed: %(list)s")
                % {"list": "; ".join(rated)},
            )
        Criterion.objects.filter(pk__in=[c.pk for c in removed]).delete()
        for i, text in enumerate(wanted):
            if text in current:
                Criterion.objects.filter(pk=current[text].pk).update(position=i)
            else:
                Criterion.objects.create(posting=posting, position=i, text=text)
    return list(posting.criteria.all())


def scorecard_submit(
    *, application: Application, interviewer, ratings: dict, kind: str = Scorecard.Kind.INTERVIEW
) -> Scorecard:
    """`ratings` maps criterion id to (score 1–5, notes); every criterion must be rated.

    A first-review scorecard (issue 19) is given once: its author has then seen the others'
    scores, so a change would no longer be a blind judgement."""
    if kind == Scorecard.Kind.FIRST_REVIEW and _first_review_given(application, interviewer):
        raise RuleError(
            "already_scored",
            _("You have already scored this application; first-review scores are final."),
        )
    criteria = criteria_for(application.posting)
    problems = []
    for criterion in criteria:
        score, _notes = ratings.get(criterion.pk, (None, ""))
        if not isinstance(score, int) or not 1 <= score <= 5:
            problems.append(criterion.text)
    if problems:
        raise RuleError(
            "incomplete",
            _("Rate every criterion from 1 to 5: %(list)s") % {"list": "; ".join(problems)},
        )
    with transaction.atomic():
        card, _created = Scorecard.objects.select_for_update().get_or_create(
            application=application, interviewer=interviewer, kind=kind
        )
        if kind == Scorecard.Kind.FIRST_REVIEW and card.submitted_at:
            # Lost a race with the same person's other submission: that one stands.
            return card
        given = {c.pk: (ratings[c.pk][0], str(ratings[c.pk][1] or "")[:5000]) for c in criteria}
        held = {r.criterion_id: (r.score, r.notes) for r in card.ratings.all()}
        if card.submitted_at and held == given:
            return card  # resubmitted unchanged: the first submission time stands
        if card.submitted_at and scores_final(application, interviewer, kind):
            raise RuleError(
                "scores_final",
                _("You have seen the other interviewers' ratings, so yours are final."),
            )
        card.ratings.all().delete()
        Rating.objects.bulk_create(
            Rating(
                scorecard=card,
                criterion=c,
                score=ratings[c.pk][0],
                notes=str(ratings[c.pk][1] or "")[:5000],
            )
            for c in criteria
        )
        card.submitted_at = timezone.now()
        card.save(update_fields=["submitted_at"])
    return card


def scores_final(
    application: Application, interviewer, kind: str = Scorecard.Kind.INTERVIEW
) -> bool:
    """Whether the interviewer's submitted ratings can no longer change: they have seen
    another interviewer's ratings (shown once one's own are in), so a change would no
    longer be their own blind judgement. Until then a submitted scorecard may be corrected."""
    submitted = Scorecard.objects.filter(
        application=application, kind=kind, submitted_at__isnull=False
    )
    return (
        submitted.filter(interviewer=interviewer).exists()
        and submitted.exclude(interviewer=interviewer).exists()
    )


def _first_review_given(application: Application, reviewer) -> bool:
    return Scorecard.objects.filter(
        application=application,
        interviewer=reviewer,
        kind=Scorecard.Kind.FIRST_REVIEW,
        submitted_at__isnull=False,
    ).exists()
