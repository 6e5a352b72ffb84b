"""Published figures reveal no single answer (issue 14 #5)."""

import datetime as dt

import time_machine
from django.utils import timezone

from reilu.voice.models import ScorecardSnapshot
from reilu.voice.selectors.analytics import answer_distributions, nps_by_month
from reilu.voice.selectors.figures import rounded_to
from tests.voice.conftest import make_response

NOON = dt.datetime(2026, 6, 10, 12, 0, tzinfo=dt.UTC)


def _card(client, org) -> dict:
    body = client.get(f"/api/v1/employers/{org.slug}/scorecard").json()
    return {f["key"]: f for f in body["figures"]}


def test_a_new_answer_cannot_be_read_off_by_comparing_before_and_after(client, org, posting):
    with time_machine.travel(NOON, tick=False) as clock:
        for knew in (5, 4, 4, 3, 2):  # average 3.6
            make_response(org, posting, recommend=9, knew_status=knew)
        before = _card(client, org)
        assert before["knew_where_they_stood"]["value"] == 3.5  # published to the nearest 0.5
        make_response(org, posting, recommend=0, knew_status=1)  # the average is now 3.17
        assert _card(client, org) == before  # the same day: the day's stored figures
        page = client.get(f"/employers/{org.slug}/").content.decode()
        assert "3.17" not in page and "3.2" not in page
        clock.move_to(NOON + dt.timedelta(days=1))
        after = _card(client, org)
    assert after["knew_where_they_stood"]["value"] == 3.0
    assert after["candidate_nps"]["basis"] == 6
    assert ScorecardSnapshot.objects.filter(organization=org).count() == 1  # old days go


def test_no_figure_and_no_count_is_published_below_five_answers(client, org, posting):
    for _ in range(4):
        make_response(org, posting, recommend=10, ad_matched=5, knew_status=5)
    card = _card(client, org)
    for key in ("candidate_nps", "knew_where_they_stood", "ad_matched_reality", "processes"):
        assert card[key]["value"] is None and card[key]["basis"] is None, card[key]
    page = client.get(f"/employers/{org.slug}/").content.decode()
    assert "Not enough data yet." in page


def test_nps_is_published_to_the_nearest_five_and_averages_to_a_half():
    assert rounded_to(14.3, 5) == 15
    assert rounded_to(-2.4, 5) == 0 and str(rounded_to(-2.4, 5)) == "0.0"
    assert rounded_to(-100, 5) == -100
    assert rounded_to(3.6, 0.5) == 3.5
    assert rounded_to(3.17, 0.5) == 3.0
    assert rounded_to(None, 5) is None


def test_the_figures_are_computed_once_a_day(client, org, posting, django_assert_num_queries):
    for _ in range(5):
        make_response(org, posting, recommend=10, knew_status=5)
    _card(client, org)
    with django_assert_num_queries(2):  # the employer and the stored figures, nothing more
        _card(client, org)


def test_staff_see_answer_distributions_of_a_posting_only_from_five_answers(
    staff_client, org, posting
):
    for _ in range(4):
        make_response(org, posting, recommend=3, knew_status=2)
    url = f"/staff/postings/{posting.pk}/analytics/"
    text = staff_client.get(url).content.decode()
    # Each of the three charts says it once, in place of a drawing without data.
    assert text.count("Shown once at least 5 candidates have answered") == 3
    make_response(org, posting, recommend=3, knew_status=2)
    text = staff_client.get(url).content.decode()
    assert text.count("Shown once at least 5 candidates have answered") == 1  # the ad question
    assert answer_distributions(
        organization=org, posting=posting, since=timezone.now() - dt.timedelta(days=1)
    )["recommend"][3] == (3, 5)


def test_staff_monthly_nps_is_rounded_to_five_too(org, posting):
    for recommend in (10, 10, 9, 8, 7, 6, 2):  # NPS 14.3
        make_response(org, posting, recommend=recommend)
    months = nps_by_month(organization=org, since=timezone.now() - dt.timedelta(days=1))
    assert months[-1][1:] == (15, 7)
