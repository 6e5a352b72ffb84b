"""The public scorecard against figures worked out by hand on a small fixture."""

import datetime as dt
import sys

import pytest
from django.utils import timezone

from reilu.applications.models import Application, Promise
from reilu.voice.selectors.figures import median_of_histogram
from reilu.voice.selectors.public_scorecard import scorecard
from tests.conftest import make_application, make_posting
from tests.voice.conftest import make_response

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def scored(org, posting, now):
    """Six applications of the last year; answers and promises with known figures.

    Days to first response: 1, 2, 3, 5, 8, and one still waiting 10 days → median 4.0.
    An application older than 12 months (responded after 30 days) is left out.
    Promises: 4 kept, 2 lapsed, 1 open → 66.7 % kept (6 closed behind it), published 67.
    Answers, recommend: 10, 10, 9, 8, 7, 6, 2 → 3 promoters, 2 detractors of 7 → NPS 14.3,
    published to the nearest 5: 15. The ad matched: 5, 4, 4, 3, 2 → 3.6 (5 answers),
    published to the nearest 0.5: 3.5. Knew where they stood: 5, 5, 4, 4, 3, 2, 1 →
    24 / 7 = 3.43 → 3.5.
    """
    for i, days in enumerate([1, 2, 3, 5, 8, None]):
        app, _ = make_application(posting, email=f"c{i}@example.fi")
        created = now - dt.timedelta(days=20) - HOUR
        Application.objects.filter(pk=app.pk).update(
            created_at=created,
            first_response_at=created + dt.timedelta(days=days) + HOUR if days else None,
        )
        if days is None:
            Application.objects.filter(pk=app.pk).update(created_at=now - dt.timedelta(days=10))
    old, _ = make_application(posting, email="old@example.fi")
    created = now - dt.timedelta(days=400)
    Application.objects.filter(pk=old.pk).update(
        created_at=created, first_response_at=created + dt.timedelta(days=30)
    )
    Promise.objects.all().delete()
    first = Application.objects.filter(posting=posting).first()
    for state in ["kept"] * 4 + ["lapsed"] * 2 + ["open"]:
        Promise.objects.create(
            application=first,
            organization=org,
            posting=posting,
            due=now.date(),
            state=state,
            closed_at=None if state == "open" else now - dt.timedelta(days=3),
        )
    Promise.objects.create(  # closed 13 months ago: outside the period
        application=first,
        organization=org,
        posting=posting,
        due=now.date(),
        state="lapsed",
        closed_at=now - dt.timedelta(days=400),
    )
    recommend = [10, 10, 9, 8, 7, 6, 2]
    ad = [5, 4, 4, 3, 2, None, None]
    knew = [5, 5, 4, 4, 3, 2, 1]
    for r, a, k in zip(recommend, ad, knew, strict=True):
        make_response(org, posting, recommend=r, ad_matched=a, knew_status=k)
    make_response(  # a year and more ago: not counted
        org, posting, recommend=0, knew_status=1, answered_on=now.date() - dt.timedelta(days=380)
    )
    return org


def _figures(org, now) -> dict:
    return {f.key: f for f in scorecard(org, now=now)}


def test_it_computes_the_figures_by_hand(scored, now):
    f = _figures(scored, now)
    assert f["median_days_to_first_response"].value == 4.0
    assert f["median_days_to_first_response"].basis == 6
    assert f["processes"].value == 6
    assert f["promises_kept"].value == 67 and f["promises_kept"].basis == 6
    assert f["candidate_nps"].value == 15 and f["candidate_nps"].basis == 7
    assert f["ad_matched_reality"].value == 3.5 and f["ad_matched_reality"].basis == 5
    assert f["knew_where_they_stood"].value == 3.5
    shown = [k for k, fig in f.items() if fig.shown]
    assert "feedback_calls" not in shown  # nobody interviewed and not chosen: 0 < 5
    assert all(fig.explanation for fig in f.values())


def test_it_hides_figures_with_fewer_than_five_behind_them(org, posting, now):
    for i in range(4):
        make_response(org, posting, recommend=10, ad_matched=5, knew_status=5)
        make_application(posting, email=f"few{i}@example.fi")
    f = _figures(org, now)
    for key in (
        "candidate_nps",
        "ad_matched_reality",
        "knew_where_they_stood",
        "median_days_to_first_response",
        "processes",
    ):
        assert f[key].basis == 4
        assert not f[key].shown
        assert f[key].public()["value"] is None
        assert f[key].public()["note"] == "Not enough data yet."
    make_response(org, posting, recommend=0, knew_status=1)
    f = _figures(org, now)
    assert f["candidate_nps"].shown and f["candidate_nps"].value == 60.0
    assert f["knew_where_they_stood"].shown and not f["ad_matched_reality"].shown


def test_it_counts_only_the_employers_own_data(scored, other_org, now):
    other_posting = make_posting(other_org, title="Elsewhere")
    make_response(other_org, other_posting, recommend=0, ad_matched=1, knew_status=1)
    make_application(other_posting, email="x@example.fi")
    assert _figures(scored, now)["candidate_nps"].value == 15
    assert _figures(other_org, now)["candidate_nps"].basis == 1


def test_it_says_feedback_calls_are_not_available_without_that_part(scored, now, monkeypatch):
    monkeypatch.setitem(sys.modules, "reilu.interviews.selectors", None)
    figure = _figures(scored, now)["feedback_calls"]
    assert figure.available is False and figure.public()["note"] == "Not available yet."
    assert _figures(scored, now)["candidate_nps"].value == 15


def test_it_serves_the_scorecard_in_the_api(client, scored, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):  # the day's first look computes and stores
        client.get(f"/api/v1/employers/{scored.slug}/scorecard")
    with django_assert_max_num_queries(2):  # the rest of the day reads the stored figures
        response = client.get(f"/api/v1/employers/{scored.slug}/scorecard")
    assert response.status_code == 200
    body = response.json()
    figures = {f["key"]: f for f in body["figures"]}
    assert figures["candidate_nps"]["value"] == 15
    assert figures["median_days_to_first_response"]["value"] == 4.0
    assert figures["feedback_calls"]["value"] is None
    assert body["min_basis"] == 5 and body["period_days"] == 365
    missing = client.get("/api/v1/employers/nobody/scorecard")
    assert missing.status_code == 404 and missing.json()["detail"]


def test_it_shows_the_scorecard_on_the_public_profile(
    client, scored, django_assert_max_num_queries
):
    with django_assert_max_num_queries(17):
        page = client.get(f"/employers/{scored.slug}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Candidate NPS" in text and '<strong class="scorecard-value">15</strong>' in text
    assert "Not enough data yet." in text  # the feedback-call figure
    assert "style=" not in text.split("scorecard-title")[1].split("Open jobs")[0]


def test_it_finds_the_median_of_a_histogram():
    assert median_of_histogram({}) is None
    assert median_of_histogram({3: 1}) == 3
    assert median_of_histogram({1: 2, 5: 2}) == 3
    assert median_of_histogram({1: 1, 2: 1, 9: 1}) == 2
