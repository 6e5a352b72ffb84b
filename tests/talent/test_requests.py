import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from reilu.messaging.models import Message
from reilu.talent import tasks
from reilu.talent.models import ContactRequest, ProfileView
from reilu.talent.services.contact_requests import requests_per_day
from tests.conftest import make_posting, make_staff
from tests.talent.conftest import make_profile, sign_in_as


@pytest.fixture
def outsider_client(client, outsider):
    from django.test import Client

    other = Client()
    other.force_login(outsider)
    return other


def _send(client, profile, message="We have a job for you.", **extra):
    return client.post(f"/staff/talent/p/{profile.public_id}/", {"message": message, **extra})


def test_it_reveals_contact_details_only_after_acceptance_and_only_to_that_employer(
    staff_client, outsider_client, profile, posting
):
    email, phone = profile.seeker.email, profile.phone
    page = staff_client.get(f"/staff/talent/p/{profile.public_id}/").content.decode()
    assert email not in page and phone not in page
    assert _send(staff_client, profile, posting=posting.pk).status_code == 302
    request = ContactRequest.objects.get()
    assert request.posting == posting and request.state == "pending"
    assert Message.objects.filter(kind="talent_request", to_email=email).count() == 1
    page = staff_client.get(f"/staff/talent/p/{profile.public_id}/").content.decode()
    assert email not in page and phone not in page
    listed = staff_client.get("/staff/talent/requests/").content.decode()
    assert email not in listed
    # Waiting for the seeker, not for the recruiter who reads the list.
    assert "Waiting for the job seeker's answer" in listed
    assert "Waiting for your answer" not in listed

    seeker = sign_in_as(type(staff_client)(), profile.seeker)
    assert (
        seeker.post(f"/talent/me/requests/{request.pk}/", {"answer": "accept"}).status_code == 302
    )
    request.refresh_from_db()
    assert request.state == "accepted"

    page = staff_client.get(f"/staff/talent/p/{profile.public_id}/").content.decode()
    assert email in page and phone in page
    assert email in staff_client.get("/staff/talent/requests/").content.decode()
    other = outsider_client.get(f"/staff/talent/p/{profile.public_id}/").content.decode()
    assert email not in other and phone not in other
    assert email not in outsider_client.get("/staff/talent/requests/").content.decode()
    assert Message.objects.filter(kind="talent_request_answer").count() == 1


def test_it_tells_the_recruiter_politely_when_declined(staff_client, recruiter, profile):
    _send(staff_client, profile)
    request = ContactRequest.objects.get()
    seeker = sign_in_as(type(staff_client)(), profile.seeker)
    seeker.post(f"/talent/me/requests/{request.pk}/", {"answer": "decline"})
    request.refresh_from_db()
    assert request.state == "declined"
    mail = Message.objects.get(kind="talent_request_answer")
    assert mail.to_email == recruiter.email and "Thank you for your interest" in mail.body
    assert profile.seeker.email not in mail.body
    assert (
        profile.seeker.email
        not in staff_client.get(f"/staff/talent/p/{profile.public_id}/").content.decode()
    )
    # An answered request cannot be answered again.
    again = seeker.post(f"/talent/me/requests/{request.pk}/", {"answer": "accept"})
    assert again.status_code == 302
    request.refresh_from_db()
    assert request.state == "declined"


def test_it_does_not_let_one_seeker_answer_anothers_request(staff_client, profile, client):
    _send(staff_client, profile)
    request = ContactRequest.objects.get()
    intruder = make_profile(email="intruder@example.fi")
    sign_in_as(client, intruder.seeker)
    assert (
        client.post(f"/talent/me/requests/{request.pk}/", {"answer": "accept"}).status_code == 404
    )
    request.refresh_from_db()
    assert request.state == "pending"


def test_it_expires_unanswered_requests_after_14_days_once(staff_client, profile, recruiter):
    _send(staff_client, profile)
    with time_machine.travel(timezone.now() + dt.timedelta(days=13)):
        assert tasks.sweep.call()["requests_expired"] == 0
    with time_machine.travel(timezone.now() + dt.timedelta(days=15)):
        assert tasks.sweep.call()["requests_expired"] == 1
        assert tasks.sweep.call()["requests_expired"] == 0
        seeker = sign_in_as(type(staff_client)(), profile.seeker)
        request = ContactRequest.objects.get()
        seeker.post(f"/talent/me/requests/{request.pk}/", {"answer": "accept"})
    request.refresh_from_db()
    assert request.state == "expired"
    assert (
        Message.objects.filter(kind="talent_request_expired", to_email=recruiter.email).count() == 1
    )
    assert (
        profile.seeker.email
        not in staff_client.get(f"/staff/talent/p/{profile.public_id}/").content.decode()
    )


def test_it_limits_requests_per_recruiter_per_day(staff_client, settings, db):
    settings.REILU_CONTACT_REQUESTS_PER_DAY = 2
    profiles = [make_profile(email=f"p{i}@example.fi") for i in range(3)]
    assert _send(staff_client, profiles[0]).status_code == 302
    assert _send(staff_client, profiles[1]).status_code == 302
    refused = _send(staff_client, profiles[2])
    assert refused.status_code == 429 and b"daily limit" in refused.content
    assert ContactRequest.objects.count() == 2
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        assert _send(staff_client, profiles[2]).status_code == 302


def test_it_uses_20_a_day_by_default():
    assert requests_per_day() == 20


def test_it_refuses_a_second_pending_request_and_empty_messages(staff_client, profile):
    assert _send(staff_client, profile).status_code == 302
    assert _send(staff_client, profile, message="   ").status_code == 400
    assert ContactRequest.objects.count() == 1


def test_it_refuses_another_employers_posting(staff_client, profile, other_org):
    theirs = make_posting(other_org)
    assert _send(staff_client, profile, posting=theirs.pk).status_code == 400
    assert not ContactRequest.objects.exists()


def test_it_records_views_and_shows_them_to_the_seeker(staff_client, org, profile, seeker_client):
    from django.test import Client

    staff = Client()
    staff.force_login(make_staff(org, "second@acme.example"))
    staff.get(f"/staff/talent/p/{profile.public_id}/")
    staff.get(f"/staff/talent/p/{profile.public_id}/")  # a reload is the same visit
    view = ProfileView.objects.get()
    assert view.organization == org and view.profile == profile
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        staff.get(f"/staff/talent/p/{profile.public_id}/")
    assert ProfileView.objects.count() == 2
    me = seeker_client.get("/talent/me/").content.decode()
    assert org.name in me


def test_it_shows_the_seeker_every_request(
    staff_client, outsider_client, profile, seeker_client, org, other_org
):
    _send(staff_client, profile, message="From Acme")
    _send(outsider_client, profile, message="From Other")
    page = seeker_client.get("/talent/me/").content.decode()
    assert "From Acme" in page and "From Other" in page
    assert org.name in page and other_org.name in page


def test_contact_requests_are_rate_limited_per_client(staff_client, profile, settings):
    settings.REILU_RATES = {**settings.REILU_RATES, "contact": "1/h"}
    other = make_profile(email="other@example.fi", name="Olli Toinen")
    assert _send(staff_client, profile).status_code in (200, 302)
    assert _send(staff_client, other).status_code == 429
    assert ContactRequest.objects.count() == 1


def test_a_hidden_profiles_cv_is_no_longer_downloadable_after_acceptance(staff_client, profile):
    from django.core.files.base import ContentFile

    from tests.conftest import PDF_BYTES

    profile.cv.save("cv.pdf", ContentFile(PDF_BYTES), save=False)
    profile.cv_name, profile.cv_type = "cv.pdf", "application/pdf"
    profile.save()
    _send(staff_client, profile)
    request = ContactRequest.objects.get()
    seeker = sign_in_as(type(staff_client)(), profile.seeker)
    seeker.post(f"/talent/me/requests/{request.pk}/", {"answer": "accept"})
    url = f"/staff/talent/p/{profile.public_id}/cv/"
    assert staff_client.get(url).status_code == 200
    # The seeker hides the profile: the employer loses the CV with the profile.
    profile.visibility = profile.Visibility.HIDDEN
    profile.save(update_fields=["visibility"])
    assert staff_client.get(f"/staff/talent/p/{profile.public_id}/").status_code == 404
    assert staff_client.get(url).status_code == 404
