"""Messages to staff: things a person has to fix."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.employers.models import Membership, Organization, staff_language
from reilu.messaging.models import Message
from reilu.messaging.queue import message_queue
from reilu.messaging.signals import delivery_failed, message_malformed


@dataclass(frozen=True)
class Contact:
    """Who answers for the row a message is about, and in which language staff read it."""

    email: str
    language: str


# about_type -> (about_id -> Contact | None), registered by the area that owns the rows
# (e.g. applications: the application's contact person, in its posting's language).
_contacts: dict[str, Callable[[int], Contact | None]] = {}


def register_contact(about_type: str, contact_of: Callable[[int], Contact | None]) -> None:
    _contacts[about_type] = contact_of


def contact_for(message: Message) -> Contact | None:
    contact_of = _contacts.get(message.about_type)
    return contact_of(message.about_id) if contact_of and message.about_id else None


def staff_recipients(organization: Organization | None, extra: str = "") -> list[str]:
    emails = set(
        Membership.objects.filter(
            organization=organization,
            role__in=(Membership.Role.OWNER, Membership.Role.RECRUITER),
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    if extra:
        emails.add(extra)
    return sorted(emails)


def _alert_staff(
    message: Message,
    contact: Contact | None,
    *,
    kind: str,
    key: str,
    words: Callable[[], tuple[str, str]],
) -> None:
    """Tell the employer's recruiters (and the contact person of what `message` is about).

    `words()` gives (subject, body) and is called in each recipient's language
    (employers.models.staff_language); the alert is about the same
    row and people as the message, so erasure and export find it.
    """
    about = (message.about_type, message.about_id) if message.about_id else None
    also_about = [row.ref for row in message.about.all()]
    for email in staff_recipients(message.organization, contact.email if contact else ""):
        # Each person reads it in their own language (else the employer's).
        language = staff_language(message.organization, email) if message.organization else "en"
        with override(language):
            subject, body = words()
        message_queue(
            organization=message.organization,
            about=about,
            kind=kind,
            alert_staff_on_failure=False,
            to_email=email,
            subject=subject,
            body=body,
            language=language,
            dedupe_key=f"{key}:{message.pk}:{email}",
            also_about=also_about,
        )


@receiver(delivery_failed)
def alert_delivery_failed(sender: object, message: Message, **kwargs: Any) -> None:
    """A candidate message could not be delivered after every retry: people must know."""
    contact = contact_for(message)

    def words() -> tuple[str, str]:
        return _("A message to a candidate could not be delivered"), _(
            'The message "%(subject)s" to %(to)s could not be delivered after '
            "%(attempts)s attempts. Last error: %(error)s\n\n"
            "Please contact the candidate another way, or correct the address."
        ) % {
            "subject": message.subject,
            "to": message.to_email,
            "attempts": message.attempts,
            "error": message.last_error or "-",
        }

    _alert_staff(
        message,
        contact,
        kind="staff_delivery_failed",
        key="delivery-failed",
        words=words,
    )


@receiver(message_malformed)
def alert_malformed(sender: object, message: Message, **kwargs: Any) -> None:
    """A message cannot be sent as stored (e.g. a line break in a header): staff must
    correct what it was made from and pass the information on another way."""
    if message.organization is None:
        return  # mail of no employer (a sign-in link): nobody to tell but the log
    contact = contact_for(message)

    def words() -> tuple[str, str]:
        return _("A message could not be sent"), _(
            'The message "%(subject)s" (%(kind)s) could not be sent: %(error)s\n\n'
            "Reilu will not try again. Please correct the details it was made from, "
            "such as a name, and give the information another way."
        ) % {"subject": message.subject, "kind": message.kind, "error": message.last_error}

    _alert_staff(
        message,
        contact,
        kind="staff_message_malformed",
        key="malformed",
        words=words,
    )
