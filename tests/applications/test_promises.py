import datetime as dt

import time_machine
from django.utils import timezone

from reilu.applications import promises, services
from reilu.applications.models import Application, Event, Promise
from reilu.messaging.models import Message
from reilu.rules import RuleError
from tests.conftest import make_application


def days(n):
    return dt.timedelta(days=n)


def test_the_sweep_tells_each_late_candidate_once(posting):
    on_time, _ = make_application(posting, email="ok@example.fi", name="Onni Ok")
    late, _ = make_application(posting, email="late@example.fi", name="Leena Late")
    Application.objects.filter(pk=late.pk).update(promised_by=timezone.localdate() - days(1))
    Promise.objects.filter(application=late).update(due=timezone.localdate() - days(1))

    assert promises.sweep() == 1
    assert promises.sweep() == 0  # not on every run

    late.refresh_from_db()
    on_time.refresh_from_db()
    first = posting.stages.order_by("position").first()
    assert late.promised_by == timezone.localdate() + days(first.promise_days)
    assert (
        Event.objects.filter(application=late, kind="late", visible_to_candidate=True).count() == 1
    )
    told = Message.objects.about(late).get(kind="promise_lapsed")
    assert "Leena" in told.body and "I am sorry" in told.body and told.language == "en"
    alert = Message.objects.about(late).get(kind="staff_promise_lapsed")
    assert alert.to_email == "laura@acme.example" and not alert.alert_staff_on_failure
    assert not Message.objects.about(on_time).filter(kind="promise_lapsed").exists()
    assert list(
        Promise.objects.filter(application=late).values_list("state", flat=True).order_by("id")
    ) == [
        "lapsed",
        "open",
    ]


def test_the_sweep_with_a_moving_clock(posting):
    app, _ = make_application(posting)
    promised = app.promised_by
    with time_machine.travel(timezone.now() + days(3)):
        assert promises.sweep() == 0
    with time_machine.travel(dt.datetime.combine(promised + days(1), dt.time(12), tzinfo=dt.UTC)):
        assert promises.sweep() == 1
        assert promises.sweep() == 0
    app.refresh_from_db()
    assert app.promised_by > promised
    assert Message.objects.about(app).filter(kind="promise_lapsed").count() == 1


def test_reaching_the_candidate_in_time_keeps_the_promise(application, recruiter):
    services.application_move(application=application, actor=recruiter)
    states = list(
        Promise.objects.filter(application=application)
        .order_by("id")
        .values_list("state", flat=True)
    )
    assert states == ["kept", "open"]


def test_a_decision_closes_the_promise(application, org):
    services.applications_decide(
        organization=org, application_ids=[application.pk], outcome="hired"
    )
    assert not Promise.objects.filter(application=application, state="open").exists()
    assert Promise.objects.get(application=application).state == "kept"


def test_staff_can_promise_a_date_with_a_note(application, recruiter):
    day = timezone.localdate() + days(30)
    services.application_set_promise(
        application=application, promised_by=day, note="References take time.", actor=recruiter
    )
    application.refresh_from_db()
    assert application.promised_by == day
    assert Promise.objects.get(application=application, state="open").due == day
    event = Event.objects.get(application=application, kind="promise")
    assert event.visible_to_candidate and event.text == "References take time."


def test_a_past_date_cannot_be_promised(application):
    import pytest

    with pytest.raises(RuleError):
        services.application_set_promise(
            application=application, promised_by=timezone.localdate() - days(1), note=""
        )


def test_the_sweep_is_fast_when_nothing_is_due(posting, django_assert_num_queries):
    for i in range(5):
        make_application(posting, email=f"n{i}@example.fi")
    with django_assert_num_queries(1):
        assert promises.sweep() == 0


def test_the_worker_schedules_the_sweep():
    from reilu.periodic import SCHEDULE

    assert ("reilu.applications.tasks.sweep") in [path for _, path in SCHEDULE]
