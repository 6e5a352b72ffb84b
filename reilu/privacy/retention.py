"""The retention sweep as privacy sees it: what is due for erasure and what is coming.

Privacy asks the area that holds the data subjects (reilu.privacy.registry); when an
application's data falls due is the applications' rule (reilu.applications.retention).
"""

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from reilu.employers.models import Organization
from reilu.privacy.registry import subjects

# Owners are told this many days ahead (the weekly notice and the staff page).
NOTICE_DAYS = 14


def due_for_erasure(now: dt.datetime | None = None) -> QuerySet:
    """Records whose data is due for erasure at `now`, oldest decision first."""
    return subjects().due(now)


def upcoming_erasures(
    organization: Organization, now: dt.datetime | None = None, days: int = NOTICE_DAYS
) -> QuerySet:
    """What will be erased within `days` (including what is already due), soonest first."""
    return subjects().upcoming(organization, now, days)


def erase_due_at(record: Any) -> dt.datetime | None:
    return subjects().due_at(record)
