import io
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.applications.models import Application, Event
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from tests.conftest import PDF_BYTES


def form(**overrides):
    data = {
        "name": "Aino Korhonen",
        "email": "aino@example.fi",
        "phone": "040 111 2222",
        "cover_letter": "I would love to build honest software.",
        "language": "fi",
        "privacy_consent": "on",
        "cv": SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def apply(client, posting, **overrides):
    return client.post(f"/jobs/{posting.slug}/apply/", form(**overrides))


def test_it_accepts_an_application_and_mails_the_status_link(client, posting):
    response = apply(client, posting)
    assert response.status_code == 302
    app = Application.objects.get()
    first = posting.stages.order_by("position").first()
    assert app.stage == first
    assert app.outcome == "active"
    assert app.contact_name == "Laura Nieminen"
    assert (app.promised_by - app.created_at.date()).days == first.promise_days
    assert app.cv_type == "application/pdf"
    assert app.cv.read() == PDF_BYTES
    assert Event.objects.filter(application=app, kind="applied").exists()
    assert deliver_all() == 1
    [sent] = mail.outbox
    assert sent.to == ["aino@example.fi"]
    assert "http://testserver/status/" in sent.body
    # Applied in Finnish (to an English posting): the mail is in Finnish, all of it.
    assert sent.subject == "Saimme hakemuksesi: Backend developer"
    assert sent.body.startswith("Hei Aino,\n\nkiitos, että hait tehtävään Backend developer")
    assert "Hello" not in sent.body
    assert sent.reply_to == ["laura@acme.example"]
    assert sent.extra_headers["Message-ID"] == Message.objects.get().message_id


def test_a_second_try_is_told_and_gets_the_link_again(client, posting):
    apply(client, posting)
    response = apply(client, posting, email="AINO@example.fi", name="Aino K")
    assert response.status_code == 409
    assert "already applied" in response.content.decode()
    assert Application.objects.count() == 1
    deliver_all()
    assert len(mail.outbox) == 2
    assert "/status/" in mail.outbox[1].body


def test_an_executable_renamed_pdf_is_refused(client, posting):
    exe = SimpleUploadedFile("cv.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "application/pdf")
    response = apply(client, posting, cv=exe)
    assert response.status_code == 400
    assert "PDF, Word (DOCX)" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_photo_named_pdf_is_refused_with_what_it_is(client, posting):
    photo = SimpleUploadedFile("cv.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "application/pdf")
    response = apply(client, posting, cv=photo)
    assert response.status_code == 400
    html = response.content.decode()
    assert "This file is a picture (PNG), not a document." in html
    assert "PDF, Word (DOCX)" in html
    assert Application.objects.count() == 0


def test_a_file_too_large_is_refused(client, posting, settings):
    settings.REILU_MAX_UPLOAD_BYTES = 1000
    big = SimpleUploadedFile("cv.pdf", PDF_BYTES + b" " * 2000, "application/pdf")
    response = apply(client, posting, cv=big)
    assert response.status_code == 400
    assert "too large" in response.content.decode()
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        ("cv.txt", "Aino Korhonen\nPython, SQL, ääkköset".encode(), True),
        ("cv.rtf", b"{\\rtf1\\ansi Aino}", True),
        ("cv.txt", b"\x00\x01\x02binary", False),
        ("cv.docx", b"PK\x03\x04 not really a zip", False),
    ],
)
def test_it_checks_the_content_not_the_name(client, posting, name, content, ok):
    response = apply(client, posting, cv=SimpleUploadedFile(name, content))
    assert (response.status_code == 302) is ok


def test_it_accepts_real_docx_and_odt(client, posting):
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    assert (
        apply(client, posting, cv=SimpleUploadedFile("a.docx", docx.getvalue())).status_code == 302
    )
    assert (
        apply(
            client, posting, email="b@example.fi", cv=SimpleUploadedFile("b.odt", odt.getvalue())
        ).status_code
        == 302
    )
    assert sorted(Application.objects.values_list("cv_type", flat=True)) == [
        "application/vnd.oasis.opendocument.text",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]


def test_consent_is_required(client, posting):
    response = apply(client, posting, privacy_consent=None)
    assert response.status_code == 400
    assert "Please accept the privacy notice" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_malformed_email_is_refused(client, posting):
    response = apply(client, posting, email="aino@@example")
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert Application.objects.count() == 0


def test_errors_come_in_the_users_language(client, posting):
    client.cookies["django_language"] = "fi"
    response = apply(client, posting, email="not-an-email")
    assert response.status_code == 400
    assert "Syötä kelvollinen sähköpostiosoite." in response.content.decode()


def test_the_public_form_ignores_internal_fields(client, posting):
    last = posting.stages.order_by("position").last()
    apply(
        client,
        posting,
        stage=str(last.pk),
        outcome="hired",
        contact_name="Mallory",
        promised_by="2099-01-01",
    )
    app = Application.objects.get()
    assert app.stage != last
    assert app.outcome == "active"
    assert app.contact_name == "Laura Nieminen"


def test_the_form_never_asks_for_pay_history(client, posting):
    html = client.get(f"/jobs/{posting.slug}/apply/").content.decode().lower()
    for word in ("salary", "current pay", "palkkatoive", "nykyinen palkka"):
        assert f'name="{word}' not in html
    assert (
        "We never ask for your current or previous pay."
        in client.get(f"/jobs/{posting.slug}/apply/").content.decode()
    )


def test_a_closed_posting_takes_no_applications(client, posting):
    from reilu.jobs.services import posting_close

    posting_close(posting=posting)
    assert apply(client, posting).status_code == 404
    assert Application.objects.count() == 0


def test_nothing_is_stored_half_done_when_saving_fails(client, posting, monkeypatch, tmp_path):
    from reilu.applications import services

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.texts, "render", broken)
    with pytest.raises(RuntimeError):
        apply(client, posting)
    assert Application.objects.count() == 0
    assert not any((tmp_path / "uploads").rglob("*")) or not list(
        p for p in (tmp_path / "uploads").rglob("*") if p.is_file()
    )
