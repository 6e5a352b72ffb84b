"""Delivering from the outbox (reilu.messaging.queue writes to it).

Delivery is at least once: a message is marked sent only after the mail server accepted
it. The one window for a repeat is a worker dying between the server's acceptance and
the commit that marks the row sent; the stale-claim sweep then returns the row to the
queue and the mail goes out again with the same Message-ID, so mail clients and the
candidate can recognise it as the same message.
"""

import logging
from datetime import datetime, timedelta
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from reilu.messaging.models import Message, MessageAttachment
from reilu.messaging.signals import delivery_failed, message_malformed, tell_changed
from reilu.textfields import CONTROL

log = logging.getLogger(__name__)
STALE_CLAIM = timedelta(minutes=5)
ALERT_KINDS = {"staff_delivery_failed", "staff_message_malformed"}

# Mail that follows a process's end (feedback-call offer, survey). The decision itself goes
# at once; each follow-up waits at least FOLLOW_UP_GAP after the candidate's previous mail
# about the same application (whatever row the mail is about), so nobody gets three mails
# within seconds.
FOLLOW_UP_KINDS = frozenset({"feedback_offer", "survey_invitation"})
FOLLOW_UP_GAP = timedelta(hours=1)


def one_line(text: str) -> str:
    """A header value: line breaks and other control characters become spaces.

    Inputs refuse control characters, but a name stored before that rule must not make a
    subject an invalid mail header."""
    return " ".join(CONTROL.sub(" ", text).split())


def claim_batch(limit: int = 100) -> list[Message]:
    """Claim due messages for this worker; no other worker gets the same ones.

    On PostgreSQL a second worker skips the rows the first one has locked. SQLite ignores
    SELECT … FOR UPDATE, but Reilu opens its transactions there with BEGIN IMMEDIATE
    (settings: transaction_mode), which takes the database's one write lock at once: a
    second worker's claim begins only after the first one's has committed.
    """
    now = timezone.now()
    due = Message.objects.filter(state=Message.State.PENDING, next_attempt_at__lte=now)
    with transaction.atomic():
        ids = list(
            due.order_by("next_attempt_at")
            .select_for_update(skip_locked=True)
            .values_list("id", flat=True)[:limit]
        )
        Message.objects.filter(id__in=ids).update(state=Message.State.SENDING, claimed_at=now)
    batch = list(Message.objects.filter(id__in=ids).select_related("organization"))
    # After the claim's commit: "queued" became "sending" on the candidates' pages.
    tell_changed(_about(batch))
    return _hold_back_crowded(batch, now)


def _about(messages: list[Message]) -> list[tuple[str, int | None]]:
    return [(m.about_type, m.about_id) for m in messages]


def _hold_back_crowded(batch: list[Message], now: datetime) -> list[Message]:
    """Return to the queue any follow-up that would reach its candidate within an hour of
    another mail about the same application, or before an earlier mail still on its way
    (a decision waiting for a retry goes first). Nothing is lost: a held-back message is
    pending again with a later due time, and no attempt is counted."""

    def about(message: Message) -> tuple[str, int] | None:
        return (message.about_type, message.about_id) if message.about_id else None

    follow_ups = [m for m in batch if m.kind in FOLLOW_UP_KINDS and about(m)]
    if not follow_ups:
        return batch
    batch_ids = {m.pk for m in batch}
    same_about = Q()
    for about_type in {m.about_type for m in follow_ups}:
        ids = {m.about_id for m in follow_ups if m.about_type == about_type}
        same_about |= Q(about_type=about_type, about_id__in=ids)
    others = (
        Message.objects.filter(same_about, alert_staff_on_failure=True)
        .filter(
            Q(sent_at__gt=now - FOLLOW_UP_GAP)  # only a sent message has a sent_at
            | Q(state=Message.State.SENDING)
            | (Q(state=Message.State.PENDING) & ~Q(kind__in=FOLLOW_UP_KINDS))
        )
        .exclude(pk__in=batch_ids)
    )
    blocked_until: dict[tuple[str, int | None], datetime] = {}
    for about_type, about_id, sent_at in others.values_list("about_type", "about_id", "sent_at"):
        # Sent: an hour after it went; still to go: an hour from now at the earliest.
        until = (sent_at or now) + FOLLOW_UP_GAP
        other = (about_type, about_id)
        blocked_until[other] = max(until, blocked_until.get(other, until))
    keep: list[Message] = []
    hold: dict[int, datetime] = {}
    # Decisions and other mail first; follow-ups only after them.
    for message in sorted(batch, key=lambda m: (m.kind in FOLLOW_UP_KINDS, m.next_attempt_at)):
        key = about(message)
        if key is None:  # about nobody: nothing to space
            keep.append(message)
            continue
        if message.kind in FOLLOW_UP_KINDS and key in blocked_until:
            hold[message.pk] = blocked_until[key]
            continue
        if message.alert_staff_on_failure:
            # Whatever goes to this candidate now spaces the rest of the batch.
            blocked_until[key] = now + FOLLOW_UP_GAP
        keep.append(message)
    for pk, until in hold.items():
        Message.objects.filter(pk=pk, state=Message.State.SENDING).update(
            state=Message.State.PENDING, claimed_at=None, next_attempt_at=until
        )
    tell_changed(_about([m for m in batch if m.pk in hold]))
    return keep


def _email(message: Message) -> EmailMessage:
    email = EmailMessage(
        subject=message.subject,
        body=message.body,  # from DEFAULT_FROM_EMAIL
        to=[message.to_email],
        reply_to=[message.reply_to] if message.reply_to else None,
        headers={
            **message.headers,
            "Message-ID": message.message_id,
            "Auto-Submitted": "auto-generated",
        },
    )
    for item in message.attachments.all():
        email.attach(_attachment_part(item))
    return email


def _attachment_part(item: MessageAttachment) -> MIMEText:
    """A text attachment; content-type parameters (e.g. method=REQUEST) are kept for clients."""
    base, *params = [p.strip() for p in item.content_type.split(";")]
    part = MIMEText(item.content, base.partition("/")[2] or "plain", "utf-8")
    for param in params:
        key, _, value = param.partition("=")
        if key.lower() != "charset":
            part.set_param(key, value.strip('"'))
    part.add_header("Content-Disposition", "attachment", filename=item.filename)
    return part


def deliver_batch(limit: int = 100) -> int:
    """Send one batch; returns how many were accepted by the mail server."""
    batch = claim_batch(limit)
    if not batch:
        return 0
    sent = 0
    mail = get_connection()  # raises: a failed send is retried
    try:
        mail.open()
    except Exception as exc:  # The server is down: every claimed message waits for a retry.
        for message in batch:
            _failed_attempt(message, exc)
        return 0
    try:
        for message in batch:
            try:
                email = _email(message)
                email.message()  # builds the headers: a malformed one raises here
            except (ValueError, UnicodeError) as exc:
                # BadHeaderError is a ValueError. The row itself is wrong, so a retry
                # cannot help: it fails now, staff hear of it, the batch goes on.
                _malformed(message, exc)
                continue
            try:
                mail.send_messages([email])
            except Exception as exc:
                _failed_attempt(message, exc)
                continue
            with transaction.atomic():
                Message.objects.filter(pk=message.pk, state=Message.State.SENDING).update(
                    state=Message.State.SENT,
                    sent_at=timezone.now(),
                    attempts=message.attempts + 1,
                    last_error="",
                )
                tell_changed(_about([message]))
            sent += 1
    finally:
        # Django's SMTP backend raises nothing on closing (a server gone away is ignored).
        mail.close()
    return sent


def _failed_attempt(message: Message, exc: Exception) -> None:
    attempts = message.attempts + 1
    give_up = attempts >= settings.REILU_MESSAGE_MAX_ATTEMPTS
    delay = settings.REILU_MESSAGE_RETRY_BASE_SECONDS * (2 ** (attempts - 1))
    log.warning("delivery of message %s failed (attempt %s): %s", message.pk, attempts, exc)
    message.attempts, message.last_error = attempts, f"{type(exc).__name__}: {exc}"[:2000]
    with transaction.atomic():
        Message.objects.filter(pk=message.pk, state=Message.State.SENDING).update(
            state=Message.State.FAILED if give_up else Message.State.PENDING,
            attempts=attempts,
            next_attempt_at=timezone.now() + timedelta(seconds=delay),
            last_error=message.last_error,
            claimed_at=None,
        )
        tell_changed(_about([message]))
        if give_up and message.alert_staff_on_failure:
            delivery_failed.send(Message, message=message)


def _malformed(message: Message, exc: Exception) -> None:
    log.error("message %s cannot be sent as stored: %s", message.pk, exc)
    message.attempts += 1
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    with transaction.atomic():
        Message.objects.filter(pk=message.pk, state=Message.State.SENDING).update(
            state=Message.State.FAILED,
            attempts=message.attempts,
            last_error=message.last_error,
            claimed_at=None,
        )
        tell_changed(_about([message]))
        if message.kind not in ALERT_KINDS:  # an alert about an alert would loop
            message_malformed.send(Message, message=message)


def deliver_all(limit: int = 100) -> int:
    total = 0
    while n := deliver_batch(limit):
        total += n
    return total


def release_stale_claims() -> int:
    """Return claims of workers that died mid-send to the queue."""
    cutoff = timezone.now() - STALE_CLAIM
    with transaction.atomic():
        stale = Message.objects.filter(state=Message.State.SENDING, claimed_at__lt=cutoff)
        about = list(stale.values_list("about_type", "about_id"))
        released = stale.update(
            state=Message.State.PENDING, claimed_at=None, next_attempt_at=timezone.now()
        )
        tell_changed(about)
    return released
