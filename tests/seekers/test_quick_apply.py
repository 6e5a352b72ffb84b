"""Quick apply: from a signed-in account, the profile fills the form, the stored CV goes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.applications.models import Application
from reilu.talent.services.profiles import profile_save
from tests.conftest import PDF_BYTES, make_application, make_posting
from tests.talent.conftest import sign_in_as


@pytest.fixture
def profile_with_cv(aino):
    return profile_save(
        seeker=aino,
        data={"name": "Aino Korhonen", "headline": "Analyst", "phone": "040 111 2222",
              "visibility": "hidden"},
        skills=["SQL"], languages=[], links=[],
        cv=SimpleUploadedFile("aino-cv.pdf", PDF_BYTES, content_type="application/pdf"),
        cv_type="application/pdf",
    )  # fmt: skip


def _form(**overrides):
    data = {
        "name": "Aino Korhonen",
        "phone": "040 111 2222",
        "cover_letter": "",
        "language": "en",
        "privacy_consent": "on",
        "use_stored_cv": "on",
        "privacy_notice_version": "0",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_the_form_is_filled_from_the_profile(aino_client, posting, profile_with_cv):
    html = aino_client.get(f"/me/apply/{posting.slug}/").content.decode()
    assert 'value="Aino Korhonen"' in html and 'value="040 111 2222"' in html
    assert 'value="aino@example.fi"' in html and "disabled" in html
    assert "aino-cv.pdf" in html


def test_it_applies_with_the_stored_cv_and_the_accounts_address(
    aino_client, posting, profile_with_cv
):
    response = aino_client.post(
        f"/me/apply/{posting.slug}/", _form(email="someone.else@example.fi", name="Aino K")
    )
    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    app = Application.objects.get()
    assert app.email == "aino@example.fi"  # the account's verified address, not a typed one
    assert app.name == "Aino K"  # changed for this application only
    profile_with_cv.refresh_from_db()
    assert profile_with_cv.name == "Aino Korhonen"
    assert app.cv_name == "aino-cv.pdf" and app.cv_type == "application/pdf"
    with app.cv.open("rb") as cv:
        assert cv.read() == PDF_BYTES
    assert app.cv.name != profile_with_cv.cv.name  # a copy of its own, erased with it
    assert f'data-application="{app.pk}"' in aino_client.get("/me/").content.decode()


def test_another_file_can_be_chosen_for_one_application(aino_client, posting, profile_with_cv):
    other = SimpleUploadedFile("special.pdf", PDF_BYTES, content_type="application/pdf")
    response = aino_client.post(f"/me/apply/{posting.slug}/", {**_form(), "cv": other})
    assert response.status_code == 302
    assert Application.objects.get().cv_name == "special.pdf"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Please give your name."),
        ("fi", "Kerro nimesi."),
        ("sv", "Skriv ditt namn."),
    ],
)
def test_an_error_keeps_what_was_entered_and_the_chosen_cv(
    aino_client, posting, profile_with_cv, language, message
):
    response = aino_client.post(
        f"/me/apply/{posting.slug}/",
        _form(name="", phone="050 999", cover_letter="Dear Acme"),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="050 999"' in html and "Dear Acme" in html
    assert (
        'name="use_stored_cv" checked' in html
        or 'checked name="use_stored_cv"' in html
        or (
            'name="use_stored_cv"' in html
            and "checked" in html.split('name="use_stored_cv"')[1][:80]
        )
    )
    assert not Application.objects.exists()
    fixed = aino_client.post(f"/me/apply/{posting.slug}/", _form(phone="050 999"))
    assert fixed.status_code == 302 and Application.objects.get().cv_name == "aino-cv.pdf"


def test_an_uploaded_file_is_kept_across_an_error(aino_client, posting, profile_with_cv):
    other = SimpleUploadedFile("special.pdf", PDF_BYTES, content_type="application/pdf")
    response = aino_client.post(
        f"/me/apply/{posting.slug}/", {**_form(name="", use_stored_cv=None), "cv": other}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "special.pdf" in html and 'name="cv_token"' in html
    token = html.split('name="cv_token" value="')[1].split('"')[0]
    done = aino_client.post(
        f"/me/apply/{posting.slug}/", {**_form(use_stored_cv=None), "cv_token": token}
    )
    assert done.status_code == 302 and Application.objects.get().cv_name == "special.pdf"


def test_without_a_stored_cv_a_cv_or_letter_is_asked_for(aino_client, posting, aino):
    response = aino_client.post(f"/me/apply/{posting.slug}/", _form(use_stored_cv=None))
    assert response.status_code == 400
    assert "Please attach a CV or write a cover letter." in response.content.decode()


def test_quick_apply_needs_an_account_and_the_public_form_does_not(client, posting, db):
    response = client.get(f"/me/apply/{posting.slug}/")
    assert response.status_code == 302 and response["Location"] == "/talent/signin/"
    public = client.get(f"/jobs/{posting.slug}/apply/")
    assert public.status_code == 200 and 'name="email"' in public.content.decode()


def test_the_public_form_offers_quick_apply_to_a_signed_in_seeker(client, posting, aino):
    sign_in_as(client, aino)
    html = client.get(f"/jobs/{posting.slug}/apply/").content.decode()
    assert f'href="/me/apply/{posting.slug}/"' in html


EARLIER = {
    "en": "Filled in from your earlier application to Backend developer at Acme Oy",
    "fi": "Täytetty aiemmasta hakemuksestasi (Backend developer, Acme Oy,",
    "sv": "Ifyllt från din tidigare ansökan (Backend developer, Acme Oy,",
}
FROM_PROFILE = {
    "en": "Filled in from your profile.",
    "fi": "Täytetty profiilistasi.",
    "sv": "Ifyllt från din profil.",
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_without_a_profile_the_newest_earlier_application_fills_the_form(
    client, aino, org, posting, language
):
    """No talent profile: name, phone and language come from the seeker's newest earlier
    application with the verified address, and the page says so."""
    first = client.post(
        f"/jobs/{posting.slug}/apply/",
        {"name": "Aino Korhonen", "email": "AINO@example.fi", "phone": "040 555 1234",
         "language": "sv", "cover_letter": "Hello!", "privacy_consent": "on",
         "privacy_notice_version": "0"},
    )  # fmt: skip
    assert first.status_code == 302
    # Someone else's later application with another address is not used.
    make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    other = make_posting(org, title="Data analyst")
    sign_in_as(client, aino)
    html = client.get(f"/me/apply/{other.slug}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert 'value="Aino Korhonen"' in html and 'value="040 555 1234"' in html
    assert '<option value="sv" selected>' in html
    assert "Bertta" not in html
    assert EARLIER[language] in html and FROM_PROFILE[language] not in html
    response = client.post(f"/me/apply/{other.slug}/", _form(language="sv", use_stored_cv=None,
                           cover_letter="Hello again!"))  # fmt: skip
    assert response.status_code == 302
    assert Application.objects.get(posting=other).email == "aino@example.fi"


def test_with_a_profile_the_page_says_the_profile_filled_it(aino_client, posting, profile_with_cv):
    html = aino_client.get(f"/me/apply/{posting.slug}/").content.decode()
    assert FROM_PROFILE["en"] in html and "earlier application" not in html


def test_with_nothing_earlier_only_the_address_is_filled_and_nothing_is_claimed(
    aino_client, posting
):
    html = aino_client.get(f"/me/apply/{posting.slug}/").content.decode()
    assert 'value="aino@example.fi"' in html and "Filled in from" not in html
