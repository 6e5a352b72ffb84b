"""A chosen CV survives the apply form's validation errors (issue 13, item 1)."""

import datetime as dt
import re

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from reilu.applications.models import Application, PendingUpload
from reilu.applications.pending import pending_purge
from tests.conftest import PDF_BYTES

CV_BYTES = PDF_BYTES + b"% Aino Korhonen, ten years of honest software\n"
TOKEN = re.compile(r'name="cv_token" value="([^"]+)"')


def fields(**overrides):
    data = {
        "name": "Aino Korhonen",
        "email": "aino@example.fi",
        "phone": "",
        "cover_letter": "",
        "language": "fi",
        "privacy_notice_version": "0",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def url(posting):
    return f"/jobs/{posting.slug}/apply/"


def first_try(client, posting, name="aino-cv.pdf"):
    """The candidate chooses a CV but forgets the consent box."""
    cv = SimpleUploadedFile(name, CV_BYTES, content_type="application/pdf")
    return client.post(url(posting), fields(cv=cv))


def test_it_keeps_the_cv_across_an_error_and_stores_the_same_bytes(client, posting):
    response = first_try(client, posting)
    assert response.status_code == 400
    html = response.content.decode()
    # The summary at the top: titled plainly, one link to the field in error, and the
    # page title starts with the error word.
    assert re.search(r"<title>\s*Error:", html)
    summary = html[html.index('id="error-summary"') :]
    assert "There is a problem" in summary
    assert '<a href="#id_privacy_consent">Please accept the privacy notice to apply.</a>' in summary
    assert "Please correct the marked fields." not in html
    # The file is kept and said to be kept.
    assert "You chose: <strong>aino-cv.pdf</strong>" in html
    token = TOKEN.search(html).group(1)
    assert PendingUpload.objects.count() == 1
    assert Application.objects.count() == 0

    # Ticking the box and sending again (the file input is empty now, as in a browser).
    response = client.post(url(posting), fields(privacy_consent="on", cv_token=token))
    assert response.status_code == 302
    app = Application.objects.get()
    assert app.cv_name == "aino-cv.pdf" and app.cv_type == "application/pdf"
    with app.cv.open("rb") as stored:
        assert stored.read() == CV_BYTES
    # The pending copy is gone once used.
    assert not PendingUpload.objects.exists()


def test_a_token_from_another_session_attaches_nothing(client, posting):
    token = TOKEN.search(first_try(client, posting).content.decode()).group(1)
    mallory = Client()
    response = mallory.post(
        url(posting),
        fields(name="Mallory", email="mallory@example.com", privacy_consent="on", cv_token=token),
    )
    # Without a CV of its own the form asks for one: the other session's file is not used.
    assert response.status_code == 400
    assert "Please attach a CV or write a cover letter." in response.content.decode()
    assert "aino-cv.pdf" not in response.content.decode()
    response = mallory.post(
        url(posting),
        fields(
            name="Mallory",
            email="mallory@example.com",
            cover_letter="Hello",
            privacy_consent="on",
            cv_token=token,
        ),
    )
    assert response.status_code == 302
    assert not Application.objects.get(email="mallory@example.com").cv
    # The owner's file is untouched and still theirs to send.
    assert PendingUpload.objects.count() == 1
    assert (
        client.post(url(posting), fields(privacy_consent="on", cv_token=token)).status_code == 302
    )
    assert Application.objects.get(email="aino@example.fi").cv.read() == CV_BYTES


def test_a_pending_file_is_tied_to_its_posting(client, posting, org):
    from tests.conftest import make_posting

    other = make_posting(org, title="Frontend developer")
    token = TOKEN.search(first_try(client, posting).content.decode()).group(1)
    response = client.post(url(other), fields(privacy_consent="on", cv_token=token))
    assert response.status_code == 400
    assert "Please attach a CV or write a cover letter." in response.content.decode()


def test_choosing_another_file_replaces_the_kept_one(client, posting):
    token = TOKEN.search(first_try(client, posting).content.decode()).group(1)
    newer = SimpleUploadedFile("newer.txt", b"Aino Korhonen\nPython, SQL\n", "text/plain")
    response = client.post(url(posting), fields(name="", cv=newer, cv_token=token))
    assert response.status_code == 400
    html = response.content.decode()
    assert "You chose: <strong>newer.txt</strong>" in html
    assert PendingUpload.objects.count() == 1
    new_token = TOKEN.search(html).group(1)
    assert new_token != token
    response = client.post(url(posting), fields(privacy_consent="on", cv_token=new_token))
    assert response.status_code == 302
    assert Application.objects.get().cv.read() == b"Aino Korhonen\nPython, SQL\n"


def test_the_kept_file_can_be_removed(client, posting):
    token = TOKEN.search(first_try(client, posting).content.decode()).group(1)
    response = client.post(
        url(posting),
        fields(privacy_consent="on", cv_token=token, cv_discard="1", cover_letter="Hello"),
    )
    assert response.status_code == 302
    assert not Application.objects.get().cv
    assert not PendingUpload.objects.exists()


def test_a_refused_file_is_not_kept_and_the_error_links_to_the_field(client, posting):
    exe = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "application/pdf")
    response = client.post(url(posting), fields(cv=exe))
    html = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_cv">Please send your CV as a PDF' in html
    assert 'name="cv_token"' not in html
    assert not PendingUpload.objects.exists()


def test_the_summary_speaks_the_visitors_language(client, posting):
    client.cookies["django_language"] = "fi"
    html = first_try(client, posting).content.decode()
    assert "Tarkista seuraavat kohdat" in html
    assert re.search(r"<title>\s*Virhe:", html)
    client.cookies["django_language"] = "sv"
    html = first_try(client, posting).content.decode()
    assert "Kontrollera följande" in html
    assert re.search(r"<title>\s*Fel:", html)


def test_unused_pending_files_are_swept_away(client, posting, tmp_path):
    first_try(client, posting)
    pending = PendingUpload.objects.get()
    stored = tmp_path / "uploads" / pending.file.name
    assert stored.read_bytes() == CV_BYTES
    assert pending_purge() == 0
    with time_machine.travel(timezone.now() + dt.timedelta(hours=25)):
        from reilu.applications.tasks import sweep

        assert sweep.call()["pending_uploads_purged"] == 1
    assert not PendingUpload.objects.exists()
    assert not stored.exists()
