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


def _alert_staff(message, *, kind: str, key: str, language: str, words) -> None:
    """Tell the employer's recruiters (and the application's contact person) about `message`.

    `words()` gives (subject, body) and is called in `language`; the alert is about the same
    people as the message, so erasure and export find it.
    """
    app = message.application
    about = [row.ref for row in message.about.all()]
    with override(language):
        subject, body = words()
    for email in staff_recipients(message.organization, app.contact_email if app else ""):
        message_queue(
            organization=message.organization,
            application=app,
            kind=kind,
            to_candidate=False,
            to_email=email,
            subject=subject,
            body=body,
            language=language,
            dedupe_key=f"{key}:{message.pk}:{email}",
            about=about,
        )
    kick_delivery()


def alert_delivery_failed(message) -> None:
    """A candidate message could not be delivered after every retry: people must know."""
    app = message.application

    def words():
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
        kind="staff_delivery_failed",
        key="delivery-failed",
        language=app.posting.language if app else "en",
        words=words,
    )


def alert_malformed(message) -> None:
    """A message cannot be sent as stored (e.g. a line break in a header): staff must
    correct what it was made from and pass the information on another way."""
    app = message.application
    if message.organization is None:
        return  # mail of no employer (a sign-in link): nobody to tell but the log

    def words():
        return _("A message could not be sent"), _(
            'The message "%(subject)s" (%(kind)s) could not be sent: %(error)s\n\n'
            "Reilu will not try again. Please correct the details it was made from, "
            "such as a name, and give the information another way."
        ) % {"subject": message.subject, "kind": message.kind, "error": message.last_error}

    _alert_staff(
        message,
        kind="staff_message_malformed",
        key="malformed",
        language=app.posting.language if app else message.language,
        words=words,
    )


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
