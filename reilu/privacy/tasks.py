import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from reilu.employers.models import Membership, Organization
from reilu.formatting import fmt_date
from reilu.messaging.queue import message_queue
from reilu.privacy import letters
from reilu.privacy.registry import subjects
from reilu.privacy.retention import erase_due_at, upcoming_erasures
from reilu.privacy.services import erase_due


def notify_owners(now: dt.datetime | None = None) -> int:
    """Once a week, tell each employer's owners what will be erased within 14 days."""
    now = now or timezone.now()
    year, week, _day = timezone.localtime(now).isocalendar()
    queued = 0
    for org in Organization.objects.filter(memberships__role=Membership.Role.OWNER).distinct():
        apps = list(upcoming_erasures(org, now)[:200])
        if not apps:
            continue
        owners = Membership.objects.filter(organization=org, role=Membership.Role.OWNER)
        url = f"{settings.BASE_URL}{reverse('privacy:erasures')}"
        with transaction.atomic():
            for owner in owners.select_related("user"):
                if not owner.user.email:
                    continue
                language = (settings.LANGUAGE_CODE or "en")[:2]
                with translation.override(language):
                    lines = [
                        f"- {fmt_date(timezone.localdate(erase_due_at(a)), language)}: "
                        f"{subjects().label(a)}"
                        for a in apps
                    ]
                    subject = str(letters.ERASURE_NOTICE_SUBJECT) % {"count": len(apps)}
                    body = "\n".join(
                        [
                            str(letters.ERASURE_NOTICE_INTRO) % {"org": org.name},
                            "",
                            *lines,
                            "",
                            str(letters.ERASURE_NOTICE_LIST) % {"url": url},
                        ]
                    )
                created = message_queue(
                    organization=org,
                    kind="erasure_notice",
                    alert_staff_on_failure=False,
                    to_email=owner.user.email,
                    subject=subject,
                    body=body,
                    language=language,
                    dedupe_key=f"erasure-notice:{org.pk}:{owner.pk}:{year}-W{week}",
                )
                queued += created is not None
    return queued


@task()
def retention_sweep() -> dict:
    """Daily: erase what is due, and tell owners (weekly) what is coming."""
    return {"erased": erase_due(), "owners_told": notify_owners()}


@task()
def limits_sweep() -> dict:
    """Hourly: forget rate-limit counters whose window has ended."""
    from reilu import limits

    return {"counters_deleted": limits.sweep()}
