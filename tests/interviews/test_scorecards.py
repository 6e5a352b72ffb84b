"""Structured scorecards: criteria from the requirements, blind until submitted."""

from django.urls import reverse

from reilu.interviews.criteria import criteria_for
from reilu.interviews.models import Criterion, Rating
from reilu.interviews.selectors import scorecard_aggregate
from reilu.interviews.services.booking import booking_book
from reilu.interviews.services.scorecards import criteria_set, scorecard_submit
from reilu.rules import RuleError
from tests.conftest import make_staff


def book(app, slot):
    return booking_book(application=app, slot_id=slot.pk)


def rate_all(app, user, score, notes=""):
    ratings = {c.pk: (score, notes) for c in criteria_for(app.posting)}
    return scorecard_submit(application=app, interviewer=user, ratings=ratings)


def test_it_derives_criteria_from_the_requirements_and_recruiters_edit_them(staff_client, posting):
    assert [c.text for c in criteria_for(posting)] == ["Python", "SQL"]
    url = reverse("interviews:criteria", args=[posting.pk])
    response = staff_client.post(url, {"lines": "Python\nTeamwork\n- Clear writing"})
    assert response.status_code == 302
    assert list(posting.criteria.values_list("text", flat=True)) == [
        "Python",
        "Teamwork",
        "Clear writing",
    ]


def test_rated_criteria_cannot_be_removed(interview_app, slot, interviewer):
    book(interview_app, slot)
    rate_all(interview_app, interviewer, 4)
    try:
        criteria_set(posting=interview_app.posting, lines=["Teamwork"])
    except RuleError as exc:
        assert exc.code == "rated"
    assert Criterion.objects.filter(posting=interview_app.posting).count() == 2


def test_the_scorecard_is_blind_until_submitted(
    client, interview_app, slot, interviewer, recruiter
):
    book(interview_app, slot)
    rate_all(interview_app, recruiter, 2, "Knows SQL joins well enough")
    client.force_login(interviewer)
    url = reverse("interviews:scorecard", args=[interview_app.pk])
    page = client.get(url).content.decode()
    assert "Knows SQL joins" not in page
    assert "after you submit your own" in page
    python, sql = criteria_for(interview_app.posting)
    bad = client.post(url, {f"score_{python.pk}": "4"})  # SQL not rated
    assert bad.status_code == 400 and not Rating.objects.filter(scorecard__interviewer=interviewer)
    client.post(url, {f"score_{python.pk}": "4", f"score_{sql.pk}": "5", f"notes_{sql.pk}": "Good"})
    page = client.get(url).content.decode()
    assert "Knows SQL joins" in page
    rows = {r["criterion"].text: r for r in scorecard_aggregate(interview_app)}
    assert rows["Python"]["mean"] == 3 and rows["Python"]["count"] == 2
    assert rows["SQL"]["mean"] == 3.5


def test_the_recruiter_sees_the_aggregate(staff_client, org, interview_app, slot, interviewer):
    book(interview_app, slot)
    rate_all(interview_app, interviewer, 5)
    # The recruiter is on the slot too, so they are blind until they rate.
    detail = staff_client.get(
        reverse("staff:application", args=[interview_app.pk])
    ).content.decode()
    assert "Submit your own scorecard" in detail
    boss = make_staff(org, "boss@acme.example", role="owner")
    staff_client.force_login(boss)
    detail = staff_client.get(
        reverse("staff:application", args=[interview_app.pk])
    ).content.decode()
    assert "5.0" in detail


def test_an_interviewer_who_is_not_assigned_cannot_rate(client, org, interview_app, slot):
    book(interview_app, slot)
    stranger = make_staff(org, "ivo@acme.example", role="interviewer")
    client.force_login(stranger)
    url = reverse("interviews:scorecard", args=[interview_app.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


def test_ratings_can_be_corrected_until_another_interviewers_are_seen(
    client, interview_app, slot, interviewer, recruiter
):
    book(interview_app, slot)
    python, sql = criteria_for(interview_app.posting)
    url = reverse("interviews:scorecard", args=[interview_app.pk])
    client.force_login(interviewer)
    client.post(url, {f"score_{python.pk}": "4", f"score_{sql.pk}": "3"})
    # Alone so far: a correction is still the interviewer's own blind judgement.
    client.post(url, {f"score_{python.pk}": "5", f"score_{sql.pk}": "3"})
    own = Rating.objects.filter(scorecard__interviewer=interviewer)
    assert sorted(own.values_list("score", flat=True)) == [3, 5]
    # Another interviewer submits; now the first one sees those ratings, and theirs are final.
    rate_all(interview_app, recruiter, 2, "Knows SQL joins well enough")
    page = client.get(url).content.decode()
    assert "Knows SQL joins" in page and "so yours are final" in page
    assert f'name="score_{python.pk}"' not in page  # no form to change them
    refused = client.post(url, {f"score_{python.pk}": "2", f"score_{sql.pk}": "2"})
    assert "so yours are final" in refused.content.decode()
    assert sorted(own.values_list("score", flat=True)) == [3, 5]
    try:
        rate_all(interview_app, interviewer, 1)
    except RuleError as exc:
        assert exc.code == "scores_final"
    else:
        raise AssertionError("a final scorecard was changed")
    assert sorted(own.values_list("score", flat=True)) == [3, 5]
