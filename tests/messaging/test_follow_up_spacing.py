"""A process's end is one mail at a time: the decision first, each follow-up an hour later."""

import datetime as dt
import email

import pytest
import time_machine
from django.utils import timezone

from reilu.applications import services as app_services
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from tests.conftest import make_application
from tests.interviews.conftest import to_interview
from tests.messaging.conftest import start_server

HOUR = dt.timedelta(hours=1)


def kinds_of(envelopes) -> list[str]:
    """Which outbox message each mail received by a candidate was, by its Message-ID.

    (The contact person's own to-do mail about feedback calls is not the candidate's.)"""
    by_id = dict(
        Message.objects.filter(alert_staff_on_failure=True).values_list("message_id", "kind")
    )
    ids = [email.message_from_bytes(e.content)["Message-ID"] for e in envelopes]
    return [by_id[i] for i in ids if i in by_id]


@pytest.fixture
def interviewed(posting, smtp_settings):
    """An interviewed candidate whose earlier mail went out well before the decision."""
    with time_machine.travel(timezone.now() - 3 * HOUR, tick=False):
        app, _ = make_application(posting)
        app = to_interview(app)
        # Any mail already waiting (received, invitation) is not part of this story.
        Message.objects.update(state="sent", sent_at=timezone.now())
    return app


def test_the_decision_goes_first_and_each_follow_up_an_hour_later(smtp_server, interviewed, org):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        app_services.applications_decide(
            organization=org, application_ids=[interviewed.pk], outcome="rejected"
        )
        assert deliver_all() == 2  # the decision, and the contact person's to-do
        assert deliver_all() == 0
    assert kinds_of(smtp_server.messages) == ["rejected_interview"]
    waiting = Message.objects.about(interviewed).filter(state="pending")
    assert set(waiting.values_list("kind", flat=True)) == {"feedback_offer", "survey_invitation"}

    with time_machine.travel(start + HOUR - dt.timedelta(minutes=1), tick=False):
        assert deliver_all() == 0  # still within the hour
    with time_machine.travel(start + HOUR + dt.timedelta(seconds=1), tick=False):
        assert deliver_all() == 1
        assert deliver_all() == 0
    with time_machine.travel(start + 2 * HOUR + dt.timedelta(seconds=2), tick=False):
        assert deliver_all() == 1
    with time_machine.travel(start + 10 * HOUR, tick=False):
        assert deliver_all() == 0

    kinds = kinds_of(smtp_server.messages)
    assert kinds[0] == "rejected_interview"
    assert sorted(kinds[1:]) == ["feedback_offer", "survey_invitation"]
    assert not Message.objects.about(interviewed).filter().exclude(state="sent").exists()
    sent = sorted(Message.objects.about(interviewed).filter().values_list("sent_at", flat=True))
    assert all(b - a >= HOUR for a, b in zip(sent[-3:], sent[-2:], strict=False))


def test_a_decision_waiting_for_a_retry_still_goes_before_its_follow_ups(
    smtp_settings, smtp_socket, interviewed, org
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        app_services.applications_decide(
            organization=org, application_ids=[interviewed.pk], outcome="rejected"
        )
        assert deliver_all() == 0  # the mail server is down
    decision = Message.objects.about(interviewed).get(kind="rejected_interview")
    assert decision.state == "pending" and decision.attempts == 1
    # Make the decision's retry fall after the follow-ups' own due times.
    Message.objects.filter(pk=decision.pk).update(next_attempt_at=start + 3 * HOUR)
    controller, inbox = start_server(smtp_socket)
    try:
        for hours in (1.1, 2.2, 3.1, 4.2, 5.3, 6.4):
            with time_machine.travel(start + dt.timedelta(hours=hours), tick=False):
                deliver_all()
    finally:
        controller.stop()
    kinds = kinds_of(inbox.messages)
    assert kinds[0] == "rejected_interview"
    assert sorted(kinds) == ["feedback_offer", "rejected_interview", "survey_invitation"]
    sent = sorted(
        Message.objects.about(interviewed).filter(kind__in=kinds).values_list("sent_at", flat=True)
    )
    assert all(b - a >= HOUR for a, b in zip(sent, sent[1:], strict=False))
    assert Message.objects.get(pk=decision.pk).attempts == 2  # holding back costs no attempt


def test_many_candidates_each_get_their_own_decision_at_once(smtp_server, posting, org):
    apps = [to_interview(make_application(posting, email=f"c{i}@example.fi")[0]) for i in range(3)]
    Message.objects.update(state="sent", sent_at=timezone.now() - 3 * HOUR)
    app_services.applications_decide(
        organization=org, application_ids=[a.pk for a in apps], outcome="rejected"
    )
    deliver_all()
    assert kinds_of(smtp_server.messages) == ["rejected_interview"] * 3
    assert sorted(e.rcpt_tos[0] for e in smtp_server.messages if "acme" not in e.rcpt_tos[0]) == [
        "c0@example.fi",
        "c1@example.fi",
        "c2@example.fi",
    ]
