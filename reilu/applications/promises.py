"""Promises that keep themselves (DESIGN.md S5).

Every promise of next contact is recorded. Reaching the candidate in time keeps it; when
the date passes first, the sweep tells the candidate honestly, sets a new date, alerts the
contact person and records the lapse.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from reilu.applications.models import Application, Event, Promise


def promise_renew(app: Application, due: dt.date) -> None:
    """Close the open promise (kept, or lapsed if its date has passed) and open a new one."""
    close_open([app.pk])
    Promise.objects.create(
        application=app,
        organization_id=app.posting.organization_id,
        posting_id=app.posting_id,
        contact_email=app.contact_email,
        due=due,
    )


def close_open(application_ids) -> None:
    today, now = timezone.localdate(), timezone.now()
    open_ = Promise.objects.filter(application_id__in=application_ids, state=Promise.State.OPEN)
    open_.filter(due__gte=today).update(state=Promise.State.KEPT, closed_at=now)
    open_.filter(due__lt=today).update(state=Promise.State.LAPSED, closed_at=now)


def lapsed_applications(today: dt.date | None = None):
    """Active applications whose promised date has passed: one indexed range query."""
    today = today or timezone.localdate()
    return Application.objects.filter(outcome=Application.Outcome.ACTIVE, promised_by__lt=today)


def sweep(today: dt.date | None = None, limit: int = 1000) -> int:
    """Handle every lapsed promise once; returns how many candidates were told."""
    from reilu.applications.services import promise_for, tell_candidate
    from reilu.messaging.alerts import alert_promise_lapsed

    today = today or timezone.localdate()
    handled = 0
    ids = list(
        lapsed_applications(today).order_by("promised_by").values_list("pk", flat=True)[:limit]
    )
    for pk in ids:
        with transaction.atomic():
            app = (
                Application.objects.select_for_update()
                .select_related("posting__organization", "stage")
                .filter(pk=pk, outcome=Application.Outcome.ACTIVE, promised_by__lt=today)
                .first()
            )
            if app is None:  # another worker or a recruiter got there first
                continue
            missed = app.promised_by
            Promise.objects.filter(application=app, state=Promise.State.OPEN).update(
                state=Promise.State.LAPSED, closed_at=timezone.now()
            )
            app.promised_by = promise_for(app.stage, today)
            app.save(update_fields=["promised_by"])
            Promise.objects.create(
                application=app,
                organization_id=app.posting.organization_id,
                posting_id=app.posting_id,
                contact_email=app.contact_email,
                due=app.promised_by,
            )
            Event.objects.create(application=app, kind=Event.Kind.LATE, stage=app.stage)
            tell_candidate(app, "promise_lapsed", f"lapsed:{app.pk}:{missed.isoformat()}")
            alert_promise_lapsed(app, missed)
            handled += 1
    return handled
