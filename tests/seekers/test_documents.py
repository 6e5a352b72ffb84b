"""Documents requested, on the seeker's account: a task with its deadline and in the front
page's count, sent from the account's page of the application, in the data export, named
on the erasure page and in the seeker API."""

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reilu.applications import documents
from reilu.applications import services as app_services
from reilu.applications.models import DocumentRequest
from reilu.seekers.selectors import task_count, tasks_of
from tests.conftest import PDF_BYTES

WHAT = "Copy of your nursing licence"


def request_for(app, recruiter, what=WHAT, days=5) -> DocumentRequest:
    return documents.document_request(
        application=app,
        what=what,
        note="",
        due=timezone.localdate() + dt.timedelta(days=days),
        actor=recruiter,
    )


def send(client, app, document, content=PDF_BYTES):
    upload = SimpleUploadedFile("licence.pdf", content, content_type="application/pdf")
    return client.post(f"/me/applications/{app.pk}/documents/{document.pk}/", {"file": upload})


def stored_files() -> list[Path]:
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"]) / "documents"
    return sorted(root.iterdir()) if root.exists() else []


def test_an_open_request_is_a_task_with_its_deadline_and_counted(
    aino, aino_client, two_employers, recruiter
):
    acme = two_employers["acme"]
    document = request_for(acme, recruiter, days=5)
    tasks = tasks_of(aino)
    assert [(t.kind, t.application.pk) for t in tasks] == [("document", acme.pk)]
    due = timezone.localdate() + dt.timedelta(days=5)
    assert timezone.localtime(tasks[0].deadline).date() == due
    assert task_count(tasks) == 1 and tasks[0].to_do
    assert str(tasks[0].title) == f"Send a document: {WHAT}"
    home = aino_client.get("/me/").content.decode()
    assert "data-task-count>1<" in home and 'data-task="document"' in home
    page = aino_client.get("/me/tasks/").content.decode()
    assert "1 thing waits for you." in page and WHAT in page
    assert f"Due by {due.day} " in page
    assert f'href="/me/applications/{acme.pk}/#documents"' in page
    # Sent: the task is gone and the count with it.
    assert send(aino_client, acme, document).status_code == 302
    assert tasks_of(aino) == []
    assert "data-task-count>0<" in aino_client.get("/me/").content.decode()


def test_cancelled_requests_and_those_of_ended_applications_are_no_tasks(
    aino, two_employers, recruiter, org
):
    acme = two_employers["acme"]
    cancelled = request_for(acme, recruiter)
    documents.document_cancel(document=cancelled, actor=recruiter)
    assert tasks_of(aino) == []
    request_for(acme, recruiter, what="Copy of your degree")
    assert [t.kind for t in tasks_of(aino)] == ["document"]
    app_services.application_withdraw(application=acme)
    assert tasks_of(aino) == []


def test_another_persons_request_is_no_task_of_mine(aino, two_employers, recruiter):
    request_for(two_employers["theirs"], recruiter)
    assert tasks_of(aino) == []


def test_the_account_sends_the_file_and_refuses_a_bad_one_with_nothing_stored(
    aino_client, two_employers, recruiter
):
    acme = two_employers["acme"]
    document = request_for(acme, recruiter)
    page = aino_client.get(f"/me/applications/{acme.pk}/").content.decode()
    assert "Documents requested" in page and WHAT in page
    assert f'action="/me/applications/{acme.pk}/documents/{document.pk}/"' in page
    bad = send(aino_client, acme, document, content=b"\x00\x01binary\x00")
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "Please send the document as a PDF" in html and "There is a problem" in html
    assert "<title>Error:" in html
    assert stored_files() == [] and DocumentRequest.objects.get().fulfilled_at is None
    good = send(aino_client, acme, document)
    assert good.status_code == 302
    assert good["Location"] == f"/me/applications/{acme.pk}/"  # the notice is at the top
    assert len(stored_files()) == 1
    assert "Laura Nieminen has your document" in aino_client.get(good["Location"]).content.decode()


def test_another_persons_request_is_404_on_the_account(aino_client, two_employers, recruiter):
    theirs = two_employers["theirs"]
    document = request_for(theirs, recruiter)
    assert send(aino_client, theirs, document).status_code == 404
    # Nor under one of my own applications.
    mine = two_employers["acme"]
    url = f"/me/applications/{mine.pk}/documents/{document.pk}/"
    upload = SimpleUploadedFile("x.pdf", PDF_BYTES)
    assert aino_client.post(url, {"file": upload}).status_code == 404
    assert stored_files() == [] and DocumentRequest.objects.get().fulfilled_at is None


def test_the_export_holds_the_request_and_the_file(aino_client, two_employers, recruiter):
    acme = two_employers["acme"]
    document = request_for(acme, recruiter)
    assert send(aino_client, acme, document).status_code == 302
    response = aino_client.get("/me/data/")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        data = json.loads(archive.read(f"applications/{acme.pk}/data.json"))
        (file_name,) = [n for n in names if n.startswith(f"applications/{acme.pk}/documents/")]
        assert archive.read(file_name) == PDF_BYTES
    (exported,) = data["document_requests"]
    assert exported["document"] == WHAT and exported["received_at"]
    assert file_name.endswith(exported["file_in_archive"])


def test_the_erasure_page_names_the_documents(aino_client, two_employers, recruiter):
    request_for(two_employers["acme"], recruiter)
    page = aino_client.get("/me/erase/").content.decode()
    assert 'id="erase-documents"' in page
    assert "the documents the employer asked you for" in page


def test_account_erasure_deletes_the_file(
    aino_client, two_employers, recruiter, django_capture_on_commit_callbacks
):
    acme = two_employers["acme"]
    document = request_for(acme, recruiter)
    assert send(aino_client, acme, document).status_code == 302
    assert len(stored_files()) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert aino_client.post("/me/erase/", {"confirm": "yes"}).status_code == 200
    assert stored_files() == []
    document.refresh_from_db()
    assert (document.what, document.file_name, document.file.name) == ("", "", "")


def test_the_seeker_api_shows_open_requests(aino_client, two_employers, recruiter):
    acme = two_employers["acme"]
    waiting = request_for(acme, recruiter)
    detail = aino_client.get(f"/api/v1/seeker/applications/{acme.pk}").json()
    assert [(d["id"], d["document"]) for d in detail["document_requests"]] == [(waiting.pk, WHAT)]
    tasks = aino_client.get("/api/v1/seeker/tasks").json()
    assert [(t["kind"], t["title"]) for t in tasks] == [("document", f"Send a document: {WHAT}")]
