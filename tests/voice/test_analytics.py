import datetime as dt
import re

import pytest
from django.utils import timezone

from reilu.applications import services as app_services
from reilu.voice.selectors.analytics import funnel, time_in_stage
from reilu.voice.selectors.figures import period_start
from tests.conftest import make_application, make_posting
from tests.voice.conftest import make_response


def chart_rows(html: str, title: str) -> list[tuple[str, str]]:
    """The (label, figure) rows of the named chart's "Show the numbers" table."""
    figure = html.split(f"<h2>{title}</h2>", 1)[1].split("</figure>", 1)[0]
    return re.findall(r'<th scope="row">([^<]*)</th><td>([^<]*)</td>', figure)


def _pipeline(org, posting):
    apps = [make_application(posting, email=f"f{i}@example.fi")[0] for i in range(3)]
    app_services.application_move(application=apps[0])
    app_services.application_move(application=apps[0])
    app_services.application_move(application=apps[1])
    app_services.applications_decide(
        organization=org, application_ids=[apps[2].pk], outcome="rejected"
    )
    return apps


def test_it_counts_the_funnel_from_events(org, posting):
    _pipeline(org, posting)
    since = period_start()
    assert funnel(organization=org, posting=posting, since=since) == [
        ("Received", 3),
        ("Screening", 2),
        ("Interview", 1),
        ("Decision", 0),
    ]
    by_kind = dict(funnel(organization=org, since=since))
    assert by_kind["Received"] == 3 and by_kind["Interview"] == 1
    times = dict(time_in_stage(organization=org, posting=posting, since=since))
    assert set(times) == {"Received", "Screening", "Interview"}


def test_it_draws_accessible_charts_without_inline_styles(
    staff_client, org, posting, django_assert_max_num_queries
):
    _pipeline(org, posting)
    for score in (10, 9, 9, 3, 8):
        make_response(org, posting, recommend=score, ad_matched=4, knew_status=5)
    with django_assert_max_num_queries(25):
        page = staff_client.get(f"/staff/postings/{posting.pk}/analytics/")
    assert page.status_code == 200
    text = page.content.decode()
    # Seven charts of the experience, two of fair screening (issue 19).
    assert text.count("<svg") == 9 and text.count("<table") == 9
    assert 'role="img"' in text and "<desc" in text
    assert not re.search(r"\sstyle=", text) and "<script>" not in text
    assert "Candidate NPS, per month" in text and "<td>40</td>" in text  # (3-1)/5


def test_it_shows_the_employer_analytics(staff_client, org, posting, django_assert_max_num_queries):
    _pipeline(org, posting)
    with django_assert_max_num_queries(30):
        page = staff_client.get("/staff/analytics/")
    text = page.content.decode()
    assert page.status_code == 200
    # The figures themselves, as the table behind the funnel chart gives them.
    assert chart_rows(text, "Applications that reached each stage") == [
        ("Received", "3"),
        ("Screening", "2"),
        ("Interview", "1"),
    ]
    assert f"/staff/postings/{posting.pk}/analytics/" in text


def test_it_keeps_other_employers_out_of_analytics(client, outsider, org, posting, other_org):
    _pipeline(org, posting)
    make_response(org, posting, comment="Acme secret", publish=True)
    client.force_login(outsider)
    assert client.get(f"/staff/postings/{posting.pk}/analytics/").status_code == 404
    own = make_posting(other_org, title="Own job")
    assert client.get(f"/staff/postings/{own.pk}/analytics/").status_code == 200
    text = client.get("/staff/analytics/").content.decode()
    assert posting.title not in text and "Other Oy" in text


def _at_days_ago(app, *days_ago, now):
    """Put the application's applied/moved events (in order) and its decision in the past."""
    from reilu.applications.models import Application, Event

    events = list(
        Event.objects.filter(application=app, kind__in=("applied", "moved")).order_by("id")
    )
    assert len(events) == len(days_ago) - 1
    for event, ago in zip(events, days_ago, strict=False):
        Event.objects.filter(pk=event.pk).update(created_at=now - dt.timedelta(days=ago))
    Application.objects.filter(pk=app.pk).update(
        created_at=now - dt.timedelta(days=days_ago[0]),
        decided_at=None if days_ago[-1] is None else now - dt.timedelta(days=days_ago[-1]),
    )


def test_days_per_stage_are_the_real_durations(org, posting):
    now = timezone.now()
    a, b, c = (make_application(posting, email=f"d{i}@example.fi")[0] for i in range(3))
    app_services.application_move(application=a)
    app_services.applications_decide(organization=org, application_ids=[a.pk], outcome="rejected")
    app_services.application_move(application=b)
    app_services.application_move(application=c)
    # a: received 10 d, screening 2 d, then decided.  b: received 4 d, screening still (1 d).
    # c: received 6 d, screening still (3 d).
    _at_days_ago(a, 12, 2, 0, now=now)
    _at_days_ago(b, 5, 1, None, now=now)
    _at_days_ago(c, 9, 3, None, now=now)

    since = period_start(now)
    times = time_in_stage(organization=org, posting=posting, since=since, now=now)
    assert times == [("Received", 6.0), ("Screening", 2.0)]
    by_kind = time_in_stage(organization=org, since=since, now=now)
    assert by_kind == [("Received", 6.0), ("Screening", 2.0)]


def test_a_chart_without_data_says_so_instead_of_drawing_axes(staff_client, org, posting):
    text = staff_client.get(f"/staff/postings/{posting.pk}/analytics/").content.decode()
    assert "<svg" not in text
    assert text.count("No data yet for this period") == 9


def _month_labels(svg: str) -> list[tuple[float, str]]:
    return [
        (float(x), label)
        for x, label in re.findall(
            r'class="chart-tick chart-xlabel" x="([\d.]+)"[^>]*>([^<]+)<', svg
        )
    ]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_month_labels_never_overlap(language):
    from django.utils import translation

    from reilu.voice.analytics import _month
    from reilu.voice.charts import LABEL_GAP, column_chart, label_width

    with translation.override(language):
        months = [dt.date(2025, 11, 1) + dt.timedelta(days=31 * i) for i in range(13)]
        labels = [_month(m.replace(day=1)) for m in months]
        chart = column_chart("t", "d", [(m, 50) for m in labels], low=0, high=100)
    drawn = _month_labels(str(chart.svg))
    assert len(drawn) >= 5 and drawn[-1][1] == labels[-1]  # the latest month is named
    boxes = sorted((x - label_width(t) / 2, x + label_width(t) / 2) for x, t in drawn)
    for (_l1, right), (left, _r2) in zip(boxes, boxes[1:], strict=False):
        assert right + LABEL_GAP <= left
    assert all(box[0] >= 0 and box[1] <= 640 for box in boxes)


def test_chart_figures_are_written_the_languages_way():
    from django.utils import translation

    from reilu.voice.charts import _fmt

    with translation.override("fi"):
        assert _fmt(5.14, " pv") == "5,1 pv" and _fmt(5.0, " pv") == "5 pv"
    with translation.override("sv"):
        assert _fmt(4.25, " d") == "4,2 d"
    with translation.override("en"):
        assert _fmt(5.14, " d") == "5.1 d" and _fmt(7, " %") == "7 %" and _fmt(None, "") == "–"
