"""Promises that keep themselves (docs/architecture.md, "The core invariant").

Every promise of next contact is recorded. Reaching the candidate in time keeps it; when
the date passes first, the sweep tells the candidate honestly, sets a new date, alerts the
contact person and records the lapse. The sweep's mechanism (sweep_lapsed) serves the
talent gallery's open applications too.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from reilu.applications import letters
from reilu.applications.freshness import status_changed
from reilu.applications.mail import tell_candidate
from reilu.applications.models import Application, Event, Promise
from reilu.employers.models import staff_language
from reilu.formatting import fmt_date
from reilu.jobs.models import Stage
from reilu.messaging.queue import message_queue
from reilu.messaging.texts import compose

Row = TypeVar("Row", bound=models.Model)


def promise_for(stage: Stage, today: dt.date | None = None) -> dt.date:
    return (today or timezone.localdate()) + dt.timedelta(days=stage.promise_days)


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


def close_open(application_ids: Iterable[int]) -> None:
    today, now = timezone.localdate(), timezone.now()
    open_ = Promise.objects.filter(application_id__in=application_ids, state=Promise.State.OPEN)
    open_.filter(due__gte=today).update(state=Promise.State.KEPT, closed_at=now)
    open_.filter(due__lt=today).update(state=Promise.State.LAPSED, closed_at=now)


def sweep_lapsed(
    due: models.QuerySet[Row], handle: Callable[[Row], None], limit: int = 1000
) -> int:
    """Handle every row of `due` (promises past their date), earliest first, each once.

    Each row is locked and read again in its own transaction: another worker or a person
    may have got there first, and then it is no longer in `due`. `handle` must move the
    row out of `due` (a new date, a closed state). Returns how many rows were handled.
    """
    handled = 0
    for pk in list(due.order_by("promised_by").values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            row = due.select_for_update().filter(pk=pk).first()
            if row is None:  # another worker or a recruiter got there first
                continue
            handle(row)
            handled += 1
    return handled


def lapsed_applications(today: dt.date | None = None) -> models.QuerySet[Application]:
    """Active applications whose promised date has passed: one indexed range query."""
    today = today or timezone.localdate()
    return Application.objects.filter(outcome=Application.Outcome.ACTIVE, promised_by__lt=today)


def sweep(today: dt.date | None = None, limit: int = 1000) -> int:
    """Handle every lapsed promise once; returns how many candidates were told."""
    today = today or timezone.localdate()

    def handle(app: Application) -> None:
        missed = app.promised_by
        if missed is None:  # cannot be: `due` holds only applications with a past date
            return
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
        status_changed([app.pk])
        alert_promise_lapsed(app, missed)

    due = lapsed_applications(today).select_related("posting__organization", "stage")
    return sweep_lapsed(due, handle, limit)


def alert_promise_lapsed(app: Application, missed: dt.date) -> None:
    """Tell the contact person that a promise to a candidate passed unkept."""
    if not app.contact_email:
        return
    language = staff_language(app.posting.organization, app.contact_email)
    subject, body = compose(
        language,
        letters.PROMISE_LAPSED_ALERT,
        {
            "name": app.name,
            "posting": app.posting.title,
            "stage": app.stage.name,
            "missed": fmt_date(missed, language),
            "new": fmt_date(app.promised_by, language),
            "url": f"{settings.BASE_URL}/staff/applications/{app.pk}/",
        },
    )
    message_queue(
        organization=app.posting.organization,
        about=app,
        kind="staff_promise_lapsed",
        alert_staff_on_failure=False,
        to_email=app.contact_email,
        subject=subject,
        body=body,
        language=language,
        dedupe_key=f"lapsed-alert:{app.pk}:{missed.isoformat()}",
    )
