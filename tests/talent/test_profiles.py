from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.talent.models import Profile, ProfileLanguage
from tests.conftest import PDF_BYTES, make_application
from tests.talent.conftest import make_profile, sign_in_as

FORM = {
    "name": "Sanna Virtanen",
    "headline": "Data engineer",
    "expertise": "Data pipelines",
    "skills": "Python, SQL, python",
    "bio": "I build reliable pipelines.",
    "languages": "fi:native, en:C1",
    "links_text": "https://example.org/sanna",
    "region": "pirkanmaa",
    "remote": "on",
    "availability": "1m",
    "phone": "040 1",
    "visibility": "employers",
}


def test_it_saves_a_profile_with_skills_languages_and_cv(client, db):
    from reilu.talent.services.seekers import seeker_get_or_create

    seeker = seeker_get_or_create(email="s@example.fi", language="en")
    sign_in_as(client, seeker)
    cv = SimpleUploadedFile("my cv.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post("/talent/me/profile/", {**FORM, "cv_file": cv})
    assert response.status_code == 302
    profile = Profile.objects.get(seeker=seeker)
    assert profile.skill_list == ["Python", "SQL"]
    assert {(pl.language, pl.level) for pl in profile.languages.all()} == {
        ("fi", "native"),
        ("en", "C1"),
    }
    assert profile.links == ["https://example.org/sanna"]
    assert profile.cv.name.startswith("talent-cv/") and "cv" not in profile.cv.name[10:]
    assert profile.cv_type == "application/pdf"
    assert client.get("/talent/me/cv/").status_code == 200


def test_it_refuses_bad_input_and_stores_nothing(client, db):
    from reilu.talent.services.seekers import seeker_get_or_create

    seeker = seeker_get_or_create(email="s@example.fi", language="en")
    sign_in_as(client, seeker)
    exe = SimpleUploadedFile(
        "cv.pdf", b"MZ\x90\x00\x03\x00\x00\x00", content_type="application/pdf"
    )
    assert client.post("/talent/me/profile/", {**FORM, "cv_file": exe}).status_code == 400
    bad = client.post("/talent/me/profile/", {**FORM, "languages": "fi:expert"})
    assert bad.status_code == 400 and b"A1, A2, B1, B2, C1, C2 or native" in bad.content
    # The error is named at the top of the page too, with a link to its field.
    html = bad.content.decode()
    assert 'id="error-summary"' in html and 'href="#id_languages"' in html
    assert "<title>Error:" in html
    assert (
        client.post("/talent/me/profile/", {**FORM, "links_text": "javascript:x"}).status_code
        == 400
    )
    assert not Profile.objects.exists()
    assert not ProfileLanguage.objects.exists()


def test_an_error_names_the_chosen_cv_to_choose_again_and_a_wrong_link_whole(seeker_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.conftest import PDF_BYTES

    cv = SimpleUploadedFile("sanna-cv.pdf", PDF_BYTES, content_type="application/pdf")
    bad = seeker_client.post(
        "/talent/me/profile/", {**FORM, "links_text": "not a url", "cv_file": cv}
    )
    html = bad.content.decode()
    assert bad.status_code == 400
    assert "“not a url” is not a web address" in html
    assert "“sanna-cv.pdf” was not saved because of the errors above" in html


def test_it_pauses_and_changes_visibility(seeker_client, profile):
    seeker_client.post("/talent/me/visibility/", {"visibility": "employers", "paused": "1"})
    profile.refresh_from_db()
    assert profile.visibility == "employers" and profile.paused and not profile.is_listed
    seeker_client.post("/talent/me/visibility/", {"visibility": "public"})
    profile.refresh_from_db()
    assert profile.visibility == "public" and not profile.paused


def test_it_drafts_a_hidden_profile_when_an_applicant_consents(posting):
    from reilu.applications import services as app_services

    app, _raw = app_services.application_submit(
        posting=posting,
        name="Onni Lahtinen",
        email="onni@example.fi",
        language="fi",
        privacy_consent=True,
        talent_consent=True,
        cover_letter="I love backend work.",
    )
    profile = Profile.objects.get(seeker__email_key="onni@example.fi")
    assert profile.visibility == Profile.Visibility.HIDDEN and not profile.is_listed
    assert profile.source_application == app
    assert profile.headline == posting.title and profile.bio == "I love backend work."
    assert app.messages.model.objects.filter(kind="talent_draft", to_email=app.email).count() == 1


def test_it_drafts_nothing_without_consent(posting):
    make_application(posting, email="no@example.fi")
    assert not Profile.objects.exists()


def test_it_leaves_an_existing_profile_alone(posting):
    from reilu.applications import services as app_services

    existing = make_profile(email="onni@example.fi", headline="My own words")
    app_services.application_submit(
        posting=posting,
        name="Onni",
        email="Onni@example.fi",
        language="en",
        privacy_consent=True,
        talent_consent=True,
    )
    existing.refresh_from_db()
    assert existing.headline == "My own words" and Profile.objects.count() == 1


def test_it_shows_public_profiles_without_sign_in_and_without_contact_details(client, db):
    public = make_profile(email="pub@example.fi", phone="040 999 1234", headline="Welder")
    hidden = make_profile(email="hid@example.fi", headline="Secret welder", visibility="hidden")
    employers = make_profile(
        email="emp@example.fi", headline="Quiet welder", visibility="employers"
    )
    paused = make_profile(email="pau@example.fi", headline="Paused welder", paused=True)
    gallery = client.get("/talent/", {"q": "welder"}).content.decode()
    assert "Welder" in gallery
    for other in ("Secret welder", "Quiet welder", "Paused welder"):
        assert other not in gallery
    page = client.get(f"/talent/p/{public.public_id}/").content.decode()
    assert "Welder" in page
    assert "pub@example.fi" not in page and "040 999 1234" not in page
    for profile in (hidden, employers, paused):
        assert client.get(f"/talent/p/{profile.public_id}/").status_code == 404
