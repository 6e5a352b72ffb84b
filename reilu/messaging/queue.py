"""Writing to the outbox: the only code that creates Message rows.

A message is written in the caller's transaction, so it exists exactly when the change
behind it does. Delivery is asked for once per transaction, after it commits, however many
messages it queued (one or a decision for hundreds).

Duplicates: a message is identified by its dedupe key (one per recipient and cause). A key
already in the outbox is not queued again, one message at a time or many at once, so a
retried service call or a sweep run by two workers sends nothing twice.
"""

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Model, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from reilu.employers.models import Organization
from reilu.messaging.models import About, Message, MessageAbout, about_key, person_ref
from reilu.messaging.outbox import FOLLOW_UP_GAP, one_line
from reilu.messaging.signals import tell_changed
from reilu.messaging.tasks import deliver_outbox

log = logging.getLogger(__name__)
BATCH = 500


def mail_domain() -> str:
    """The host of the site's BASE_URL, for Message-IDs and calendar UIDs ("reilu" if unset)."""
    return settings.BASE_URL.split("//")[-1].split(":")[0].split("/")[0] or "reilu"


@dataclass
class Mail:
    """One message to queue.

    `about`: the row the message is about (an application), or its (about_type, about_id),
    found again by Message.objects.about(row). `also_about`: further people it concerns
    (a seeker, a job alert, the candidates of a batch), as rows or person_ref strings, so
    that erasure and export find it whoever received it. `due_at`: not before (now).
    """

    organization: Organization | None
    kind: str
    to_email: str
    subject: str
    body: str
    language: str
    dedupe_key: str
    about: About | None = None
    also_about: Iterable[About | str] = ()
    alert_staff_on_failure: bool = True
    reply_to: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    due_at: datetime | None = None

    def row(self, now: datetime, domain: str) -> Message:
        about_type, about_id = about_key(self.about) if self.about is not None else ("", None)
        return Message(
            organization=self.organization,
            about_type=about_type,
            about_id=about_id,
            kind=self.kind,
            alert_staff_on_failure=self.alert_staff_on_failure,
            language=self.language,
            to_email=self.to_email,
            reply_to=self.reply_to,
            subject=one_line(self.subject)[:300],
            body=self.body,
            dedupe_key=self.dedupe_key,
            message_id=f"<{uuid.uuid4().hex}@{domain}>",
            next_attempt_at=self.due_at or now,
            headers=self.headers or {},
        )

    def refs(self) -> list[str]:
        people = [self.about, *self.also_about]
        return sorted({p if isinstance(p, str) else person_ref(p) for p in people if p is not None})


def message_queue(**fields: Any) -> Message | None:
    """Queue one message (the fields of Mail) and ask for delivery after the commit.

    Returns the stored message, or None when its dedupe key was already queued."""
    mail = Mail(**fields)
    row = mail.row(timezone.now(), mail_domain())
    message, created = Message.objects.get_or_create(
        dedupe_key=mail.dedupe_key,
        # Every column of the row made above (its id None, its creation time set on insert).
        defaults={f.attname: getattr(row, f.attname) for f in Message._meta.concrete_fields},
    )
    if not created:
        return None
    MessageAbout.objects.bulk_create([MessageAbout(message=message, ref=r) for r in mail.refs()])
    tell_changed([(message.about_type, message.about_id)])
    _kick_once()
    return message


def messages_queue(mails: Iterable[Mail]) -> int:
    """Queue many messages in a few bulk queries (a decision for thousands of candidates);
    returns how many were new. Keys already queued, or repeated in `mails`, are skipped.

    The database refuses a second row with a key (ignore_conflicts: also a key a concurrent
    writer has just taken), and what was stored is read back by the Message-IDs made here:
    a key that was already queued kept its earlier row, with another Message-ID.
    """
    by_key = {m.dedupe_key: m for m in reversed(list(mails))}  # the first of a repeated key
    now, domain = timezone.now(), mail_domain()
    rows = [mail.row(now, domain) for mail in by_key.values()]
    Message.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
    made = [r.message_id for r in rows]
    stored: list[tuple[int, str]] = []
    for start in range(0, len(made), BATCH):
        # With ignore_conflicts the database returns no ids.
        stored += Message.objects.filter(message_id__in=made[start : start + BATCH]).values_list(
            "pk", "dedupe_key"
        )
    # The messages are new, so none has its references yet.
    MessageAbout.objects.bulk_create(
        [MessageAbout(message_id=pk, ref=r) for pk, key in stored for r in by_key[key].refs()]
    )
    if stored:
        new = {key for _, key in stored}
        tell_changed((r.about_type, r.about_id) for r in rows if r.dedupe_key in new)
        _kick_once()
    return len(stored)


def message_retry(messages: QuerySet[Message]) -> int:
    """Queue the failed ones of `messages` again from a fresh start; how many.

    Delivery is asked for after the commit, as for a new message."""
    failed = messages.filter(state=Message.State.FAILED)
    about = list(failed.values_list("about_type", "about_id"))
    updated = failed.update(
        state=Message.State.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
    )
    tell_changed(about)
    if updated:
        _kick_once()
    return updated


def follow_up_due(model: type[Model] | str, ids: Iterable[int]) -> dict[int, datetime]:
    """When the next follow-up to the person of each row may go: an hour after the latest
    mail already sent or queued to them about it, and never before now.

    Callers queue follow-ups one at a time per row and ask again for the next one, so a
    second follow-up lands an hour after the first. One query for any number.
    """
    ids = list(ids)
    now = timezone.now()
    latest = (
        Message.objects.about_any(model, ids)
        .filter(alert_staff_on_failure=True)
        .exclude(state=Message.State.FAILED)
        .values("about_id")
        .annotate(at=Max(Coalesce("sent_at", "next_attempt_at")))
    )
    due = {pk: now for pk in ids}
    for row in latest:
        due[row["about_id"]] = max(now, row["at"] + FOLLOW_UP_GAP)
    return due


def _kick_once() -> None:
    """Ask a worker to deliver once the caller's transaction commits, once per transaction.

    A callback already registered for this transaction (and not dropped with a rolled-back
    savepoint) will deliver whatever was queued after it, too. A lost kick costs only time:
    the worker's periodic pass delivers whatever is due.
    """
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        entry[1] is _enqueue_delivery for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(_enqueue_delivery)


def _enqueue_delivery() -> None:
    try:
        deliver_outbox.enqueue()
    except Exception:
        # The outbox row is safe; the worker's periodic pass will pick it up.
        log.exception("could not enqueue delivery")
