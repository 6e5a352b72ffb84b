"""The seeker's own applications, tasks and threads in the API, by the sign-in session."""

import datetime as dt
import json

from django.test import Client

from reilu.applications import thread
from reilu.applications.models import ThreadMessage
from reilu.messaging.models import Message
from reilu.privacy.services import application_erase
from reilu.talent.services.seekers import seeker_get_or_create
from tests.interviews.conftest import make_slot, to_interview
from tests.talent.conftest import sign_in_as


def test_it_lists_the_seekers_own_applications_only(aino_client, two_employers):
    response = aino_client.get("/api/v1/seeker/applications")
    assert response.status_code == 200
    rows = response.json()
    assert {r["id"] for r in rows} == {two_employers["acme"].pk, two_employers["other"].pk}
    assert {r["contact_name"] for r in rows} == {"Laura Nieminen", "Olli Otava"}
    assert {r["employer"] for r in rows} == {"Acme Oy", "Other Oy"}
    assert all(r["outcome"] == "active" and r["promised_by"] for r in rows)


def test_one_application_has_its_timeline_and_messages(aino_client, two_employers):
    acme = two_employers["acme"]
    body = aino_client.get(f"/api/v1/seeker/applications/{acme.pk}").json()
    assert body["stage"] == acme.stage.name
    assert body["timeline"][0]["kind"] == "applied"
    assert body["messages"] and body["messages"][0]["subject"]


def test_another_persons_application_is_404(client, two_employers):
    bertta = seeker_get_or_create(email="bertta@example.fi", language="en")
    sign_in_as(client, bertta)
    rows = client.get("/api/v1/seeker/applications").json()
    assert [r["id"] for r in rows] == [two_employers["theirs"].pk]
    for key in ("acme", "other"):
        response = client.get(f"/api/v1/seeker/applications/{two_employers[key].pk}")
        assert response.status_code == 404 and response.json()["detail"]


def test_tasks_in_the_api(aino_client, two_employers, recruiter):
    acme = to_interview(two_employers["acme"])
    slot = make_slot(acme.posting, [recruiter], days=4)
    tasks = aino_client.get("/api/v1/seeker/tasks").json()
    assert tasks == [
        {
            "kind": "book",
            "title": "Book your interview time",
            "application": acme.pk,
            "employer": "Acme Oy",
            "posting": "Backend developer",
            "deadline": tasks[0]["deadline"],
            "waiting_for_you": True,
        }
    ]
    assert dt.datetime.fromisoformat(tasks[0]["deadline"]) == slot.starts_at


def test_it_needs_a_signed_in_seeker(client, two_employers, api_token):
    for path in ("/api/v1/seeker/applications", "/api/v1/seeker/tasks",
                 f"/api/v1/seeker/applications/{two_employers['acme'].pk}"):  # fmt: skip
        assert client.get(path).status_code == 401
        # a staff token is no seeker
        assert client.get(path, HTTP_AUTHORIZATION=f"Bearer {api_token}").status_code == 401


# The conversation with the contact person (issue 18, item 7)

QUESTION = "Is the team working remotely on Fridays?"


def thread_url(app):
    return f"/api/v1/seeker/applications/{app.pk}/thread"


def post_json(client, url, data, **headers):
    return client.post(url, json.dumps(data), content_type="application/json", **headers)


def test_a_seeker_asks_and_reads_a_thread(aino_client, two_employers, recruiter):
    acme = two_employers["acme"]
    assert aino_client.get(thread_url(acme)).json() == {
        "contact_name": "Laura Nieminen",
        "messages": [],
    }
    asked = post_json(aino_client, thread_url(acme), {"text": QUESTION})
    assert asked.status_code == 201, asked.content
    body = asked.json()
    assert body["author"] == "candidate" and body["via"] == "api" and body["text"] == QUESTION
    assert body["answer_promised_by"] == thread.answer_due().isoformat()
    assert Message.objects.about(acme).filter(kind="staff_thread_question").exists()
    thread.thread_answer(application=acme, text="Yes.", actor=recruiter, via="workspace")
    read = aino_client.get(thread_url(acme)).json()
    assert [(m["author"], m["text"]) for m in read["messages"]] == [
        ("candidate", QUESTION),
        ("staff", "Yes."),
    ]
    assert read["messages"][0]["answered_at"] is not None
    # the other employer's application has a thread of its own
    assert aino_client.get(thread_url(two_employers["other"])).json()["messages"] == []


def test_a_thread_of_another_persons_application_is_404(client, two_employers):
    bertta = seeker_get_or_create(email="bertta@example.fi", language="en")
    sign_in_as(client, bertta)
    for key in ("acme", "other"):
        assert client.get(thread_url(two_employers[key])).status_code == 404
        refused = post_json(client, thread_url(two_employers[key]), {"text": QUESTION})
        assert refused.status_code == 404 and refused.json() == {"detail": "Not found."}
    assert client.get("/api/v1/seeker/applications/999999/thread").status_code == 404
    assert not ThreadMessage.objects.exists()
    assert post_json(client, thread_url(two_employers["theirs"]), {"text": "x"}).status_code == 201


def test_threads_need_a_signed_in_seeker(client, two_employers, api_token):
    url = thread_url(two_employers["acme"])
    assert client.get(url).status_code == 401
    assert post_json(client, url, {"text": QUESTION}).status_code == 401
    # a staff token is no seeker
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {api_token}"}
    assert client.get(url, **bearer).status_code == 401
    assert post_json(client, url, {"text": QUESTION}, **bearer).status_code == 401
    assert not ThreadMessage.objects.exists()


def test_writing_needs_the_csrf_token(aino, two_employers):
    client = Client(enforce_csrf_checks=True)
    sign_in_as(client, aino)
    url = thread_url(two_employers["acme"])
    refused = post_json(client, url, {"text": QUESTION})
    assert refused.status_code == 403 and refused.json()["detail"]
    assert not ThreadMessage.objects.exists()
    client.get("/me/")  # a page of the site sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert post_json(client, url, {"text": QUESTION}, HTTP_X_CSRFTOKEN=token).status_code == 201


def test_bad_text_is_refused_in_the_users_language(aino_client, two_employers):
    url = thread_url(two_employers["acme"])
    for text, code in (("  ", "empty"), ("z" * 4001, "too_long"), ("a\x00b", "control_characters")):
        refused = post_json(aino_client, url, {"text": text}, HTTP_ACCEPT_LANGUAGE="sv")
        assert refused.status_code == 400, (text, refused.content)
        assert refused.json()["code"] == code
    empty = post_json(aino_client, url, {"text": " "}, HTTP_ACCEPT_LANGUAGE="fi")
    assert empty.json() == {"code": "empty", "detail": "Kirjoita ensin viestisi."}
    assert post_json(aino_client, url, {"text": 5}).status_code == 422
    assert post_json(aino_client, url, {}).status_code == 422
    assert not ThreadMessage.objects.exists()


def test_the_api_shares_the_limits_of_the_pages(aino_client, settings, two_employers):
    settings.REILU_RATES = {**settings.REILU_RATES, "thread_application": "2/d"}
    acme = two_employers["acme"]
    assert post_json(aino_client, thread_url(acme), {"text": "one"}).status_code == 201
    assert aino_client.post(f"/me/applications/{acme.pk}/ask/", {"text": "two"}).status_code == 302
    refused = post_json(aino_client, thread_url(acme), {"text": "three"}, HTTP_ACCEPT_LANGUAGE="fi")
    assert refused.status_code == 429 and refused.json()["detail"]
    assert ThreadMessage.objects.count() == 2


def test_the_api_shares_the_per_client_limit(aino_client, settings, two_employers):
    settings.REILU_RATES = {**settings.REILU_RATES, "thread": "1/h"}
    assert (
        post_json(aino_client, thread_url(two_employers["acme"]), {"text": "a"}).status_code == 201
    )
    refused = post_json(aino_client, thread_url(two_employers["other"]), {"text": "b"})
    assert refused.status_code == 429
    assert ThreadMessage.objects.count() == 1


def test_an_erased_application_has_no_thread(aino_client, two_employers):
    acme = two_employers["acme"]
    application_erase(application=acme, reason="candidate")
    assert aino_client.get(thread_url(acme)).status_code == 404
    assert post_json(aino_client, thread_url(acme), {"text": QUESTION}).status_code == 404
