"""Staff sign-in names its field, and a forgotten password can be reset by email."""

import re

import pytest

from reilu.messaging.models import Message
from tests.conftest import make_staff

NEW_PASSWORD = "Kesäkuun-sininen-ovi-42"  # noqa: S105 - a throwaway test password


@pytest.fixture
def user(org):
    return make_staff(org, "rec@acme.example")


def ask_reset(client, email, ip="10.0.0.1", **extra):
    return client.post("/staff/password/reset/", {"email": email}, REMOTE_ADDR=ip, **extra)


def link_in(message: Message) -> str:
    return re.search(r"http://testserver(/staff/password/reset/\S+/)", message.body).group(1)


@pytest.mark.parametrize(
    ("language", "label", "forgot"),
    [
        ("fi", "Sähköposti", "Unohtuiko salasana?"),
        ("sv", "E-post", "Glömt lösenordet?"),
        ("en", "Email", "Forgot your password?"),
    ],
)
def test_the_sign_in_field_is_labelled_email_and_links_to_a_reset(client, language, label, forgot):
    html = client.get("/staff/login/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert re.search(rf'<label for="id_username"[^>]*>{label}:?</label>', html)
    assert 'type="email" name="username"' in html
    assert f'href="/staff/password/reset/">{forgot}</a>' in html


def test_the_whole_reset_flow_ends_with_signing_in_with_the_new_password(client, user):
    assert client.get("/staff/password/reset/").status_code == 200
    response = ask_reset(client, "REC@acme.example")
    assert response.status_code == 302 and response["Location"] == "/staff/password/reset/sent/"
    message = Message.objects.get()
    assert message.to_email == "rec@acme.example" and not message.alert_staff_on_failure
    assert message.kind == "staff_password_reset"

    page = client.get(link_in(message))
    assert page.status_code == 302  # Django hides the token behind a set-password address
    form_url = page["Location"]
    assert 'name="new_password1"' in client.get(form_url).content.decode()
    # A mismatch is refused with the reason beside the field, and nothing is saved.
    refused = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": "other"})
    assert refused.status_code == 200 and "There is a problem" in refused.content.decode()
    user.refresh_from_db()
    assert user.check_password("pw")
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/staff/password/reset/complete/"
    assert client.get(link_in(message)).status_code == 200  # the link now says it is used up
    assert "already been used" in client.get(link_in(message)).content.decode()

    signed_in = client.post(
        "/staff/login/", {"username": "rec@acme.example", "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, user):
    known = ask_reset(client, "rec@acme.example", ip="10.0.0.1")
    unknown = ask_reset(client, "nobody@acme.example", ip="10.0.0.2")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert list(Message.objects.values_list("to_email", flat=True)) == ["rec@acme.example"]


def test_it_is_rate_limited_per_address(client, user, settings):
    settings.REILU_RATES = {**settings.REILU_RATES, "password_reset_address": "2/h"}
    for n in range(2):
        assert ask_reset(client, "rec@acme.example", ip=f"10.0.1.{n}").status_code == 302
    refused = ask_reset(client, "Rec@Acme.example", ip="10.0.1.9")
    assert refused.status_code == 429
    assert Message.objects.count() == 2
    # Another address from the same client is still served.
    assert ask_reset(client, "other@acme.example", ip="10.0.1.9").status_code == 302


def test_it_is_rate_limited_per_client(client, user, settings):
    settings.REILU_RATES = {**settings.REILU_RATES, "password_reset": "3/h"}
    for n in range(3):
        assert ask_reset(client, f"guess{n}@acme.example").status_code == 302
    refused = ask_reset(client, "rec@acme.example", HTTP_ACCEPT_LANGUAGE="fi")
    assert refused.status_code == 429
    assert "Liian monta" in refused.content.decode()
    assert not Message.objects.exists()
    assert ask_reset(client, "rec@acme.example", ip="10.9.9.9").status_code == 302


@pytest.mark.parametrize(
    ("language", "heading", "subject"),
    [
        ("fi", "Unohtuiko salasana?", "Aseta uusi Reilu-salasana"),
        ("sv", "Glömt lösenordet?", "Välj ett nytt lösenord till Reilu"),
        ("en", "Forgot your password?", "Set a new Reilu password"),
    ],
)
def test_the_pages_and_the_mail_speak_the_users_language(client, user, language, heading, subject):
    accept = {"HTTP_ACCEPT_LANGUAGE": language}
    assert heading in client.get("/staff/password/reset/", **accept).content.decode()
    response = ask_reset(client, "rec@acme.example", **accept)
    done = client.get(response["Location"], **accept).content.decode()
    assert {"fi": "Tarkista sähköpostisi", "sv": "Kolla din e-post", "en": "Check your email"}[
        language
    ] in done
    message = Message.objects.get()
    assert (message.subject, message.language) == (subject, language)
