"""When a candidate's personal data is due for erasure (issue 7).

Non-chosen candidates (rejected, withdrawn, or their recruitment cancelled): the employer's
retention period (Organization.retention_months, 1-24) counted from the decision.
Hired candidates: their application is part of the employment records and is kept for
settings.REILU_HIRED_RETENTION_MONTHS (default 48), also counted from the decision.

Rules only, on an application's fields: the models (a status link dies with the data) and
reilu.privacy (the erasure sweep) both ask them, so this module imports neither.
"""

import calendar
import datetime as dt
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

if TYPE_CHECKING:
    from reilu.applications.models import Application

# Application.Outcome values (tests/applications check they match).
ENDED = ("rejected", "withdrawn")
HIRED = "hired"


def add_months(when: dt.datetime, months: int) -> dt.datetime:
    year, month = divmod(when.month - 1 + months, 12)
    year, month = when.year + year, month + 1
    return when.replace(
        year=year, month=month, day=min(when.day, calendar.monthrange(year, month)[1])
    )


def months_for(app: "Application") -> int | None:
    if app.outcome in ENDED:
        return app.posting.organization.retention_months
    if app.outcome == HIRED:
        return settings.REILU_HIRED_RETENTION_MONTHS
    return None


def erase_due_at(app: "Application") -> dt.datetime | None:
    months = months_for(app)
    if months is None or app.decided_at is None:
        return None
    return add_months(app.decided_at, months)


def token_expired(app: "Application", now: dt.datetime | None = None) -> bool:
    """A status link stops working once the data is erased or due for erasure."""
    if app.erased_at is not None:
        return True
    due = erase_due_at(app)
    return due is not None and due <= (now or timezone.now())


def due_q(now: dt.datetime) -> Q:
    """Applications whose data is due for erasure at `now` (one query, ≤ 25 OR-ed ranges)."""
    ended = [
        Q(
            posting__organization__retention_months=months,
            outcome__in=ENDED,
            decided_at__lte=add_months(now, -months),
        )
        for months in range(1, 25)
    ]
    hired = Q(
        outcome=HIRED,
        decided_at__lte=add_months(now, -settings.REILU_HIRED_RETENTION_MONTHS),
    )
    return reduce(or_, [*ended, hired])
