"""Structured first review (issue 19, item 5): each requirement of the ad is a criterion;
reviewers score 1–5 blind and once; the board sorts by the combined score; the export and
erasure cover the scores; the feedback summary refers to the criteria."""

import io
import json
import re
import zipfile

import pytest

from reilu.interviews.criteria import criteria_for
from reilu.interviews.models import Rating, Scorecard
from reilu.interviews.services.feedback_calls import criteria_summary
from reilu.interviews.services.scorecards import scorecard_submit
from reilu.privacy import services as privacy
from reilu.privacy.models import ErasureRecord
from reilu.rules import RuleError
from tests.conftest import make_application, make_staff

FIRST = Scorecard.Kind.FIRST_REVIEW


def url(app) -> str:
    return f"/staff/interviews/applications/{app.pk}/first-review/"


def scores_form(app, *scores, notes=""):
    data = {}
    for criterion, score in zip(criteria_for(app.posting), scores, strict=True):
        data[f"score_{criterion.pk}"] = str(score)
        data[f"notes_{criterion.pk}"] = notes
    return data


@pytest.fixture
def second_reviewer(org):
    return make_staff(org, "second@acme.example")


def test_each_requirement_of_the_ad_is_a_criterion(staff_client, application):
    html = staff_client.get(url(application)).content.decode()
    legends = re.findall(r"<legend>([^<]+)</legend>", html)
    assert legends == ["Python", "SQL"]  # the posting's requirements, one line each


def test_reviewers_score_blind_and_see_the_combined_score_after_their_own(
    client, application, recruiter, second_reviewer
):
    client.force_login(recruiter)
    assert client.post(url(application), scores_form(application, 4, 2)).status_code == 302
    client.force_login(second_reviewer)
    page = client.get(url(application)).content.decode()
    assert "1 reviewer has scored." in page
    assert "You see the others' scores after you submit your own." in page
    assert "Mean (1–5)" not in page and "4.0" not in page
    detail = client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "You see the scores after giving yours." in detail
    client.post(url(application), scores_form(application, 2, 4))
    page = client.get(url(application)).content.decode()
    assert "2 reviewers have scored." in page
    assert page.count("<td>3.0</td>") == 2  # each criterion's mean of 4 and 2
    detail = client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "Combined score 3.0 / 5 from 2 reviewers." in detail


@pytest.mark.parametrize(
    "language, final",
    [
        ("en", "You have already scored this application; first-review scores are final."),
        (
            "fi",
            "Olet jo pisteyttänyt tämän hakemuksen; ensimmäisen arvioinnin pisteet",
        ),
        (
            "sv",
            "Du har redan poängsatt den här ansökan; poängen i den första granskningen",
        ),
    ],
)
def test_a_score_is_final_and_an_incomplete_one_is_refused(
    staff_client, application, language, final
):
    staff_client.cookies["django_language"] = language
    criteria = criteria_for(application.posting)
    incomplete = {f"score_{criteria[0].pk}": "3"}
    refused = staff_client.post(url(application), incomplete)
    assert refused.status_code == 400
    assert not Rating.objects.exists()
    assert staff_client.post(url(application), scores_form(application, 5, 5)).status_code == 302
    again = staff_client.post(url(application), scores_form(application, 1, 1))
    assert again.status_code == 400 and final in again.content.decode()
    assert set(Rating.objects.values_list("score", flat=True)) == {5}


def test_the_service_refuses_a_second_score_too(application, recruiter):
    ratings = {c.pk: (3, "") for c in criteria_for(application.posting)}
    scorecard_submit(application=application, interviewer=recruiter, ratings=ratings, kind=FIRST)
    with pytest.raises(RuleError) as refused:
        scorecard_submit(
            application=application, interviewer=recruiter, ratings=ratings, kind=FIRST
        )
    assert refused.value.code == "already_scored"


def test_first_review_scores_are_apart_from_interview_scorecards(application, recruiter):
    ratings = {c.pk: (2, "") for c in criteria_for(application.posting)}
    scorecard_submit(application=application, interviewer=recruiter, ratings=ratings, kind=FIRST)
    # The same person's interview scorecard is another one, still open to correction.
    scorecard_submit(application=application, interviewer=recruiter, ratings=ratings)
    scorecard_submit(
        application=application,
        interviewer=recruiter,
        ratings={c.pk: (4, "") for c in criteria_for(application.posting)},
    )
    kinds = dict(Scorecard.objects.values_list("kind", "ratings__score").distinct())
    assert kinds == {"first_review": 2, "interview": 4}


def board_order(client, posting, sort) -> list[str]:
    html = client.get(f"/staff/postings/{posting.pk}/", {"sort": sort}).content.decode()
    return re.findall(r'class="cardlet-name" href="/staff/applications/(\d+)/"', html)


def test_the_board_sorts_by_the_combined_score_of_what_the_viewer_has_scored(
    client, posting, recruiter, second_reviewer
):
    apps = [make_application(posting, email=f"c{i}@example.fi")[0] for i in range(3)]
    low, high, unscored = apps
    for app, score in ((low, 2), (high, 5)):
        ratings = {c.pk: (score, "") for c in criteria_for(posting)}
        scorecard_submit(application=app, interviewer=recruiter, ratings=ratings, kind=FIRST)
    # Another reviewer's score does not lift an application the viewer has not scored.
    ratings = {c.pk: (5, "") for c in criteria_for(posting)}
    scorecard_submit(application=unscored, interviewer=second_reviewer, ratings=ratings, kind=FIRST)
    client.force_login(recruiter)
    assert board_order(client, posting, "score") == [str(high.pk), str(low.pk), str(unscored.pk)]
    assert board_order(client, posting, "promised") == [str(a.pk) for a in apps]
    html = client.get(f"/staff/postings/{posting.pk}/", {"sort": "score"}).content.decode()
    assert "5.0</span>" in html and "2.0</span>" in html
    # The combined score of `unscored` (5.0 from the other reviewer) stays hidden from this one.
    assert html.count("5.0</span>") == 1
    # The other reviewer sees only their own: nothing of the two they have not scored.
    client.force_login(second_reviewer)
    html = client.get(f"/staff/postings/{posting.pk}/", {"sort": "score"}).content.decode()
    assert "2.0</span>" not in html
    assert board_order(client, posting, "score")[0] == str(unscored.pk)


def test_another_employer_cannot_see_or_score(client, application, outsider):
    client.force_login(outsider)
    assert client.get(url(application)).status_code == 404
    assert client.post(url(application), scores_form(application, 5, 5)).status_code == 404
    assert not Rating.objects.exists()


def test_the_scores_are_in_the_export_and_erasure_removes_their_notes(application, recruiter):
    ratings = {c.pk: (4, "Strong SQL in the CV.") for c in criteria_for(application.posting)}
    scorecard_submit(application=application, interviewer=recruiter, ratings=ratings, kind=FIRST)
    archive = zipfile.ZipFile(io.BytesIO(privacy.application_export(application=application)))
    evaluations = json.loads(archive.read("data.json"))["extra"]["interviews"]["evaluations"]
    assert {(e["kind"], e["criterion"], e["score"], e["notes"]) for e in evaluations} == {
        ("first_review", "Python", 4, "Strong SQL in the CV."),
        ("first_review", "SQL", 4, "Strong SQL in the CV."),
    }
    privacy.application_erase(application=application, reason=ErasureRecord.Reason.CANDIDATE)
    assert set(Rating.objects.values_list("notes", flat=True)) == {""}


def test_the_feedback_summary_refers_to_the_first_review_criteria(application, recruiter):
    ratings = {
        c.pk: (score, "")
        for c, score in zip(criteria_for(application.posting), (4, 2), strict=True)
    }
    scorecard_submit(application=application, interviewer=recruiter, ratings=ratings, kind=FIRST)
    summary = criteria_summary(application, "en")
    assert "In the first review of the application:" in summary
    assert "Python: 4.0 / 5 (1 rating)" in summary and "SQL: 2.0 / 5 (1 rating)" in summary
