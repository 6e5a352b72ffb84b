"""Staff analytics charts for one employer or one posting."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from reilu.voice.charts import Chart, bar_chart, column_chart
from reilu.voice.selectors.analytics import (
    anonymous_share,
    answer_distributions,
    funnel,
    nps_by_month,
    pass_rates,
    promises_by_month,
    time_in_stage,
)
from reilu.voice.selectors.figures import MIN_BASIS, period_start


def _month(m) -> str:
    return formats.date_format(m, "M y")


def charts(*, organization, posting=None, now=None) -> list[Chart]:
    now = now or timezone.now()
    since = period_start(now)
    scope = {"organization": organization, "posting": posting, "since": since}
    result = [
        bar_chart(
            _("Applications that reached each stage"),
            _("Number of applications of the last 12 months that reached each stage."),
            funnel(**scope),
            headers=(_("Stage"), _("Applications")),
        ),
        bar_chart(
            _("Median days in each stage"),
            _("The middle value of the days applications spent in each stage."),
            time_in_stage(**scope, now=now),
            unit=" " + _("d"),
            headers=(_("Stage"), _("Median days")),
            zero_is_data=True,
        ),
        bar_chart(
            _("Pass rate per stage"),
            _(
                "Of the applications of the last 12 months that left each stage, the share "
                "that went further (a later stage, or hired). Those still waiting are not "
                "counted yet."
            ),
            pass_rates(**scope),
            unit=" %",
            headers=(_("Stage"), _("Went further")),
            zero_is_data=True,
        ),
    ]
    anonymous, total = anonymous_share(**scope)
    share = round(100 * anonymous / total) if total else 0
    result.append(
        bar_chart(
            _("Applications reviewed anonymously"),
            _(
                "Applications of the last 12 months whose first review was anonymous: "
                "%(share)s %% of %(total)s."
            )
            % {"share": share, "total": total},
            [(_("Anonymous first review"), anonymous), (_("Names shown"), total - anonymous)],
            headers=(_("First review"), _("Applications")),
        )
    )
    promises = promises_by_month(**scope, now=now)
    result.append(
        column_chart(
            _("Promises of contact kept, per month"),
            _("Share of promised contact dates kept, by the month they came due."),
            [(_month(m), v) for m, v, _n in promises],
            low=0,
            high=100,
            unit=" %",
            headers=(_("Month"), _("Kept")),
        )
    )
    scores = nps_by_month(**scope, now=now)
    result.append(
        column_chart(
            _("Candidate NPS, per month"),
            _(
                "Candidate NPS from -100 to 100 per month; months with fewer than 5 answers "
                "are left empty."
            ),
            [(_month(m), v) for m, v, _n in scores],
            low=-100,
            high=100,
            headers=(_("Month"), _("Candidate NPS")),
        )
    )
    answers = answer_distributions(**scope)
    for field, title in (
        ("recommend", _("Answers: would recommend applying here (0–10)")),
        ("ad_matched", _("Answers: the ad matched reality (1–5)")),
        ("knew_status", _("Answers: I always knew where my application stood (1–5)")),
    ):
        description = _("How many candidates gave each answer in the last 12 months.")
        if not answers[field]:
            description = _(
                "Shown once at least %(count)d candidates have answered, so that no answer "
                "can be told apart."
            ) % {"count": MIN_BASIS}
        result.append(
            bar_chart(
                title,
                description,
                [(str(value), count) for value, count in answers[field]],
                headers=(_("Answer"), _("Candidates")),
            )
        )
    return result
