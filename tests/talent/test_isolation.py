"""Every staff route: signed-out people go to sign in; other employers' objects are 404."""

import pytest
from django.test import Client

from reilu.talent.models import ContactRequest, OpenApplicationSettings
from reilu.talent.services.contact_requests import contact_request_answer, contact_request_send
from reilu.talent.services.open_applications import open_application_send, open_settings_save
from tests.talent.conftest import make_profile

STAFF_ROUTES = [
    "/staff/talent/",
    "/staff/talent/requests/",
    "/staff/talent/open/",
    "/staff/talent/settings/",
]


@pytest.fixture
def theirs(other_org, outsider, profile):
    """An open application and an accepted request of the other employer."""
    open_settings_save(organization=other_org, data={"accepts": True, "contact_name": "Olli Other"})
    app = open_application_send(
        seeker=profile.seeker, organization=other_org, message="For Other only"
    )
    request = contact_request_send(
        profile=profile, organization=other_org, user=outsider, message="Other asks"
    )
    contact_request_answer(request=request, seeker=profile.seeker, accept=True)
    return app, request


@pytest.mark.parametrize("path", STAFF_ROUTES)
def test_it_sends_signed_out_people_to_sign_in(client, path, db):
    response = client.get(path)
    assert response.status_code == 302 and "/staff/login/" in response["Location"]


@pytest.mark.parametrize("path", STAFF_ROUTES)
def test_it_refuses_seekers_on_staff_routes(seeker_client, path):
    assert seeker_client.get(path).status_code == 302


def test_it_hides_other_employers_open_applications(staff_client, theirs):
    app, _request = theirs
    assert staff_client.get(f"/staff/talent/open/{app.pk}/").status_code == 404
    reply = staff_client.post(
        f"/staff/talent/open/{app.pk}/", {"decision": "declined", "reply": "x"}
    )
    assert reply.status_code == 404
    assert "For Other only" not in staff_client.get("/staff/talent/open/").content.decode()


def test_it_hides_other_employers_requests_and_contact_details(staff_client, theirs, profile):
    page = staff_client.get("/staff/talent/requests/").content.decode()
    assert profile.name not in page and profile.seeker.email not in page
    detail = staff_client.get(f"/staff/talent/p/{profile.public_id}/").content.decode()
    assert profile.seeker.email not in detail
    assert staff_client.get(f"/staff/talent/p/{profile.public_id}/cv/").status_code == 404


def test_it_keeps_settings_per_employer(staff_client, org, other_org, theirs):
    staff_client.post(
        "/staff/talent/settings/",
        {"promise_days": "5", "contact_name": "Laura", "contact_email": "", "message": ""},
    )
    assert OpenApplicationSettings.objects.get(organization=other_org).accepts is True
    mine = OpenApplicationSettings.objects.get(organization=org)
    assert mine.promise_days == 5 and not mine.accepts
    assert "Olli Other" not in staff_client.get("/staff/talent/settings/").content.decode()


def test_it_shows_staff_no_hidden_profiles(staff_client, db):
    hidden = make_profile(email="h@example.fi", headline="Hidden one", visibility="hidden")
    assert staff_client.get(f"/staff/talent/p/{hidden.public_id}/").status_code == 404
    assert "Hidden one" not in staff_client.get("/staff/talent/", {"q": "hidden"}).content.decode()
    assert not ContactRequest.objects.exists()


def test_it_scopes_the_staff_api_search_to_listed_profiles(other_token, theirs, db):
    response = Client().get("/api/v1/talent", HTTP_AUTHORIZATION=f"Bearer {other_token}")
    assert response.status_code == 200
    assert "seeker@example.fi" not in response.content.decode()
