"""Documents requested (issue 18, item 2): staff ask the candidate of an application for a
document by a due date, the candidate sends it from their status page or their account.

A request is made by staff of the employer (the workspace or the API); the candidate gets a
mail in the application's language with the status link, and the request is on the status
page, the account's page of the application and the account's task list until it is
received or cancelled. The candidate's upload follows the CV's rules (reilu.applications
.uploads: type by content, size); it fulfils the request and the contact person gets a mail.
Every step is an event of the application's timeline.

The rule for when a request can be made and answered, in one place (`takes_documents`): the
application's data is not erased or due for erasure, and the application is in process or
the candidate was hired (an employer may need a licence or a certificate before the first
day). Once it is withdrawn or not chosen, nothing more is asked or sent: a waiting request
stays in the staff's list as "not received", and leaves the candidate's tasks.
"""

import datetime as dt
import re
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from reilu.applications import letters, uploads
from reilu.applications.anonymity import shown
from reilu.applications.freshness import status_changed
from reilu.applications.mail import tell_candidate
from reilu.applications.models import Application, DocumentRequest, Event
from reilu.applications.retention import token_expired
from reilu.employers.models import staff_language
from reilu.formatting import fmt_date
from reilu.messaging.queue import message_queue
from reilu.messaging.texts import compose
from reilu.rules import RuleError

if TYPE_CHECKING:
    from django.contrib.auth.models import User

WHAT_MAX = 200
NOTE_MAX = 1000
DUE_MAX_DAYS = 365
# Outcomes whose application still takes documents.
TAKING = (Application.Outcome.ACTIVE, Application.Outcome.HIRED)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


class State:
    WAITING = "waiting"
    OVERDUE = "overdue"
    RECEIVED = "received"
    CANCELLED = "cancelled"
    ENDED = "ended"  # not received, and the application no longer takes documents


# --- Rules -----------------------------------------------------------------------------------


def takes_documents(app: Application) -> bool:
    return app.outcome in TAKING and not token_expired(app)


def _refuse_ended(app: Application) -> None:
    if token_expired(app):
        raise RuleError("erased", _("The data of this application has been erased."))
    if app.outcome not in TAKING:
        raise RuleError(
            "not_in_process",
            _("This application is no longer in process, so no documents are asked or sent."),
        )


def clean_what(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise RuleError("document_empty", _("Say which document you ask for."))
    if len(text) > WHAT_MAX:
        raise RuleError(
            "document_too_long",
            _("Name the document in at most %(max)s characters; this has %(count)s.")
            % {"max": WHAT_MAX, "count": len(text)},
        )
    if _CONTROL.search(text):
        raise RuleError("control_characters", _("The text holds control characters."))
    return text


def clean_note(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > NOTE_MAX:
        raise RuleError(
            "note_too_long",
            _("The note can be at most %(max)s characters long; this one has %(count)s.")
            % {"max": NOTE_MAX, "count": len(text)},
        )
    if _CONTROL.search(text):
        raise RuleError("control_characters", _("The text holds control characters."))
    return text


def due_range(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last due date a request may have: today, in the employer's time zone
    (Europe/Helsinki), to a year ahead. A later date is rather a typo (2072 for 2027) than a
    plan, and a request that waits for years keeps a task open on the candidate's account."""
    today = today or timezone.localdate()
    return today, today + dt.timedelta(days=DUE_MAX_DAYS)


def clean_due(due: dt.date, today: dt.date | None = None) -> dt.date:
    first, last = due_range(today)
    if due < first:
        raise RuleError(
            "due_past",
            _("The due date must be today (%(today)s) or later.") % {"today": fmt_date(first)},
        )
    if due > last:
        raise RuleError(
            "due_too_far",
            _("The due date can be at most a year ahead, by %(last)s.") % {"last": fmt_date(last)},
        )
    return due


def state(document: DocumentRequest, today: dt.date | None = None) -> str:
    if document.fulfilled_at is not None:
        return State.RECEIVED
    if document.cancelled_at is not None:
        return State.CANCELLED
    if not takes_documents(document.application):
        return State.ENDED
    if document.due < (today or timezone.localdate()):
        return State.OVERDUE
    return State.WAITING


# --- Reads -----------------------------------------------------------------------------------


def open_q(prefix: str = "") -> Q:
    """Requests waiting for the candidate, as a filter (prefix: a relation path to them)."""
    return Q(
        **{
            f"{prefix}fulfilled_at__isnull": True,
            f"{prefix}cancelled_at__isnull": True,
        }
    )


def requests_of(app: Application) -> list[DocumentRequest]:
    return list(
        DocumentRequest.objects.filter(application=app)
        .select_related("requested_by")
        .order_by("created_at", "id")
    )


def open_requests(app: Application) -> QuerySet[DocumentRequest]:
    if not takes_documents(app):
        return DocumentRequest.objects.none()
    return DocumentRequest.objects.filter(open_q(), application=app).order_by("due", "id")


# --- Writes ----------------------------------------------------------------------------------


def _lock(app: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("posting__organization", "stage")
        .get(pk=app.pk)
    )


def document_request(
    *, application: Application, what: str, note: str, due: dt.date, actor: "User | None"
) -> DocumentRequest:
    """Ask the candidate for a document: stored, on the timeline, mailed to the candidate in
    the application's language with their status link."""
    what, note, due = clean_what(what), clean_note(note), clean_due(due)
    with transaction.atomic():
        app = _lock(application)
        _refuse_ended(app)
        document = DocumentRequest.objects.create(
            application=app, what=what, note=note, due=due, requested_by=actor
        )
        Event.objects.create(
            application=app, kind=Event.Kind.DOCUMENT_REQUESTED, text=what, actor=actor
        )
        tell_candidate(
            app,
            "document_requested",
            f"document-request:{document.pk}",
            note=note,
            values={"document": what, "due": fmt_date(due, app.language)},
        )
        status_changed([app.pk])
    return document


def document_cancel(*, document: DocumentRequest, actor: "User | None") -> DocumentRequest:
    """Staff no longer need the document: it leaves the candidate's pages and tasks (the
    timeline says so) and the candidate is told by mail while the application is in
    process. A received document cannot be cancelled."""
    with transaction.atomic():
        app = _lock(document.application)
        document = DocumentRequest.objects.select_for_update().get(pk=document.pk)
        if not document.is_waiting:
            raise RuleError("document_closed", _("This request is no longer open."))
        document.cancelled_at = timezone.now()
        document.save(update_fields=["cancelled_at"])
        Event.objects.create(
            application=app, kind=Event.Kind.DOCUMENT_CANCELLED, text=document.what, actor=actor
        )
        # A candidate who is still in the process may be preparing the file; an ended
        # application's requests already read "no longer needed" and get no more mail.
        if takes_documents(app):
            tell_candidate(
                app,
                "document_cancelled",
                f"document-cancel:{document.pk}",
                values={"document": document.what},
            )
        status_changed([app.pk])
    return document


def check_file(upload: UploadedFile) -> str:
    """The file's type, or RuleError with the CV upload's messages (code: the check's)."""
    try:
        return uploads.check_document(upload)
    except ValidationError as exc:
        raise RuleError(exc.code or "file_type", exc.messages[0]) from exc


def document_upload(*, document: DocumentRequest, upload: UploadedFile) -> DocumentRequest:
    """The candidate sends the document: checked like a CV, stored under a random name,
    the request fulfilled, the timeline told, the contact person mailed. Nothing is stored
    when anything refuses it."""
    content_type = check_file(upload)
    with transaction.atomic():
        app = _lock(document.application)
        _refuse_ended(app)
        document = DocumentRequest.objects.select_for_update().get(pk=document.pk)
        if not document.is_waiting:
            raise RuleError("document_closed", _("This request is no longer open."))
        name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
        document.file.save(name or "document", upload, save=False)
        try:
            document.file_name = name
            document.file_type = content_type
            document.fulfilled_at = timezone.now()
            document.save(update_fields=["file", "file_name", "file_type", "fulfilled_at"])
            Event.objects.create(
                application=app, kind=Event.Kind.DOCUMENT_RECEIVED, text=document.what
            )
            _tell_contact(app, document)
            status_changed([app.pk])
        except BaseException:
            document.file.delete(save=False)
            raise
    # The file stays if a later part of the transaction fails; see the try above.
    return document


def _tell_contact(app: Application, document: DocumentRequest) -> None:
    if not app.contact_email:
        return  # a contact who left: the application's page shows the document
    language = staff_language(app.posting.organization, app.contact_email)
    subject, body = compose(
        language,
        letters.DOCUMENT_RECEIVED,
        {
            "name": app.display_name,
            "posting": app.posting.title,
            "document": shown(document.what, app),
            "url": f"{settings.BASE_URL}/staff/applications/{app.pk}/#documents",
        },
    )
    message_queue(
        organization=app.posting.organization,
        about=app,
        kind="staff_document_received",
        alert_staff_on_failure=False,
        to_email=app.contact_email,
        subject=subject,
        body=body,
        language=language,
        dedupe_key=f"document-received:{document.pk}",
    )


# --- Privacy ---------------------------------------------------------------------------------


def documents_export(app: Application) -> list[dict]:
    return [
        {
            "document": d.what,
            "note": d.note,
            "due": d.due,
            "requested_at": d.created_at,
            "requested_by": (d.requested_by.get_full_name() or d.requested_by.get_username())
            if d.requested_by
            else None,
            "cancelled_at": d.cancelled_at,
            "received_at": d.fulfilled_at,
            "file_name": d.file_name,
            "file_in_archive": f"documents/{d.pk}-{_safe(d.file_name)}" if d.file else None,
        }
        for d in requests_of(app)
    ]


def documents_files(app: Application) -> list[tuple[str, bytes]]:
    files = []
    for d in DocumentRequest.objects.filter(application=app).exclude(file="").order_by("id"):
        with d.file.open("rb") as f:
            files.append((f"documents/{d.pk}-{_safe(d.file_name)}", f.read()))
    return files


def _safe(name: str) -> str:
    return (name or "document").replace("/", "_").replace("\\", "_")


def documents_erase(app: Application) -> None:
    """Erasure: the texts blanked, the files deleted once the erasure commits; the dates
    stay (when asked, when received) like the events' dates."""
    rows = list(DocumentRequest.objects.filter(application=app).exclude(file=""))
    names = [d.file.name for d in rows]
    DocumentRequest.objects.filter(application=app).update(
        what="", note="", file="", file_name="", file_type=""
    )
    if names:
        storage = DocumentRequest._meta.get_field("file").storage

        def delete() -> None:
            for name in names:
                storage.delete(name)

        transaction.on_commit(delete)
