"""Staff analytics for one employer or one posting: funnel, time in stage, promises and
NPS by month, answer distributions. Aggregated in the database, limited to a period.
"""

import datetime as dt
import statistics
from collections import defaultdict

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from reilu.applications.models import Application, Event, Promise
from reilu.jobs.models import Stage
from reilu.voice.models import SurveyResponse
from reilu.voice.selectors.figures import MIN_BASIS, _share, nps, rounded_to

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


# --- Fair screening (issue 19) ---------------------------------------------------------------
# Figures about the process only: how applications were reviewed and how they moved. Nothing
# here reads or derives a protected characteristic (age, gender, origin, health, ...): Reilu
# stores none, and these selectors use only stages, events, outcomes and the review setting.


def anonymous_share(*, organization, posting=None, since) -> tuple[int, int]:
    """(applications reviewed anonymously at first, all applications) of the period."""
    apps = Application.objects.filter(posting__organization=organization, created_at__gte=since)
    if posting is not None:
        apps = apps.filter(posting=posting)
    counts = apps.aggregate(all=Count("id"), anonymous=Count("id", filter=Q(anonymous_review=True)))
    return counts["anonymous"], counts["all"]


def pass_rates(*, organization, posting=None, since) -> list[tuple[str, float]]:
    """Per stage, the share (%) of the applications that left it which went further: to a
    later stage, or hired from it. Applications still waiting in a stage are not counted for
    it yet; a decline, a withdrawal or a cancellation there counts as not passing."""
    events = Event.objects.filter(
        kind__in=(Event.Kind.APPLIED, Event.Kind.MOVED),
        application__created_at__gte=since,
        stage__isnull=False,
    )
    if posting is not None:
        events = events.filter(application__posting=posting)
        key, names = "stage_id", {s.pk: s.name for s in posting.stages.all()}
        order: list = list(names)
    else:
        events = events.filter(application__posting__organization=organization)
        key, names = "stage__kind", {k: str(Stage.Kind(k).label) for k in STAGE_KIND_ORDER}
        order = STAGE_KIND_ORDER
    reached: dict[int, dict] = defaultdict(dict)
    state: dict[int, tuple[str, int]] = {}
    for app_id, stage, position, outcome, current in events.values_list(
        "application_id",
        key,
        "stage__position",
        "application__outcome",
        "application__stage__position",
    ):
        reached[app_id][stage] = max(position, reached[app_id].get(stage, -1))
        state[app_id] = (outcome, current)
    left: dict = defaultdict(int)
    passed: dict = defaultdict(int)
    for app_id, stages in reached.items():
        outcome, current = state[app_id]
        furthest = max(stages.values())
        for stage, position in stages.items():
            waiting = outcome == Application.Outcome.ACTIVE and position == current
            if waiting:
                continue
            left[stage] += 1
            if position < furthest or outcome == Application.Outcome.HIRED:
                passed[stage] += 1
    return [(names[k], round(100 * passed[k] / left[k])) for k in order if left.get(k)]
