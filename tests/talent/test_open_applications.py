import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from reilu.messaging.models import Message
from reilu.talent.models import OpenApplication, OpenApplicationSettings
from reilu.talent.services.open_applications import open_applications_sweep
from tests.talent.conftest import make_profile, sign_in_as

SETTINGS = {
    "accepts": "on",
    "promise_days": "10",
    "contact_name": "Laura Nieminen",
    "contact_email": "laura@acme.example",
    "message": "Tell us what you are good at.",
}


@pytest.fixture
def accepting(staff_client, org):
    assert staff_client.post("/staff/talent/settings/", SETTINGS).status_code == 302
    return org


def _send(seeker_client, org, message="I would like to work with you."):
    return seeker_client.post("/talent/me/open/", {"organization": org.pk, "message": message})


def test_it_lets_staff_set_up_open_applications(staff_client, org, other_org):
    assert (
        staff_client.post("/staff/talent/settings/", {**SETTINGS, "contact_name": ""}).status_code
        == 400
    )
    assert not OpenApplicationSettings.objects.exists()
    assert staff_client.post("/staff/talent/settings/", SETTINGS).status_code == 302
    config = OpenApplicationSettings.objects.get()
    assert config.organization == org and config.accepts and config.promise_days == 10


def test_it_refuses_employers_that_do_not_accept_them(seeker_client, org):
    assert _send(seeker_client, org).status_code == 400
    assert not OpenApplication.objects.exists()


def test_it_sends_and_shows_the_status_with_contact_person_and_promise(
    accepting, seeker_client, profile
):
    response = _send(seeker_client, accepting)
    app = OpenApplication.objects.get()
    assert response["Location"] == f"/talent/me/open/{app.pk}/"
    assert app.promised_by == timezone.localdate() + dt.timedelta(days=10)
    page = seeker_client.get(f"/talent/me/open/{app.pk}/").content.decode()
    assert "Laura Nieminen" in page and "Waiting for an answer" in page
    assert Message.objects.filter(
        kind="talent_open_received", to_email=profile.seeker.email
    ).exists()
    assert _send(seeker_client, accepting).status_code == 400  # one open at a time


def test_it_lets_staff_answer_from_the_inbox(
    accepting, seeker_client, staff_client, posting, profile
):
    _send(seeker_client, accepting)
    app = OpenApplication.objects.get()
    inbox = staff_client.get("/staff/talent/open/").content.decode()
    assert profile.name in inbox
    detail = staff_client.get(f"/staff/talent/open/{app.pk}/").content.decode()
    assert "I would like to work with you." in detail and profile.seeker.email not in detail
    no_posting = staff_client.post(
        f"/staff/talent/open/{app.pk}/", {"decision": "invited", "reply": "Apply please"}
    )
    assert no_posting.status_code == 409
    response = staff_client.post(
        f"/staff/talent/open/{app.pk}/",
        {"decision": "invited", "reply": "Apply please", "posting": posting.pk},
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.state == "invited" and app.invited_to == posting
    mail = Message.objects.get(kind="talent_open_answer")
    assert posting.get_absolute_url() in mail.body
    page = seeker_client.get(f"/talent/me/open/{app.pk}/").content.decode()
    assert "Apply please" in page and f"/jobs/{posting.slug}/apply/" in page


def test_it_keeps_seekers_out_of_each_others_open_applications(accepting, seeker_client, client):
    _send(seeker_client, accepting)
    app = OpenApplication.objects.get()
    other = Client()
    sign_in_as(other, make_profile(email="other@example.fi").seeker)
    assert other.get(f"/talent/me/open/{app.pk}/").status_code == 404


def test_it_tells_the_seeker_once_when_the_promise_lapses(
    accepting, seeker_client, profile, recruiter
):
    _send(seeker_client, accepting, message="Hei")
    app = OpenApplication.objects.get()
    missed = app.promised_by
    later = timezone.now() + dt.timedelta(days=11)
    with time_machine.travel(later):
        assert open_applications_sweep() == 1
        assert open_applications_sweep() == 0
        assert open_applications_sweep() == 0
    app.refresh_from_db()
    assert app.lapses == 1 and app.promised_by == timezone.localdate(later) + dt.timedelta(days=7)
    told = Message.objects.filter(kind="talent_open_late", to_email=profile.seeker.email)
    assert told.count() == 1
    assert "We are sorry" in told.get().body
    assert Message.objects.filter(kind="staff_open_late", to_email=recruiter.email).count() == 1
    assert (
        Message.objects.filter(kind="staff_open_late", to_email="laura@acme.example").count() == 1
    )
    assert missed.isoformat() in told.get().dedupe_key
    with time_machine.travel(later + dt.timedelta(days=8)):
        assert open_applications_sweep() == 1  # the new date lapsed too: told again
    assert Message.objects.filter(kind="talent_open_late").count() == 2


def test_it_tells_the_seeker_in_their_language(accepting, client, db):
    profile = make_profile(email="fi@example.fi", language="fi")
    sign_in_as(client, profile.seeker)
    _send(client, accepting)
    with time_machine.travel(timezone.now() + dt.timedelta(days=11)):
        open_applications_sweep()
    assert Message.objects.get(kind="talent_open_late").language == "fi"


def test_it_stops_when_answered(accepting, seeker_client, staff_client):
    _send(seeker_client, accepting)
    app = OpenApplication.objects.get()
    staff_client.post(
        f"/staff/talent/open/{app.pk}/", {"decision": "declined", "reply": "No room now."}
    )
    with time_machine.travel(timezone.now() + dt.timedelta(days=30)):
        assert open_applications_sweep() == 0


@pytest.mark.parametrize(
    "language, phrase",
    [
        ("en", "No employer accepts open applications yet."),
        ("fi", "Yksikään työnantaja ei vielä ota vastaan avoimia hakemuksia."),
        ("sv", "Ännu tar ingen arbetsgivare emot öppna ansökningar."),
    ],
)
def test_it_says_so_when_no_employer_accepts_open_applications(
    seeker_client, org, language, phrase
):
    seeker_client.cookies["django_language"] = language
    page = seeker_client.get("/talent/me/open/").content.decode()
    assert phrase in page
    assert "---------" not in page and 'name="organization"' not in page
    assert 'href="/jobs/"' in page


def test_it_offers_the_form_once_an_employer_accepts(seeker_client, accepting):
    page = seeker_client.get("/talent/me/open/").content.decode()
    assert 'name="organization"' in page and accepting.name in page
    assert "No employer accepts open applications yet." not in page
