"""Reads for the candidates' voice: the public scorecard, reviews and staff analytics.

Every query is limited to one employer (or one posting) and a period, and aggregates in
the database, so the figures cost the same few queries whatever the size of the tables.
"""

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, Func, IntegerField, Q, Value
from django.db.models.fields import DateTimeField
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reilu.applications.models import Application, Event, Promise
from reilu.jobs.models import Stage
from reilu.voice.models import ScorecardSnapshot, SurveyResponse

MIN_BASIS = 5
PERIOD_DAYS = 365
NOT_ENOUGH = _("Not enough data yet.")


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


def period_start(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=PERIOD_DAYS)


def median_of_histogram(histogram: dict[int, int]) -> float | None:
    """The median of values given as {value: how many}; the mean of the middle two if even."""
    total = sum(histogram.values())
    if total == 0:
        return None
    wanted = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value in sorted(histogram):
        count = histogram[value]
        while wanted and wanted[0] < seen + count:
            found.append(value)
            wanted.pop(0)
        seen += count
    return sum(found) / 2


def rounded_to(value: float | None, step: float) -> float | None:
    """Round to the nearest `step` (averages to 0.5, NPS to 5): one answer more rarely
    moves a published figure, and never by an amount that gives the answer away."""
    if value is None:
        return None
    return float(round(value / step) * step) + 0.0  # + 0.0: never "-0.0"


def nps(promoters: int, detractors: int, total: int) -> float | None:
    if not total:
        return None
    return round(100 * (promoters - detractors) / total, 1)


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


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


# Staff analytics ---------------------------------------------------------------------


STAGE_KIND_ORDER = list(Stage.Kind.values)


def funnel(*, organization, posting=None, since) -> list[tuple[str, int]]:
    """How many applications reached each stage (from applied and moved events)."""
    events = Event.objects.filter(
        kind__in=(Event.Kind.APPLIED, Event.Kind.MOVED), application__created_at__gte=since
    )
    if posting is not None:
        events = events.filter(application__posting=posting)
        by_stage: dict[int, int] = dict(
            events.values("stage")
            .annotate(n=Count("application", distinct=True))
            .values_list("stage", "n")
            .order_by()
        )
        return [(s.name, by_stage.get(s.pk, 0)) for s in posting.stages.all()]
    events = events.filter(application__posting__organization=organization)
    counts: dict[str, int] = dict(
        events.values("stage__kind")
        .annotate(n=Count("application", distinct=True))
        .values_list("stage__kind", "n")
        .order_by()
    )
    return [(str(Stage.Kind(k).label), counts[k]) for k in STAGE_KIND_ORDER if k in counts]


def time_in_stage(*, organization, posting=None, since, now=None) -> list[tuple[str, float]]:
    """Median days an application spent in each stage; the current stage counts until now."""
    now = now or timezone.now()
    events = Event.objects.filter(
        kind__in=(Event.Kind.APPLIED, Event.Kind.MOVED),
        application__created_at__gte=since,
        stage__isnull=False,
    )
    if posting is not None:
        events = events.filter(application__posting=posting)
        key, names = "stage_id", {s.pk: s.name for s in posting.stages.all()}
        order = list(names)
    else:
        events = events.filter(application__posting__organization=organization)
        key, names = "stage__kind", {k: str(Stage.Kind(k).label) for k in STAGE_KIND_ORDER}
        order = STAGE_KIND_ORDER
    rows = events.order_by("application_id", "created_at", "id").values_list(
        "application_id", key, "created_at", "application__decided_at"
    )
    durations = defaultdict(list)
    previous = None
    for app_id, stage, at, decided in rows:
        if previous and previous[0] == app_id:
            durations[previous[1]].append((at - previous[2]).total_seconds() / 86400)
        elif previous:
            end = previous[3] or now
            durations[previous[1]].append((end - previous[2]).total_seconds() / 86400)
        previous = (app_id, stage, at, decided)
    if previous:
        end = previous[3] or now
        durations[previous[1]].append((end - previous[2]).total_seconds() / 86400)
    return [
        (names[k], round(statistics.median(durations[k]), 1)) for k in order if durations.get(k)
    ]


def _months(since: dt.datetime, now: dt.datetime) -> list[dt.date]:
    month = dt.date(since.year, since.month, 1)
    months = []
    while month <= now.date():
        months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def _month_key(value) -> dt.date:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date().replace(day=1)
    return value.replace(day=1)


def promises_by_month(*, organization, posting=None, since, now=None) -> list[tuple]:
    """Per month: (month, share kept in percent or None, number of promises closed)."""
    now = now or timezone.now()
    promises = Promise.objects.filter(
        organization=organization,
        state__in=(Promise.State.KEPT, Promise.State.LAPSED),
        closed_at__gte=since,
    )
    if posting is not None:
        promises = promises.filter(posting=posting)
    rows = (
        promises.annotate(month=TruncMonth("closed_at"))
        .values("month")
        .annotate(total=Count("id"), kept=Count("id", filter=Q(state=Promise.State.KEPT)))
        .order_by()
    )
    by_month = {_month_key(r["month"]): (r["kept"], r["total"]) for r in rows}
    return [
        (m, _share(*by_month.get(m, (0, 0))), by_month.get(m, (0, 0))[1])
        for m in _months(since, now)
    ]


def _responses(organization, posting, since):
    responses = SurveyResponse.objects.filter(
        organization=organization, answered_on__gte=since.date()
    )
    return responses.filter(posting=posting) if posting is not None else responses


def nps_by_month(*, organization, posting=None, since, now=None) -> list[tuple]:
    """Per month: (month, candidate NPS or None below the threshold, number of answers)."""
    now = now or timezone.now()
    rows = (
        _responses(organization, posting, since)
        .annotate(month=TruncMonth("answered_on"))
        .values("month")
        .annotate(
            n=Count("id"),
            promoters=Count("id", filter=Q(recommend__gte=9)),
            detractors=Count("id", filter=Q(recommend__lte=6)),
        )
        .order_by()
    )
    by_month = {_month_key(r["month"]): r for r in rows}
    result = []
    for m in _months(since, now):
        r = by_month.get(m)
        n = r["n"] if r else 0
        value = (
            rounded_to(nps(r["promoters"], r["detractors"], n), 5) if r and n >= MIN_BASIS else None
        )
        result.append((m, value, n))
    return result


def answer_distributions(*, organization, posting=None, since) -> dict[str, list[tuple[int, int]]]:
    """How many gave each answer, per question: {question: [(answer, count), ...]}.

    Empty for a question with fewer than MIN_BASIS answers: with two answers to a posting,
    its recruiter would know who gave which.
    """
    responses = _responses(organization, posting, since)
    result: dict[str, list[tuple[int, int]]] = {}
    for field, scale in (
        ("recommend", range(0, 11)),
        ("ad_matched", range(1, 6)),
        ("knew_status", range(1, 6)),
    ):
        counts = dict(
            responses.exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(n=Count("id"))
            .values_list(field, "n")
            .order_by()
        )
        if sum(counts.values()) < MIN_BASIS:
            result[field] = []
        else:
            result[field] = [(value, counts.get(value, 0)) for value in scale]
    return result
