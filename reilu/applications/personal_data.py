"""Applications as privacy's data subjects: what is held about a candidate, how it is erased,
and when it falls due (registered in ApplicationsConfig.ready(); see reilu.privacy.registry).

Privacy runs the export and the erasure (the audit line, the erasure record, the other
areas' registered data); this module knows the application's own rows: the application,
its events, promises and status links, the messages about the candidate, their job alerts.
"""

import datetime as dt

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from reilu.applications.documents import documents_erase, documents_export, documents_files
from reilu.applications.freshness import status_changed
from reilu.applications.models import AccessToken, Answer, Application, Event, ThreadMessage
from reilu.applications.promises import close_open
from reilu.applications.retention import due_q, erase_due_at
from reilu.applications.selectors import application_thread
from reilu.applications.status_page import status_pages_forget
from reilu.applications.tokens import token_lookup
from reilu.employers.models import Organization
from reilu.jobs.models import JobAlert
from reilu.messaging.models import person_ref
from reilu.messaging.personal import message_export, messages_about, messages_erase
from reilu.privacy.models import ErasureRecord
from reilu.privacy.notices import notice_version
from reilu.privacy.services import access_log, row


def export_application(app: Application) -> dict:
    """Everything held about the candidate of one application (GDPR Art. 15)."""
    org = app.posting.organization
    notice = (
        notice_version(org, app.privacy_notice_version)
        if app.privacy_notice_version is not None
        else None
    )
    events = app.events.select_related("stage", "actor").order_by("created_at", "id")
    alerts = (
        list(JobAlert.objects.filter(organization=org, email_key=app.email_key))
        if app.email_key
        else []
    )
    own = {person_ref(app), *(person_ref(a) for a in alerts)}
    messages = messages_about(*own).prefetch_related("about", "attachments")
    return {
        "application": {
            **row(app),
            "posting_title": app.posting.title,
            "stage_name": app.stage.name,
            "outcome_label": str(app.get_outcome_display()),
        },
        "answers": [
            {**row(a), "answer_shown": a.shown()} for a in app.answers.order_by("position", "id")
        ],
        "privacy_notice": {
            "version": app.privacy_notice_version,
            "text": notice.text(app.language) if notice else "",
        },
        # Internal notes are included: Art. 15 covers staff's notes about the person too;
        # "visible_to_candidate" false only means they are not on the status page.
        "events": [
            {
                **row(e),
                "label": str(e.get_kind_display()),
                "shown_on_status_page": e.visible_to_candidate,
                "stage_name": e.stage.name if e.stage else None,
                "actor_name": (e.actor.get_full_name() or e.actor.get_username())
                if e.actor
                else None,
            }
            for e in events
        ],
        # The conversation with the contact person (its texts are also the events' texts).
        "conversation": [
            {
                "author": m.author,
                "author_name": app.name
                if m.author == ThreadMessage.Author.CANDIDATE
                else (
                    (m.event.actor.get_full_name() or m.event.actor.get_username())
                    if m.event.actor
                    else app.contact_name
                ),
                "via": m.via,
                "text": m.event.text,
                "at": m.created_at,
                "answer_promised_by": m.promised_by,
                "answered_at": m.answered_at,
                "answer_promise_lapses": m.lapses,
            }
            for m in application_thread(app)
        ],
        # Documents the employer asked for, and the files sent (in the archive's documents/).
        "document_requests": documents_export(app),
        "messages": [
            message_export(m, own, app.email_key) for m in messages.order_by("created_at", "id")
        ],
        "access_log": access_log(org, app),
        "promises": [row(p) for p in app.promises.order_by("made_at", "id")],
        "status_links": [
            {"created_at": t.created_at} for t in app.access_tokens.order_by("created_at")
        ],
        "job_alerts": [row(a) for a in alerts],
    }


def erase_application(app: Application, *, candidate_asked: bool) -> None:
    """The application's part of an erasure (reilu.privacy.services.application_erase).

    Kept: the row with its posting, stage, outcome, language and dates (first response,
    decision), its events' kinds and dates, its Promise rows, and its conversation's
    messages without their texts (who wrote when, and whether answers came in time).
    Removed: name, contact details, cover letter, CV (the file too, once the transaction
    commits), the documents sent on request (the files likewise; the requests keep only
    their dates), the answers to the posting's questions, every free text (event texts, the
    conversation's with them; the text and attachments of every message about them,
    whoever received it), status links, and, when the candidate asked, their job alerts
    with this employer. Its reply address stops working with its status links (both check
    the erasure).
    An active application is ended as withdrawn first, without messages.
    """
    now = timezone.now()
    org = app.posting.organization
    alerts = JobAlert.objects.none()
    if candidate_asked and app.email_key:
        alerts = JobAlert.objects.filter(organization=org, email_key=app.email_key)
    messages_erase(app, *alerts)
    alerts.delete()
    if app.is_active:
        app.outcome = Application.Outcome.WITHDRAWN
        app.decided_at = now
        close_open([app.pk])
        Event.objects.create(application=app, kind=Event.Kind.WITHDRAWN, stage=app.stage)
    cv_name = app.cv.name if app.cv else ""
    app.name = app.email = app.email_key = app.phone = app.cover_letter = ""
    app.cv = ""
    app.cv_name = app.cv_type = ""
    app.talent_consent = False
    app.erased_at = now
    app.save()
    Event.objects.filter(application=app).update(text="")
    documents_erase(app)
    Answer.objects.filter(application=app).delete()
    status_changed([app.pk])
    # The stored renderings hold the name and the texts: drop them now, and again once the
    # erasure commits, in case a request stored the old page in between.
    status_pages_forget(app.pk)
    transaction.on_commit(lambda: status_pages_forget(app.pk))
    AccessToken.objects.filter(application=app).delete()
    if cv_name:
        storage = Application._meta.get_field("cv").storage
        transaction.on_commit(lambda: storage.delete(cv_name))


class ApplicationSubjects:
    """The applications area's side of reilu.privacy.registry.Subjects."""

    def by_token(self, token: str) -> tuple[Application | None, bool]:
        return token_lookup(token)

    def organization(self, record: Application) -> Organization:
        return record.posting.organization

    def lock(self, record: Application) -> Application:
        return (
            Application.objects.select_for_update()
            .select_related("posting__organization", "stage")
            .get(pk=record.pk)
        )

    def is_erased(self, record: Application) -> bool:
        return record.erased_at is not None

    def export(self, record: Application) -> dict:
        return export_application(record)

    def files(self, record: Application) -> list[tuple[str, bytes]]:
        files = documents_files(record)
        if not record.cv:
            return files
        with record.cv.open("rb") as cv:
            name = (record.cv_name or "cv").replace("/", "_").replace("\\", "_")
            return [(f"cv/{name}", cv.read()), *files]

    def erase(self, record: Application, *, candidate_asked: bool) -> None:
        erase_application(record, candidate_asked=candidate_asked)

    def due(self, now: dt.datetime | None) -> QuerySet[Application]:
        return (
            Application.objects.filter(due_q(now or timezone.now()), erased_at__isnull=True)
            .select_related("posting__organization")
            .order_by("decided_at", "id")
        )

    def retention_reason(self, record: Application) -> str:
        if record.outcome == Application.Outcome.HIRED:
            return ErasureRecord.Reason.HIRED_RETENTION
        return ErasureRecord.Reason.RETENTION

    def upcoming(
        self, organization: Organization, now: dt.datetime | None, days: int
    ) -> QuerySet[Application]:
        horizon = (now or timezone.now()) + dt.timedelta(days=days)
        return (
            Application.objects.filter(
                due_q(horizon), erased_at__isnull=True, posting__organization=organization
            )
            .select_related("posting__organization", "stage")
            .order_by("decided_at", "id")
        )

    def due_at(self, record: Application) -> dt.datetime | None:
        return erase_due_at(record)

    def label(self, record: Application) -> str:
        return f"{record.posting.title} (#{record.pk})"
