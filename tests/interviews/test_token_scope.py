"""A status link acts on its own application only.

Two candidates apply to the same posting and both reach the interview stage. The first
(Aino) has booked an interview and has a private history; every endpoint a status token
reaches is used with the *second* candidate's (Bertta's) token. Bertta's application is the
one that changes, Aino's stays exactly as it was, and nothing of Aino's is ever shown.
"""

import io
import zipfile

import pytest
from django.urls import reverse

from reilu.applications import services as app_services
from reilu.applications.models import Application
from reilu.interviews.models import Booking, FeedbackCall
from reilu.interviews.services.booking import booking_book
from reilu.jobs.models import JobAlert
from reilu.voice.models import SurveyInvitation, SurveyResponse
from tests.interviews.conftest import make_slot

AINO = ("Aino", "Korhonen", "aino@example.fi")


@pytest.fixture
def aino(interview_app, slot, recruiter):
    booking_book(application=interview_app, slot_id=slot.pk)
    app_services.application_add_note(
        application=interview_app, text="Aino's private note", actor=recruiter
    )
    return interview_app


@pytest.fixture
def bertta(second_app):
    return second_app


@pytest.fixture
def free_slot(posting, interviewer):
    return make_slot(posting, [interviewer], days=4, hour=13)


def snapshot(app) -> dict:
    """Everything a token-reached endpoint could change about an application, from the DB."""
    fresh = Application.objects.get(pk=app.pk)
    return {
        "row": {
            f: getattr(fresh, f)
            for f in ("name", "email", "outcome", "stage_id", "erased_at", "decided_at")
        },
        "events": list(fresh.events.order_by("pk").values_list("kind", "text")),
        "bookings": list(fresh.bookings.order_by("pk").values_list("slot_id", "purpose", "state")),
        "feedback": list(
            FeedbackCall.objects.filter(application=fresh).values("state", "preference")
        ),
        "survey": list(SurveyInvitation.objects.filter(application=fresh).values("used_on")),
        "alerts": list(JobAlert.objects.filter(email_key=AINO[2]).values("pk")),
    }


def assert_shows_nothing_of_aino(content: str):
    for word in (*AINO, "Aino's private note"):
        assert word not in content


def reject_both(org, aino, bertta):
    app_services.applications_decide(
        organization=org, application_ids=[aino.pk, bertta.pk], outcome="rejected"
    )


def test_the_status_page_and_api_show_only_the_tokens_application(client, aino, bertta):
    before = snapshot(aino)
    page = client.get(reverse("applications:status", args=[bertta.raw_token]))
    assert page.status_code == 200
    assert "Bertta" in page.content.decode()
    assert_shows_nothing_of_aino(page.content.decode())
    api = client.get(f"/api/v1/status/{bertta.raw_token}")
    assert api.status_code == 200
    assert api.json()["stage"] == bertta.stage.name
    assert_shows_nothing_of_aino(api.content.decode())
    # Aino has an interview; Bertta has none, and is not shown Aino's.
    booking = client.get(f"/api/v1/status/{bertta.raw_token}/booking")
    assert booking.status_code == 404
    assert snapshot(aino) == before


def test_withdrawing_by_page_and_by_api_withdraws_only_the_tokens_application(
    client, posting, aino, bertta
):
    from tests.conftest import make_application

    before = snapshot(aino)
    response = client.post(reverse("applications:withdraw", args=[bertta.raw_token]))
    assert response.status_code == 302
    assert Application.objects.get(pk=bertta.pk).outcome == "withdrawn"
    carita, raw = make_application(posting, email="carita@example.fi", name="Carita Kolmas")
    api = client.post(f"/api/v1/status/{raw}/withdraw")
    assert api.status_code == 200 and api.json()["outcome"] == "withdrawn"
    assert_shows_nothing_of_aino(api.content.decode())
    assert Application.objects.get(pk=carita.pk).outcome == "withdrawn"
    assert snapshot(aino) == before and before["row"]["outcome"] == "active"


def test_the_data_export_holds_only_the_tokens_application(client, aino, bertta):
    before = snapshot(aino)
    response = client.get(reverse("privacy:export", args=[bertta.raw_token]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    text = "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    assert "bertta@example.fi" in text
    assert_shows_nothing_of_aino(text)
    assert snapshot(aino) == before


def test_erasing_erases_only_the_tokens_application(client, aino, bertta):
    before = snapshot(aino)
    response = client.post(reverse("privacy:erase", args=[bertta.raw_token]), {"confirm": "yes"})
    assert response.status_code == 302
    erased = Application.objects.get(pk=bertta.pk)
    assert erased.erased_at is not None and erased.email == "" and erased.name == ""
    assert snapshot(aino) == before and before["row"]["email"] == "aino@example.fi"


def test_job_alerts_are_asked_for_the_tokens_address_only(client, aino, bertta):
    before = snapshot(aino)
    response = client.post(reverse("applications:subscribe_alerts", args=[bertta.raw_token]))
    assert response.status_code == 302
    [alert] = JobAlert.objects.all()
    assert alert.email == "bertta@example.fi"
    assert snapshot(aino) == before


def test_booking_and_cancelling_by_page_touch_only_the_tokens_bookings(
    client, aino, bertta, slot, free_slot
):
    before = snapshot(aino)
    page = client.get(reverse("interviews:book", args=[bertta.raw_token])).content.decode()
    assert_shows_nothing_of_aino(page)
    assert f'value="{slot.pk}"' not in page  # Aino's time is taken, and not Bertta's to see
    client.post(reverse("interviews:book", args=[bertta.raw_token]), {"slot": str(slot.pk)})
    assert not Booking.objects.filter(application=bertta).exists()
    client.post(reverse("interviews:book", args=[bertta.raw_token]), {"slot": str(free_slot.pk)})
    assert list(Booking.objects.filter(application=bertta).values_list("slot", "state")) == [
        (free_slot.pk, "active")
    ]
    client.post(reverse("interviews:cancel", args=[bertta.raw_token]))
    assert Booking.objects.get(application=bertta).state == "cancelled"
    # Cancelling again, with nothing of Bertta's left to cancel, leaves Aino's booking alone.
    client.post(reverse("interviews:cancel", args=[bertta.raw_token]))
    assert snapshot(aino) == before and before["bookings"] == [(slot.pk, "interview", "active")]


def test_booking_and_cancelling_by_api_touch_only_the_tokens_bookings(
    client, aino, bertta, slot, free_slot
):
    before = snapshot(aino)
    base = f"/api/v1/status/{bertta.raw_token}"
    slots = client.get(f"{base}/slots").json()
    assert [s["id"] for s in slots] == [free_slot.pk]
    taken = client.post(f"{base}/booking", {"slot_id": slot.pk}, content_type="application/json")
    assert taken.status_code == 409
    booked = client.post(
        f"{base}/booking", {"slot_id": free_slot.pk}, content_type="application/json"
    )
    assert booked.status_code == 200
    assert client.get(f"{base}/booking").json()["slot"]["id"] == free_slot.pk
    assert client.delete(f"{base}/booking").status_code == 200
    assert client.delete(f"{base}/booking").status_code == 409
    assert Booking.objects.get(application=bertta).state == "cancelled"
    assert snapshot(aino) == before


def test_the_feedback_call_is_chosen_for_the_tokens_application_only(client, org, aino, bertta):
    reject_both(org, aino, bertta)
    before = snapshot(aino)
    url = reverse("interviews:feedback", args=[bertta.raw_token])
    assert_shows_nothing_of_aino(client.get(url).content.decode())
    assert client.post(url, {"choice": "decline"}).status_code == 302
    assert FeedbackCall.objects.get(application=bertta).state == "declined"
    assert snapshot(aino) == before and before["feedback"] == [
        {"state": "offered", "preference": ""}
    ]


def test_the_survey_is_answered_for_the_tokens_application_only(client, org, aino, bertta):
    reject_both(org, aino, bertta)
    before = snapshot(aino)
    url = reverse("voice:status_survey", args=[bertta.raw_token])
    assert_shows_nothing_of_aino(client.get(url).content.decode())
    answers = {"recommend": "9", "ad_matched": "4", "knew_status": "5", "comment": "Fair."}
    assert client.post(url, answers).status_code == 302
    assert SurveyInvitation.objects.get(application=bertta).used_on is not None
    assert SurveyResponse.objects.count() == 1
    assert snapshot(aino) == before and before["survey"] == [{"used_on": None}]


def test_the_snapshot_sees_a_change_to_the_first_application(aino):
    """The guard itself: were an endpoint to act on Aino, the comparison would notice."""
    before = snapshot(aino)
    app_services.application_withdraw(application=aino)
    assert snapshot(aino) != before
