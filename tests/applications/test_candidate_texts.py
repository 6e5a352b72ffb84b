"""Candidate-facing wording: sentences that read right in Finnish, Swedish and English."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.messaging.outbox import deliver_all
from tests.conftest import PDF_BYTES, make_posting

THANKS = {
    "fi": "Kiitos, että hait tehtävään Backend developer. Acme Oy on saanut hakemuksesi.",
    "sv": "Tack för att du sökte tjänsten Backend developer hos Acme Oy.",
    "en": "Thank you for applying for Backend developer at Acme Oy.",
}
MAIL = {
    "fi": "kiitos, että hait tehtävään Backend developer. Acme Oy on saanut hakemuksesi, ja se",
    "sv": "tack för att du sökte tjänsten Backend developer hos Acme Oy. Din ansökan har",
    "en": "thank you for applying for Backend developer at Acme Oy. Your application has",
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_thanks_page_and_the_confirmation_keep_their_sentences_apart(client, posting, language):
    response = client.post(
        f"/jobs/{posting.slug}/apply/",
        {
            "name": "Aino Korhonen",
            "email": "aino@example.fi",
            "language": language,
            "privacy_consent": "on",
            "cv": SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
        },
        follow=True,
        HTTP_ACCEPT_LANGUAGE=language,
    )
    page = " ".join(response.content.decode().split())
    assert THANKS[language] in page
    assert "– Acme Oy on saanut" not in page
    deliver_all()
    [sent] = mail.outbox
    assert MAIL[language] in " ".join(sent.body.split())


LABELS = {
    "fi": ("Keikkatyö (tarvittaessa)", "Määräaikainen"),
    "sv": ("Behovsanställning", "Visstidsanställning"),
    "en": ("On call, as needed", "Fixed-term"),
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_employment_types_are_named_as_job_seekers_say_them(client, org, language):
    on_call = make_posting(org, title="Night nurse", employment_type="PER_DIEM")
    fixed = make_posting(org, title="Summer cashier", employment_type="TEMPORARY")
    for posting, label in zip((on_call, fixed), LABELS[language], strict=True):
        page = client.get(f"/jobs/{posting.slug}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert label in page
        assert "Per diem" not in page and "Temporary" not in page
