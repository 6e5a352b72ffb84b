"""Retention: non-chosen candidates' data goes when the employer's period ends."""

import datetime as dt

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.utils import timezone

from reilu.applications import services as app_services
from reilu.applications.models import Application, Promise
from reilu.applications.retention import add_months
from reilu.applications.tokens import token_application
from reilu.employers.models import Membership
from reilu.messaging.models import Message
from reilu.privacy.models import ErasureRecord
from reilu.privacy.retention import upcoming_erasures
from reilu.privacy.tasks import notify_owners, retention_sweep
from tests.conftest import make_application, make_staff

START = dt.datetime(2026, 1, 10, 9, 0, tzinfo=dt.UTC)


def scorecard_counts(org) -> dict:
    apps = Application.objects.filter(posting__organization=org)
    promises = Promise.objects.filter(organization=org)
    return {
        "outcomes": {o: apps.filter(outcome=o).count() for o in Application.Outcome.values},
        "promises": {s: promises.filter(state=s).count() for s in Promise.State.values},
        "responded": apps.filter(first_response_at__isnull=False).count(),
        "decided": sorted(str(d) for d in apps.values_list("decided_at", flat=True)),
    }


@pytest.fixture
def decided(org, posting, recruiter):
    """Three candidates decided on START: one rejected, one hired, one withdrawn; one active."""
    with time_machine.travel(START, tick=False):
        apps = {}
        for key in ("rejected", "hired", "withdrawn", "active"):
            app, raw = make_application(posting, email=f"{key}@example.fi", name=f"Cand {key}")
            app.raw_token = raw
            apps[key] = app
        for outcome in ("rejected", "hired"):
            app_services.applications_decide(
                organization=org,
                application_ids=[apps[outcome].pk],
                outcome=outcome,
                actor=recruiter,
            )
        app_services.application_withdraw(application=apps["withdrawn"])
    return apps


def test_add_months_keeps_the_end_of_month():
    assert add_months(dt.datetime(2026, 1, 31), 1) == dt.datetime(2026, 2, 28)
    assert add_months(dt.datetime(2026, 3, 15), -12) == dt.datetime(2025, 3, 15)


def test_it_erases_non_chosen_after_the_retention_period_and_keeps_counts(
    org, decided, django_capture_on_commit_callbacks
):
    org.retention_months = 6
    org.save()
    cvs = {k: Application.objects.get(pk=a.pk).cv.name for k, a in decided.items()}
    before = scorecard_counts(org)
    with time_machine.travel(add_months(START, 6) - dt.timedelta(hours=1), tick=False):
        assert retention_sweep.call()["erased"] == 0
    with (
        time_machine.travel(add_months(START, 6) + dt.timedelta(hours=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert retention_sweep.call()["erased"] == 2
    for key in ("rejected", "withdrawn"):
        app = Application.objects.get(pk=decided[key].pk)
        assert app.erased_at and app.name == "" and app.email == "" and app.cover_letter == ""
        assert not default_storage.exists(cvs[key])
        assert not app.messages.exclude(body="").exists()
    for key in ("hired", "active"):
        app = Application.objects.get(pk=decided[key].pk)
        assert app.erased_at is None and app.name == f"Cand {key}"
        assert default_storage.exists(cvs[key])
    assert scorecard_counts(org) == before
    assert list(ErasureRecord.objects.values_list("reason", flat=True)) == ["retention"] * 2


def test_hired_candidates_are_kept_for_the_employment_record_period(org, decided, settings):
    settings.REILU_HIRED_RETENTION_MONTHS = 48
    with time_machine.travel(add_months(START, 47), tick=False):
        retention_sweep.call()
    assert Application.objects.get(pk=decided["hired"].pk).erased_at is None
    with time_machine.travel(add_months(START, 48) + dt.timedelta(days=1), tick=False):
        retention_sweep.call()
    assert Application.objects.get(pk=decided["hired"].pk).erased_at is not None
    assert ErasureRecord.objects.filter(reason="hired_retention").count() == 1


def test_status_links_expire_with_the_retention_period(client, org, decided):
    token = decided["rejected"].raw_token
    with time_machine.travel(add_months(START, 12) - dt.timedelta(days=1), tick=False):
        assert client.get(f"/status/{token}/").status_code == 200
    with time_machine.travel(add_months(START, 12) + dt.timedelta(days=1), tick=False):
        # Not yet swept, but the link already stops working, and says it has expired.
        assert token_application(token) is None
        assert client.get(f"/status/{token}/").status_code == 410
    assert token_application(decided["active"].raw_token) is not None


def test_it_lists_what_is_due_within_14_days_to_the_owner(client, org, decided):
    owner = make_staff(org, "owner@acme.example", role=Membership.Role.OWNER)
    with time_machine.travel(add_months(START, 12) - dt.timedelta(days=20), tick=False):
        client.force_login(owner)
        assert list(upcoming_erasures(org)) == []
        assert b"Cand rejected" not in client.get("/staff/privacy/erasures/").content
    with time_machine.travel(add_months(START, 12) - dt.timedelta(days=10), tick=False):
        client.force_login(owner)
        assert {a.pk for a in upcoming_erasures(org)} == {
            decided["rejected"].pk,
            decided["withdrawn"].pk,
        }
        html = client.get("/staff/privacy/erasures/").content.decode()
        assert "Cand rejected" in html and "Cand withdrawn" in html and "Cand hired" not in html


def test_a_recruiter_does_not_see_the_owner_pages(staff_client):
    for url in ("/staff/privacy/erasures/", "/staff/privacy/notice/", "/staff/privacy/audit/"):
        assert staff_client.get(url).status_code == 404


def test_owners_hear_once_a_week_what_will_be_erased(org, decided):
    make_staff(org, "owner@acme.example", role=Membership.Role.OWNER)
    when = add_months(START, 12) - dt.timedelta(days=10)
    with time_machine.travel(when, tick=False):
        assert notify_owners() == 1
        assert notify_owners() == 0  # same week: once
    notice = Message.objects.get(kind="erasure_notice")
    assert notice.to_email == "owner@acme.example" and not notice.alert_staff_on_failure
    assert f"#{decided['rejected'].pk}" in notice.body and "/staff/privacy/erasures/" in notice.body
    assert "rejected@example.fi" not in notice.body
    with time_machine.travel(when + dt.timedelta(days=7), tick=False):
        assert notify_owners() == 1


def test_the_sweep_is_scheduled_daily():
    from reilu.periodic import SCHEDULE

    assert (86400, "reilu.privacy.tasks.retention_sweep") in SCHEDULE


def test_erasing_twice_is_harmless(application):
    from reilu.privacy.services import application_erase

    first = application_erase(application=application, reason="candidate")
    second = application_erase(application=application, reason="candidate")
    assert first.erased_at == second.erased_at
    assert ErasureRecord.objects.count() == 1
    assert timezone.now() >= first.erased_at
