import datetime as dt
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from reilu.employers.models import hash_token
from reilu.messaging.models import Message
from reilu.talent.auth import SESSION_KEY
from reilu.talent.models import Seeker, SignInToken


def _link(client, email="new@example.fi") -> str:
    response = client.post("/talent/signin/", {"email": email})
    assert response.status_code == 302 and response["Location"] == "/talent/signin/sent/"
    mail = Message.objects.filter(kind="talent_signin", to_email=email).latest("id")
    return re.search(r"(/talent/signin/[^/\s]+/)", mail.body).group(1)


def test_it_signs_in_once_by_link_without_a_django_user(client, db):
    users_before = get_user_model().objects.count()
    link = _link(client)
    assert client.get(link).status_code == 200  # a button, not a sign-in: scanners open links
    assert SESSION_KEY not in client.session
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == "/me/"
    seeker = Seeker.objects.get(email_key="new@example.fi")
    assert client.session[SESSION_KEY] == seeker.pk
    assert get_user_model().objects.count() == users_before
    assert client.get("/talent/me/").status_code == 200
    client.post("/talent/signout/")
    assert client.post(link).status_code == 410  # single use


def test_it_stores_only_a_hash_of_a_long_random_token(client, db):
    link = _link(client)
    raw = link.split("/")[-2]
    assert len(raw) >= 40
    token = SignInToken.objects.get()
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash


def test_it_refuses_a_link_after_a_few_hours(client, db):
    link = _link(client)
    with time_machine.travel(timezone.now() + dt.timedelta(hours=4)):
        assert client.get(link).status_code == 410
        assert client.post(link).status_code == 410
    assert SESSION_KEY not in client.session


def test_it_limits_links_per_hour(client, db):
    for _ in range(5):
        assert client.post("/talent/signin/", {"email": "a@example.fi"}).status_code == 302
    assert client.post("/talent/signin/", {"email": "a@example.fi"}).status_code == 429
    assert SignInToken.objects.count() == 5


def test_it_sends_signed_out_seekers_to_sign_in(client, db):
    response = client.get("/talent/me/")
    assert response.status_code == 302 and response["Location"] == "/talent/signin/"


def test_it_does_not_let_staff_login_count_as_a_seeker(client, recruiter):
    client.force_login(recruiter)
    assert client.get("/talent/me/").status_code == 302


def test_it_answers_bad_email_with_400(client, db):
    assert client.post("/talent/signin/", {"email": "not an email"}).status_code == 400
    assert not Seeker.objects.exists()


def test_asking_for_a_link_redirects_to_a_page_that_survives_a_reload(client, db):
    """Post/redirect/get: the "check your email" page is a GET, so reload and Back show the
    code form again (no re-POST prompt, no second mail); the address stays out of the URL."""
    response = client.post("/talent/signin/", {"email": "New@Example.fi"})
    assert response.status_code == 302 and response["Location"] == "/talent/signin/sent/"
    for _reload in range(2):
        page = client.get("/talent/signin/sent/")
        html = page.content.decode()
        assert page.status_code == 200 and "Check your email" in html
        assert 'action="/talent/signin/code/"' in html and 'value="New@Example.fi"' in html
        assert page["Cache-Control"] == "private, no-store"
    assert Message.objects.filter(kind="talent_signin").count() == 1
    # Another browser (or a session that asked for nothing) is sent to ask first.
    other = client.__class__()
    assert other.get("/talent/signin/sent/")["Location"] == "/talent/signin/"
    # Signed in, the address is no longer kept.
    link = re.search(r"(/talent/signin/[^/\s]+/)", Message.objects.get().body).group(1)
    assert client.post(link).status_code == 302
    assert "reilu.signin_email" not in client.session


SIGN_IN = {
    "en": ("Sign in to Reilu", "Sign in to your Reilu account"),
    "fi": ("Kirjaudu Reiluun", "Kirjaudu Reilu-tilillesi"),
    "sv": ("Logga in på Reilu", "Logga in på ditt Reilu-konto"),
}
GALLERY_WORDS = {"en": "talent gallery", "fi": "osaajagalleria", "sv": "kompetensgalleri"}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_the_sign_in_pages_and_mail_speak_of_the_account(client, db, language):
    """Signing in opens the seeker's whole account (/me/), not the talent gallery."""
    heading, confirm = SIGN_IN[language]
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    html = client.get("/talent/signin/").content.decode()
    assert f"<h1>{heading}</h1>" in html and f"<title>{heading}" in html
    link = _link(client)
    mail = Message.objects.get(kind="talent_signin")
    html = client.get(link).content.decode()
    assert f"<h1>{confirm}</h1>" in html
    for text in (html, client.get("/talent/signin/sent/").content.decode()):
        main = text[text.index("<main") :]
        assert GALLERY_WORDS[language] not in main.lower()
    assert GALLERY_WORDS[language] not in (mail.subject + mail.body).lower()


def _mail_language(client, email, **headers) -> str:
    assert client.post("/talent/signin/", {"email": email}, **headers).status_code == 302
    return Message.objects.filter(kind="talent_signin").latest("id").language


def test_the_sign_in_mail_follows_the_language_chosen_then_stored_then_the_browser(client, db):
    """A visitor who chose a language on the site gets the mail in it; otherwise a known
    seeker gets it in their stored language for messages; a newcomer in the page's (the
    browser's) language."""
    assert _mail_language(client, "new@example.fi", HTTP_ACCEPT_LANGUAGE="sv") == "sv"
    Seeker.objects.create(email="known@example.fi", email_key="known@example.fi", language="fi")
    assert _mail_language(client, "known@example.fi", HTTP_ACCEPT_LANGUAGE="en") == "fi"
    body = Message.objects.filter(kind="talent_signin").latest("id").body
    assert body.startswith("Hei,")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert _mail_language(client, "known@example.fi", HTTP_ACCEPT_LANGUAGE="sv") == "en"
    assert Message.objects.filter(kind="talent_signin").latest("id").body.startswith("Hello,")
