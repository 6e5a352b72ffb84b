"""The posting's decision date: remind staff before it, tell candidates when it passes."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from reilu.applications import letters
from reilu.applications.freshness import status_changed
from reilu.applications.mail import tell_candidate
from reilu.applications.models import Application, Event
from reilu.employers.models import staff_language
from reilu.formatting import fmt_date
from reilu.jobs.models import Posting
from reilu.messaging.alerts import staff_recipients
from reilu.messaging.queue import message_queue
from reilu.messaging.texts import compose

REMIND_DAYS_BEFORE = 2
LIVE_STATES = (Posting.State.PUBLISHED, Posting.State.CLOSED)


def _with_open_candidates(postings):
    return postings.annotate(
        open_count=Count("applications", filter=Q(applications__outcome="active"))
    ).filter(open_count__gt=0)


def remind_before_decisions(today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    due = Posting.objects.filter(
        state__in=LIVE_STATES,
        decision_by__gte=today,
        decision_by__lte=today + dt.timedelta(days=REMIND_DAYS_BEFORE),
    ).exclude(decision_reminded_for=F("decision_by"))
    reminded = 0
    for posting in _with_open_candidates(due.select_related("organization")):
        with transaction.atomic():
            for email in staff_recipients(posting.organization, posting.contact_email):
                language = staff_language(posting.organization, email)
                subject, body = compose(
                    language,
                    letters.DECISION_REMINDER,
                    {
                        "count": posting.open_count,
                        "posting": posting.title,
                        "date": fmt_date(posting.decision_by, language),
                        "url": f"{settings.BASE_URL}/staff/postings/{posting.pk}/",
                    },
                )
                message_queue(
                    organization=posting.organization,
                    kind="staff_decision_reminder",
                    alert_staff_on_failure=False,
                    to_email=email,
                    subject=subject,
                    body=body,
                    language=language,
                    dedupe_key=f"decision-reminder:{posting.pk}:{posting.decision_by}:{email}",
                )
            Posting.objects.filter(pk=posting.pk).update(decision_reminded_for=posting.decision_by)
            reminded += 1
    return reminded


def tell_when_decision_is_late(today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    late = Posting.objects.filter(state__in=LIVE_STATES, decision_by__lt=today).exclude(
        decision_late_told_for=F("decision_by")
    )
    told = 0
    for posting in late:
        with transaction.atomic():
            apps = Application.objects.filter(
                posting=posting, outcome=Application.Outcome.ACTIVE
            ).select_related("posting__organization", "stage")
            for app in apps:
                Event.objects.create(
                    application=app, kind=Event.Kind.DECISION_LATE, stage=app.stage
                )
                tell_candidate(
                    app, "decision_late", f"decision-late:{app.pk}:{posting.decision_by}"
                )
                status_changed([app.pk])
                told += 1
            Posting.objects.filter(pk=posting.pk).update(decision_late_told_for=posting.decision_by)
    return told
