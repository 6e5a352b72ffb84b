"""The conversation in the API (issue 18, items 4 and 7), its export and its erasure (item 6)."""

import datetime as dt
import json
import zipfile
from io import BytesIO

import time_machine
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from reilu.applications import thread
from reilu.applications.models import Application, ThreadMessage
from reilu.messaging.models import Message
from reilu.privacy.models import AuditEvent, ErasureRecord
from reilu.privacy.services import application_erase, application_export, erase_due
from tests.conftest import make_application

API = "/api/v1"
QUESTION = "Is there parking at the office?"
ANSWER = "Yes, two places for visitors."


def post(client, url, data, **headers):
    return client.post(url, json.dumps(data), content_type="application/json", **headers)


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


# The candidate's side, by status token


def test_a_candidate_asks_and_reads_through_the_api(client, application):
    asked = post(client, f"{API}/status/{application.raw_token}/thread", {"text": QUESTION})
    assert asked.status_code == 201, asked.content
    body = asked.json()
    assert body["author"] == "candidate" and body["via"] == "api" and body["text"] == QUESTION
    assert body["answer_promised_by"] == thread.answer_due().isoformat()
    assert body["author_name"] == "Aino Korhonen"
    assert Message.objects.about(application).filter(kind="staff_thread_question").exists()
    read = client.get(f"{API}/status/{application.raw_token}/thread").json()
    assert read["contact_name"] == "Laura Nieminen"
    assert [m["text"] for m in read["messages"]] == [QUESTION]
    # The status itself has the question in its timeline.
    status = client.get(f"{API}/status/{application.raw_token}").json()
    assert [e["text"] for e in status["events"] if e["kind"] == "question"] == [QUESTION]


def test_an_answer_by_staff_without_a_full_name_is_signed_with_the_contacts_name(
    client, application, recruiter
):
    # The recruiter's username is their email address: the candidate sees the contact
    # person's name, as on the status page, never the login.
    assert not recruiter.get_full_name()
    thread.question_ask(application=application, text=QUESTION, via="page")
    thread.thread_answer(application=application, text=ANSWER, actor=recruiter, via="page")
    read = client.get(f"{API}/status/{application.raw_token}/thread")
    names = [(m["author"], m["author_name"]) for m in read.json()["messages"]]
    assert names == [("candidate", "Aino Korhonen"), ("staff", "Laura Nieminen")]
    assert recruiter.username not in read.content.decode()


def test_bad_text_is_a_400_with_a_code_in_the_users_language(client, application):
    url = f"{API}/status/{application.raw_token}/thread"
    for text, code in (("  ", "empty"), ("z" * 4001, "too_long"), ("a\x00b", "control_characters")):
        refused = post(client, url, {"text": text}, HTTP_ACCEPT_LANGUAGE="sv")
        assert refused.status_code == 400, (text, refused.content)
        assert refused.json()["code"] == code
    assert post(client, url, {"text": "  "}, HTTP_ACCEPT_LANGUAGE="fi").json()["detail"] == (
        "Kirjoita ensin viestisi."
    )
    assert post(client, url, {"text": 5}).status_code == 422
    assert post(client, url, {}).status_code == 422
    assert not ThreadMessage.objects.exists()


def test_another_candidates_token_reaches_only_their_own(client, posting, application):
    other, raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    post(client, f"{API}/status/{raw}/thread", {"text": "Bertta's question"})
    mine = client.get(f"{API}/status/{application.raw_token}/thread").json()
    assert mine["messages"] == []
    assert client.get(f"{API}/status/not-a-token/thread").status_code == 404
    assert post(client, f"{API}/status/not-a-token/thread", {"text": "x"}).status_code == 404
    assert ThreadMessage.objects.get().application_id == other.pk


def test_the_api_shares_the_limits_of_the_page(client, settings, application):
    settings.REILU_RATES = {**settings.REILU_RATES, "thread_application": "2/d"}
    url = f"{API}/status/{application.raw_token}/thread"
    assert post(client, url, {"text": "one"}).status_code == 201
    assert client.post(f"/status/{application.raw_token}/ask/", {"text": "two"}).status_code == 302
    refused = post(client, url, {"text": "three"})
    assert refused.status_code == 429
    assert ThreadMessage.objects.count() == 2


# The staff side, with a bearer token


def test_staff_read_and_answer_with_a_bearer_token(client, application, api_token, org):
    thread.question_ask(application=application, text=QUESTION, via="page")
    read = client.get(f"{API}/applications/{application.pk}/thread", **bearer(api_token))
    assert read.status_code == 200
    assert [(m["author"], m["text"]) for m in read.json()["messages"]] == [("candidate", QUESTION)]
    assert AuditEvent.objects.filter(
        organization=org, action="view_application", object_id=str(application.pk)
    ).exists()
    answered = post(
        client, f"{API}/applications/{application.pk}/thread", {"text": ANSWER}, **bearer(api_token)
    )
    assert answered.status_code == 201
    assert answered.json()["author"] == "staff" and answered.json()["via"] == "api"
    question = ThreadMessage.objects.get(author="candidate")
    assert question.answered_at is not None
    assert ANSWER in Message.objects.about(application).get(kind="thread_answer").body


def test_another_employers_token_sees_nothing(client, application, other_token):
    thread.question_ask(application=application, text=QUESTION, via="page")
    url = f"{API}/applications/{application.pk}/thread"
    assert client.get(url, **bearer(other_token)).status_code == 404
    assert post(client, url, {"text": ANSWER}, **bearer(other_token)).status_code == 404
    assert client.get(url).status_code == 401
    assert client.get(f"{API}/applications/{2**63}/thread", **bearer(other_token)).status_code in (
        404,
        422,
    )
    assert not ThreadMessage.objects.filter(author="staff").exists()


def test_staff_answers_are_checked_like_the_pages(client, application, api_token):
    url = f"{API}/applications/{application.pk}/thread"
    refused = post(client, url, {"text": " "}, **bearer(api_token))
    assert refused.status_code == 400 and refused.json()["code"] == "empty"
    assert not ThreadMessage.objects.exists()


# Export, erasure, retention


def test_the_export_holds_the_conversation(application, recruiter):
    thread.question_ask(application=application, text=QUESTION, via="page")
    thread.thread_answer(application=application, text=ANSWER, actor=recruiter, via="workspace")
    archive = zipfile.ZipFile(BytesIO(application_export(application=application)))
    data = json.loads(archive.read("data.json"))
    question, answer = ThreadMessage.objects.order_by("pk")
    when = DjangoJSONEncoder().default  # the export's own date format
    assert data["conversation"] == [
        {
            "author": "candidate",
            "author_name": "Aino Korhonen",
            "via": "page",
            "text": QUESTION,
            "at": when(question.created_at),
            "answer_promised_by": question.promised_by.isoformat(),
            "answered_at": when(question.answered_at),
            "answer_promise_lapses": question.lapses,
        },
        {
            "author": "staff",
            "author_name": "rec@acme.example",  # the staff member, by name or username
            "via": "workspace",
            "text": ANSWER,
            "at": when(answer.created_at),
            "answer_promised_by": None,
            "answered_at": None,
            "answer_promise_lapses": answer.lapses,
        },
    ]
    assert question.answered_at is not None and question.promised_by is not None


def test_erasure_blanks_the_conversation(application, recruiter):
    thread.question_ask(application=application, text=QUESTION, via="page")
    thread.thread_answer(application=application, text=ANSWER, actor=recruiter, via="workspace")
    application_erase(application=application, reason=ErasureRecord.Reason.CANDIDATE)
    assert [m.text for m in ThreadMessage.objects.all()] == ["", ""]
    assert not Message.objects.filter(body__contains=QUESTION).exists()


def test_retention_erases_the_conversation(org, application):
    from reilu.applications import services

    thread.question_ask(application=application, text=QUESTION, via="page")
    services.applications_decide(
        organization=org, application_ids=[application.pk], outcome="rejected"
    )
    months = org.retention_months
    with time_machine.travel(timezone.now() + dt.timedelta(days=31 * months + 2)):
        assert erase_due() == 1
    assert ThreadMessage.objects.get().text == ""
    assert Application.objects.get(pk=application.pk).erased_at is not None


def test_an_open_question_of_an_erased_application_is_no_longer_listed(
    staff_client, application, org
):
    thread.question_ask(application=application, text=QUESTION, via="page")
    application_erase(application=application, reason=ErasureRecord.Reason.CANDIDATE)
    assert thread.unanswered_questions(org) == []
