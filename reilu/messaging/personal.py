"""The messages about a person, for the privacy export and erasure.

Every queued message names the people it concerns (MessageAbout), whoever received it:
the candidate's own mail, an interviewer's invitation about them, a staff to-do listing a
batch of candidates, a seeker's sign-in link. Erasure and export look them up by that
reference, never by guessing from addresses or text.
"""

from django.db.models import QuerySet

from reilu.messaging.models import About, Message, MessageAbout, MessageAttachment, person_ref
from reilu.messaging.signals import tell_changed

UNSENT = (Message.State.PENDING, Message.State.SENDING, Message.State.FAILED)


def _refs(people: tuple[About | str, ...]) -> list[str]:
    return [p if isinstance(p, str) else person_ref(p) for p in people]


def messages_about(*people: About | str) -> QuerySet[Message]:
    """The messages about any of the given people (rows or person_ref strings)."""
    ids = MessageAbout.objects.filter(ref__in=_refs(people)).values("message_id")
    return Message.objects.filter(pk__in=ids)


def messages_erase(*people: About | str) -> None:
    """Unsent messages go; sent ones keep only their kind, state and dates.

    A batch to staff loses its whole text, the other candidates' lines too: their
    feedback calls stay listed on the feedback page, which the to-do points to.
    """
    rows = list(messages_about(*people).values_list("pk", "about_type", "about_id"))
    if not rows:
        return
    ids = [pk for pk, _type, _id in rows]
    tell_changed((about_type, about_id) for _pk, about_type, about_id in rows)
    MessageAttachment.objects.filter(message_id__in=ids).delete()
    Message.objects.filter(pk__in=ids, state__in=UNSENT).delete()
    Message.objects.filter(pk__in=ids).update(
        to_email="", reply_to="", subject="", body="", headers={}, last_error=""
    )


def message_export(message: Message, own_refs: set[str], own_email: str) -> dict:
    """One message as the person may have it (GDPR Art. 15).

    Mail sent to them, and mail to staff about them alone, is given in full. A message
    that also concerns other people (a batch to-do) is listed without its text: its copy
    would give away the others' data (Art. 15(4)); what it says about this person is in
    the export's evaluations and events.
    """
    others = {a.ref for a in message.about.all()} - own_refs
    sent_to_them = bool(own_email) and message.to_email.strip().lower() == own_email
    row = {f.attname: getattr(message, f.attname) for f in Message._meta.concrete_fields}
    row["sent_to"] = "you" if sent_to_them else "staff"
    if others and not sent_to_them:
        for field in ("to_email", "reply_to", "subject", "body", "headers", "last_error"):
            row[field] = ""
        row["text_withheld"] = "The message also concerns other people."
        return row
    row["attachments"] = [
        {"filename": a.filename, "content_type": a.content_type, "content": a.content}
        for a in message.attachments.all()
    ]
    return row
