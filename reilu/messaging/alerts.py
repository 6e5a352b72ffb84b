"""Messages to staff: things a person has to fix."""

from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.employers.models import Membership
from reilu.messaging.outbox import kick_delivery, message_queue


def staff_recipients(organization, extra: str = "") -> list[str]:
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


def alert_delivery_failed(message) -> None:
    """A candidate message could not be delivered after every retry: people must know."""
    org = message.organization
    app = message.application
    for email in staff_recipients(org, app.contact_email if app else ""):
        with override(app.posting.language if app else "en"):
            subject = _("A message to a candidate could not be delivered")
            body = _(
                'The message "%(subject)s" to %(to)s could not be delivered after '
                "%(attempts)s attempts. Last error: %(error)s\n\n"
                "Please contact the candidate another way, or correct the address."
            ) % {
                "subject": message.subject,
                "to": message.to_email,
                "attempts": message.attempts,
                "error": message.last_error or "-",
            }
        message_queue(
            organization=org,
            application=app,
            kind="staff_delivery_failed",
            to_candidate=False,
            to_email=email,
            subject=subject,
            body=body,
            language=app.posting.language if app else "en",
            dedupe_key=f"delivery-failed:{message.pk}:{email}",
        )
    kick_delivery()
