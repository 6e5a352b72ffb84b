"""The seeker's home: every application made with the verified address, at every employer."""

import pytest

from reilu.applications.models import AccessToken, Application
from reilu.privacy.services import application_erase
from reilu.talent.services.seekers import seeker_get_or_create
from tests.talent.conftest import sign_in_as


def test_it_shows_every_application_with_the_verified_address_at_every_employer(
    aino_client, two_employers
):
    response = aino_client.get("/me/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Backend developer" in html and "Acme Oy" in html
    assert "Data engineer" in html and "Other Oy" in html
    # the named contact person and the promised date, per application
    assert "Laura Nieminen" in html and "Olli Otava" in html
    acme = two_employers["acme"]
    assert f'data-application="{acme.pk}"' in html
    assert f"Stage: {acme.stage.name}" in html
    assert response["Cache-Control"].startswith("private")


def test_another_seekers_applications_never_appear(client, two_employers):
    bertta = seeker_get_or_create(email="bertta@example.fi", language="en")
    sign_in_as(client, bertta)
    html = client.get("/me/").content.decode()
    theirs, acme, other = two_employers["theirs"], two_employers["acme"], two_employers["other"]
    assert f'data-application="{theirs.pk}"' in html
    assert f'data-application="{acme.pk}"' not in html
    assert f'data-application="{other.pk}"' not in html
    assert "Data engineer" not in html
    # nor any of their pages or actions, by number: no status link is made for them
    links = AccessToken.objects.filter(application__in=[acme, other]).count()
    for pk in (acme.pk, other.pk):
        assert client.get(f"/me/applications/{pk}/").status_code == 404
        for target in ("status", "book", "feedback", "survey"):
            assert client.post(f"/me/applications/{pk}/{target}/").status_code == 404
    assert AccessToken.objects.filter(application__in=[acme, other]).count() == links


def test_a_similar_address_is_not_the_same_address(client, two_employers):
    near = seeker_get_or_create(email="aino@example.fi.evil.example", language="en")
    sign_in_as(client, near)
    html = client.get("/me/").content.decode()
    assert "Backend developer" not in html and "Data engineer" not in html


def test_an_erased_application_is_not_shown(aino_client, two_employers):
    application_erase(application=two_employers["other"], reason="candidate")
    html = aino_client.get("/me/").content.decode()
    assert "Backend developer" in html and "Data engineer" not in html


def test_the_application_page_shows_stage_contact_promise_timeline_and_messages(
    aino_client, two_employers
):
    acme = two_employers["acme"]
    response = aino_client.get(f"/me/applications/{acme.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Laura Nieminen" in html and "laura@acme.example" in html
    assert "Application received" in html  # the timeline
    mail = acme.messages.filter(alert_staff_on_failure=True).first()
    assert mail is not None and mail.subject in html  # the messages sent to the candidate


def test_opening_an_application_gives_a_working_status_link(aino_client, two_employers):
    acme = two_employers["acme"]
    before = AccessToken.objects.filter(application=acme).count()
    response = aino_client.post(f"/me/applications/{acme.pk}/status/")
    assert response.status_code == 302 and response["Location"].startswith("/status/")
    assert AccessToken.objects.filter(application=acme).count() == before + 1
    page = aino_client.get(response["Location"])
    assert page.status_code == 200 and "Backend developer" in page.content.decode()
    assert aino_client.get(f"/me/applications/{acme.pk}/status/").status_code == 405
    assert aino_client.post(f"/me/applications/{acme.pk}/nothing/").status_code == 404


def test_status_links_keep_working_without_an_account(client, two_employers):
    response = client.get(f"/status/{two_employers['raw_acme']}/")
    assert response.status_code == 200 and "Backend developer" in response.content.decode()


def test_signed_out_people_are_sent_to_sign_in(client, two_employers):
    acme = two_employers["acme"]
    for path in ("/me/", "/me/tasks/", f"/me/applications/{acme.pk}/", "/me/data/", "/me/erase/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/talent/signin/"
    assert client.post(f"/me/applications/{acme.pk}/status/").status_code == 302
    assert Application.objects.filter(erased_at__isnull=False).count() == 0


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Your applications"), ("fi", "Hakemuksesi"), ("sv", "Dina ansökningar")],
)
def test_the_account_speaks_the_users_language(aino_client, two_employers, language, heading):
    response = aino_client.get("/me/", HTTP_ACCEPT_LANGUAGE=language)
    assert heading in response.content.decode()


def test_the_accounts_query_is_served_by_an_index(aino, two_employers):
    """The account finds the seeker's applications by the address alone (issue 18)."""
    from django.db import connection

    from reilu.seekers.selectors import applications_of

    if connection.vendor == "postgresql":
        # A handful of rows is cheaper to scan: ask whether the index can serve at all.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    assert "app_email_key" in applications_of(aino).explain()
