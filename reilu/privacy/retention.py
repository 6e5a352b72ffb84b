"""Which applications' personal data the erasure sweep takes, and what staff are warned of.

The rules of when data is due live with the applications (reilu.applications.retention).
"""

import datetime as dt

from django.utils import timezone

from reilu.applications.models import Application
from reilu.applications.retention import due_q

NOTICE_DAYS = 14


def due_for_erasure(now: dt.datetime | None = None):
    return Application.objects.filter(due_q(now or timezone.now()), erased_at__isnull=True)


def upcoming_erasures(organization, now: dt.datetime | None = None, days: int = NOTICE_DAYS):
    """What will be erased within `days` (including what is already due), soonest first."""
    horizon = (now or timezone.now()) + dt.timedelta(days=days)
    return (
        Application.objects.filter(
            due_q(horizon), erased_at__isnull=True, posting__organization=organization
        )
        .select_related("posting__organization", "stage")
        .order_by("decided_at", "id")
    )
