"""The employer's public candidate-experience scorecard: computed, and as published today.

Every query is limited to one employer and a period, and aggregates in the database, so
the figures cost the same few queries whatever the size of the tables.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, Func, IntegerField, Q, Value
from django.db.models.fields import DateTimeField
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reilu.applications.models import Application, Promise
from reilu.voice.models import ScorecardSnapshot, SurveyResponse
from reilu.voice.selectors.figures import (
    MIN_BASIS,
    NOT_ENOUGH,
    _share,
    median_of_histogram,
    nps,
    period_start,
    rounded_to,
)


class WholeDays(Func):
    """Whole days from the second datetime to the first, computed by the database."""

    arity = 2
    output_field = IntegerField()

    def _parts(self, compiler, connection):
        end_sql, end_params = compiler.compile(self.source_expressions[0])
        start_sql, start_params = compiler.compile(self.source_expressions[1])
        return end_sql, start_sql, [*end_params, *start_params]

    def as_sqlite(self, compiler, connection, **extra):
        end, start, params = self._parts(compiler, connection)
        return f"CAST(julianday({end}) - julianday({start}) AS INTEGER)", params

    def as_postgresql(self, compiler, connection, **extra):
        end, start, params = self._parts(compiler, connection)
        return f"CAST(FLOOR(EXTRACT(EPOCH FROM ({end} - {start})) / 86400) AS INTEGER)", params


@dataclass
class Figure:
    key: str
    label: str
    value: float | None
    basis: int
    unit: str
    explanation: str
    available: bool = True

    @property
    def shown(self) -> bool:
        return self.available and self.value is not None and self.basis >= MIN_BASIS

    def public(self) -> dict:
        return {
            "key": self.key,
            "label": str(self.label),
            "value": self.value if self.shown else None,
            # No count below the threshold either: "3 answers" then "4" tells who answered.
            "basis": self.basis if self.basis >= MIN_BASIS else None,
            "unit": str(self.unit),
            "available": self.available,
            "explanation": str(self.explanation),
            "note": "" if self.shown else str(self._note()),
        }

    def _note(self):
        if not self.available:
            return _("Not available yet.")
        return NOT_ENOUGH


def response_times(applications, now: dt.datetime) -> tuple[dict[int, int], int]:
    """Histogram of whole days to the first personal response, and how many still wait.

    An application with no response counts with the days it has waited: until the
    process ended (a withdrawal or a cancelled job) or, still in process, until now.
    """
    end = Coalesce(
        F("first_response_at"), F("decided_at"), Value(now, output_field=DateTimeField())
    )
    rows = (
        applications.annotate(days=WholeDays(end, F("created_at")))
        .values("days")
        .annotate(
            n=Count("id"),
            waiting=Count("id", filter=Q(first_response_at__isnull=True, outcome="active")),
        )
        .order_by()
    )
    histogram: dict[int, int] = {}
    waiting = 0
    for row in rows:
        days = max(row["days"] or 0, 0)
        histogram[days] = histogram.get(days, 0) + row["n"]
        waiting += row["waiting"]
    return histogram, waiting


def survey_totals(responses) -> dict:
    return responses.aggregate(
        n=Count("id"),
        promoters=Count("id", filter=Q(recommend__gte=9)),
        detractors=Count("id", filter=Q(recommend__lte=6)),
        ad_n=Count("ad_matched"),
        ad_avg=Avg("ad_matched"),
        knew_avg=Avg("knew_status"),
    )


def feedback_figures(organization, since) -> dict | None:
    """Feedback calls from reilu.interviews, or None while that part is not there."""
    try:
        from reilu.interviews.selectors import feedback_shares
    except ImportError:
        return None
    return feedback_shares(organization, since)


def scorecard_values(organization, now: dt.datetime | None = None) -> dict[str, list]:
    """The scorecard's figures computed now: {key: [value, basis, available]}."""
    now = now or timezone.now()
    since = period_start(now)
    # A withdrawal before any response says nothing about the employer, and counting it
    # would let throwaway applications move the figures.
    apps = Application.objects.filter(
        posting__organization=organization, created_at__gte=since
    ).exclude(outcome=Application.Outcome.WITHDRAWN, first_response_at__isnull=True)
    histogram, _waiting = response_times(apps, now)
    processes = sum(histogram.values())
    promises = (
        Promise.objects.filter(
            organization=organization,
            state__in=(Promise.State.KEPT, Promise.State.LAPSED),
            closed_at__gte=since,
        )
        .exclude(
            application__outcome=Application.Outcome.WITHDRAWN,
            application__first_response_at__isnull=True,
        )
        .aggregate(total=Count("id"), kept=Count("id", filter=Q(state=Promise.State.KEPT)))
    )
    feedback = feedback_figures(organization, since)
    survey = survey_totals(
        SurveyResponse.objects.filter(organization=organization, answered_on__gte=since.date())
    )
    return {
        "median_days_to_first_response": [median_of_histogram(histogram), processes, True],
        "promises_kept": [
            rounded_to(_share(promises["kept"], promises["total"]), 1),
            promises["total"],
            True,
        ],
        "feedback_calls": [
            rounded_to(_share(feedback["done"], feedback["interviewed_not_chosen"]), 1)
            if feedback
            else None,
            feedback["interviewed_not_chosen"] if feedback else 0,
            feedback is not None,
        ],
        "candidate_nps": [
            rounded_to(nps(survey["promoters"], survey["detractors"], survey["n"]), 5),
            survey["n"],
            True,
        ],
        "ad_matched_reality": [rounded_to(survey["ad_avg"], 0.5), survey["ad_n"], True],
        "knew_where_they_stood": [rounded_to(survey["knew_avg"], 0.5), survey["n"], True],
        "processes": [float(processes), processes, True],
    }


def scorecard(
    organization, now: dt.datetime | None = None, values: dict | None = None
) -> list[Figure]:
    """The candidate-experience scorecard of one employer over the last 12 months.

    Computed now unless `values` (from scorecard_values, e.g. a stored snapshot) are given.
    """
    v = scorecard_values(organization, now) if values is None else values

    def figure(key, label, unit, explanation):
        value, basis, available = v.get(key, [None, 0, True])
        return Figure(key, label, value, basis, unit, explanation, available=available)

    return [
        figure(
            "median_days_to_first_response",
            _("Median days to a first personal response"),
            _("days"),
            _(
                "The middle value of the days from applying to the first personal response, "
                "over applications of the last 12 months. Applications still waiting count "
                "with the days they have waited so far; those withdrawn before any response "
                "are not counted."
            ),
        ),
        figure(
            "promises_kept",
            _("Promises of contact kept"),
            "%",
            _(
                "Of the promised contact dates that came due in the last 12 months, the share "
                "where the candidate heard from us by the date. Open promises are not counted."
            ),
        ),
        figure(
            "feedback_calls",
            _("Interviewed candidates who got a feedback call"),
            "%",
            _(
                "Of the candidates who were interviewed and not chosen in the last 12 months, "
                "the share who had a feedback call."
            ),
        ),
        figure(
            "candidate_nps",
            _("Candidate NPS"),
            "",
            _(
                "From -100 to 100: the share of candidates who answered 9–10 to “would you "
                "recommend applying here?” minus the share who answered 0–6."
            ),
        ),
        figure(
            "ad_matched_reality",
            _("The ad matched reality"),
            "/ 5",
            _(
                "Average answer from 1 to 5 of candidates who reached an interview, to “the "
                "ad matched what I learned about the job”."
            ),
        ),
        figure(
            "knew_where_they_stood",
            _("Candidates knew where they stood"),
            "/ 5",
            _("Average answer from 1 to 5 to “I always knew where my application stood”."),
        ),
        figure(
            "processes",
            _("Applications handled"),
            "",
            _(
                "Applications received in the last 12 months, except those withdrawn before "
                "any response."
            ),
        ),
    ]


def published_scorecard(organization, now: dt.datetime | None = None) -> list[Figure]:
    """The scorecard as published today: computed at the first look of the day, stored,
    and read from the store for the rest of the day.

    Every place that shows the figures (the public profile, the API, staff analytics)
    reads this, so none of them changes between two answers on the same day. What is
    stored is what may be published: rounded, and nothing below MIN_BASIS.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    snapshot = ScorecardSnapshot.objects.filter(organization=organization, day=today).first()
    if snapshot is None:
        published = {}
        for key, (value, basis, available) in scorecard_values(organization, now).items():
            enough = basis >= MIN_BASIS
            published[key] = [value if enough else None, basis if enough else 0, available]
        try:
            with transaction.atomic():
                snapshot = ScorecardSnapshot.objects.create(
                    organization=organization, day=today, figures=published
                )
        except IntegrityError:  # another request stored today's first
            snapshot = ScorecardSnapshot.objects.get(organization=organization, day=today)
        ScorecardSnapshot.objects.filter(organization=organization, day__lt=today).delete()
    return scorecard(organization, now, values=snapshot.figures)
