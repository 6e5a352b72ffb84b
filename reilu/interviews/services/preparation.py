"""Interviewers' preparation: confirming they read the application, and the reminder."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import override

from reilu.applications.models import Application
from reilu.interviews import letters
from reilu.interviews.models import Booking, Preparation
from reilu.interviews.services.invitations import _details, _staff_link
from reilu.messaging.queue import message_queue


def preparation_confirm(*, application: Application, user) -> int:
    """The interviewer has read the application; returns how many interviews it covers."""
    return Preparation.objects.filter(
        booking__application=application,
        booking__state=Booking.State.ACTIVE,
        interviewer=user,
        confirmed_at__isnull=True,
    ).update(confirmed_at=timezone.now())


def remind_unprepared(now: dt.datetime | None = None) -> int:
    """From the day before an interview on, remind interviewers who have not confirmed."""
    now = now or timezone.now()
    tomorrow_end = timezone.localtime(now).replace(
        hour=0, minute=0, second=0, microsecond=0
    ) + dt.timedelta(days=2)
    due = (
        Preparation.objects.filter(
            confirmed_at__isnull=True,
            reminded_at__isnull=True,
            booking__state=Booking.State.ACTIVE,
            booking__slot__starts_at__gt=now,
            booking__slot__starts_at__lt=tomorrow_end,
        )
        .select_related(
            "interviewer", "booking__slot", "booking__application__posting__organization"
        )
        .order_by("pk")[:500]
    )
    sent = 0
    for prep in due:
        with transaction.atomic():
            if not Preparation.objects.filter(pk=prep.pk, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                continue  # another worker took it
            app = prep.booking.application
            language = app.posting.language
            with override(language):
                subject = letters.PREPARATION_REMINDER_SUBJECT % {"name": app.name}
                body = letters.PREPARATION_REMINDER_BODY % {
                    "name": app.name,
                    "posting": app.posting.title,
                    "link": _staff_link("interviews:prepare", app.pk),
                    "details": _details(prep.booking.slot, language),
                }
            message_queue(
                organization=app.posting.organization,
                about=app,
                kind="interviewer_reminder",
                alert_staff_on_failure=False,
                to_email=prep.interviewer.email,
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"prep-reminder:{prep.pk}",
            )
            sent += 1
    return sent
