"""Open applications: an employer's settings, sending, answering, and the lapsed-promise sweep."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.applications.promises import sweep_lapsed
from reilu.employers.models import Organization, staff_language
from reilu.formatting import fmt_date
from reilu.messaging.alerts import staff_recipients
from reilu.messaging.queue import message_queue
from reilu.rules import RuleError
from reilu.talent import letters
from reilu.talent.models import (
    OpenApplication,
    OpenApplicationEvent,
    OpenApplicationSettings,
    Profile,
    Seeker,
)
from reilu.talent.selectors import open_settings_for
from reilu.talent.services.links import _url

OPEN_SETTINGS_FIELDS = ("accepts", "promise_days", "contact_name", "contact_email", "message")


def open_settings_save(*, organization: Organization, data: dict) -> OpenApplicationSettings:
    config = open_settings_for(organization)
    for field in OPEN_SETTINGS_FIELDS:
        if field in data:
            setattr(config, field, data[field])
    if config.accepts and not config.contact_name.strip():
        raise RuleError(
            "contact_name", _("Name the person who answers open applications before accepting.")
        )
    with transaction.atomic():
        config.save()
    return config


def open_application_send(
    *, seeker: Seeker, organization: Organization, message: str
) -> OpenApplication:
    config = OpenApplicationSettings.objects.filter(organization=organization).first()
    if config is None or not config.accepts:
        raise RuleError("closed", _("This employer does not take open applications now."))
    message = message.strip()
    if not message:
        raise RuleError("message", _("Write a few words about yourself and what you seek."))
    if not Profile.objects.filter(seeker=seeker).exists():
        raise RuleError("profile", _("Write your profile first: the employer reads it."))
    with transaction.atomic():
        if OpenApplication.objects.filter(
            seeker=seeker, organization=organization, state=OpenApplication.State.SENT
        ).exists():
            raise RuleError(
                "duplicate", _("Your earlier open application to this employer is still open.")
            )
        app = OpenApplication.objects.create(
            seeker=seeker,
            organization=organization,
            message=message[:5000],
            contact_name=config.contact_name,
            contact_email=config.contact_email,
            promised_by=timezone.localdate() + dt.timedelta(days=config.promise_days),
        )
        OpenApplicationEvent.objects.create(open_application=app, kind="sent")
        with override(seeker.language):
            subject = letters.OPEN_RECEIVED_SUBJECT % {"employer": organization.name}
            body = letters.OPEN_RECEIVED_BODY % {
                "employer": organization.name,
                "contact": config.contact_name,
                "date": fmt_date(app.promised_by, seeker.language),
                "link": _url(f"/talent/me/open/{app.pk}/"),
            }
        message_queue(
            organization=organization,
            kind="talent_open_received",
            alert_staff_on_failure=False,
            to_email=seeker.email,
            reply_to=config.contact_email,
            subject=subject,
            body=body,
            language=seeker.language,
            dedupe_key=f"talent-open-received:{app.pk}",
            also_about=[seeker],
        )
        for email in staff_recipients(organization, config.contact_email):
            language = staff_language(organization, email)
            with override(language):
                subject = str(letters.OPEN_TO_STAFF_SUBJECT)
            message_queue(
                organization=organization,
                kind="staff_open_application",
                alert_staff_on_failure=False,
                to_email=email,
                subject=subject,
                body=_url(f"/staff/talent/open/{app.pk}/"),
                language=language,
                dedupe_key=f"talent-open-staff:{app.pk}:{email}",
                also_about=[f"talent.seeker:{app.seeker_id}"],
            )
    return app


DECISIONS = {
    "answered": OpenApplication.State.ANSWERED,
    "declined": OpenApplication.State.DECLINED,
    "invited": OpenApplication.State.INVITED,
}


def open_application_answer(
    *, open_application: OpenApplication, decision: str, reply: str, posting=None
) -> OpenApplication:
    state = DECISIONS.get(decision)
    if state is None:
        raise RuleError("decision", _("Choose an answer."))
    reply = reply.strip()
    if not reply:
        raise RuleError("reply", _("Write a reply to the applicant."))
    if state == OpenApplication.State.INVITED and (
        posting is None or posting.organization_id != open_application.organization_id
    ):
        raise RuleError("posting", _("Choose the job posting you invite them to."))
    seeker = open_application.seeker
    with transaction.atomic():
        changed = OpenApplication.objects.filter(
            pk=open_application.pk, state=OpenApplication.State.SENT
        ).update(
            state=state,
            reply=reply[:5000],
            invited_to=posting if state == OpenApplication.State.INVITED else None,
            answered_at=timezone.now(),
        )
        if changed != 1:
            raise RuleError("answered", _("This open application is already answered."))
        open_application.refresh_from_db()
        OpenApplicationEvent.objects.create(
            open_application=open_application, kind=state, text=reply[:5000]
        )
        org = open_application.organization
        with override(seeker.language):
            subject = letters.OPEN_ANSWER_SUBJECT % {"employer": org.name}
            body = letters.OPEN_ANSWER_BODY % {
                "employer": org.name,
                "reply": reply,
                "link": _url(f"/talent/me/open/{open_application.pk}/"),
            }
            if posting is not None and state == OpenApplication.State.INVITED:
                body += "\n\n" + letters.OPEN_ANSWER_APPLY % {
                    "url": _url(posting.get_absolute_url())
                }
        message_queue(
            organization=org,
            kind="talent_open_answer",
            alert_staff_on_failure=False,
            to_email=seeker.email,
            reply_to=open_application.contact_email,
            subject=subject,
            body=body,
            language=seeker.language,
            dedupe_key=f"talent-open-answer:{open_application.pk}",
            also_about=[f"talent.seeker:{open_application.seeker_id}"],
        )
    return open_application


def open_applications_sweep(today: dt.date | None = None) -> int:
    """Lapsed promises to open applicants: tell them honestly with a new date, alert staff.

    The new date moves the application out of the lapsed set, so each lapse is handled once.
    """
    today = today or timezone.localdate()

    def handle(app: OpenApplication) -> None:
        missed = app.promised_by
        config = open_settings_for(app.organization)
        days = min(config.promise_days, 7)
        app.promised_by = today + dt.timedelta(days=days)
        app.lapses += 1
        app.save(update_fields=["promised_by", "lapses"])
        OpenApplicationEvent.objects.create(open_application=app, kind="late")
        language = app.seeker.language
        with override(language):
            subject = letters.OPEN_LATE_SUBJECT % {"employer": app.organization.name}
            body = letters.OPEN_LATE_BODY % {
                "employer": app.organization.name,
                "missed": fmt_date(missed, language),
                "contact": app.contact_name,
                "date": fmt_date(app.promised_by, language),
                "link": _url(f"/talent/me/open/{app.pk}/"),
            }
        message_queue(
            organization=app.organization,
            kind="talent_open_late",
            alert_staff_on_failure=False,
            to_email=app.seeker.email,
            subject=subject,
            body=body,
            language=language,
            dedupe_key=f"talent-open-late:{app.pk}:{missed.isoformat()}",
            also_about=[f"talent.seeker:{app.seeker_id}"],
        )
        for email in staff_recipients(app.organization, app.contact_email):
            language = staff_language(app.organization, email)
            with override(language):
                subject = str(letters.OPEN_LATE_STAFF_SUBJECT)
                body = letters.OPEN_LATE_STAFF_BODY % {
                    "missed": fmt_date(missed, language),
                    "date": fmt_date(app.promised_by, language),
                    "url": _url(f"/staff/talent/open/{app.pk}/"),
                }
            message_queue(
                organization=app.organization,
                kind="staff_open_late",
                alert_staff_on_failure=False,
                to_email=email,
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"talent-open-late-staff:{app.pk}:{missed.isoformat()}:{email}",
                also_about=[f"talent.seeker:{app.seeker_id}"],
            )

    due = OpenApplication.objects.filter(
        state=OpenApplication.State.SENT, promised_by__lt=today
    ).select_related("seeker", "organization")
    return sweep_lapsed(due, handle)
