"""Promises rule by rule: which promises close and how, which applications the sweep takes,
and that it acts on those applications only (written after mutmut showed survivors)."""

import datetime as dt

import time_machine
from django.conf import settings

from reilu.applications import promises
from reilu.applications import services as app_services
from reilu.applications.models import Application, Event, Promise
from reilu.messaging.models import Message
from tests.conftest import make_application, make_posting

NOON = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)  # noon in Helsinki
TODAY = dt.date(2026, 3, 2)


def two_applicants(posting):
    with time_machine.travel(NOON, tick=False):
        aino, _ = make_application(posting, email="aino@example.fi")
        bertta, _ = make_application(posting, email="bertta@example.fi", name="Bertta B")
    return aino, bertta


def promise_rows(app):
    return list(
        Promise.objects.filter(application=app)
        .order_by("pk")
        .values_list("state", "due", "closed_at")
    )


def test_closing_keeps_a_promise_due_today_and_lapses_one_due_yesterday(posting):
    aino, bertta = two_applicants(posting)
    Promise.objects.filter(application=aino).update(due=TODAY)
    Promise.objects.filter(application=bertta).update(due=TODAY - dt.timedelta(days=1))
    with time_machine.travel(NOON, tick=False):
        promises.close_open([aino.pk, bertta.pk])
    assert promise_rows(aino) == [("kept", TODAY, NOON)]
    assert promise_rows(bertta) == [("lapsed", TODAY - dt.timedelta(days=1), NOON)]


def test_closing_touches_only_the_given_applications_open_promises(posting):
    aino, bertta = two_applicants(posting)
    before = promise_rows(bertta)
    with time_machine.travel(NOON, tick=False):
        promises.close_open([aino.pk])
    with time_machine.travel(NOON + dt.timedelta(days=30), tick=False):
        promises.close_open([aino.pk])  # a closed promise stays as it closed
    assert promise_rows(bertta) == before and before[0][0] == "open"
    assert promise_rows(aino) == [("kept", promise_rows(aino)[0][1], NOON)]


def test_renewing_closes_the_old_promise_and_opens_one_for_the_contact_person(posting):
    aino, bertta = two_applicants(posting)
    with time_machine.travel(NOON, tick=False):
        promises.promise_renew(aino, TODAY + dt.timedelta(days=9))
    [old, new] = Promise.objects.filter(application=aino).order_by("pk")
    assert (old.state, new.state, new.due) == ("kept", "open", TODAY + dt.timedelta(days=9))
    assert new.contact_email == "laura@acme.example"
    assert (new.organization_id, new.posting_id) == (posting.organization_id, posting.pk)
    assert [s for s, _, _ in promise_rows(bertta)] == ["open"]


def test_only_active_applications_past_their_date_are_lapsed(posting, org):
    aino, bertta = two_applicants(posting)
    Application.objects.update(promised_by=TODAY - dt.timedelta(days=1))
    app_services.applications_decide(
        organization=org, application_ids=[bertta.pk], outcome="rejected"
    )
    assert list(promises.lapsed_applications(TODAY)) == [aino]
    assert list(promises.lapsed_applications(TODAY - dt.timedelta(days=1))) == []
    with time_machine.travel(NOON, tick=False):
        assert list(promises.lapsed_applications()) == [aino]


def test_the_sweep_counts_and_handles_each_late_application_and_no_other(posting):
    aino, bertta = two_applicants(posting)
    carita, _ = make_application(posting, email="carita@example.fi", name="Carita C")
    late = TODAY - dt.timedelta(days=1)
    with time_machine.travel(NOON - dt.timedelta(days=3), tick=False):
        promises.promise_renew(aino, late)  # Aino's first promise was kept
    Application.objects.filter(pk__in=[aino.pk, bertta.pk]).update(promised_by=late)
    Promise.objects.filter(application__in=[aino, bertta], state="open").update(due=late)
    carita_before = promise_rows(carita)
    with time_machine.travel(NOON, tick=False):
        assert promises.sweep(today=TODAY) == 2
    first = posting.stages.order_by("position").first()
    for app in (aino, bertta):
        stored = Application.objects.get(pk=app.pk)
        assert stored.promised_by == TODAY + dt.timedelta(days=first.promise_days)
        assert promise_rows(app)[-2:] == [
            ("lapsed", late, NOON),
            ("open", stored.promised_by, None),
        ]
        assert Promise.objects.filter(application=app).last().contact_email == "laura@acme.example"
        [event] = Event.objects.filter(application=app, kind="late")
        assert event.stage == first and event.visible_to_candidate
    assert promise_rows(aino)[0][0] == "kept"  # an earlier, kept promise stays kept
    assert promise_rows(carita) == carita_before  # on time: untouched
    assert not Event.objects.filter(application=carita, kind="late").exists()
    assert promises.sweep(today=TODAY) == 0


def test_the_sweep_uses_the_day_it_is_given(posting):
    with time_machine.travel(NOON, tick=False):
        aino, _ = make_application(posting)
    due = Application.objects.get(pk=aino.pk).promised_by
    with time_machine.travel(NOON, tick=False):  # the clock says an earlier day
        assert promises.sweep(today=due) == 0  # due today is not late
        assert promises.sweep(today=due + dt.timedelta(days=1)) == 1
    first = posting.stages.order_by("position").first()
    expected = due + dt.timedelta(days=1 + first.promise_days)
    assert Application.objects.get(pk=aino.pk).promised_by == expected


def test_the_contact_persons_alert_is_in_the_postings_language_with_its_dates(org):
    """The alert to staff is written in the posting's language (here Finnish, whatever the
    site's default), its two dates in Finnish (2.3.2026), and it is filed under the
    posting's employer."""
    posting = make_posting(org, title="Taustajärjestelmäkehittäjä", language="fi")
    with time_machine.travel(NOON, tick=False):
        aino, _ = make_application(posting)
    missed = Application.objects.get(pk=aino.pk).promised_by
    late = missed + dt.timedelta(days=1)
    with time_machine.travel(NOON, tick=False):
        assert promises.sweep(today=late) == 1
    new = Application.objects.get(pk=aino.pk).promised_by
    stage = posting.stages.order_by("position").first()
    alert = Message.objects.about(aino).get(kind="staff_promise_lapsed")
    assert (alert.organization, alert.language, alert.to_email) == (
        org,
        "fi",
        "laura@acme.example",
    )
    assert alert.subject == "Lupaus hakijalle Aino Korhonen rikkoutui"
    assert alert.body == (
        "Lupasit olla yhteydessä hakijaan Aino Korhonen (Taustajärjestelmäkehittäjä, vaihe "
        f"{stage.name}) viimeistään {missed.day}.{missed.month}.{missed.year}. Reilu on "
        "kertonut hakijalle, että olemme myöhässä, ja luvannut uuden päivän: "
        f"{new.day}.{new.month}.{new.year}.\n\n"
        f"Ole häneen yhteydessä ennen sitä: {settings.BASE_URL}/staff/applications/{aino.pk}/"
    )
    assert new == late + dt.timedelta(days=stage.promise_days)
