"""Messages to staff: things a person has to fix."""

from django.conf import settings
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
            about=[about.ref for about in message.about.all()],
        )
    kick_delivery()


def alert_malformed(message) -> None:
    """A message cannot be sent as stored (e.g. a line break in a header): staff must
    correct what it was made from and pass the information on another way."""
    org, app = message.organization, message.application
    if org is None:
        return  # mail of no employer (a sign-in link): nobody to tell but the log
    language = app.posting.language if app else message.language
    for email in staff_recipients(org, app.contact_email if app else ""):
        with override(language):
            subject = _("A message could not be sent")
            body = _(
                'The message "%(subject)s" (%(kind)s) could not be sent: %(error)s\n\n'
                "Reilu will not try again. Please correct the details it was made from, "
                "such as a name, and give the information another way."
            ) % {"subject": message.subject, "kind": message.kind, "error": message.last_error}
        message_queue(
            organization=org,
            application=app,
            kind="staff_message_malformed",
            to_candidate=False,
            to_email=email,
            subject=subject,
            body=body,
            language=language,
            dedupe_key=f"malformed:{message.pk}:{email}",
            about=[about.ref for about in message.about.all()],
        )
    kick_delivery()


def alert_promise_lapsed(app, missed) -> None:
    """Tell the contact person that a promise to a candidate passed unkept."""
    from reilu.formatting import fmt_date

    if not app.contact_email:
        return
    language = app.posting.language
    with override(language):
        subject = _("A promise to %(name)s lapsed") % {"name": app.name}
        body = _(
            "You promised to contact %(name)s (%(posting)s, stage %(stage)s) by %(missed)s. "
            "Reilu has told the candidate that we are late and promised a new date, "
            "%(new)s.\n\nPlease contact them before then: %(url)s"
        ) % {
            "name": app.name,
            "posting": app.posting.title,
            "stage": app.stage.name,
            "missed": fmt_date(missed, language),
            "new": fmt_date(app.promised_by, language),
            "url": f"{settings.BASE_URL}/staff/applications/{app.pk}/",
        }
    message_queue(
        organization=app.posting.organization,
        application=app,
        kind="staff_promise_lapsed",
        to_candidate=False,
        to_email=app.contact_email,
        subject=subject,
        body=body,
        language=language,
        dedupe_key=f"lapsed-alert:{app.pk}:{missed.isoformat()}",
    )
    kick_delivery()
