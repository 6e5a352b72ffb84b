"""A candidate downloads (Art. 15) and erases (Art. 17) their data from the status page."""

import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage

from reilu.applications import services as app_services
from reilu.applications.models import AccessToken, Application, Event, Promise
from reilu.messaging.models import Message
from reilu.privacy import registry
from reilu.privacy.models import AuditEvent, ErasureRecord
from tests.conftest import PDF_BYTES


@pytest.fixture
def noted(application, recruiter):
    app_services.application_add_note(
        application=application, text="Strong SQL, weak on tests.", actor=recruiter
    )
    return application


def download(client, app) -> tuple[dict, zipfile.ZipFile]:
    response = client.get(f"/status/{app.raw_token}/my-data/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return json.loads(archive.read("data.json")), archive


def test_it_offers_download_and_erasure_on_the_status_page(client, application):
    html = client.get(f"/status/{application.raw_token}/").content.decode()
    assert f"/status/{application.raw_token}/my-data/" in html
    assert f"/status/{application.raw_token}/erase/" in html


def test_it_exports_every_field_held_about_the_candidate(client, noted):
    data, archive = download(client, noted)
    app = Application.objects.get(pk=noted.pk)
    exported = data["application"]
    for field in Application._meta.concrete_fields:
        assert field.attname in exported, field.attname
    assert exported["name"] == "Aino Korhonen" and exported["email"] == "aino@example.fi"
    assert exported["cover_letter"] == app.cover_letter
    assert exported["posting_title"] == "Backend developer"
    # Internal notes are personal data about the candidate too (Art. 15).
    note = next(e for e in data["events"] if e["kind"] == "note")
    assert note["text"] == "Strong SQL, weak on tests." and note["visible_to_candidate"] is False
    assert {f.attname for f in Event._meta.concrete_fields} <= set(note)
    assert len(data["events"]) == app.events.count()
    assert len(data["messages"]) == app.messages.count() >= 1
    assert {f.attname for f in Message._meta.concrete_fields} <= set(data["messages"][0])
    assert data["messages"][0]["body"]
    assert len(data["promises"]) == app.promises.count() >= 1
    assert {f.attname for f in Promise._meta.concrete_fields} <= set(data["promises"][0])
    assert data["privacy_notice"]["version"] == app.privacy_notice_version
    assert archive.read("cv/cv.pdf") == PDF_BYTES


def test_it_records_the_export_in_the_audit_log(client, application):
    download(client, application)
    event = AuditEvent.objects.get(action="export")
    assert event.actor is None and event.object_id == str(application.pk)
    assert event.organization == application.posting.organization


def test_it_includes_registered_areas_in_export_and_erasure(client, application):
    seen = []
    registry.register_personal_data(
        "testarea",
        export_fn=lambda app: {"profile_of": app.email},
        erase_fn=lambda app: seen.append(app.email),
    )
    try:
        data, _archive = download(client, application)
        assert data["extra"]["testarea"] == {"profile_of": "aino@example.fi"}
        client.post(f"/status/{application.raw_token}/erase/", {"confirm": "yes"})
        assert seen == ["aino@example.fi"]  # called while the email was still there
    finally:
        registry.unregister_personal_data("testarea")


def test_it_asks_before_erasing(client, application):
    page = client.get(f"/status/{application.raw_token}/erase/")
    assert page.status_code == 200 and b'name="confirm"' in page.content
    response = client.post(f"/status/{application.raw_token}/erase/", {})
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.erased_at is None and application.name == "Aino Korhonen"


def test_it_erases_at_once_and_the_link_reveals_nothing(
    client, noted, django_capture_on_commit_callbacks
):
    app = noted
    cv_path = Application.objects.get(pk=app.pk).cv.name
    assert default_storage.exists(cv_path)
    org = app.posting.organization
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/status/{app.raw_token}/erase/", {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == "/privacy/erased/"
    app.refresh_from_db()
    assert app.erased_at is not None
    assert (app.name, app.email, app.email_key, app.phone, app.cover_letter) == ("",) * 5
    assert (app.cv.name, app.cv_name, app.cv_type) == ("", "", "")
    assert not default_storage.exists(cv_path)
    # An application still in process ends (withdrawn) so counts stay honest.
    assert app.outcome == "withdrawn" and app.decided_at is not None
    assert not app.events.exclude(text="").exists()
    assert not app.messages.exclude(body="").exists()
    assert not app.messages.exclude(subject="").exists()
    assert not app.messages.exclude(to_email="").exists()
    assert not AccessToken.objects.filter(application=app).exists()
    record = ErasureRecord.objects.get()
    assert record.organization == org and record.reason == "candidate"
    assert AuditEvent.objects.filter(action="erase", object_id=str(app.pk)).exists()
    for path in ("/status/{t}/", "/status/{t}/my-data/", "/status/{t}/erase/"):
        assert client.get(path.format(t=app.raw_token)).status_code == 404
    assert client.get(f"/api/v1/status/{app.raw_token}").status_code == 404
    assert b"Aino" not in client.get("/privacy/erased/").content


def test_the_erased_candidate_is_gone_from_staff_pages(staff_client, application):
    from reilu.privacy.services import application_erase

    application_erase(application=application, reason="candidate")
    html = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert "Aino" not in html and "aino@example.fi" not in html
    assert staff_client.get(f"/staff/applications/{application.pk}/cv/").status_code == 404


def test_a_decided_application_keeps_its_outcome_when_erased(application, recruiter):
    from reilu.privacy.services import application_erase

    app_services.applications_decide(
        organization=application.posting.organization,
        application_ids=[application.pk],
        outcome="rejected",
        actor=recruiter,
    )
    application_erase(application=application, reason="candidate")
    stored = Application.objects.get(pk=application.pk)
    assert stored.erased_at is not None and stored.email == ""
    assert stored.outcome == "rejected" and stored.decided_at is not None
