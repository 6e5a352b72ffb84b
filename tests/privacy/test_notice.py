"""The privacy notice (GDPR Art. 13): shown when applying, versioned, the accepted one kept."""

import pytest
from django.utils import translation

from reilu.applications.models import Application
from reilu.employers.models import Membership
from reilu.privacy.models import PrivacyNotice
from reilu.privacy.notices import current_notice, default_text
from reilu.privacy.services import notice_publish
from tests.conftest import PDF_BYTES, make_staff


def apply(client, posting, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {
        "name": "Aino Korhonen",
        "email": "aino@example.fi",
        "language": "en",
        "privacy_consent": "on",
        "cv": SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
        **extra,
    }
    return client.post(f"/jobs/{posting.slug}/apply/", data)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_default_says_what_article_13_asks(org, language):
    text = default_text(org, language)
    assert org.name in text and "12" in text and "48" in text
    with translation.override("en"):
        english = default_text(org, "en")
    for words in ("Controller", "Purpose", "Legal basis", "Recipients", "Retention", "rights"):
        assert words in english
    assert "tietosuojavaltuutettu" in english and "Data Protection Ombudsman" in english


def test_the_apply_page_shows_the_current_notice(client, posting):
    html = client.get(f"/jobs/{posting.slug}/apply/").content.decode()
    assert "Data Protection Ombudsman" in html and 'name="privacy_notice_version"' in html
    notice_publish(
        organization=posting.organization,
        texts={"fi": "Oma seloste", "sv": "Egen beskrivning", "en": "Our own notice v1"},
    )
    html = client.get(f"/jobs/{posting.slug}/apply/").content.decode()
    assert "Our own notice v1" in html and 'value="1"' in html


def test_the_accepted_version_is_recorded(client, posting):
    assert apply(client, posting).status_code == 302
    assert Application.objects.get().privacy_notice_version == 0
    notice_publish(organization=posting.organization, texts={"fi": "a", "sv": "b", "en": "c"})
    assert (
        apply(client, posting, email="b@example.fi", privacy_notice_version="1").status_code == 302
    )
    assert Application.objects.get(email="b@example.fi").privacy_notice_version == 1
    # A version that does not exist is not believed: the current one is recorded.
    assert (
        apply(client, posting, email="c@example.fi", privacy_notice_version="7").status_code == 302
    )
    assert Application.objects.get(email="c@example.fi").privacy_notice_version == 1


def test_applying_without_accepting_stores_nothing(client, posting):
    response = apply(client, posting, privacy_consent="")
    assert response.status_code == 400 and not Application.objects.exists()


def test_the_api_records_the_current_version(client, posting):
    response = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        {
            "name": "A B",
            "email": "api@example.fi",
            "language": "en",
            "privacy_consent": "on",
            "cover_letter": "Hi",
        },
    )
    assert response.status_code == 201
    assert Application.objects.get().privacy_notice_version == 0


def test_the_owner_publishes_new_versions_and_old_ones_stay(client, org):
    owner = make_staff(org, "owner@acme.example", role=Membership.Role.OWNER)
    client.force_login(owner)
    page = client.get("/staff/privacy/notice/")
    assert page.status_code == 200 and "Data Protection Ombudsman" in page.content.decode()
    for n in (1, 2):
        response = client.post(
            "/staff/privacy/notice/",
            {"text_fi": f"fi {n}", "text_sv": f"sv {n}", "text_en": f"en {n}"},
        )
        assert response.status_code == 302
    assert list(PrivacyNotice.objects.values_list("version", "text_en")) == [
        (2, "en 2"),
        (1, "en 1"),
    ]
    assert current_notice(org).text("sv") == "sv 2"
    assert client.post("/staff/privacy/notice/", {"text_fi": ""}).status_code == 400
    assert PrivacyNotice.objects.count() == 2
