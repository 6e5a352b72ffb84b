"""Privacy actions: audit records, export (Art. 15/20), erasure (Art. 17), notice versions.

Export and erasure work on the data subjects another area registered (an application; see
reilu.privacy.registry): privacy adds the audit line, the erasure record and the other
areas' registered data, and runs them in this order.
"""

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from reilu.employers.models import Organization
from reilu.privacy.models import AuditEvent, ErasureRecord, PrivacyNotice
from reilu.privacy.notices import notice_version
from reilu.privacy.registry import registered, subjects

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

    AnyUser = User | AnonymousUser

A = AuditEvent.Action


def audit_record(
    *, organization: Organization, action: str, obj: Model, actor: "AnyUser | None" = None
) -> AuditEvent:
    """Append one line to the employer's audit log; `actor` None means candidate or system."""
    user = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(
        organization=organization,
        actor=user,
        actor_label=(user.get_username() if user else ""),
        action=action,
        object_type=obj._meta.model_name or "",  # a concrete model has one
        object_id=str(obj.pk),
    )


def audit_listed(
    *, organization: Organization, applications: Iterable[Model], actor: "AnyUser | None" = None
) -> None:
    """One audit line per application whose personal data a listing handed out."""
    user = actor if actor is not None and actor.is_authenticated else None
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                organization=organization,
                actor=user,
                actor_label=(user.get_username() if user else ""),
                action=A.LIST_APPLICATION,
                object_type=app._meta.model_name or "",  # a concrete model has one
                object_id=str(app.pk),
            )
            for app in applications
        ]
    )


def record_notice_acceptance(*, application: Any, version: int | None) -> None:
    """Store which notice version the candidate accepted (the current one if not given)."""
    from reilu.privacy.notices import current_notice

    org = subjects().organization(application)
    if version is None or notice_version(org, version) is None:
        version = current_notice(org).version
    type(application).objects.filter(pk=application.pk).update(privacy_notice_version=version)
    application.privacy_notice_version = version


def notice_publish(
    *, organization: Organization, texts: dict[str, str], actor: "User | None" = None
) -> PrivacyNotice:
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


def row(obj: Any) -> dict:
    """Every stored column of a row, as JSON-ready values."""
    out = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if hasattr(value, "name") and not isinstance(value, str):  # a FieldFile
            value = value.name or ""
        out[field.attname] = value
    return out


def export_data(application: Any) -> dict:
    """Everything held about the candidate of one application (GDPR Art. 15)."""
    org = subjects().organization(application)
    return {
        "exported_at": timezone.now(),
        "controller": {"name": org.name, "business_id": org.business_id, "website": org.website},
        **subjects().export(application),
        "extra": {entry.name: entry.export_fn(application) for entry in registered()},
    }


def access_log(organization: Organization, record: Any) -> list[dict]:
    """The audit events about the record: what was done with the data, and when.

    Staff members are not named: the log answers what happened to the person's data, and
    the employer answers for its staff (CJEU C-579/21, Pankki S)."""
    rows = AuditEvent.objects.filter(
        organization_id=organization.pk,
        object_type=record._meta.model_name,
        object_id=str(record.pk),
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


def application_export(*, application: Any, actor: Any = None) -> bytes:
    """A zip with data.json and the uploaded CV; the export is written to the audit log."""
    data = export_data(application)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        )
        for path, content in subjects().files(application):
            archive.writestr(path, content)
    audit_record(
        organization=subjects().organization(application),
        action=A.EXPORT,
        obj=application,
        actor=actor,
    )
    return buffer.getvalue()


def application_erase(*, application: Any, reason: str, actor: Any = None) -> Any:
    """Remove the candidate's personal data for good; anonymous facts stay for the scorecard.

    The other areas' registered data goes first, while the application still names the
    candidate; then the application's own (reilu.applications.personal_data says what is
    kept); then an anonymous erasure record and an audit line remain.
    """
    with transaction.atomic():
        app = subjects().lock(application)
        if subjects().is_erased(app):
            return app
        org = subjects().organization(app)
        for entry in registered():
            entry.erase_fn(app)
        subjects().erase(app, candidate_asked=reason == ErasureRecord.Reason.CANDIDATE)
        ErasureRecord.objects.create(organization=org, reason=reason)
        audit_record(organization=org, action=A.ERASE, obj=app, actor=actor)
    return app


def erase_due(now: dt.datetime | None = None, limit: int = 500) -> int:
    """Erase every application whose retention period has ended; returns how many."""
    from reilu.privacy.retention import due_for_erasure

    erased = 0
    for app in due_for_erasure(now)[:limit]:
        application_erase(application=app, reason=subjects().retention_reason(app))
        erased += 1
    return erased
