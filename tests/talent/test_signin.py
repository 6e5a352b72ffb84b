import datetime as dt
import re

import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from reilu.employers.models import hash_token
from reilu.messaging.models import Message
from reilu.talent.auth import SESSION_KEY
from reilu.talent.models import Seeker, SignInToken


def _link(client, email="new@example.fi") -> str:
    response = client.post("/talent/signin/", {"email": email})
    assert response.status_code == 200
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
        assert client.post("/talent/signin/", {"email": "a@example.fi"}).status_code == 200
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
