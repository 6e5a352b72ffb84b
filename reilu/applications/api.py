"""Applications in the API: applying, a candidate's own status by token, and staff's list,
moves and decisions (scoped to the token's employer)."""

import json

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_ratelimit.exceptions import Ratelimited
from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile

from reilu.api import schemas as shared
from reilu.api.auth import staff_auth
from reilu.applications import documents, services
from reilu.applications import schemas as s
from reilu.applications.anonymity import shown
from reilu.applications.forms import ApplyForm, unmet_notice
from reilu.applications.models import Application, ThreadMessage
from reilu.applications.selectors import application_thread, status_context
from reilu.applications.thread import (
    clean_text,
    question_ask,
    question_limit_reached,
    thread_answer,
)
from reilu.applications.tokens import application_for_token
from reilu.jobs.api import NOT_FOUND, org_posting
from reilu.jobs.models import Posting, Question, Stage
from reilu.jobs.views import PUBLIC_STATES
from reilu.limits import rate_limited
from reilu.privacy.models import AuditEvent
from reilu.privacy.services import audit_listed, audit_record, record_notice_acceptance
from reilu.rules import DuplicateApplication, RuleError
from reilu.textfields import Line, Text

public = Router(tags=["public"])
staff = Router(tags=["staff"], auth=staff_auth)
MAX_ID = 2**63 - 1  # the largest id any of the databases stores


@public.post(
    "/jobs/{slug}/applications",
    response={
        201: s.Applied,
        404: shared.Error,
        409: shared.Refusal,
        410: shared.Refusal,
        422: shared.Problems | shared.Refusal,
        429: shared.Error,
    },
)
@rate_limited("apply", method="POST")  # the same counter as the apply page
def apply(
    request,
    slug: str,
    name: Line = Form(...),
    email: Line = Form(...),
    language: Line = Form(...),
    privacy_consent: Line = Form(...),
    phone: Line = Form(""),
    cover_letter: Text = Form(""),
    talent_consent: Line = Form(""),
    answers: Text = Form(
        "",
        description="The answers to the job's questions as a JSON object by question id, e.g. "
        '`{"12": true, "13": "Helsinki", "14": ["SQL", "Python"], "15": 3}`.',
    ),
    cv: UploadedFile = File(None),
):
    posting = (
        Posting.objects.select_related("organization")
        .filter(slug=slug, state__in=PUBLIC_STATES)
        .first()
    )
    if posting is None:
        return Status(404, {"detail": _("No such job.")})
    if not posting.is_open:
        raise RuleError("closed", _("This job no longer takes applications."))
    questions = list(posting.questions.all())
    # The same form as the web page: one set of rules for every way of applying.
    form = ApplyForm(
        {
            "name": name,
            "email": email,
            "phone": phone,
            "cover_letter": cover_letter,
            "language": language,
            "privacy_consent": privacy_consent,
            "talent_consent": talent_consent,
            **_answer_fields(questions, answers),
        },
        {"cv": cv} if cv is not None else {},
        questions=questions,
    )
    if not form.is_valid():
        for question in questions:
            name = ApplyForm.question_name(question)
            if name in form.unmet and not question.may_apply_anyway:
                raise RuleError("requirement_not_met", unmet_notice(question))
            for message in form.errors.get(name, []):
                raise RuleError("bad_answer", f"{question.text}: {message}")
        # The form's refusals in the shape of the schema's (a missing field, a wrong type):
        # one status and one list of {code, field, message} for every invalid field.
        return Status(422, {"detail": form_problems(form)})
    try:
        app, raw = form.submit(posting)
    except DuplicateApplication:
        raise
    except (RuleError, ValidationError) as exc:
        # Whatever else refuses at the last moment, the API says "closed" in its own words.
        raise RuleError("closed", _("This job no longer takes applications.")) from exc
    # The API client is expected to have shown the employer's current notice.
    record_notice_acceptance(application=app, version=None)
    return Status(201, {"id": app.pk, "status_url": services.status_url(raw)})


def form_problems(form: forms.Form) -> list[dict[str, str]]:
    """A Django form's errors as the API's validation problems: code, field, message."""
    return [
        {
            "code": error.code or "invalid",
            "field": "" if field == NON_FIELD_ERRORS else field,
            "message": " ".join(str(m) for m in error.messages),
        }
        for field, errors in form.errors.as_data().items()
        for error in errors
    ]


def _answer_fields(questions: list[Question], raw: str) -> dict:
    """The API's answers as the apply form's fields; RuleError("bad_answer") if malformed."""
    if not raw.strip():
        return {}
    try:
        given = json.loads(raw)
    except ValueError:
        given = None
    if not isinstance(given, dict):
        raise RuleError("bad_answer", _("Give the answers as a JSON object keyed by question id."))
    by_id = {str(q.pk): q for q in questions}
    unknown = [key for key in given if key not in by_id]
    if unknown:
        raise RuleError(
            "bad_answer",
            _("This job has no question with the id %(id)s.") % {"id": unknown[0][:20]},
        )
    fields = {}
    for key, value in given.items():
        question = by_id[key]
        if question.kind == Question.Kind.YES_NO and isinstance(value, bool):
            value = "yes" if value else "no"
        elif question.kind == Question.Kind.NUMBER and isinstance(value, int | float):
            value = str(value) if not isinstance(value, bool) else value
        elif value is None:
            value = ""
        if question.kind == Question.Kind.MANY:
            if not isinstance(value, list):
                value = [value]
        elif not isinstance(value, str):
            wrong = _("This answer has the wrong type.")
            raise RuleError("bad_answer", f"{question.text}: {wrong}")
        fields[ApplyForm.question_name(question)] = value
        if question.knockout and question.may_apply_anyway:
            # The client has the screening rules from the job (GET /jobs/{slug}) and tells
            # the candidate before sending; an answer that does not meet one is kept as such.
            fields[f"{ApplyForm.question_name(question)}_anyway"] = "on"
    return fields


def _status(app) -> dict:
    ctx = status_context(app)
    return {
        "posting": app.posting.title,
        "employer": app.posting.organization.name,
        "stage": app.stage.name,
        "stage_description": app.stage.description,
        "stage_position": ctx["position"],
        "stage_total": ctx["total"],
        "outcome": app.outcome,
        "contact": {
            "name": app.contact_name,
            "email": app.contact_email,
            "phone": app.contact_phone,
        },
        "promised_by": app.promised_by if app.is_active else None,
        "events": [
            {
                "kind": e.kind,
                "label": e.get_kind_display(),
                "stage": e.stage.name if e.stage else None,
                "text": e.text,
                "at": e.created_at,
            }
            for e in ctx["events"]
        ],
        "messages": [
            {
                "subject": m.subject,
                "state": m.state,
                "created_at": m.created_at,
                "sent_at": m.sent_at,
            }
            for m in ctx["messages_sent"]
        ],
        "document_requests": open_documents_out(app),
    }


def open_documents_out(app: Application) -> list[dict]:
    """The requests waiting for the candidate (status token and seeker APIs)."""
    return [
        {"id": d.pk, "document": d.what, "note": d.note, "due": d.due}
        for d in documents.open_requests(app)
    ]


@public.get(
    "/status/{token}", response={200: s.ApplicationStatus, 404: shared.Error, 429: shared.Error}
)
def status(request, token: str):
    app = application_for_token(token, request=request)
    return _status(app)


@public.post(
    "/status/{token}/withdraw",
    response={200: s.ApplicationStatus, 404: shared.Error, 409: shared.Refusal},
)
def withdraw(request, token: str):
    app = application_for_token(token)
    try:
        app = services.application_withdraw(application=app)
    except RuleError as exc:
        # The API's own wording of the refusal, with its code.
        raise RuleError(exc.code, _("This application is no longer in process.")) from exc
    return _status(app)


def thread_message_out(app: Application, m: ThreadMessage) -> dict:
    """One message of the conversation as the API answers it (status, staff and seeker)."""
    actor = m.event.actor
    # As on the status page: a login name (often an email address) is never shown.
    staff_name = (actor.get_full_name() if actor else "") or app.contact_name
    return {
        "id": m.pk,
        "author": m.author,
        "author_name": (app.name or app.display_name)
        if m.author == ThreadMessage.Author.CANDIDATE
        else staff_name,
        "via": m.via,
        "text": m.event.text,
        "at": m.created_at,
        "answer_promised_by": m.promised_by if m.is_open else None,
        "answered_at": m.answered_at,
    }


def thread_out(app: Application) -> dict:
    return {
        "contact_name": app.contact_name,
        "messages": [thread_message_out(app, m) for m in application_thread(app)],
    }


@public.get(
    "/status/{token}/thread",
    response={200: s.Thread, 404: shared.Error, 429: shared.Error},
)
def status_thread(request, token: str):
    """The candidate's conversation with the contact person of their application."""
    return thread_out(application_for_token(token, request=request))


@public.post(
    "/status/{token}/thread",
    response={
        201: s.ThreadMessageOut,
        400: shared.Error | shared.Refusal,
        404: shared.Error,
        410: shared.Refusal,
        422: shared.Problems,
        429: shared.Error,
    },
)
@rate_limited("thread", method="POST")  # the same counter as the status page's form
def status_thread_ask(request, token: str, payload: s.ThreadIn):
    """A question to the contact person: mailed to them, answered within two working days
    (by mail and on the status page). Limited per client and per application."""
    app = application_for_token(token, request=request)
    clean_text(payload.text)
    if question_limit_reached(app):
        raise Ratelimited
    question = question_ask(application=app, text=payload.text, via=ThreadMessage.Via.API)
    return Status(201, thread_message_out(app, question))


def _org_application(request, pk: int) -> Application | None:
    if not 0 < pk <= MAX_ID:
        return None
    return (
        Application.objects.select_related("posting__organization", "stage")
        .filter(pk=pk, posting__organization=request.org)
        .first()
    )


def _viewed_application(request, pk: int):
    """One of the employer's applications, its reading recorded in the access log like a
    view of the application; None when it is not the employer's."""
    app = _org_application(request, pk)
    if app is not None:
        audit_record(
            organization=app.posting.organization,
            action=AuditEvent.Action.VIEW_APPLICATION,
            obj=app,
            actor=request.user,
        )
    return app


@staff.get(
    "/applications/{pk}/thread",
    response={200: s.Thread, 401: shared.Error, 404: shared.Error},
)
def application_thread_read(request, pk: int):
    """The conversation of one of the employer's applications (recorded in the access log
    like a view of the application)."""
    app = _viewed_application(request, pk)
    if app is None:
        return Status(404, NOT_FOUND)
    return thread_out(app)


@staff.post(
    "/applications/{pk}/thread",
    response={
        201: s.ThreadMessageOut,
        400: shared.Error | shared.Refusal,
        401: shared.Error,
        404: shared.Error,
        410: shared.Refusal,
        422: shared.Problems,
    },
)
def application_thread_answer(request, pk: int, payload: s.ThreadIn):
    """Write to the candidate: every open question is answered; the candidate gets it by
    mail and on their status page."""
    app = _org_application(request, pk)
    if app is None:
        return Status(404, NOT_FOUND)
    answer = thread_answer(
        application=app, text=payload.text, actor=request.user, via=ThreadMessage.Via.API
    )
    return Status(201, thread_message_out(app, answer))


def _document_out(app: Application, d) -> dict:
    return {
        "id": d.pk,
        "document": shown(d.what, app),
        "note": shown(d.note, app),
        "due": d.due,
        "state": documents.state(d),
        "requested_at": d.created_at,
        "received_at": d.fulfilled_at,
        "cancelled_at": d.cancelled_at,
        "file_name": shown(d.file_name, app),
    }


@staff.get(
    "/applications/{pk}/document-requests",
    response={200: s.DocumentRequests, 401: shared.Error, 404: shared.Error},
)
def application_documents(request, pk: int):
    """The documents asked of the candidate of one of the employer's applications, with
    their state (recorded in the access log like a view of the application)."""
    app = _viewed_application(request, pk)
    if app is None:
        return Status(404, NOT_FOUND)
    return {"items": [_document_out(app, d) for d in documents.requests_of(app)]}


@staff.post(
    "/applications/{pk}/document-requests",
    response={
        201: s.DocumentRequestOut,
        400: shared.Error | shared.Refusal,
        401: shared.Error,
        404: shared.Error,
        409: shared.Refusal,
        410: shared.Refusal,
        422: shared.Problems | shared.Refusal,
    },
)
def application_document_request(request, pk: int, payload: s.DocumentRequestIn):
    """Ask the candidate for a document: they get a mail in the application's language and
    send the file from their status page or account. Refused with 422 `due_past` for a date
    before today and `due_too_far` for one more than a year ahead, 409 `not_in_process`
    once the application is withdrawn or not chosen."""
    app = _org_application(request, pk)
    if app is None:
        return Status(404, NOT_FOUND)
    document = documents.document_request(
        application=app,
        what=payload.document,
        note=payload.note,
        due=payload.due,
        actor=request.user,
    )
    return Status(201, _document_out(app, document))


@staff.get(
    "/postings/{pk}/applications",
    response={200: s.ApplicationPage, 401: shared.Error, 404: shared.Error, 422: shared.Problems},
)
def posting_applications(
    request,
    pk: int,
    outcome: str = "",
    stage: int = Query(0, ge=0, le=MAX_ID),
    limit: int = 100,
    offset: int = 0,
):
    posting = org_posting(request, pk)
    if posting is None:
        return Status(404, NOT_FOUND)
    apps = Application.objects.filter(posting=posting).select_related("stage")
    if outcome in Application.Outcome.values:
        apps = apps.filter(outcome=outcome)
    if stage:
        apps = apps.filter(stage_id=stage)
    limit = max(1, min(limit, 500))
    offset = max(0, min(offset, 10**9))
    page = list(apps.order_by("id")[offset : offset + limit])
    # Names and emails leave Reilu here (no CV: the list has neither its file nor a link),
    # except during an anonymous first review: then the pseudonym and no email (issue 19).
    audit_listed(organization=posting.organization, applications=page, actor=request.user)
    items = [
        {
            "id": a.pk,
            "name": a.display_name,
            "email": "" if a.identity_hidden else a.email,
            "identity_hidden": a.identity_hidden,
            "stage_id": a.stage_id,
            "stage": a.stage.name,
            "outcome": a.outcome,
            "promised_by": a.promised_by,
            "created_at": a.created_at,
        }
        for a in page
    ]
    return {"count": apps.count(), "items": items}


@staff.post(
    "/applications/{pk}/move",
    response={
        200: s.MoveOut,
        400: shared.Error,
        401: shared.Error,
        404: shared.Error,
        409: shared.Refusal,
    },
)
def application_move(request, pk: int, payload: s.MoveIn):
    app = Application.objects.filter(pk=pk, posting__organization=request.org).first()
    if app is None:
        return Status(404, NOT_FOUND)
    to_stage = None
    if payload.to != "next":
        try:
            stage_id = int(payload.to)
            if not 0 < stage_id < 2**63:
                raise ValueError
        except ValueError:
            return Status(400, {"detail": _('"to" must be "next" or a stage id.')})
        to_stage = Stage.objects.filter(pk=stage_id, posting_id=app.posting_id).first()
        if to_stage is None:
            return Status(400, {"detail": _("That stage does not belong to this posting.")})
    app = services.application_move(
        application=app, actor=request.user, to_stage=to_stage, note=payload.note
    )
    return {
        "id": app.pk,
        "stage_id": app.stage_id,
        "stage": app.stage.name,
        "promised_by": app.promised_by,
    }


@staff.post(
    "/applications/decisions",
    response={200: s.DecisionsOut, 401: shared.Error, 422: shared.Problems},
)
def decisions(request, payload: s.DecisionsIn):
    # The services take any language code; the API accepts only Reilu's three.
    notes: dict[str, str] | None = None
    if payload.notes is not None:
        notes = {language: text for language, text in payload.notes.items()}
    with transaction.atomic():
        updated = services.applications_decide(
            organization=request.org,
            application_ids=payload.application_ids,
            outcome=payload.outcome,
            note=payload.note,
            notes=notes,
            actor=request.user,
        )
    return {"updated": updated}


router = Router()
router.add_router("", public)
router.add_router("", staff)
