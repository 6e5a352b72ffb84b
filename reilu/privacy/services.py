"""Privacy actions: audit records, export (Art. 15/20), erasure (Art. 17), notice versions."""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from reilu.applications.models import AccessToken, Application, Event
from reilu.applications.promises import close_open
from reilu.jobs.models import JobAlert
from reilu.messaging.models import person_ref
from reilu.messaging.personal import message_export, messages_about, messages_erase
from reilu.privacy.models import AuditEvent, ErasureRecord, PrivacyNotice
from reilu.privacy.notices import notice_version
from reilu.privacy.registry import registered

A = AuditEvent.Action


def audit_record(*, organization, action: str, obj, actor=None) -> AuditEvent:
    """Append one line to the employer's audit log; `actor` None means candidate or system."""
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(
        organization=organization,
        actor=user,
        actor_label=(user.get_username() if user else ""),
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
    )


def audit_listed(*, organization, applications, actor=None) -> None:
    """One audit line per application whose personal data a listing handed out."""
    user = actor if actor is not None and actor.is_authenticated else None
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                organization=organization,
                actor=user,
                actor_label=(user.get_username() if user else ""),
                action=A.LIST_APPLICATION,
                object_type=app._meta.model_name,
                object_id=str(app.pk),
            )
            for app in applications
        ]
    )


def record_notice_acceptance(*, application: Application, version: int | None) -> None:
    """Store which notice version the candidate accepted (the current one if not given)."""
    from reilu.privacy.notices import current_notice

    org = application.posting.organization
    if version is None or notice_version(org, version) is None:
        version = current_notice(org).version
    Application.objects.filter(pk=application.pk).update(privacy_notice_version=version)
    application.privacy_notice_version = version


def notice_publish(*, organization, texts: dict[str, str], actor=None) -> PrivacyNotice:
    """A new version of the employer's notice; earlier versions stay as they were."""
    with transaction.atomic():
        # Lock the employer row so two editors cannot take the same version number.
        type(organization).objects.select_for_update().get(pk=organization.pk)
        current = (
            PrivacyNotice.objects.filter(organization=organization).order_by("-version").first()
        )
        if current and (current.text_fi, current.text_sv, current.text_en) == (
            texts["fi"],
            texts["sv"],
            texts["en"],
        ):
            return current  # the same words are not a new version
        latest = current.version if current else None
        notice = PrivacyNotice.objects.create(
            organization=organization,
            version=(latest or 0) + 1,
            text_fi=texts["fi"],
            text_sv=texts["sv"],
            text_en=texts["en"],
            created_by=actor,
        )
        audit_record(organization=organization, action=A.NOTICE, obj=notice, actor=actor)
    return notice


def _row(obj) -> dict:
    """Every stored column of a row, as JSON-ready values."""
    out = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if hasattr(value, "name") and not isinstance(value, str):  # a FieldFile
            value = value.name or ""
        out[field.attname] = value
    return out


def export_data(application: Application) -> dict:
    """Everything held about the candidate of one application (GDPR Art. 15)."""
    app = application
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
        "exported_at": timezone.now(),
        "controller": {"name": org.name, "business_id": org.business_id, "website": org.website},
        "application": {
            **_row(app),
            "posting_title": app.posting.title,
            "stage_name": app.stage.name,
            "outcome_label": str(app.get_outcome_display()),
        },
        "privacy_notice": {
            "version": app.privacy_notice_version,
            "text": notice.text(app.language) if notice else "",
        },
        # Internal notes are included: Art. 15 covers staff's notes about the person too;
        # "visible_to_candidate" false only means they are not on the status page.
        "events": [
            {
                **_row(e),
                "label": str(e.get_kind_display()),
                "shown_on_status_page": e.visible_to_candidate,
                "stage_name": e.stage.name if e.stage else None,
                "actor_name": (e.actor.get_full_name() or e.actor.get_username())
                if e.actor
                else None,
            }
            for e in events
        ],
        "messages": [
            message_export(m, own, app.email_key) for m in messages.order_by("created_at", "id")
        ],
        "access_log": _access_log(app),
        "promises": [_row(p) for p in app.promises.order_by("made_at", "id")],
        "status_links": [
            {"created_at": t.created_at} for t in app.access_tokens.order_by("created_at")
        ],
        "job_alerts": [_row(a) for a in alerts],
        "extra": {entry.name: entry.export_fn(app) for entry in registered()},
    }


def _access_log(app: Application) -> list[dict]:
    """The audit events about the application: what was done with the data, and when.

    Staff members are not named: the log answers what happened to the person's data, and
    the employer answers for its staff (CJEU C-579/21, Pankki S)."""
    rows = AuditEvent.objects.filter(
        organization_id=app.posting.organization_id,
        object_type=app._meta.model_name,
        object_id=str(app.pk),
    ).order_by("created_at", "id")
    return [
        {
            "action": e.action,
            "label": str(e.get_action_display()),
            "by": "staff" if e.actor_label else "candidate or system",
            "at": e.created_at,
        }
        for e in rows
    ]


def application_export(*, application: Application, actor=None) -> bytes:
    """A zip with data.json and the uploaded CV; the export is written to the audit log."""
    data = export_data(application)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        )
        if application.cv:
            with application.cv.open("rb") as cv:
                name = (application.cv_name or "cv").replace("/", "_").replace("\\", "_")
                archive.writestr(f"cv/{name}", cv.read())
    audit_record(
        organization=application.posting.organization,
        action=A.EXPORT,
        obj=application,
        actor=actor,
    )
    return buffer.getvalue()


def application_erase(*, application: Application, reason: str, actor=None) -> Application:
    """Remove the candidate's personal data for good; anonymous facts stay for the scorecard.

    Kept: the row with its posting, stage, outcome, language and dates (first response,
    decision), its events' kinds and dates, and its Promise rows. Removed: name, contact
    details, cover letter, CV (the file too, once the transaction commits), every free text
    (event texts, the text and attachments of every message about them, whoever received
    it), status links, and what other areas
    registered. An active application is ended as withdrawn first, without messages.
    """
    now = timezone.now()
    with transaction.atomic():
        app = (
            Application.objects.select_for_update()
            .select_related("posting__organization", "stage")
            .get(pk=application.pk)
        )
        if app.erased_at is not None:
            return app
        org = app.posting.organization
        for entry in registered():
            entry.erase_fn(app)
        alerts = JobAlert.objects.none()
        if reason == ErasureRecord.Reason.CANDIDATE and app.email_key:
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
        AccessToken.objects.filter(application=app).delete()
        ErasureRecord.objects.create(organization=org, reason=reason)
        audit_record(organization=org, action=A.ERASE, obj=app, actor=actor)
        if cv_name:
            storage = Application._meta.get_field("cv").storage
            transaction.on_commit(lambda: storage.delete(cv_name))
    return app


def erase_due(now=None, limit: int = 500) -> int:
    """Erase every application whose retention period has ended; returns how many."""
    from reilu.privacy.retention import due_for_erasure

    erased = 0
    due = due_for_erasure(now).order_by("decided_at", "id")
    for app in due.select_related("posting__organization")[:limit]:
        reason = (
            ErasureRecord.Reason.HIRED_RETENTION
            if app.outcome == Application.Outcome.HIRED
            else ErasureRecord.Reason.RETENTION
        )
        application_erase(application=app, reason=reason)
        erased += 1
    return erased
