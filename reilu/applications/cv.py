"""Handing out a stored CV: every access is written to the employer's audit log."""

from typing import Any

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest

from reilu.applications.uploads import download_name
from reilu.employers.models import Organization
from reilu.privacy.models import AuditEvent
from reilu.privacy.services import audit_record


def file_response(
    file: FieldFile, name: str, content_type: str, *, inline: bool = False
) -> FileResponse:
    """The file as a download (or inline for a preview) named by its detected type; never
    cached, never sniffed."""
    filename, content_type = download_name(name, content_type)
    response = FileResponse(
        file.open("rb"), as_attachment=not inline, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def cv_response(
    request: HttpRequest, *, owner: Any, organization: Organization, inline: bool = False
) -> FileResponse:
    """A candidate's or seeker's CV for staff (`owner`: the Application or Profile).

    The caller has checked access; this records who took the CV, then hands it out."""
    audit_record(
        organization=organization,
        action=AuditEvent.Action.DOWNLOAD_CV,
        obj=owner,
        actor=request.user,
    )
    return file_response(owner.cv, owner.cv_name, owner.cv_type, inline=inline)
