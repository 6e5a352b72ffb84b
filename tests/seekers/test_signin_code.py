"""The one-time code in the sign-in mail: for reading the mail on another device."""

import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone

from reilu.messaging.models import Message
from reilu.talent.auth import CODE_ATTEMPTS, SESSION_KEY
from reilu.talent.models import Seeker, SignInToken


def _ask(client, email="new@example.fi", language="en") -> str:
    response = client.post("/talent/signin/", {"email": email}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    body = Message.objects.filter(kind="talent_signin", to_email=email).latest("id").body
    return re.search(r"^(\d{6})$", body, re.M).group(1)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_the_code_signs_in_on_another_device_once(client, django_user_model, db):
    code = _ask(client)
    phone = client.__class__()  # the device where the mail is not read
    response = phone.post("/talent/signin/code/", {"email": "NEW@example.fi", "code": code})
    assert response.status_code == 302 and response["Location"] == "/me/"
    seeker = Seeker.objects.get(email_key="new@example.fi")
    assert phone.session[SESSION_KEY] == seeker.pk
    assert django_user_model.objects.count() == 0
    # One mail signs in once: the code is used up, and so is the mail's link.
    other = client.__class__()
    assert (
        other.post("/talent/signin/code/", {"email": "new@example.fi", "code": code}).status_code
        == 400
    )
    assert SESSION_KEY not in other.session
    link = re.search(r"(/talent/signin/[^/\s]+/)", Message.objects.get().body).group(1)
    assert other.post(link).status_code == 410


def test_the_sent_page_offers_the_code_form_with_the_address(client, db):
    response = client.post("/talent/signin/", {"email": "new@example.fi"}, follow=True)
    html = response.content.decode()
    assert 'action="/talent/signin/code/"' in html
    assert 'value="new@example.fi"' in html and 'autocomplete="one-time-code"' in html


def test_only_a_hash_of_the_code_is_stored(client, db):
    code = _ask(client)
    token = SignInToken.objects.get()
    assert token.code_hash and code not in token.code_hash and len(token.code_hash) == 64


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The code is not right"),
        ("fi", "Koodi ei ole oikea"),
        ("sv", "Koden är inte rätt"),
    ],
)
def test_a_wrong_code_is_refused_in_the_users_language_and_kept_in_the_form(
    client, db, language, message
):
    code = _ask(client, language=language)
    response = client.post(
        "/talent/signin/code/",
        {"email": "new@example.fi", "code": _wrong(code)},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'value="new@example.fi"' in html
    assert SESSION_KEY not in client.session


def test_a_malformed_code_is_a_400_that_costs_no_attempt(client, db):
    _ask(client)
    response = client.post("/talent/signin/code/", {"email": "new@example.fi", "code": "12ab"})
    assert response.status_code == 400 and "six digits" in response.content.decode()
    assert SignInToken.objects.get().code_attempts == 0


def test_the_code_takes_a_few_attempts_only(client, db):
    code = _ask(client)
    for _ in range(CODE_ATTEMPTS):
        response = client.post(
            "/talent/signin/code/", {"email": "new@example.fi", "code": _wrong(code)}
        )
        assert response.status_code == 400
    # The right code after the attempts are used up opens nothing; the link still works.
    response = client.post("/talent/signin/code/", {"email": "new@example.fi", "code": code})
    assert response.status_code == 400 and SESSION_KEY not in client.session
    link = re.search(r"(/talent/signin/[^/\s]+/)", Message.objects.get().body).group(1)
    assert client.post(link).status_code == 302


def test_the_code_lives_minutes_not_hours(client, db):
    code = _ask(client)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        response = client.post("/talent/signin/code/", {"email": "new@example.fi", "code": code})
    assert response.status_code == 400 and SESSION_KEY not in client.session


def test_only_the_newest_mails_code_counts(client, db):
    first = _ask(client)
    second = _ask(client)
    if first == second:  # one in a million: nothing to tell apart
        return
    assert (
        client.post("/talent/signin/code/", {"email": "new@example.fi", "code": first}).status_code
        == 400
    )
    assert (
        client.post("/talent/signin/code/", {"email": "new@example.fi", "code": second}).status_code
        == 302
    )


def test_a_code_for_one_address_does_not_open_another(client, db):
    code_a = _ask(client, email="a@example.fi")
    code_b = _ask(client, email="b@example.fi")
    if code_a == code_b:  # one in a million: nothing to tell apart
        return
    response = client.post("/talent/signin/code/", {"email": "b@example.fi", "code": code_a})
    assert response.status_code == 400 and SESSION_KEY not in client.session
    assert (
        client.post("/talent/signin/code/", {"email": "a@example.fi", "code": code_a}).status_code
        == 302
    )
    assert Seeker.objects.get(pk=client.session[SESSION_KEY]).email_key == "a@example.fi"


def test_guesses_are_limited_per_address_across_clients(client, settings, db):
    settings.REILU_RATES = {**settings.REILU_RATES, "signin_code_address": "3/h"}
    code = _ask(client)
    for n in range(3):
        guesser = client.__class__(REMOTE_ADDR=f"10.0.0.{n}")
        assert (
            guesser.post(
                "/talent/signin/code/", {"email": "new@example.fi", "code": _wrong(code)}
            ).status_code
            == 400
        )
    late = client.__class__(REMOTE_ADDR="10.0.0.9")
    response = late.post("/talent/signin/code/", {"email": "new@example.fi", "code": code})
    assert response.status_code == 429 and "Too many tries" in response.content.decode()
    assert SESSION_KEY not in late.session


def test_guesses_are_limited_per_client_across_addresses(client, settings, db):
    settings.REILU_RATES = {**settings.REILU_RATES, "signin_code": "4/h"}
    for n in range(4):
        response = client.post(
            "/talent/signin/code/", {"email": f"p{n}@example.fi", "code": "123456"}
        )
        assert response.status_code == 400
    response = client.post("/talent/signin/code/", {"email": "p9@example.fi", "code": "123456"})
    assert response.status_code == 429
