"""The production path, end to end: a task row written on commit, a real `reilu worker`
process that claims and runs it against the test database (SQLite file or PostgreSQL), and
a real SMTP server that receives the mail; and the worker's own schedule firing."""

import email
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reilu.messaging.models import Message
from reilu.messaging.tasks import deliver_outbox
from reilu.periodic import SCHEDULE, due_tasks
from tests.conftest import make_application, make_org, make_posting

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.real_clock]


def database_url() -> str:
    """The test database as a DATABASE_URL, for a second process."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_env(tmp_path, smtp_port) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REILU_", "EMAIL_"))}
    env.update(
        DATABASE_URL=database_url(),
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        REILU_VAR_DIR=str(tmp_path / "var"),
        REILU_DEBUG="0",
        DJANGO_SETTINGS_MODULE="reilu.settings",
    )
    return env


def reilu(*args) -> list[str]:
    return [sys.executable, "-m", "reilu.cli", *args]


def test_a_worker_process_delivers_what_an_application_queued_on_commit(
    smtp_server, smtp_port, tmp_path
):
    posting = make_posting(make_org())
    app, _ = make_application(posting)
    # The commit wrote the delivery task next to the messages; nothing is sent yet.
    [task] = DBTaskResult.objects.filter(task_path=deliver_outbox.module_path)
    assert task.status == "READY"
    queued = list(Message.objects.filter(state="pending").order_by("pk"))
    assert [m.to_email for m in queued if m.alert_staff_on_failure] == ["aino@example.fi"]
    assert smtp_server.messages == []

    result = subprocess.run(  # noqa: S603
        reilu("worker", "--batch"),
        env=worker_env(tmp_path, smtp_port),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and task.return_value == len(queued)
    assert len(task.worker_ids) == 1
    sent = Message.objects.about(app).get(kind="received")
    assert sent.state == "sent" and sent.sent_at is not None and sent.attempts == 1
    received = {email.message_from_bytes(e.content)["Message-ID"]: e for e in smtp_server.messages}
    assert set(received) == {m.message_id for m in queued}
    assert received[sent.message_id].rcpt_tos == ["aino@example.fi"]


def test_the_worker_schedule_fires_every_task_and_delivers_without_a_kick(
    smtp_server, smtp_port, tmp_path
):
    org = make_org()
    # Written straight to the outbox, as a lost kick would leave it: only the schedule helps.
    Message.objects.create(
        organization=org,
        kind="test",
        language="en",
        to_email="lost@example.fi",
        subject="Left without a kick",
        body="Hello",
        dedupe_key="test:lost",
        message_id=f"<{uuid.uuid4().hex}@test>",
        next_attempt_at=timezone.now(),
    )
    assert not DBTaskResult.objects.exists()
    worker = subprocess.Popen(  # noqa: S603
        reilu("worker", "--interval", "0.2"),
        env=worker_env(tmp_path, smtp_port),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=settings.BASE_DIR,
    )
    try:
        scheduled = {path for _, path in SCHEDULE}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and worker.poll() is None:
            done = set(
                DBTaskResult.objects.filter(status="SUCCESSFUL").values_list("task_path", flat=True)
            )
            if done >= scheduled:
                break
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=60)[0]
    assert worker.returncode == 0, output
    ran = set(DBTaskResult.objects.filter(status="SUCCESSFUL").values_list("task_path", flat=True))
    assert ran == scheduled, output
    assert not DBTaskResult.objects.filter(status="FAILED").exists(), output
    assert Message.objects.get(dedupe_key="test:lost").state == "sent"
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["lost@example.fi"]


@pytest.mark.django_db(transaction=False)
def test_the_schedule_runs_everything_on_the_first_pass_then_each_at_its_period():
    every = {path: seconds for seconds, path in SCHEDULE}
    last_run: dict[str, float] = {}
    # Shortly after boot, when a monotonic clock is still small: all are due at once.
    first = due_tasks(12.0, last_run)
    assert [t.module_path for t in first] == [path for _, path in SCHEDULE]
    assert due_tasks(12.0 + 29, last_run) == []
    assert [t.module_path for t in due_tasks(12.0 + 30, last_run)] == [
        "reilu.messaging.tasks.deliver_outbox"
    ]
    later = due_tasks(12.0 + every["reilu.privacy.tasks.retention_sweep"], last_run)
    assert "reilu.privacy.tasks.retention_sweep" in [t.module_path for t in later]
