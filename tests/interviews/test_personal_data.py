"""Interview data in the candidate's export and erasure (GDPR Art. 15 and 17)."""

from reilu.interviews.criteria import criteria_for
from reilu.interviews.models import Rating
from reilu.interviews.services.booking import booking_book
from reilu.interviews.services.scorecards import scorecard_submit
from reilu.privacy import services as privacy
from reilu.privacy.models import ErasureRecord


def rate_all(app, user, score, notes):
    ratings = {c.pk: (score, notes) for c in criteria_for(app.posting)}
    return scorecard_submit(application=app, interviewer=user, ratings=ratings)


def test_the_export_holds_bookings_and_evaluations(interview_app, slot, interviewer):
    import io
    import json
    import zipfile

    booking_book(application=interview_app, slot_id=slot.pk)
    rate_all(interview_app, interviewer, 4, "Clear answers about SQL.")
    archive = zipfile.ZipFile(io.BytesIO(privacy.application_export(application=interview_app)))
    data = json.loads(archive.read("data.json"))
    interviews = data["extra"]["interviews"]
    assert interviews["bookings"][0]["location"] == slot.location
    assert {e["notes"] for e in interviews["evaluations"]} == {"Clear answers about SQL."}
    assert {e["score"] for e in interviews["evaluations"]} == {4}


def test_erasure_removes_the_notes_and_keeps_the_scores(interview_app, slot, interviewer):
    booking_book(application=interview_app, slot_id=slot.pk)
    rate_all(interview_app, interviewer, 5, "Personal remark about the candidate.")
    privacy.application_erase(application=interview_app, reason=ErasureRecord.Reason.CANDIDATE)
    ratings = Rating.objects.filter(scorecard__application=interview_app)
    assert ratings.count() == 2
    assert set(ratings.values_list("notes", flat=True)) == {""}
    assert set(ratings.values_list("score", flat=True)) == {5}
