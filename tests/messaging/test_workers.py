"""Several workers, one outbox: every message delivered exactly once."""

import asyncio
import datetime as dt
import threading
import uuid

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from reilu.messaging import outbox
from reilu.messaging.models import Message
from tests.conftest import make_org
from tests.messaging.conftest import Inbox, start_server


def queue(org, n):
    now = timezone.now()
    Message.objects.bulk_create(
        Message(
            organization=org,
            kind="test",
            language="en",
            to_email=f"p{i}@example.fi",
            subject=f"Message {i}",
            body="Hello",
            dedupe_key=f"test:{i}",
            message_id=f"<{uuid.uuid4().hex}@test>",
            next_attempt_at=now,
        )
        for i in range(n)
    )


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_deliver_each_message_once(smtp_settings, smtp_socket):
    if connection.vendor != "postgresql":
        pytest.skip("The claim race needs concurrent writers: PostgreSQL (CI runs it there).")
    org = make_org()
    queue(org, 200)
    controller, inbox = start_server(smtp_socket)
    results, errors = [], []

    def worker():
        try:
            results.append(outbox.deliver_all(limit=10))
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        controller.stop()
    assert errors == []
    assert sum(results) == 200
    assert all(r > 0 for r in results), "both workers should have shared the load"
    ids = [m.content.split(b"Message-ID: ")[1].split(b"\r\n")[0] for m in inbox.messages]
    assert len(ids) == 200 and len(set(ids)) == 200
    assert Message.objects.filter(state="sent").count() == 200


def test_a_worker_stopped_mid_batch_loses_nothing(smtp_server, org, monkeypatch):
    queue(org, 30)
    from django.core.mail.backends.smtp import EmailBackend

    real_send = EmailBackend.send_messages
    sent = {"n": 0}

    def dying_send(self, messages):
        if sent["n"] == 7:
            raise KeyboardInterrupt  # the process is killed while it holds a claimed batch
        sent["n"] += 1
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", dying_send)
    with pytest.raises(KeyboardInterrupt):
        outbox.deliver_all(limit=20)
    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    assert Message.objects.filter(state="sent").count() == 7
    assert Message.objects.filter(state="sending").count() == 13

    # Restarted: fresh claims are left alone until they are stale, then all go out.
    assert outbox.deliver_all() == 10
    with time_machine.travel(timezone.now() + outbox.STALE_CLAIM + dt.timedelta(seconds=5)):
        assert outbox.release_stale_claims() == 13
        assert outbox.deliver_all() == 13
    assert Message.objects.filter(state="sent").count() == 30
    subjects = [m.content.split(b"Subject: ")[1].split(b"\r\n")[0] for m in smtp_server.messages]
    assert len(subjects) == 30 and len(set(subjects)) == 30


class StallingInbox(Inbox):
    """A mail server that holds the first delivery until told, then refuses it for now
    (451), as a slow server does; every later delivery is accepted at once."""

    def __init__(self):
        super().__init__()
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.first = True

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.first:
            self.first = False
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
            return "451 4.3.0 Try again later"
        return await super().handle_DATA(server, session, envelope)


@pytest.mark.django_db(transaction=True)
def test_a_stalled_workers_late_failure_does_not_undo_another_workers_delivery(
    smtp_settings, smtp_socket
):
    """Worker A hangs on a slow server past the stale-claim limit; the sweep returns the
    message and worker B delivers it. A's failure, when it finally comes, must not put the
    delivered message back in the queue (it would go out twice) or record an error."""
    smtp_settings.EMAIL_TIMEOUT = 30
    queue(make_org(), 1)
    controller, inbox = start_server(smtp_socket, StallingInbox())
    results, errors = [], []

    def worker_a():
        try:
            results.append(outbox.deliver_batch())
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    a = threading.Thread(target=worker_a)
    try:
        a.start()
        assert inbox.stalled.wait(10), "worker A never reached the server"
        with time_machine.travel(timezone.now() + outbox.STALE_CLAIM + dt.timedelta(seconds=5)):
            assert outbox.release_stale_claims() == 1
            assert outbox.deliver_batch() == 1  # worker B
        inbox.release.set()
        a.join(30)
    finally:
        inbox.release.set()
        controller.stop()
    assert errors == [] and results == [0]
    message = Message.objects.get()
    assert (message.state, message.attempts, message.last_error) == ("sent", 1, "")
    assert len(inbox.messages) == 1
