"""Every access to a CV is audited, and a CV downloads under the type found in its bytes."""

import io
import json
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.applications import services as app_services
from reilu.interviews.services.booking import booking_book
from reilu.privacy.models import AuditEvent
from reilu.privacy.services import application_export
from reilu.talent.services.contact_requests import contact_request_answer, contact_request_send
from reilu.talent.services.profiles import profile_save
from tests.api.test_api import bearer
from tests.conftest import make_application
from tests.interviews.conftest import make_slot, to_interview
from tests.talent.conftest import make_profile


def test_the_interviewers_view_of_a_cv_is_audited(client, posting, recruiter, org):
    from reilu.employers.models import Membership
    from tests.conftest import make_staff

    interviewer = make_staff(org, "ina@acme.example", role=Membership.Role.INTERVIEWER)
    app, _raw = make_application(posting)
    app = to_interview(app)
    booking_book(application=app, slot_id=make_slot(posting, [interviewer]).pk)
    client.force_login(interviewer)
    response = client.get(f"/staff/interviews/applications/{app.pk}/cv/")
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="download_cv")
    assert event.actor == interviewer and event.object_id == str(app.pk)
    assert event.organization == org


def test_a_cv_downloads_under_its_detected_type_not_the_uploaders_name(staff_client, posting):
    app, _raw = app_services.application_submit(
        posting=posting,
        name="Eve Example",
        email="eve@example.org",
        language="en",
        privacy_consent=True,
        cover_letter="",
        cv=SimpleUploadedFile("x.html", b"<script>alert(1)</script>", content_type="text/html"),
        cv_type="text/plain",  # what check_cv found in the bytes
    )
    response = staff_client.get(f"/staff/applications/{app.pk}/cv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert 'filename="x.txt"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(action="download_cv", object_id=str(app.pk)).count() == 1


def test_the_apply_form_names_a_disguised_upload_by_its_bytes(client, staff_client, posting):
    from reilu.applications.models import Application

    response = client.post(
        f"/jobs/{posting.slug}/apply/",
        {
            "name": "Eve Example",
            "email": "eve@example.org",
            "language": "en",
            "privacy_consent": "on",
            "cv": SimpleUploadedFile("cv.html", b"%PDF-1.4\n%%EOF\n", content_type="text/html"),
        },
    )
    assert response.status_code == 302
    app = Application.objects.get()
    download = staff_client.get(f"/staff/applications/{app.pk}/cv/")
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="cv.pdf"' in download["Content-Disposition"]


def test_the_api_list_of_applicants_is_audited_per_application(client, posting, api_token):
    first, _ = make_application(posting, email="a@example.fi")
    second, _ = make_application(posting, email="b@example.fi")
    listed = client.get(f"/api/v1/postings/{posting.pk}/applications", **bearer(api_token))
    assert listed.status_code == 200 and listed.json()["count"] == 2
    assert "cv" not in json.dumps(listed.json()).lower()  # no CV in the list: names only
    events = AuditEvent.objects.filter(action="list_application")
    assert sorted(events.values_list("object_id", flat=True)) == sorted(
        [str(first.pk), str(second.pk)]
    )
    assert {e.actor_id for e in events} == {api_token_user(api_token)}
    # The candidate's export shows the access, without naming the staff member.
    data = json.loads(
        zipfile.ZipFile(io.BytesIO(application_export(application=first))).read("data.json")
    )
    [entry] = [e for e in data["access_log"] if e["action"] == "list_application"]
    assert entry["by"] == "staff" and entry["label"] == "Listed in the API"


def api_token_user(raw):
    from reilu.employers.models import ApiToken, hash_token

    return ApiToken.objects.get(token_hash=hash_token(raw)).user_id


def test_an_employer_taking_a_seekers_cv_is_audited(staff_client, recruiter, org):
    profile = make_profile()
    profile_save(
        seeker=profile.seeker,
        data={"name": profile.name, "headline": profile.headline, "visibility": "public"},
        cv=SimpleUploadedFile("me.docx.txt", b"plain words", content_type="text/plain"),
        cv_type="text/plain",
    )
    request = contact_request_send(
        profile=profile, organization=org, user=recruiter, message="Hello!"
    )
    contact_request_answer(request=request, seeker=profile.seeker, accept=True)
    response = staff_client.get(f"/staff/talent/p/{profile.public_id}/cv/")
    assert response.status_code == 200
    assert 'filename="me.docx.txt"' in response["Content-Disposition"]
    event = AuditEvent.objects.get(action="download_cv")
    assert event.object_type == "profile" and event.actor == recruiter
