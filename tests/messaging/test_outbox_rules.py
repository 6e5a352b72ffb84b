"""The outbox's rules one by one: what a queued message holds, what goes on the wire, the
exact retry schedule, which claims count as stale, and what a batch takes."""

import datetime as dt
import email
import logging

import pytest
import time_machine

from reilu.messaging import outbox
from reilu.messaging import queue as outbox_queue
from reilu.messaging.models import Message, MessageAttachment
from reilu.messaging.tasks import deliver_outbox
from tests.conftest import make_application, make_org

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)  # fixed: values are compared exactly


def queue(org, key="k", **kw):
    fields = {
        "organization": org,
        "kind": "test",
        "to_email": "aino@example.fi",
        "subject": "Hello",
        "body": "Body",
        "language": "en",
        "dedupe_key": key,
    }
    fields.update(kw)
    return outbox_queue.message_queue(**fields)


def test_a_queued_message_holds_what_it_was_given(org, settings):
    settings.BASE_URL = "https://jobs.example.fi:8443/reilu"
    with time_machine.travel(NOW, tick=False):
        queue(org, subject="S" * 301, reply_to="laura@acme.example", headers={"X-A": "1"})
    stored = Message.objects.get()
    assert stored.subject == "S" * 300
    assert stored.message_id.endswith("@jobs.example.fi>") and stored.message_id.startswith("<")
    assert len(stored.message_id) == len("<@jobs.example.fi>") + 32
    assert stored.alert_staff_on_failure is True and stored.about_id is None
    assert (stored.reply_to, stored.headers) == ("laura@acme.example", {"X-A": "1"})
    assert (stored.state, stored.attempts, stored.next_attempt_at) == ("pending", 0, NOW)
    assert stored.kind == "test" and stored.language == "en" and stored.body == "Body"


@pytest.mark.parametrize(
    ("base_url", "domain"),
    [
        ("https://jobs.example.fi/reilu", "jobs.example.fi"),
        ("http://127.0.0.1:8000", "127.0.0.1"),
        ("", "reilu"),
    ],
)
def test_the_message_id_names_the_sites_host(org, settings, base_url, domain):
    settings.BASE_URL = base_url
    assert queue(org).message_id.endswith(f"@{domain}>")


def test_a_failed_send_in_a_batch_holds_back_only_that_message(settings, smtp_settings, org):
    """One refused recipient must not touch the batch's other claimed messages."""
    from tests.messaging.conftest import Inbox, SocketController, reserve_port

    class RefusesAino(Inbox):
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
            if address == "aino@example.fi":
                return "550 5.1.1 No such user here"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    sock = reserve_port()
    settings.EMAIL_PORT = sock.getsockname()[1]
    controller = SocketController(RefusesAino(), sock)
    controller.start()
    try:
        with time_machine.travel(NOW, tick=False):
            queue(org, key="a")
            queue(org, key="b", to_email="bertta@example.fi")
            Message.objects.filter(dedupe_key="a").update(
                next_attempt_at=NOW - dt.timedelta(minutes=1)
            )
            assert outbox.deliver_batch() == 1
    finally:
        controller.stop()
        sock.close()
    refused, sent = Message.objects.get(dedupe_key="a"), Message.objects.get(dedupe_key="b")
    assert (refused.state, refused.attempts, refused.sent_at) == ("pending", 1, None)
    assert "550" in refused.last_error
    assert (sent.state, sent.attempts, sent.sent_at, sent.last_error) == ("sent", 1, NOW, "")


def test_queueing_the_same_cause_twice_keeps_the_first(org):
    first = queue(org, subject="First")
    assert first is not None and first.pk
    assert queue(org, subject="Second") is None
    assert list(Message.objects.values_list("subject", flat=True)) == ["First"]


def test_what_goes_on_the_wire(smtp_server, org):
    message = queue(org, headers={"X-Reilu-Kind": "invite"})
    MessageAttachment.objects.create(
        message=message,
        filename="invite.ics",
        content_type='text/calendar; method="REQUEST"; charset=utf-8',
        content="BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
    )
    MessageAttachment.objects.create(
        message=message, filename="notes.txt", content_type="text", content="Notes"
    )
    plain = queue(org, key="plain", to_email="bertta@example.fi")
    assert outbox.deliver_all() == 2
    by_to = {e.rcpt_tos[0]: email.message_from_bytes(e.content) for e in smtp_server.messages}
    sent = by_to["aino@example.fi"]
    assert sent["Message-ID"] == message.message_id
    assert sent["Auto-Submitted"] == "auto-generated"
    assert sent["X-Reilu-Kind"] == "invite"
    assert sent["Reply-To"] is None
    [body, invite, notes] = sent.get_payload()
    assert notes["Content-Type"] == 'text/plain; charset="utf-8"'  # no subtype given: plain
    assert body.get_payload(decode=True).rstrip(b"\r\n") == b"Body"
    # The type's parameters are kept for calendar clients, the charset given once.
    assert invite["Content-Type"] == 'text/calendar; charset="utf-8"; method="REQUEST"'
    assert invite["Content-Disposition"] == 'attachment; filename="invite.ics"'
    assert invite.get_payload(decode=True) == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert by_to["bertta@example.fi"]["Message-ID"] == plain.message_id
    assert by_to["bertta@example.fi"].get_payload().rstrip("\r\n") == "Body"


def test_an_attachment_goes_in_utf_8_whatever_charset_its_stored_type_names(smtp_server, org):
    """A calendar invite naming another charset still reaches the candidate readable."""
    message = queue(org)
    MessageAttachment.objects.create(
        message=message,
        filename="invite.ics",
        content_type="text/calendar; Charset=ISO-8859-1; method=REQUEST",
        content="LOCATION:Hämeenlinna, Åbo\r\n",
    )
    assert outbox.deliver_all() == 1
    [sent] = [email.message_from_bytes(e.content) for e in smtp_server.messages]
    [_body, invite] = sent.get_payload()
    assert invite.get_content_charset() == "utf-8"
    assert invite.get_param("method") == "REQUEST"
    text = invite.get_payload(decode=True).decode(invite.get_content_charset())
    assert text == "LOCATION:Hämeenlinna, Åbo\r\n"


def test_retries_wait_base_times_two_to_the_attempt_then_give_up(smtp_settings, settings, org):
    settings.REILU_MESSAGE_MAX_ATTEMPTS = 3
    settings.REILU_MESSAGE_RETRY_BASE_SECONDS = 30
    with time_machine.travel(NOW, tick=False):
        queue(org)  # the mail server is down: nothing listens on the port
    now = NOW
    waits = []
    for _ in range(3):
        with time_machine.travel(now, tick=False):
            assert outbox.deliver_all() == 0
        stored = Message.objects.get()
        waits.append((stored.next_attempt_at - now).total_seconds())
        assert stored.claimed_at is None and stored.sent_at is None
        now = stored.next_attempt_at
    assert waits == [30, 60, 120]
    stored = Message.objects.get()
    assert (stored.state, stored.attempts) == ("failed", 3)
    assert stored.last_error.startswith("ConnectionRefusedError: ")
    with time_machine.travel(now + dt.timedelta(days=1), tick=False):
        assert outbox.deliver_all() == 0  # failed is final
    assert Message.objects.get().attempts == 3


def test_a_staff_message_that_fails_raises_no_alert(smtp_settings, settings, org):
    settings.REILU_MESSAGE_MAX_ATTEMPTS = 1
    queue(org, alert_staff_on_failure=False)
    assert outbox.deliver_all() == 0
    assert Message.objects.get().state == "failed"
    assert not Message.objects.filter(kind="staff_delivery_failed").exists()


def test_one_attempt_short_of_the_limit_still_waits(smtp_settings, settings, org):
    settings.REILU_MESSAGE_MAX_ATTEMPTS = 2
    queue(org)
    outbox.deliver_all()
    assert Message.objects.get().state == "pending"


def test_a_batch_takes_the_earliest_due_up_to_its_limit(smtp_server, org):
    with time_machine.travel(NOW, tick=False):
        for i in range(3):
            queue(org, key=f"m{i}", subject=f"m{i}")
        for i, minutes in enumerate((3, 1, 2)):
            Message.objects.filter(dedupe_key=f"m{i}").update(
                next_attempt_at=NOW - dt.timedelta(minutes=minutes)
            )
        queue(org, key="later", subject="later")
        Message.objects.filter(dedupe_key="later").update(
            next_attempt_at=NOW + dt.timedelta(seconds=1)
        )
        assert outbox.deliver_batch(limit=2) == 2
        subjects = [email.message_from_bytes(e.content)["Subject"] for e in smtp_server.messages]
        assert subjects == ["m0", "m2"]  # due 3 and 2 minutes ago; m1 (1 minute) waits
        assert outbox.deliver_batch(limit=2) == 1
        assert outbox.deliver_batch(limit=2) == 0  # "later" is not due yet
        Message.objects.update(state="pending", next_attempt_at=NOW)
        assert outbox.deliver_all(limit=2) == 4  # every batch counted, not just the last
    assert Message.objects.filter(state="sent").count() == 4


def test_a_claim_is_stale_only_after_five_minutes(org):
    queue(org, key="old")
    queue(org, key="fresh")
    with time_machine.travel(NOW, tick=False):
        Message.objects.filter(dedupe_key="old").update(
            state="sending", claimed_at=NOW - outbox.STALE_CLAIM - dt.timedelta(microseconds=1)
        )
        Message.objects.filter(dedupe_key="fresh").update(
            state="sending", claimed_at=NOW - outbox.STALE_CLAIM
        )
        assert outbox.release_stale_claims() == 1
    released = Message.objects.get(dedupe_key="old")
    assert (released.state, released.claimed_at, released.next_attempt_at) == (
        "pending",
        None,
        NOW,
    )
    assert Message.objects.get(dedupe_key="fresh").state == "sending"
    assert dt.timedelta(minutes=5) == outbox.STALE_CLAIM


def test_a_lost_kick_is_logged_and_the_message_stays_queued(
    org, settings, caplog, django_capture_on_commit_callbacks
):
    # A task backend that accepts no queue the delivery task uses: enqueueing fails.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["elsewhere"]}
    }
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        queue(org)
    assert "could not enqueue delivery" in caplog.text
    assert Message.objects.get().state == "pending"


def test_a_kick_enqueues_the_delivery_task_on_commit(org, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue(org)
    assert not DBTaskResult.objects.exists()
    for callback in callbacks:
        callback()
    [task] = DBTaskResult.objects.all()
    assert task.task_path == deliver_outbox.module_path == "reilu.messaging.tasks.deliver_outbox"


@pytest.fixture
def org(db):
    return make_org()


def test_a_message_sent_after_a_failed_attempt_keeps_no_error(smtp_settings, smtp_socket, org):
    from tests.messaging.conftest import start_server

    with time_machine.travel(NOW, tick=False):
        queue(org)
        assert outbox.deliver_all() == 0  # down
    assert Message.objects.get().last_error
    controller, inbox = start_server(smtp_socket)
    try:
        with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
            assert outbox.deliver_all() == 1
    finally:
        controller.stop()
    sent = Message.objects.get()
    assert (sent.state, sent.attempts, sent.last_error) == ("sent", 2, "")
    assert sent.sent_at == NOW + dt.timedelta(hours=1) and len(inbox.messages) == 1


# --- Follow-ups held back (outbox._hold_back_crowded) ----------------------------------------


def _sent_to(application, at, **kw):
    """Everything queued so far is out; one more mail about `application` went at `at`."""
    Message.objects.update(state=Message.State.SENT, sent_at=at - dt.timedelta(hours=5))
    message = queue(
        application.posting.organization,
        key=f"earlier-{application.pk}-{kw.get('kind', 'test')}",
        about=application,
        **kw,
    )
    Message.objects.filter(pk=message.pk).update(state=Message.State.SENT, sent_at=at)


def test_a_follow_up_waits_an_hour_after_the_last_mail_to_its_candidate(smtp_server, application):
    org = application.posting.organization
    with time_machine.travel(NOW, tick=False):
        _sent_to(application, NOW - dt.timedelta(minutes=20))
        survey = queue(org, key="survey", kind="survey_invitation", about=application)
        assert outbox.deliver_all() == 0
        held = Message.objects.get(pk=survey.pk)
        assert held.state == Message.State.PENDING and held.claimed_at is None
        assert held.next_attempt_at == NOW + dt.timedelta(minutes=40)
        assert held.attempts == 0
    with time_machine.travel(NOW + dt.timedelta(minutes=41), tick=False):
        assert outbox.deliver_all() == 1
    assert Message.objects.get(pk=survey.pk).state == Message.State.SENT


def test_a_follow_up_is_not_held_back_by_other_candidates_or_by_staffs_own_mail(
    smtp_server, application, posting
):
    other, _ = make_application(posting, email="bertta@example.fi", name="Bertta")
    org = application.posting.organization
    with time_machine.travel(NOW, tick=False):
        # Another candidate just got mail; this one's contact person got their to-do.
        _sent_to(other, NOW - dt.timedelta(minutes=5))
        _sent_to(
            application,
            NOW - dt.timedelta(minutes=5),
            kind="staff_todo",
            alert_staff_on_failure=False,
        )
        survey = queue(org, key="survey", kind="survey_invitation", about=application)
        assert outbox.deliver_all() == 1
    assert Message.objects.get(pk=survey.pk).state == Message.State.SENT


def test_a_follow_up_waits_for_a_mail_still_on_its_way_to_the_same_candidate(
    smtp_server, application
):
    org = application.posting.organization
    with time_machine.travel(NOW, tick=False):
        _sent_to(application, NOW - dt.timedelta(hours=3))
        # Another worker is sending this candidate's decision right now.
        decision = queue(org, key="decision", kind="rejected", about=application)
        Message.objects.filter(pk=decision.pk).update(state=Message.State.SENDING, claimed_at=NOW)
        survey = queue(org, key="survey", kind="survey_invitation", about=application)
        assert outbox.deliver_all() == 0
        assert Message.objects.get(pk=survey.pk).next_attempt_at == NOW + dt.timedelta(hours=1)


def test_a_decision_and_its_follow_up_in_one_batch_go_an_hour_apart(smtp_server, application):
    """Claimed together, the decision goes and the follow-up waits an hour from now; mail
    about no application (a follow-up kind among it) is never held back."""
    org = application.posting.organization
    with time_machine.travel(NOW, tick=False):
        _sent_to(application, NOW - dt.timedelta(hours=3))
        # Listed first in the batch (the earliest due): mail about nobody.
        queue(org, key="account", due_at=NOW - dt.timedelta(minutes=2))
        queue(org, key="nobody", kind="feedback_offer", due_at=NOW - dt.timedelta(minutes=1))
        survey = queue(org, key="survey", kind="survey_invitation", about=application)
        queue(org, key="decision", kind="rejected", about=application)
        assert outbox.deliver_batch() == 3
        held = Message.objects.get(pk=survey.pk)
        assert (held.state, held.next_attempt_at, held.attempts) == ("pending", NOW + HOUR, 0)
    sent_now = Message.objects.filter(state="sent", sent_at=NOW)
    assert sorted(sent_now.values_list("dedupe_key", flat=True)) == [
        "account",
        "decision",
        "nobody",
    ]


HOUR = dt.timedelta(hours=1)


def test_a_follow_up_waits_for_the_latest_of_the_earlier_mails(smtp_server, application):
    org = application.posting.organization
    with time_machine.travel(NOW, tick=False):
        _sent_to(application, NOW - dt.timedelta(minutes=10))  # the later one, stored first
        older = queue(org, key="older", about=application)
        Message.objects.filter(pk=older.pk).update(
            state="sent", sent_at=NOW - dt.timedelta(minutes=50)
        )
        survey = queue(org, key="survey", kind="survey_invitation", about=application)
        assert outbox.deliver_all() == 0
        assert Message.objects.get(pk=survey.pk).next_attempt_at == NOW + dt.timedelta(minutes=50)


def test_the_next_follow_up_is_due_an_hour_after_the_candidates_latest_mail(posting, org):
    """follow_up_due: mail sent or still queued to the candidate counts; failed mail and
    staff's own mail about the application do not; never before now."""
    apps = [make_application(posting, email=f"c{i}@example.fi")[0] for i in range(4)]
    Message.objects.update(state="sent", sent_at=NOW - dt.timedelta(hours=5))
    with time_machine.travel(NOW, tick=False):
        sent, queued, failed, nothing = apps
        m = queue(org, key="sent", about=sent, due_at=NOW - dt.timedelta(minutes=30))
        Message.objects.filter(pk=m.pk).update(state="sent", sent_at=NOW - dt.timedelta(minutes=10))
        queue(org, key="queued", about=queued, due_at=NOW + 2 * HOUR)
        m = queue(org, key="failed", about=failed)
        Message.objects.filter(pk=m.pk).update(state="failed", next_attempt_at=NOW)
        queue(org, key="staff", about=failed, alert_staff_on_failure=False)
        queue(org, key="staff2", about=nothing, alert_staff_on_failure=False, due_at=NOW + HOUR)
        due = outbox_queue.follow_up_due(type(sent), [a.pk for a in apps])
    assert due == {
        sent.pk: NOW + dt.timedelta(minutes=50),
        queued.pk: NOW + 3 * HOUR,
        failed.pk: NOW,
        nothing.pk: NOW,
    }


def test_failures_are_logged_with_the_message_and_a_malformed_one_fails_for_good(
    smtp_settings, smtp_socket, org, caplog
):
    """The server down: a failed attempt is logged with the message, the attempt and the
    error. Back up: the stored header cannot be sent, which fails the message at its
    second attempt, its error cut at 2,000 characters and no claim left on it."""
    from tests.messaging.conftest import start_server

    with caplog.at_level(logging.WARNING, logger="reilu.messaging.outbox"):
        with time_machine.travel(NOW, tick=False):
            message = queue(org, headers={"X-Note": "a" * 3000 + "\nBcc: x@evil.example"})
            assert outbox.deliver_all() == 0
        [failed] = [r.getMessage() for r in caplog.records]
        assert failed.startswith(f"delivery of message {message.pk} failed (attempt 1): ")
        assert "Connection refused" in failed
        caplog.clear()
        controller, inbox = start_server(smtp_socket)
        try:
            with time_machine.travel(NOW + HOUR, tick=False):
                assert outbox.deliver_all() == 0
        finally:
            controller.stop()
    [malformed] = [r.getMessage() for r in caplog.records if r.name == "reilu.messaging.outbox"]
    assert malformed.startswith(
        f"message {message.pk} cannot be sent as stored: Header values can't contain newlines"
    )
    stored = Message.objects.get(pk=message.pk)
    assert (stored.state, stored.attempts, stored.claimed_at) == ("failed", 2, None)
    assert len(stored.last_error) == 2000
    assert stored.last_error.startswith("BadHeaderError: Header values can't contain newlines")
    assert not inbox.messages


def test_sending_a_failed_message_again_starts_afresh_and_due_now(org):
    message = queue(org)
    Message.objects.filter(pk=message.pk).update(
        state="failed", attempts=8, last_error="SMTPRecipientsRefused", next_attempt_at=NOW + HOUR
    )
    queue(org, key="pending")
    with time_machine.travel(NOW, tick=False):
        assert outbox_queue.message_retry(Message.objects.all()) == 1
    again = Message.objects.get(pk=message.pk)
    assert (again.state, again.attempts, again.last_error, again.next_attempt_at) == (
        "pending",
        0,
        "",
        NOW,
    )
