"""Erasure leaves no trace: a marker planted in every personal field, copied by every flow
that copies, is found nowhere in the database or the upload directory afterwards.

The database is read generically: every table the connection lists (SQLite's full-text
shadow tables included), every row, every column, as text or bytes.
"""

import datetime as dt
import os
import re
from email.message import EmailMessage
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from reilu.applications import inbound
from reilu.applications import services as app_services
from reilu.applications.documents import document_request, document_upload
from reilu.applications.mail import reply_address
from reilu.applications.models import Application, ThreadMessage
from reilu.applications.thread import question_ask, questions_sweep, thread_answer
from reilu.employers.models import Membership
from reilu.interviews.criteria import criteria_for
from reilu.interviews.services.booking import booking_book, booking_cancel
from reilu.interviews.services.scorecards import scorecard_submit
from reilu.jobs import services as job_services
from reilu.jobs.alerts import alert_confirm
from reilu.jobs.models import JobAlert, Stage
from reilu.messaging.models import Message, MessageAttachment
from reilu.messaging.outbox import deliver_all
from reilu.privacy import services as privacy
from reilu.privacy.models import ErasureRecord
from reilu.talent.models import ContactRequest, OpenApplication, Profile, Seeker
from reilu.talent.personal_data import seeker_erase
from reilu.talent.saved_searches import _queue as saved_search_queue
from reilu.talent.services.contact_requests import contact_request_answer, contact_request_send
from reilu.talent.services.open_applications import (
    open_application_answer,
    open_application_send,
    open_settings_save,
)
from reilu.talent.services.profiles import profile_save
from reilu.talent.services.searches import saved_search_create
from reilu.talent.services.seekers import signin_request
from reilu.voice import services as voice
from reilu.voice.models import SurveyInvitation, SurveyResponse
from tests.conftest import make_application, make_posting, make_staff
from tests.interviews.conftest import make_slot

MARK = "Zqxmark"


def pdf_with(text: str) -> bytes:
    return f"%PDF-1.4\n% {text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".encode()


def database_hits(needle: str) -> list[str]:
    """Every table, row and column holding the needle (case-insensitive)."""
    needle_b = needle.lower().encode()
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if value is None:
                        continue
                    if isinstance(value, memoryview | bytes | bytearray):
                        raw = bytes(value)
                    else:
                        raw = str(value).encode()
                    if needle_b in raw.lower():
                        hits.append(f"{table}.{column}")
    return sorted(set(hits))


def upload_hits(needle: str) -> list[str]:
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    found = []
    for path, _dirs, files in os.walk(root):
        for name in files:
            if needle.lower().encode() in (Path(path) / name).read_bytes().lower():
                found.append(name)
    return found


def survey_token(app) -> str:
    body = Message.objects.about(app).get(kind=voice.SURVEY_KIND).body
    return re.search(r"/survey/([^/\s]+)/", body).group(1)


@pytest.fixture
def people(org, posting, recruiter, client, settings, django_capture_on_commit_callbacks):
    """The marked candidate and seeker, through every flow that copies their data."""
    email = f"{MARK.lower()}@example.fi"
    interviewer = make_staff(org, "ina@acme.example", role=Membership.Role.INTERVIEWER)
    # Apply on the public form: name, email, phone, cover letter, CV, answers to the posting's
    # questions; job alert and gallery.
    job_services.posting_update(
        posting=posting,
        data={},
        questions=[
            {"text": "Your best project in one line?", "kind": "short"},
            {"text": "Tell us about yourself", "kind": "long"},
        ],
    )
    short, long = posting.questions.all()
    response = client.post(
        f"/jobs/{posting.slug}/apply/",
        {
            "name": f"Aino {MARK}",
            "email": email,
            "phone": f"040 {MARK}",
            "cover_letter": f"I am {MARK} and I write honest code.",
            "language": "en",
            "privacy_consent": "on",
            "talent_consent": "on",
            "job_alert": "on",
            "cv": SimpleUploadedFile("cv.pdf", pdf_with(MARK), content_type="application/pdf"),
            f"q{short.pk}": f"The {MARK} bus app",
            f"q{long.pk}": f"I am {MARK},\nfrom Oulu.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    app = Application.objects.get(email_key=email)
    other, _raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    alert_confirm(JobAlert.objects.get(email_key=email))
    # Staff: note, move with a note, interviews booked, cancelled and booked again, scorecard.
    app_services.application_add_note(application=app, text=f"Met {MARK} at a fair.", actor=None)
    interview = posting.stages.get(kind=Stage.Kind.INTERVIEW)
    app_services.application_move(application=app, to_stage=interview, note=f"Go {MARK}")
    app_services.application_move(application=other, to_stage=interview)
    slot = make_slot(posting, [interviewer, recruiter])
    later = make_slot(posting, [interviewer], days=4)
    booking_book(application=app, slot_id=slot.pk)
    booking_cancel(application=app)
    booking_book(application=app, slot_id=later.pk)
    booking_book(application=other, slot_id=slot.pk)
    for a, notes in ((app, f"{MARK} explained joins well."), (other, "Calm.")):
        scorecard_submit(
            application=a,
            interviewer=interviewer,
            ratings={c.pk: (3, notes) for c in criteria_for(posting)},
        )
    # The conversation: a question on the page, the answer, a reply by email through the
    # inbound listener's own code (left unanswered: it lapses below).
    settings.REILU_REPLY_DOMAIN = "reply.reilu.test"
    question_ask(application=app, text=f"Is {MARK} welcome part-time?", via="page")
    thread_answer(application=app, text=f"Yes, {MARK}.", actor=recruiter, via="workspace")
    reply = EmailMessage()
    reply["From"], reply["To"], reply["Subject"] = email, reply_address(app), f"Re: {MARK}"
    reply.set_content(f"Thanks, says {MARK}.\n\nOn Thu, Laura wrote:\n> Yes, {MARK}.")
    assert inbound.receive(reply_address(app), reply.as_bytes()) == inbound.DELIVERED
    assert ThreadMessage.objects.filter(application=app).latest("id").text == (
        f"Thanks, says {MARK}."
    )
    # A document asked for (its name and note marked) and sent (the file's name and bytes).
    document = document_request(
        application=app,
        what=f"{MARK} licence copy",
        note=f"Both sides, {MARK}.",
        due=timezone.localdate(),
        actor=recruiter,
    )
    document_upload(
        document=document,
        upload=SimpleUploadedFile(f"{MARK}-licence.pdf", pdf_with(f"licence of {MARK}")),
    )
    # A batch decision: messages, the feedback to-do for both, survey invitations.
    app_services.applications_decide(
        organization=org,
        application_ids=[app.pk, other.pk],
        outcome="rejected",
        actor=recruiter,
    )
    assert Message.objects.filter(kind="feedback_task", body__contains=MARK).exists()
    # The survey, with a comment that may be published, and the employer's public reply.
    answered = client.post(
        f"/survey/{survey_token(app)}/",
        {
            "recommend": "3",
            "ad_matched": "2",
            "knew_status": "2",
            "comment": f"{MARK} says: slow answers.",
            "publish": "on",
        },
    )
    assert answered.status_code == 302
    review = SurveyResponse.objects.get(comment__contains=MARK)
    voice.review_reply(review=review, organization=org, text=f"Sorry, {MARK}.", author=recruiter)
    # The seeker: sign-in link, the drafted profile filled in, a CV, a saved search.
    seeker = Seeker.objects.get(email_key=email)
    assert signin_request(email=email, language="en")
    profile_save(
        seeker=seeker,
        data={
            "name": f"Aino {MARK}",
            "headline": f"{MARK} backend developer",
            "expertise": f"Databases {MARK}",
            "bio": f"Ask me, {MARK}, about SQL.",
            "phone": f"040 {MARK}",
            "visibility": Profile.Visibility.PUBLIC,
        },
        skills=[f"{MARK}SQL", "Python"],
        languages=[("fi", "native")],
        links=[f"https://example.fi/{MARK}"],
        cv=SimpleUploadedFile("cv.pdf", pdf_with(MARK), content_type="application/pdf"),
        cv_type="application/pdf",
    )
    profile = Profile.objects.get(seeker=seeker)
    search = saved_search_create(
        seeker=seeker, keywords=f"{MARK} python", region="", remote=False, pay_at_least=None
    )
    saved_search_queue(search, make_posting(org, title="Data engineer"))
    # Contact request, accepted; an open application, answered.
    request = contact_request_send(
        profile=profile, organization=org, user=recruiter, message=f"Hello {MARK}!"
    )
    contact_request_answer(request=request, seeker=seeker, accept=True)
    open_settings_save(
        organization=org,
        data={"accepts": True, "contact_name": "Laura", "contact_email": "laura@acme.example"},
    )
    opened = open_application_send(
        seeker=seeker, organization=org, message=f"{MARK} would like to work with you."
    )
    open_application_answer(
        open_application=opened, decision="answered", reply=f"Thanks {MARK}, we will keep you."
    )
    # A new opening for the job alert, and every queued mail delivered.
    make_posting(org, title="Frontend developer")
    deliver_all()
    # Follow-ups (feedback call, survey) go at least an hour after the decision.
    for hours in (2, 4):
        with time_machine.travel(timezone.now() + dt.timedelta(hours=hours)):
            deliver_all()
    # Nobody answered the reply: its promise lapses (the candidate is told, staff alerted).
    with time_machine.travel(timezone.now() + dt.timedelta(days=10)):
        assert questions_sweep() == 1
        deliver_all()
    assert Message.objects.filter(state=Message.State.PENDING).count() == 0
    assert ContactRequest.objects.exists() and OpenApplication.objects.exists()
    return {"app": app, "seeker": seeker, "other": other, "survey": survey_token(app)}


def test_erasure_leaves_no_trace_of_the_candidate_or_seeker(
    people, client, django_capture_on_commit_callbacks
):
    # The flows did copy the marker: into these messages and their calendar files.
    marked = Message.objects.filter(
        Q(subject__icontains=MARK)
        | Q(body__icontains=MARK)
        | Q(to_email__icontains=MARK)
        | Q(reply_to__icontains=MARK)
    )
    kinds = set(marked.values_list("kind", flat=True))
    assert {
        "received",
        "interview_booked",
        "interview_cancelled",
        "interviewer_invitation",
        "rejected_interview",
        "feedback_task",
        "survey_invitation",
        "job_alert_confirm",
        "job_alert",
        "talent_draft",
        "talent_signin",
        "talent_request",
        "talent_request_answer",
        "talent_open_received",
        "talent_open_answer",
        "talent_saved_search",
        "staff_thread_question",
        "thread_answer",
        "question_late",
        "staff_thread_lapsed",
        "document_requested",
        "staff_document_received",
    } <= kinds, kinds
    assert MessageAttachment.objects.filter(content__icontains=MARK).count() >= 3
    assert database_hits(MARK) and upload_hits(MARK)
    assert "applications_answer.value" in database_hits(MARK)
    assert {
        "applications_documentrequest.what",
        "applications_documentrequest.note",
        "applications_documentrequest.file_name",
    } <= set(database_hits(MARK))
    assert any(
        f"licence of {MARK}".encode() in path.read_bytes()
        for path in (
            Path(settings.STORAGES["default"]["OPTIONS"]["location"]) / "documents"
        ).iterdir()
    )
    with django_capture_on_commit_callbacks(execute=True):
        privacy.application_erase(application=people["app"], reason=ErasureRecord.Reason.CANDIDATE)
        seeker_erase(people["seeker"])
    assert database_hits(MARK) == []
    assert upload_hits(MARK) == []
    # Nor the email address, in any spelling the flows stored.
    assert database_hits(f"{MARK.lower()}@example") == []
    # The other candidate of the batch keeps their own data.
    assert Application.objects.get(pk=people["other"].pk).name == "Bertta Virtanen"


def test_a_survey_link_stops_working_after_erasure(people, client):
    token = people["survey"]
    privacy.application_erase(application=people["app"], reason=ErasureRecord.Reason.CANDIDATE)
    page = client.get(f"/survey/{token}/")
    assert page.status_code == 410
    assert "the data of this application has been erased" in page.content.decode()
    answers = SurveyResponse.objects.count()
    posted = client.post(
        f"/survey/{token}/", {"recommend": "0", "knew_status": "1", "comment": "again"}
    )
    assert posted.status_code == 410
    assert SurveyResponse.objects.count() == answers
    invitation = SurveyInvitation.objects.get(application=people["app"])
    with pytest.raises(voice.RuleError):
        voice.survey_answer(invitation=invitation, recommend=0, knew_status=1, comment="x")


def test_a_fresh_survey_link_of_an_erased_candidate_accepts_nothing(org, posting, client):
    app, _raw = make_application(posting, email="cecilia@example.fi", name="Cecilia")
    app_services.applications_decide(
        organization=org, application_ids=[app.pk], outcome="rejected", actor=None
    )
    token = survey_token(app)
    assert client.get(f"/survey/{token}/").status_code == 200
    privacy.application_erase(application=app, reason=ErasureRecord.Reason.CANDIDATE)
    posted = client.post(f"/survey/{token}/", {"recommend": "9", "knew_status": "5"})
    assert posted.status_code == 410
    assert not SurveyResponse.objects.exists()
