"""Retention rule by rule: when a status link dies, which months apply, and that the
erasure lists hold one employer's live applications only (after mutmut's survivors)."""

import datetime as dt

from django.utils import timezone

from reilu.applications.models import Application
from reilu.applications.retention import add_months, erase_due_at, months_for, token_expired
from reilu.privacy.retention import due_for_erasure, upcoming_erasures
from tests.conftest import make_application, make_posting
from tests.privacy.test_retention import START, decided  # noqa: F401 - the fixture


def test_an_erased_application_has_no_live_link_even_before_its_date(decided):  # noqa: F811
    app = Application.objects.get(pk=decided["active"].pk)
    assert token_expired(app) is False
    app.erased_at = timezone.now()
    assert token_expired(app) is True


def test_a_link_dies_at_the_erasure_moment_not_a_moment_later(decided):  # noqa: F811
    app = Application.objects.get(pk=decided["rejected"].pk)
    due = erase_due_at(app)
    assert due == add_months(app.decided_at, app.posting.organization.retention_months)
    assert token_expired(app, now=due - dt.timedelta(microseconds=1)) is False
    assert token_expired(app, now=due) is True


def test_which_months_apply(decided, settings):  # noqa: F811
    settings.REILU_HIRED_RETENTION_MONTHS = 48
    months = decided["rejected"].posting.organization.retention_months
    assert months_for(Application.objects.get(pk=decided["rejected"].pk)) == months
    assert months_for(Application.objects.get(pk=decided["withdrawn"].pk)) == months
    assert months_for(Application.objects.get(pk=decided["hired"].pk)) == 48
    active = Application.objects.get(pk=decided["active"].pk)
    assert months_for(active) is None and erase_due_at(active) is None
    undated = Application.objects.get(pk=decided["rejected"].pk)
    undated.decided_at = None
    assert erase_due_at(undated) is None


def test_a_one_month_period_is_honoured(org, decided):  # noqa: F811
    org.retention_months = 1
    org.save()
    rejected = decided["rejected"]
    after = add_months(START, 1)
    assert rejected.pk in set(due_for_erasure(after).values_list("pk", flat=True))
    before = after - dt.timedelta(seconds=1)
    assert rejected.pk not in set(due_for_erasure(before).values_list("pk", flat=True))


def test_the_lists_hold_one_employers_unerased_applications(org, other_org, decided):  # noqa: F811
    theirs = make_posting(other_org, title="Their job")
    their_app, _ = make_application(theirs, email="theirs@example.fi")
    Application.objects.filter(pk=their_app.pk).update(
        outcome="rejected", decided_at=Application.objects.get(pk=decided["rejected"].pk).decided_at
    )
    Application.objects.filter(pk=decided["withdrawn"].pk).update(erased_at=timezone.now())
    later = add_months(START, 25)
    listed = {a.pk for a in upcoming_erasures(org, now=later)}
    assert listed == {decided["rejected"].pk}  # hired: kept longer; withdrawn: already erased
    due = set(due_for_erasure(later).values_list("pk", flat=True))
    assert due == {decided["rejected"].pk, their_app.pk}
