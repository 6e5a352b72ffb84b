"""Documents requested (issue 18, item 2): staff ask the candidate for a document on the
application's page or through the API; the candidate is mailed in the application's language
and sends the file from the status page; staff download it (audited), never during an
anonymous first review, never another employer's."""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reilu.applications import documents
from reilu.applications import services as app_services
from reilu.applications.models import Application, DocumentRequest, Event
from reilu.employers.models import Membership
from reilu.messaging.models import Message
from reilu.privacy.models import AuditEvent
from reilu.privacy.tasks import retention_sweep
from reilu.rules import RuleError
from reilu.talent.services.seekers import seeker_get_or_create
from tests.applications.test_anonymous_review import apply as apply_anonymously
from tests.conftest import PDF_BYTES, make_application, make_staff
from tests.talent.conftest import sign_in_as

WHAT = "Copy of your nursing licence"


def today() -> dt.date:
    return timezone.localdate()


def ask(client, app, what=WHAT, note="", due=None, **headers):
    due = today() + dt.timedelta(days=7) if due is None else due
    return client.post(
        f"/staff/applications/{app.pk}/documents/",
        {"doc-what": what, "doc-note": note, "doc-due": str(due)},
        **headers,
    )


def request_for(app, recruiter, what=WHAT, days=7) -> DocumentRequest:
    return documents.document_request(
        application=app, what=what, note="", due=today() + dt.timedelta(days=days), actor=recruiter
    )


def send(client, app, document, content=PDF_BYTES, name="licence.pdf"):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(f"/status/{app.raw_token}/documents/{document.pk}/", {"file": upload})


def stored_files() -> list[Path]:
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"]) / "documents"
    return sorted(root.iterdir()) if root.exists() else []


# Staff ask


ERRORS = {
    "en": ("There is a problem", "Say which document you ask for.", "The due date must be today"),
    "fi": ("Tarkista seuraavat kohdat", "Kerro, mitä asiakirjaa pyydät.", "Eräpäivän on oltava"),
    "sv": ("Kontrollera följande", "Ange vilket dokument du begär.", "Sista dagen måste vara"),
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_a_request_with_errors_comes_back_with_what_was_typed_then_the_fix_goes(
    staff_client, application, language
):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    note = "Both sides, please."
    wrong = ask(staff_client, application, what="  ", note=note, due=today() - dt.timedelta(days=1))
    assert wrong.status_code == 400
    html = wrong.content.decode()
    summary, what_error, due_error = ERRORS[language]
    assert summary in html and what_error in html and due_error in html
    assert note in html  # kept for fixing
    assert str(today() - dt.timedelta(days=1)) in html
    assert not DocumentRequest.objects.exists()
    assert not Message.objects.filter(kind="document_requested").exists()
    half = ask(staff_client, application, note=note, due=today() - dt.timedelta(days=1))
    assert half.status_code == 400
    assert f'value="{WHAT}"' in half.content.decode()
    fixed = ask(staff_client, application, note=note, due=today())
    assert fixed.status_code == 302
    assert fixed["Location"] == f"/staff/applications/{application.pk}/#documents"
    document = DocumentRequest.objects.get()
    assert (document.what, document.note, document.due) == (WHAT, note, today())
    assert document.requested_by.email == "rec@acme.example"


def test_a_request_is_on_the_timeline_and_the_page_and_mailed_to_the_candidate(
    staff_client, application
):
    assert ask(staff_client, application, note="Both sides, please.").status_code == 302
    event = Event.objects.get(application=application, kind="document_requested")
    assert event.text == WHAT and event.visible_to_candidate and event.actor is not None
    page = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "Document requested</strong>" in page and 'data-state="waiting"' in page
    mail = Message.objects.about(application).get(kind="document_requested")
    assert mail.to_email == application.email and mail.language == "en"
    due = today() + dt.timedelta(days=7)
    assert WHAT in mail.body and "Both sides, please." in mail.body
    assert f"{due.day} " in mail.body and str(due.year) in mail.body
    assert "Laura Nieminen" in mail.body  # the contact person
    assert "http://testserver/status/" in mail.body


MAIL = {
    "fi": ("Lähetäthän meille asiakirjan", "Lähetäthän sen viimeistään"),
    "sv": ("Skicka oss ett dokument", "Skicka det senast"),
    "en": ("Please send us a document", "Please send it by"),
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_candidate_is_mailed_in_the_applications_language(
    posting, recruiter, staff_client, language
):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # staff's own language
    app, _raw = make_application(posting, email=f"{language}@example.fi", language=language)
    assert ask(staff_client, app).status_code == 302
    mail = Message.objects.about(app).get(kind="document_requested")
    subject, line = MAIL[language]
    assert mail.language == language
    assert mail.subject.startswith(subject) and line in mail.body and WHAT in mail.body


def test_cancel_is_post_only_and_takes_the_request_off_the_candidates_page(
    staff_client, client, application, recruiter
):
    document = request_for(application, recruiter)
    url = f"/staff/applications/{application.pk}/documents/{document.pk}/cancel/"
    assert staff_client.get(url).status_code == 405
    assert DocumentRequest.objects.get().cancelled_at is None
    assert staff_client.post(url).status_code == 302
    document.refresh_from_db()
    assert document.cancelled_at is not None and not document.is_waiting
    assert Event.objects.filter(application=application, kind="document_cancelled").exists()
    status = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "No longer needed" in status and 'name="file"' not in status
    assert send(client, application, document).status_code == 409
    assert stored_files() == []


def test_the_candidate_is_told_by_mail_that_the_document_is_no_longer_needed(
    staff_client, application, recruiter
):
    document = request_for(application, recruiter)
    url = f"/staff/applications/{application.pk}/documents/{document.pk}/cancel/"
    assert staff_client.post(url).status_code == 302
    mail = Message.objects.about(application).get(kind="document_cancelled")
    assert mail.to_email == application.email
    assert mail.subject == f"You need not send the document: {application.posting.title}"
    assert WHAT in mail.body and "no longer need it" in mail.body
    assert "/status/" in mail.body
    page = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "The candidate is told by mail and on the page." in page
    # Cancelling again is refused and mails nothing more.
    again = staff_client.post(url, follow=True).content.decode()
    assert "This request is no longer open." in again
    assert Message.objects.about(application).filter(kind="document_cancelled").count() == 1


def test_an_ended_applications_request_is_cancelled_without_mail(
    staff_client, org, application, recruiter
):
    document = request_for(application, recruiter)
    app_services.application_withdraw(application=application)
    url = f"/staff/applications/{application.pk}/documents/{document.pk}/cancel/"
    assert staff_client.post(url).status_code == 302
    assert DocumentRequest.objects.get().cancelled_at is not None
    assert not Message.objects.about(application).filter(kind="document_cancelled").exists()
    page = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "The request is cancelled. The candidate&#x27;s page says so." in page


def test_another_employers_staff_get_404_on_every_document_page(
    client, application, recruiter, outsider
):
    document = request_for(application, recruiter)
    send(client, application, document)
    client.force_login(outsider)
    base = f"/staff/applications/{application.pk}"
    assert ask(client, application).status_code == 404
    assert client.post(f"{base}/documents/{document.pk}/cancel/").status_code == 404
    assert client.get(f"{base}/documents/{document.pk}/file/").status_code == 404
    assert DocumentRequest.objects.count() == 1
    assert DocumentRequest.objects.get().cancelled_at is None


def test_a_request_of_another_application_is_404_under_this_one(
    staff_client, posting, application, recruiter
):
    other, _raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    document = request_for(other, recruiter)
    url = f"/staff/applications/{application.pk}/documents/{document.pk}/cancel/"
    assert staff_client.post(url).status_code == 404


def test_no_request_once_the_application_has_ended(staff_client, org, application, recruiter):
    app_services.applications_decide(
        organization=org, application_ids=[application.pk], outcome="rejected", actor=recruiter
    )
    page = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "Request the document" not in page
    refused = ask(staff_client, application)
    assert refused.status_code == 400
    assert "no longer in process" in refused.content.decode()
    assert not DocumentRequest.objects.exists()


# The candidate sends


def test_the_candidate_sends_the_file_from_the_status_page_and_the_contact_is_mailed(
    client, staff_client, application, recruiter
):
    document = request_for(application, recruiter)
    status = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "Documents requested" in status and WHAT in status
    assert f"/status/{application.raw_token}/documents/{document.pk}/" in status
    response = send(client, application, document)
    assert response.status_code == 302
    # Not at #documents: the notice is at the top of the page, out of sight on a phone.
    assert response["Location"] == f"/status/{application.raw_token}/"
    document.refresh_from_db()
    assert document.fulfilled_at is not None and document.file_type == "application/pdf"
    assert document.file_name == "licence.pdf" and document.file.name.startswith("documents/")
    assert len(stored_files()) == 1
    assert Event.objects.filter(application=application, kind="document_received").exists()
    mail = Message.objects.about(application).get(kind="staff_document_received")
    assert mail.to_email == "laura@acme.example" and WHAT in mail.body
    assert f"http://testserver/staff/applications/{application.pk}/#documents" in mail.body
    page = client.get(response["Location"]).content.decode()
    assert "Laura Nieminen has your document" in page and "Sent on" in page
    assert "You sent: licence.pdf" in page
    # The staff see it received and download it; the download is audited.
    detail = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert 'data-state="received"' in detail
    download = staff_client.get(
        f"/staff/applications/{application.pk}/documents/{document.pk}/file/"
    )
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF_BYTES
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Cache-Control"] == "private, no-store"
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DOWNLOAD_DOCUMENT, object_id=str(application.pk), actor=recruiter
    ).exists()
    # Fulfilled once: a second file is refused and nothing more is stored.
    assert send(client, application, document).status_code == 409
    assert len(stored_files()) == 1


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "licence.pdf", "Please send the"),
        (b"", "licence.pdf", "file is empty."),
        # A photo of the licence, named .pdf: the message says what the file is.
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64, "licence.pdf", "a picture (JPEG)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "licence.png", "a picture (PNG)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "licence.doc", "old Word format"),
    ],
)
def test_a_bad_file_is_refused_with_400_and_nothing_is_stored(
    client, application, recruiter, content, name, message
):
    document = request_for(application, recruiter)
    response = send(client, application, document, content=content, name=name)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and "There is a problem" in html
    assert f'id="doc-file-{document.pk}"' in html  # the form again, to choose another file
    document.refresh_from_db()
    assert document.fulfilled_at is None and not document.file
    assert stored_files() == []
    assert not Event.objects.filter(kind="document_received").exists()


def test_a_too_large_file_is_refused(client, settings, application, recruiter):
    settings.REILU_MAX_UPLOAD_BYTES = 100
    document = request_for(application, recruiter)
    response = send(client, application, document, content=PDF_BYTES + b"%" * 200)
    assert response.status_code == 400
    assert "The file is too large" in response.content.decode()
    assert stored_files() == []


TOO_LARGE = {
    "en": "The file is too large (1.5 MB). The limit is 1 MB.",
    "fi": "Tiedosto on liian suuri (1,5 Mt). Enimmäiskoko on 1 Mt.",
    "sv": "Filen är för stor (1,5 MB). Gränsen är 1 MB.",
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_the_size_of_a_too_large_file_is_written_the_languages_way(
    client, settings, application, recruiter, language
):
    settings.REILU_MAX_UPLOAD_BYTES = 1_048_576
    Application.objects.filter(pk=application.pk).update(language=language)
    document = request_for(application, recruiter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    content = PDF_BYTES + b"%" * (1_572_864 - len(PDF_BYTES))  # 1.5 MB
    response = send(client, application, document, content=content)
    assert response.status_code == 400
    assert TOO_LARGE[language] in response.content.decode()
    assert stored_files() == []


def test_no_file_chosen_is_refused(client, application, recruiter):
    document = request_for(application, recruiter)
    url = f"/status/{application.raw_token}/documents/{document.pk}/"
    response = client.post(url, {})
    assert response.status_code == 400
    assert "Choose the file to send." in response.content.decode()


def test_another_persons_request_is_404_through_a_status_link(
    client, posting, application, recruiter
):
    other, _raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    theirs = request_for(other, recruiter)
    assert send(client, application, theirs).status_code == 404
    assert stored_files() == [] and DocumentRequest.objects.get().fulfilled_at is None
    status = client.get(f"/status/{application.raw_token}/").content.decode()
    assert WHAT not in status


def test_uploading_is_refused_once_the_application_is_withdrawn_or_erased(
    client, application, recruiter
):
    document = request_for(application, recruiter)
    app_services.application_withdraw(application=application)
    refused = send(client, application, document)
    assert refused.status_code == 409
    assert "no longer in process" in refused.content.decode()
    assert stored_files() == []
    assert documents.open_requests(Application.objects.get(pk=application.pk)).count() == 0
    Application.objects.filter(pk=application.pk).update(erased_at=timezone.now())
    assert send(client, application, document).status_code == 410


def test_a_hired_candidate_can_still_send_a_requested_document(client, org, application, recruiter):
    document = request_for(application, recruiter)
    app_services.applications_decide(
        organization=org, application_ids=[application.pk], outcome="hired", actor=recruiter
    )
    assert send(client, application, document).status_code == 302
    assert DocumentRequest.objects.get().fulfilled_at is not None


def test_a_document_is_refused_during_the_anonymous_first_review_like_the_cv(
    client, anon_posting, recruiter
):
    app = apply_anonymously(anon_posting)
    document = request_for(app, recruiter)
    upload = SimpleUploadedFile("Aino_Korhonen_licence.pdf", PDF_BYTES)
    documents.document_upload(document=document, upload=upload)
    client.force_login(recruiter)
    url = f"/staff/applications/{app.pk}/documents/{document.pk}/file/"
    hidden = client.get(url)
    assert hidden.status_code == 403
    assert "opens only once the candidate is moved past the first stage" in (
        hidden.content.decode()
    )
    detail = client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert "The file opens after the first stage." in detail and url not in detail
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOAD_DOCUMENT).exists()
    app_services.application_move(application=app, actor=recruiter)
    assert client.get(url).status_code == 200


@pytest.fixture
def anon_posting(org):
    from tests.conftest import make_posting

    org.anonymous_first_review = True
    org.save()
    return make_posting(org)


# API


def api(client, token, method, path, body=None):
    call = getattr(client, method)
    kwargs = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if body is not None:
        kwargs.update(data=json.dumps(body), content_type="application/json")
    return call(f"/api/v1{path}", **kwargs)


def test_staff_api_asks_and_lists_within_its_employer(client, api_token, other_token, application):
    path = f"/applications/{application.pk}/document-requests"
    due = str(today() + dt.timedelta(days=3))
    made = api(client, api_token, "post", path, {"document": WHAT, "due": due})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["document"] == WHAT and body["state"] == "waiting" and body["due"] == due
    assert Message.objects.about(application).filter(kind="document_requested").count() == 1
    listed = api(client, api_token, "get", path).json()
    assert [i["id"] for i in listed["items"]] == [body["id"]]
    # Another employer's token: 404 for reading and asking, nothing made.
    assert api(client, other_token, "get", path).status_code == 404
    assert api(client, other_token, "post", path, {"document": WHAT, "due": due}).status_code == (
        404
    )
    assert DocumentRequest.objects.count() == 1


def test_staff_api_refuses_a_past_date_and_an_empty_document_with_codes(
    client, api_token, application
):
    path = f"/applications/{application.pk}/document-requests"
    past = api(client, api_token, "post", path,
               {"document": WHAT, "due": str(today() - dt.timedelta(days=1))})  # fmt: skip
    assert past.status_code == 422 and past.json()["code"] == "due_past"
    blank = api(client, api_token, "post", path, {"document": "   ", "due": str(today())})
    assert blank.status_code == 422 and blank.json()["code"] == "document_empty"
    missing = api(client, api_token, "post", path, {"document": WHAT})
    assert missing.status_code == 422
    assert not DocumentRequest.objects.exists()


def test_staff_api_refuses_a_date_more_than_a_year_ahead_with_a_code(
    client, api_token, application
):
    path = f"/applications/{application.pk}/document-requests"
    far = api(client, api_token, "post", path, {"document": WHAT, "due": "2099-12-31"})
    assert far.status_code == 422 and far.json()["code"] == "due_too_far"
    assert not DocumentRequest.objects.exists()
    last = str(today() + dt.timedelta(days=365))
    assert api(client, api_token, "post", path, {"document": WHAT, "due": last}).status_code == 201


def test_the_status_api_shows_open_requests_only(client, application, recruiter):
    waiting = request_for(application, recruiter)
    done = request_for(application, recruiter, what="Copy of your degree")
    documents.document_upload(document=done, upload=SimpleUploadedFile("d.pdf", PDF_BYTES))
    status = client.get(f"/api/v1/status/{application.raw_token}").json()
    assert [d["id"] for d in status["document_requests"]] == [waiting.pk]
    assert status["document_requests"][0]["document"] == WHAT


# Privacy


def test_the_retention_sweep_blanks_the_request_and_deletes_the_file(
    client, org, application, recruiter, django_capture_on_commit_callbacks
):
    document = request_for(application, recruiter, what="Copy of your degree")
    assert send(client, application, document).status_code == 302
    app_services.applications_decide(
        organization=org, application_ids=[application.pk], outcome="rejected", actor=recruiter
    )
    org.retention_months = 1
    org.save()
    assert len(stored_files()) == 1
    later = timezone.now() + dt.timedelta(days=40)
    with (
        time_machine.travel(later, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert retention_sweep.call()["erased"] == 1
    assert stored_files() == []
    document.refresh_from_db()
    assert (document.what, document.note, document.file_name, document.file.name) == ("",) * 4
    assert document.fulfilled_at is not None  # the dates stay, like the events'
    assert not Event.objects.filter(application=application).exclude(text="").exists()


def test_today_is_helsinkis_today(application, recruiter):
    # 22:30 UTC on 3 December is already 00:30 on 4 December in Helsinki.
    with time_machine.travel(dt.datetime(2026, 12, 3, 22, 30, tzinfo=dt.UTC), tick=False):
        with pytest.raises(RuleError) as refused:
            documents.clean_due(dt.date(2026, 12, 3))
        assert refused.value.code == "due_past"
        assert documents.clean_due(dt.date(2026, 12, 4)) == dt.date(2026, 12, 4)


def test_a_due_date_is_at_most_a_year_ahead():
    today = dt.date(2026, 12, 3)
    assert documents.clean_due(dt.date(2027, 12, 3), today) == dt.date(2027, 12, 3)
    with pytest.raises(RuleError) as refused:
        documents.clean_due(dt.date(2027, 12, 4), today)
    assert refused.value.code == "due_too_far"
    assert "3 December 2027" in refused.value.message


TOO_FAR = {
    "en": "The due date can be at most a year ahead, by",
    "fi": "Eräpäivä voi olla enintään vuoden päässä, viimeistään",
    "sv": "Sista dagen kan vara högst ett år framåt, senast",
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_a_far_due_date_is_refused_in_the_form_then_a_near_one_goes(
    staff_client, application, language
):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    far = ask(staff_client, application, due=dt.date(2099, 12, 31))
    assert far.status_code == 400
    assert TOO_FAR[language] in far.content.decode()
    assert not DocumentRequest.objects.exists()
    assert ask(staff_client, application, due=today() + dt.timedelta(days=30)).status_code == 302
    assert DocumentRequest.objects.get().due == today() + dt.timedelta(days=30)


def test_the_date_picker_offers_today_to_a_year_ahead_in_helsinki(staff_client, application):
    # 22:30 UTC on 3 December is already 4 December in Helsinki.
    with time_machine.travel(dt.datetime(2026, 12, 3, 22, 30, tzinfo=dt.UTC), tick=False):
        page = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    field = re.search(r'<input type="date" name="doc-due"[^>]*>', page).group(0)
    assert 'min="2026-12-04"' in field and 'max="2027-12-04"' in field


def test_a_request_past_its_date_shows_overdue_to_staff(staff_client, application, recruiter):
    document = request_for(application, recruiter, days=1)
    with time_machine.travel(timezone.now() + dt.timedelta(days=3), tick=False):
        page = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
        assert f'data-document="{document.pk}" data-state="overdue"' in page
        assert documents.state(document) == "overdue"


@pytest.mark.parametrize(
    ("chosen", "subject"),
    [
        ("", "Aino Korhonen lähetti asiakirjan: Backend developer"),  # the employer's: Finnish
        ("sv", "Aino Korhonen skickade ett dokument: Backend developer"),
        ("en", "Aino Korhonen sent a document: Backend developer"),
    ],
)
def test_the_contact_is_told_in_their_own_language(
    client, org, application, recruiter, chosen, subject
):
    laura = make_staff(org, "laura@acme.example")  # the posting's contact person
    Membership.objects.filter(user=laura).update(language=chosen)
    document = request_for(application, recruiter)
    assert send(client, application, document).status_code == 302
    mail = Message.objects.about(application).get(kind="staff_document_received")
    assert mail.subject == subject and WHAT in mail.body


ENDED = {
    "en": "No longer needed: the application has ended",
    "fi": "Ei enää tarvita: hakemus on päättynyt",
    "sv": "Behövs inte längre: ansökan har avslutats",
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
@pytest.mark.parametrize("outcome", ["withdrawn", "rejected"])
def test_an_open_request_of_an_ended_application_says_so_to_the_candidate(
    client, org, application, recruiter, outcome, language
):
    request_for(application, recruiter)
    Application.objects.filter(pk=application.pk).update(language=language)
    application.refresh_from_db()
    if outcome == "withdrawn":
        app_services.application_withdraw(application=application)
    else:
        app_services.applications_decide(
            organization=org, application_ids=[application.pk], outcome=outcome, actor=recruiter
        )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    status = client.get(f"/status/{application.raw_token}/").content.decode()
    assert WHAT in status and ENDED[language] in status and 'name="file"' not in status
    sign_in_as(client, seeker_get_or_create(email=application.email, language=language))
    account = client.get(f"/me/applications/{application.pk}/").content.decode()
    assert WHAT in account and ENDED[language] in account and 'name="file"' not in account


CANCELLED_BADGE = {"en": "Cancelled", "fi": "Peruttu", "sv": "Återkallad"}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_a_cancelled_requests_badge_uses_the_cancel_buttons_word(
    staff_client, application, recruiter, language
):
    document = request_for(application, recruiter)
    documents.document_cancel(document=document, actor=recruiter)
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    row = re.search(r'data-state="cancelled".*?</li>', page, re.S).group(0)
    assert f'<span class="badge">{CANCELLED_BADGE[language]}</span>' in row


def test_in_finnish_the_upload_button_and_the_mail_read_naturally(client, posting, recruiter):
    app, raw = make_application(posting, email="eino@example.fi", name="Eino Ek", language="fi")
    request_for(app, recruiter)
    status = client.get(f"/status/{raw}/").content.decode()
    assert "Lähetä henkilölle Laura Nieminen</button>" in status
    mail = Message.objects.about(app).get(kind="document_requested")
    assert "kysy minulta" not in mail.body
    assert "vastaa vain tähän viestiin, niin Laura Nieminen auttaa mielellään." in mail.body
