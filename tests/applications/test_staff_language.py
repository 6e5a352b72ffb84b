"""Reilu's reminders and alerts to staff are written in the staff member's language: the one
they chose in the workspace's language switch, else the employer's (set by an owner in the
employer's settings); never the ad's language or the server's default."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from reilu.applications import promises
from reilu.applications.models import Application, Promise
from reilu.employers.models import Membership
from reilu.messaging.models import Message
from tests.conftest import make_application, make_posting, make_staff
from tests.htmlforms import parse_forms

pytestmark = pytest.mark.django_db

SUBJECT = {
    "en": "A promise to Leena Late lapsed",
    "fi": "Lupaus hakijalle Leena Late rikkoutui",
    "sv": "Ett löfte till Leena Late har brutits",
}


def lapse(posting) -> Message:
    late, _ = make_application(posting, email="late@example.fi", name="Leena Late")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    Application.objects.filter(pk=late.pk).update(promised_by=yesterday)
    Promise.objects.filter(application=late).update(due=yesterday)
    assert promises.sweep() == 1
    return Message.objects.about(late).get(kind="staff_promise_lapsed")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def switch_language(client: Client, language: str) -> None:
    """The workspace's language switch, as the page offers it."""
    page = client.get("/staff/").content.decode()
    (form,) = [f for f in parse_forms(page) if f.attrs.get("action") == "/i18n/setlang/"]
    data = form.data()
    data["language"] = [language]
    assert client.post("/i18n/setlang/", data).status_code == 302


def test_an_alert_to_a_contact_without_a_choice_is_in_the_employers_language(org):
    owner = make_staff(org, "owner@acme.example", Membership.Role.OWNER)
    client = signed_in(owner)
    page = client.get("/staff/organisation/").content.decode()
    (form,) = [
        f
        for f in parse_forms(page)
        if "language" in dict(f.fields) and f.attrs.get("action") != "/i18n/setlang/"
    ]
    data = form.data()
    data["language"] = ["sv"]
    assert client.post("/staff/organisation/", data).status_code == 302
    org.refresh_from_db()
    assert org.language == "sv"
    # The ad is in English; its contact person is not a user of Reilu.
    posting = make_posting(org, language="en", contact_email="laura@acme.example")
    alert = lapse(posting)
    assert alert.to_email == "laura@acme.example"
    assert (alert.subject, alert.language) == (SUBJECT["sv"], "sv")


def test_a_new_employer_writes_to_its_staff_in_finnish_not_in_the_ads_language(org):
    posting = make_posting(org, language="en", contact_email="laura@acme.example")
    alert = lapse(posting)
    assert (alert.subject, alert.language) == (SUBJECT["fi"], "fi")


@pytest.mark.parametrize("language", ["en", "sv"])
def test_an_alert_to_a_recruiter_is_in_the_language_they_chose(org, language):
    recruiter = make_staff(org, "rec@acme.example")
    switch_language(signed_in(recruiter), language)
    assert Membership.objects.get(user=recruiter).language == language
    posting = make_posting(org, language="fi", contact_email="REC@acme.example")
    alert = lapse(posting)
    assert alert.to_email.lower() == "rec@acme.example"
    assert (alert.subject, alert.language) == (SUBJECT[language], language)
