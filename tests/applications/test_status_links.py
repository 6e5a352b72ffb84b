""" "Lost your status link?" (issue 13, item 2)."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from reilu.applications.models import Application
from reilu.applications.tokens import token_application
from reilu.messaging.outbox import deliver_all
from tests.conftest import make_application, make_org, make_posting

LINK = re.compile(r"http://testserver(/status/[A-Za-z0-9_-]+/)")
SENT = {
    "en": "Check your email",
    "fi": "Tarkista sähköpostisi",
    "sv": "Kolla din e-post",
}


def ask(client, email):
    return client.post("/status-links/", {"email": email})


@pytest.fixture
def two_applications(posting):
    other = make_posting(make_org("pihlaja", "Pihlaja Oy"), title="Data engineer")
    first, _ = make_application(posting, email="aino@example.fi", language="fi")
    second, _ = make_application(other, email="Aino@Example.fi", language="fi")
    return first, second


def test_it_mails_a_fresh_link_to_every_application_in_one_message(client, two_applications):
    client.cookies["django_language"] = "fi"
    deliver_all()
    mail.outbox.clear()
    response = ask(client, "AINO@example.fi ")
    assert response.status_code == 200
    assert SENT["fi"] in response.content.decode()
    assert deliver_all() == 1
    [message] = mail.outbox
    assert [to.lower() for to in message.to] == ["aino@example.fi"]
    assert message.subject == "Hakemustesi tilannelinkit"
    links = LINK.findall(message.body)
    assert len(links) == 2
    assert "Backend developer – Acme Oy" in message.body
    assert "Data engineer – Pihlaja Oy" in message.body
    # Each link is new, and opens its own application.
    opened = set()
    for link in links:
        page = client.get(link)
        assert page.status_code == 200
        opened.add(token_application(link.split("/")[2]).pk)
    assert opened == {a.pk for a in two_applications}


def test_it_answers_the_same_for_an_unknown_address_and_sends_nothing(client, two_applications):
    deliver_all()
    mail.outbox.clear()
    known = ask(client, "aino@example.fi")
    unknown = ask(Client(), "nobody@example.fi")
    assert unknown.status_code == known.status_code == 200

    def text(response):
        html = response.content.decode().replace("nobody@example.fi", "aino@example.fi")
        return re.sub(r'(X-CSRFToken": "|value=")[A-Za-z0-9]{64}', "", html)

    assert text(unknown) == text(known)
    deliver_all()
    assert [m.to[0].lower() for m in mail.outbox] == ["aino@example.fi"]


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_the_mail_is_in_the_language_of_the_page(client, application, language):
    client.cookies["django_language"] = language
    deliver_all()
    mail.outbox.clear()
    ask(client, application.email)
    deliver_all()
    [message] = mail.outbox
    subjects = {
        "en": "Your application status links",
        "fi": "Hakemustesi tilannelinkit",
        "sv": "Länkarna till dina ansökningar",
    }
    assert message.subject == subjects[language]


def test_links_that_no_longer_open_are_left_out(client, application, posting):
    Application.objects.filter(pk=application.pk).update(
        outcome=Application.Outcome.REJECTED,
        promised_by=None,
        decided_at=timezone.now() - dt.timedelta(days=800),
    )
    deliver_all()
    mail.outbox.clear()
    assert ask(client, application.email).status_code == 200
    assert deliver_all() == 0


def test_a_bad_address_gets_a_clear_error(client, db):
    response = ask(client, "not-an-address")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and '<a href="#id_email">' in html


def test_it_is_rate_limited_per_address(client, settings, application):
    settings.REILU_RATES = {**settings.REILU_RATES, "status_links_address": "2/h"}
    deliver_all()
    mail.outbox.clear()
    # Different clients, same address: the third is answered alike but not sent.
    answers = [ask(Client(REMOTE_ADDR=f"10.0.0.{n}"), application.email) for n in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert deliver_all() == 2


def test_it_is_rate_limited_per_client(db, client, settings):
    settings.REILU_RATES = {**settings.REILU_RATES, "status_links": "3/h"}
    answers = [ask(client, f"person{n}@example.fi").status_code for n in range(4)]
    assert answers == [200, 200, 200, 429]
    page = ask(client, "one-more@example.fi").content.decode()
    assert "Too many requests" in page


@pytest.mark.parametrize(
    "path", ["/jobs/backend-developer-acme/", "/jobs/backend-developer-acme/thanks/", "/jobs/"]
)
def test_the_page_is_linked_from_the_job_page_thanks_page_and_footer(client, posting, path):
    assert posting.slug == "backend-developer-acme"
    assert 'href="/status-links/"' in client.get(path).content.decode()
