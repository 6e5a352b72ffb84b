"""The export holds every message to and about the person, and the access log."""

import io
import json
import zipfile

from reilu.applications import services as app_services
from reilu.interviews.criteria import criteria_for
from reilu.interviews.services.booking import booking_book
from reilu.interviews.services.scorecards import scorecard_submit
from reilu.jobs.alerts import alert_subscribe
from reilu.privacy.services import application_export
from reilu.talent.personal_data import seeker_export
from reilu.talent.services.contact_requests import contact_request_answer, contact_request_send
from reilu.talent.services.seekers import signin_request
from tests.conftest import make_application
from tests.interviews.conftest import make_slot, to_interview
from tests.talent.conftest import make_profile


def data_of(archive_bytes: bytes) -> dict:
    return json.loads(zipfile.ZipFile(io.BytesIO(archive_bytes)).read("data.json"))


def test_the_candidates_export_has_mail_to_and_about_them_and_the_access_log(
    staff_client, org, posting, recruiter
):
    app, _ = make_application(posting)
    other, _ = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    alert_subscribe(organization=org, email=app.email, language="en")
    for a in (app, other):
        to_interview(a)
    for hour, a in ((10, app), (13, other)):
        booking_book(application=a, slot_id=make_slot(posting, [recruiter], hour=hour).pk)
        scorecard_submit(
            application=a,
            interviewer=recruiter,
            ratings={c.pk: (4, "Fine.") for c in criteria_for(posting)},
        )
    app_services.applications_decide(
        organization=org, application_ids=[app.pk, other.pk], outcome="rejected", actor=recruiter
    )
    app_services.application_add_note(application=app, text="Call back in May.", actor=recruiter)
    assert staff_client.get(f"/staff/applications/{app.pk}/").status_code == 200
    data = data_of(application_export(application=app))
    by_kind = {m["kind"]: m for m in data["messages"]}
    # Sent to them, in full, with the calendar file.
    booked = by_kind["interview_booked"]
    assert booked["sent_to"] == "you" and booked["to_email"] == app.email
    assert booked["attachments"] and "BEGIN:VCALENDAR" in booked["attachments"][0]["content"]
    assert by_kind["job_alert_confirm"]["sent_to"] == "you"
    # About them, to staff, in full: the interviewer's invitation names them.
    invitation = by_kind["interviewer_invitation"]
    assert invitation["sent_to"] == "staff" and app.name in invitation["subject"]
    # About them and another candidate: listed, its text withheld to protect the other.
    task = by_kind["feedback_task"]
    assert task["body"] == "" and task["text_withheld"]
    assert "Bertta" not in json.dumps(data["messages"])
    # The audit events about the application, staff unnamed.
    actions = [e["action"] for e in data["access_log"]]
    assert "view_application" in actions
    assert recruiter.email not in json.dumps(data["access_log"])
    # The internal note is exported, and says it is not on the status page.
    note = next(e for e in data["events"] if e["text"] == "Call back in May.")
    assert note["kind"] == "note" and note["shown_on_status_page"] is False


def test_the_seekers_export_has_every_message_about_them(staff_client, org, recruiter):
    profile = make_profile()
    assert signin_request(email=profile.seeker.email, language="en")
    request = contact_request_send(
        profile=profile, organization=org, user=recruiter, message="Hello!"
    )
    contact_request_answer(request=request, seeker=profile.seeker, accept=True)
    data = json.loads(zipfile.ZipFile(io.BytesIO(seeker_export(profile.seeker))).read("data.json"))
    kinds = {m["kind"]: m for m in data["messages"]}
    assert kinds["talent_signin"]["sent_to"] == "you"
    assert "/talent/signin/" in kinds["talent_signin"]["body"]
    assert kinds["talent_request"]["sent_to"] == "you"
    answer = kinds["talent_request_answer"]
    assert answer["sent_to"] == "staff" and profile.name in answer["subject"]


def test_the_note_form_says_honestly_who_sees_the_note(staff_client, application):
    page = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "Only staff see this note" not in page
    assert "included in their copy of their data" in page
    saved = staff_client.post(
        f"/staff/applications/{application.pk}/note/", {"text": "Strong SQL."}, follow=True
    )
    assert "Only staff can see it" not in saved.content.decode()
