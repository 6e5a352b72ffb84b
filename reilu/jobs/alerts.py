"""Job alerts: double opt-in, one-click unsubscribe (RFC 8058), mail on new postings."""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import override

from reilu.employers.models import Organization
from reilu.formatting import fmt_date, fmt_pay
from reilu.jobs import letters
from reilu.jobs.models import JobAlert, Posting
from reilu.messaging.queue import message_queue
from reilu.messaging.texts import compose

SALT = "reilu.job-alert"
CONFIRM_MAX_AGE = 14 * 24 * 3600


def sign(alert: JobAlert, purpose: str) -> str:
    return signing.dumps({"a": alert.pk, "p": purpose}, salt=SALT, compress=True)


def unsign(value: str, purpose: str, max_age: int | None = None) -> JobAlert | None:
    try:
        data = signing.loads(value, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("p") != purpose:
        return None
    pk = data.get("a")
    if pk is None:
        return None
    return JobAlert.objects.select_related("organization").filter(pk=pk).first()


def link(alert: JobAlert, purpose: str) -> str:
    return f"{settings.BASE_URL}/alerts/{purpose}/{sign(alert, purpose)}/"


def unsubscribe_headers(alert: JobAlert) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{link(alert, 'unsubscribe')}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def alert_subscribe(*, organization: Organization, email: str, language: str) -> JobAlert:
    """Ask for confirmation by email; an active subscription stays as it is."""
    key = email.strip().lower()
    with transaction.atomic():
        alert, _created = JobAlert.objects.get_or_create(
            organization=organization,
            email_key=key,
            defaults={"email": email.strip(), "language": language},
        )
        if alert.is_active:
            return alert
        if alert.unsubscribed_at:
            JobAlert.objects.filter(pk=alert.pk).update(unsubscribed_at=None, confirmed_at=None)
            alert.refresh_from_db()
        subject, body = compose(
            language,
            letters.ALERT_CONFIRM,
            {"employer": organization.name, "link": link(alert, "confirm")},
        )
        message_queue(
            organization=organization,
            kind="job_alert_confirm",
            alert_staff_on_failure=False,
            to_email=alert.email,
            subject=subject,
            body=body,
            language=language,
            # One confirmation request a day at most, however often the form is sent.
            dedupe_key=f"alert-confirm:{alert.pk}:{timezone.localdate().isoformat()}",
            also_about=[alert],
        )
    return alert


def alert_confirm(alert: JobAlert) -> None:
    JobAlert.objects.filter(pk=alert.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now(), unsubscribed_at=None
    )


def alert_unsubscribe(alert: JobAlert) -> None:
    JobAlert.objects.filter(pk=alert.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )


def notify_new_posting(posting: Posting) -> int:
    """Queue one mail per confirmed subscriber of the employer, once per posting."""
    org = posting.organization
    alerts = JobAlert.objects.filter(
        organization=org, confirmed_at__isnull=False, unsubscribed_at__isnull=True
    )
    count = 0
    url = f"{settings.BASE_URL}{posting.get_absolute_url()}"
    for alert in alerts.iterator():
        with override(alert.language):  # the pay period's words, too
            values = {
                "employer": org.name,
                "posting": posting.title,
                "place": posting.location or letters.REMOTE,
                "pay": fmt_pay(posting, alert.language),
                "deadline": fmt_date(posting.apply_by, alert.language),
                "url": url,
                "unsubscribe": link(alert, "unsubscribe"),
            }
        subject, body = compose(alert.language, letters.NEW_OPENING, values)
        created = message_queue(
            organization=org,
            kind="job_alert",
            alert_staff_on_failure=False,
            to_email=alert.email,
            subject=subject,
            body=body,
            language=alert.language,
            dedupe_key=f"job-alert:{posting.pk}:{alert.pk}",
            also_about=[alert],
            headers=unsubscribe_headers(alert),
        )
        count += created is not None
    return count
