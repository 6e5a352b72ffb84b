import datetime as dt
import email

import time_machine
from django.utils import timezone

from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all, release_stale_claims
from tests.conftest import make_application
from tests.messaging.conftest import start_server


def parsed(envelope):
    return email.message_from_bytes(envelope.content)


def test_it_delivers_to_a_real_smtp_server(smtp_server, application):
    assert deliver_all() == 1
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["aino@example.fi"]
    msg = parsed(envelope)
    stored = Message.objects.get()
    assert msg["Message-ID"] == stored.message_id
    assert msg["Reply-To"] == "laura@acme.example"
    assert "/status/" in msg.get_payload(decode=True).decode()
    assert stored.state == "sent" and stored.sent_at and stored.attempts == 1


def test_server_down_then_up_delivers_once(smtp_settings, smtp_socket, application):
    assert deliver_all() == 0
    waiting = Message.objects.get()
    assert waiting.state == "pending" and waiting.attempts == 1 and waiting.last_error
    assert waiting.next_attempt_at > timezone.now()
    controller, inbox = start_server(smtp_socket)
    try:
        assert deliver_all() == 0  # not due yet: the backoff is respected
        with time_machine.travel(timezone.now() + dt.timedelta(minutes=5)):
            assert deliver_all() == 1
            assert deliver_all() == 0
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert Message.objects.get().state == "sent"


def test_backoff_grows_and_it_gives_up_with_an_alert(smtp_settings, settings, posting):
    settings.REILU_MESSAGE_MAX_ATTEMPTS = 3
    app, _ = make_application(posting)
    gaps = []
    now = timezone.now()
    for _ in range(3):
        with time_machine.travel(now):
            deliver_all()
        msg = Message.objects.about(app).get(alert_staff_on_failure=True)
        gaps.append((msg.next_attempt_at - now).total_seconds())
        now = msg.next_attempt_at + dt.timedelta(seconds=1)
    assert gaps[1] > gaps[0] * 1.5
    failed = Message.objects.about(app).get(alert_staff_on_failure=True)
    assert failed.state == "failed" and failed.attempts == 3
    alerts = Message.objects.filter(kind="staff_delivery_failed")
    assert set(alerts.values_list("to_email", flat=True)) == {"laura@acme.example"}
    assert "aino@example.fi" in alerts.first().body


def test_a_claim_left_by_a_dead_worker_is_retried(smtp_server, application):
    Message.objects.update(state="sending", claimed_at=timezone.now() - dt.timedelta(minutes=10))
    assert deliver_all() == 0
    assert release_stale_claims() == 1
    assert deliver_all() == 1
    assert len(smtp_server.messages) == 1


def test_a_fresh_claim_is_left_alone(smtp_server, application):
    Message.objects.update(state="sending", claimed_at=timezone.now())
    assert release_stale_claims() == 0
    assert deliver_all() == 0
    assert smtp_server.messages == []


def test_the_same_cause_queues_one_message(application):
    from reilu.messaging.queue import message_queue

    again = message_queue(
        organization=application.posting.organization,
        about=application,
        kind="received",
        to_email=application.email,
        subject="x",
        body="y",
        language="en",
        dedupe_key=f"received:{application.pk}",
    )
    assert again is None
    assert Message.objects.filter(kind="received").count() == 1


def test_a_message_with_a_bad_header_fails_at_once_and_the_next_is_delivered(
    smtp_server, posting, recruiter
):
    from reilu.messaging.queue import message_queue

    first, _ = make_application(posting, email="first@example.fi")
    second, _ = make_application(posting, email="second@example.fi")
    # As stored before names were checked: a line break in the subject.
    Message.objects.about(first).filter().update(subject="Interview: Eve\r\nBcc: x@evil")
    assert Message.objects.about(first).get().pk < Message.objects.about(second).get().pk
    deliver_all()
    bad = Message.objects.about(first).get(alert_staff_on_failure=True)
    assert bad.state == "failed" and bad.attempts == 1
    assert "BadHeaderError" in bad.last_error
    assert Message.objects.about(second).get().state == "sent"
    delivered = [e.rcpt_tos for e in smtp_server.messages]
    assert ["second@example.fi"] in delivered and ["first@example.fi"] not in delivered
    alert = Message.objects.get(kind="staff_message_malformed", to_email=recruiter.email)
    assert alert.state == "sent" and "Interview: Eve" in alert.body
    assert alert.about.filter(ref=f"applications.application:{first.pk}").exists()
    # The queue itself folds a line break out of a subject, so new rows are always valid.
    queued = message_queue(
        organization=posting.organization,
        kind="test",
        to_email="x@example.fi",
        subject="A\r\nBcc: y@evil",
        body="b",
        language="en",
        dedupe_key="t",
    )
    assert queued.subject == "A Bcc: y@evil"


def test_a_recipient_the_server_refuses_waits_then_fails_with_a_staff_alert(
    refusing_smtp_server, settings, application
):
    settings.REILU_MESSAGE_MAX_ATTEMPTS = 3
    assert deliver_all() == 0
    refused = Message.objects.about(application).get(kind="received")
    assert refused.state == "pending"
    assert refused.attempts == 1
    assert refused.sent_at is None
    assert "550" in refused.last_error and "No such user here" in refused.last_error
    assert refused.next_attempt_at > timezone.now()
    assert not Message.objects.filter(kind="staff_delivery_failed").exists()

    for _ in range(2):
        due = Message.objects.get(pk=refused.pk).next_attempt_at
        with time_machine.travel(due + dt.timedelta(seconds=1)):
            assert deliver_all() == 0
    failed = Message.objects.get(pk=refused.pk)
    assert failed.state == "failed" and failed.attempts == 3 and failed.sent_at is None
    assert "550" in failed.last_error
    [alert] = Message.objects.filter(kind="staff_delivery_failed")
    assert alert.to_email == "laura@acme.example" and not alert.alert_staff_on_failure
    assert "aino@example.fi" in alert.body and "550" in alert.body
    assert refusing_smtp_server.messages == []
