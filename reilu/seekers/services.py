"""Writes for a signed-in seeker's home: status links on demand, the export, the erasure.

Every function takes the seeker and reaches applications only through
selectors.applications_of (or, for erasure, every application made with the address), so a
seeker can never act on another person's application.
"""

import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from reilu.applications.models import AccessToken, Application
from reilu.jobs.models import JobAlert
from reilu.privacy.models import ErasureRecord
from reilu.privacy.services import application_erase, application_export, row
from reilu.seekers.selectors import application_of, tasks_of
from reilu.talent.models import Seeker
from reilu.talent.personal_data import seeker_erase, seeker_export


def status_link_issue(*, seeker: Seeker, pk: int) -> str | None:
    """A new status link to one of the seeker's own applications (None for any other).

    The seeker has shown they read mail at the address the application was made with, so
    this gives them what "Lost your status link?" would mail them, without the mail. Only
    the hash is stored; the link dies with the application's data like every other.
    """
    app = application_of(seeker, pk)
    if app is None:
        return None
    return AccessToken.issue(app)


def erasable_applications(seeker: Seeker) -> list[Application]:
    """Every application with the seeker's address whose data is not yet erased, at every
    employer (also those past their retention period, which the sweep has not reached)."""
    if not seeker.email_key:
        return []
    return list(
        Application.objects.filter(email_key=seeker.email_key, erased_at__isnull=True)
        .select_related("posting__organization", "stage")
        .order_by("-created_at", "-id")
    )


def all_job_alerts(seeker: Seeker) -> list[JobAlert]:
    if not seeker.email_key:
        return []
    return list(
        JobAlert.objects.filter(email_key=seeker.email_key)
        .select_related("organization")
        .order_by("organization__name", "id")
    )


def account_export(seeker: Seeker) -> bytes:
    """One zip with everything the account shows (GDPR Art. 15 and 20).

    account.json: the seeker, their applications in brief and their tasks, the job alerts;
    talent/: the talent gallery's own export (profile, CV, open applications, searches);
    applications/<id>/: each application's export as its employer gives it (data.json with
    the timeline, messages, bookings, survey and access log; the CV), which also writes the
    export to that employer's audit log.
    """
    apps = erasable_applications(seeker)
    tasks = tasks_of(seeker)
    summary = {
        "exported_at": timezone.now(),
        "seeker": {"email": seeker.email, "language": seeker.language,
                   "created_at": seeker.created_at},
        "applications": [
            {
                "id": app.pk,
                "employer": app.posting.organization.name,
                "posting": app.posting.title,
                "stage": app.stage.name,
                "outcome": app.outcome,
                "contact_name": app.contact_name,
                "promised_by": app.promised_by,
                "created_at": app.created_at,
            }
            for app in apps
        ],
        "tasks": [
            {"kind": t.kind, "application": t.application.pk, "title": str(t.title),
             "deadline": t.deadline, "waiting_for_you": t.to_do}
            for t in tasks
        ],
        "job_alerts": [{**row(a), "employer": a.organization.name} for a in all_job_alerts(seeker)],
    }  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "account.json",
            json.dumps(summary, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        )
        _embed(archive, "talent/", seeker_export(seeker))
        for app in apps:
            _embed(archive, f"applications/{app.pk}/", application_export(application=app))
    return buffer.getvalue()


def _embed(archive: zipfile.ZipFile, prefix: str, content: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as inner:
        for name in inner.namelist():
            archive.writestr(prefix + name, inner.read(name))


def account_erase(seeker: Seeker) -> int:
    """Erase the account and, at every employer, the personal data of every application made
    with its address (privacy's application erasure, as when the candidate asks on a status
    page: an active application is withdrawn without messages), and its job alerts.
    All or nothing: one transaction. Returns how many applications were erased."""
    with transaction.atomic():
        apps = erasable_applications(seeker)
        for app in apps:
            application_erase(application=app, reason=ErasureRecord.Reason.CANDIDATE)
        JobAlert.objects.filter(email_key=seeker.email_key).delete()
        seeker_erase(seeker)
    return len(apps)
