"""A recruiter reads a PDF CV inside the application page: served inline by Reilu itself."""

from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.applications import services
from reilu.privacy.models import AuditEvent
from tests.conftest import PDF_BYTES, make_application, make_staff


def preview_url(app) -> str:
    return f"/staff/applications/{app.pk}/cv/preview/"


def directives(response) -> dict[str, str]:
    pairs = (d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";"))
    return {name: value for name, value in pairs}


def test_it_serves_the_pdf_inline_with_safe_headers_and_an_audit_record(
    staff_client, application, recruiter
):
    response = staff_client.get(preview_url(application))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = directives(response)
    assert csp["frame-ancestors"] == "'self'"
    assert csp["script-src"] == "'self'" and csp["default-src"] == "'self'"
    assert b"".join(response.streaming_content) == PDF_BYTES
    audit = AuditEvent.objects.get()
    assert (audit.actor, audit.action, audit.object_id) == (
        recruiter,
        "download_cv",
        str(application.pk),
    )


def test_the_application_page_frames_the_preview_and_only_that_page_allows_it(
    staff_client, application
):
    page = staff_client.get(f"/staff/applications/{application.pk}/")
    assert f'<iframe src="{preview_url(application)}"' in page.content.decode()
    assert "'self'" in directives(page)["frame-src"].split()
    assert directives(page)["frame-ancestors"] == "'none'"
    assert page["X-Frame-Options"] == "DENY"  # the page itself is never framed
    download = staff_client.get(f"/staff/applications/{application.pk}/cv/")
    assert download["Content-Disposition"].startswith("attachment")
    assert directives(download)["frame-ancestors"] == "'none'"


def test_another_employers_recruiter_gets_404_and_no_audit(client, outsider, application):
    client.force_login(outsider)
    assert client.get(preview_url(application)).status_code == 404
    assert not AuditEvent.objects.exists()


def test_a_candidate_or_anonymous_visitor_is_sent_to_the_staff_sign_in(client, posting):
    app, raw = make_application(posting, email="cand@example.fi")
    assert client.get(f"/status/{raw}/").status_code == 200  # the candidate's own page
    response = client.get(preview_url(app))
    assert response.status_code == 302 and "/staff/login/" in response["Location"]
    assert not AuditEvent.objects.exists()


def test_other_file_types_do_not_preview_and_keep_downloading(staff_client, posting):
    app, _raw = services.application_submit(
        posting=posting,
        name="Teemu Text",
        email="teemu@example.fi",
        language="fi",
        privacy_consent=True,
        cv=SimpleUploadedFile("cv.txt", b"Plain text CV", content_type="text/plain"),
        cv_type="text/plain",
    )
    assert staff_client.get(preview_url(app)).status_code == 404
    page = staff_client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert "<iframe" not in page
    download = staff_client.get(f"/staff/applications/{app.pk}/cv/")
    assert download["Content-Disposition"].startswith("attachment")


def test_an_interviewer_cannot_preview(client, org, application):
    client.force_login(make_staff(org, "int@acme.example", role="interviewer"))
    assert client.get(preview_url(application)).status_code == 404
