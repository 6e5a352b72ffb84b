"""Asking for sign-in links creates nobody and is limited per client (issue 14 #7)."""

import datetime as dt
import re

import time_machine
from django.test import Client
from django.utils import timezone

from reilu.messaging.models import Message
from reilu.talent import tasks
from reilu.talent.models import Seeker, SignInToken
from tests.talent.conftest import make_profile


def test_forty_addresses_from_one_client_create_no_seeker_and_stop_at_the_limit(client, db):
    codes = [
        client.post("/talent/signin/", {"email": f"person{n}@example.fi"}).status_code
        for n in range(40)
    ]
    assert codes == [302] * 10 + [429] * 30
    assert Seeker.objects.count() == 0
    assert Message.objects.filter(kind="talent_signin").count() == 10
    # Another client is not affected.
    other = Client(REMOTE_ADDR="192.0.2.20")
    assert other.post("/talent/signin/", {"email": "me@example.fi"}).status_code == 302


def test_the_seeker_exists_only_once_a_link_is_used(client, db):
    client.post("/talent/signin/", {"email": "New.Person@Example.fi"})
    assert not Seeker.objects.exists()
    body = Message.objects.get(kind="talent_signin").body
    link = re.search(r"(/talent/signin/[^/\s]+/)", body).group(1)
    assert client.get(link).status_code == 200
    assert not Seeker.objects.exists()  # opening the link (a mail scanner) is not using it
    assert client.post(link).status_code == 302
    seeker = Seeker.objects.get()
    assert seeker.email == "New.Person@Example.fi" and seeker.email_key == "new.person@example.fi"
    assert SignInToken.objects.get().email == ""  # the seeker holds the address now


def test_an_existing_seeker_signs_in_as_before(client, db):
    profile = make_profile(email="sanna@example.fi")
    client.post("/talent/signin/", {"email": "SANNA@example.fi"})
    link = re.search(r"(/talent/signin/[^/\s]+/)", Message.objects.get().body).group(1)
    client.post(link)
    assert Seeker.objects.get() == profile.seeker
    assert client.get("/talent/me/").status_code == 200


def test_expired_unused_links_are_deleted_by_the_sweep(client, db):
    client.post("/talent/signin/", {"email": "typo@example.fi"})
    assert tasks.sweep.call()["signin_links_deleted"] == 0
    with time_machine.travel(timezone.now() + dt.timedelta(hours=4)):
        assert tasks.sweep.call()["signin_links_deleted"] == 1
    assert not SignInToken.objects.filter(email="typo@example.fi").exists()
