"""The seeker's own applications, tasks and conversations, for the session their sign-in
opened.

Authenticated like /api/v1/talent/me: the session cookie of a seeker signed in by link or
code; there are no bearer tokens for seekers. Every answer is scoped to the applications
made with the seeker's verified address (reilu.seekers.selectors).
"""

import datetime as dt
from typing import Any

from django_ratelimit.exceptions import Ratelimited
from ninja import Router, Schema, Status

from reilu.api.schemas import Error, Problems, Refusal
from reilu.applications import schemas as thread_schemas
from reilu.applications.api import open_documents_out, thread_message_out, thread_out
from reilu.applications.models import Application, ThreadMessage
from reilu.applications.thread import clean_text, question_ask, question_limit_reached
from reilu.limits import rate_limited
from reilu.seekers import selectors
from reilu.talent.api import SEEKER_AUTH_DOC, seeker_auth

router = Router(tags=["seeker"])
NOT_FOUND = {"detail": "Not found."}


class ApplicationOut(Schema):
    id: int
    employer: str
    posting: str
    stage: str
    outcome: str
    contact_name: str
    contact_email: str
    contact_phone: str
    promised_by: dt.date | None
    created_at: dt.datetime


def _row(app: Application) -> dict[str, Any]:
    return {
        "id": app.pk,
        "employer": app.posting.organization.name,
        "posting": app.posting.title,
        "stage": app.stage.name,
        "outcome": app.outcome,
        "contact_name": app.contact_name,
        "contact_email": app.contact_email,
        "contact_phone": app.contact_phone,
        "promised_by": app.promised_by,
        "created_at": app.created_at,
    }


class EventOut(Schema):
    kind: str
    label: str
    stage: str | None
    text: str
    created_at: dt.datetime


class MessageOut(Schema):
    subject: str
    body: str
    state: str
    created_at: dt.datetime


class ApplicationDetailOut(ApplicationOut):
    timeline: list[EventOut]
    messages: list[MessageOut]
    document_requests: list[thread_schemas.OpenDocumentRequest]


class TaskOut(Schema):
    kind: str
    title: str
    application: int
    employer: str
    posting: str
    deadline: dt.datetime | None
    waiting_for_you: bool


@router.get(
    "/seeker/applications",
    auth=seeker_auth,
    response={200: list[ApplicationOut], 401: Error},
    summary="Your applications at every employer (seeker)",
    description=SEEKER_AUTH_DOC,
)
def my_applications(request):  # type: ignore[no-untyped-def]
    return [_row(app) for app in selectors.applications_of(request.seeker)]


@router.get(
    "/seeker/applications/{application_id}",
    auth=seeker_auth,
    response={200: ApplicationDetailOut, 401: Error, 404: Error},
    summary="One of your applications with its timeline and messages (seeker)",
    description=SEEKER_AUTH_DOC,
)
def my_application(request, application_id: int):  # type: ignore[no-untyped-def]
    app = selectors.application_of(request.seeker, application_id)
    if app is None:
        return Status(404, NOT_FOUND)
    detail = selectors.application_detail(app)
    return {
        **_row(app),
        "timeline": [
            {
                "kind": e.kind,
                "label": str(e.get_kind_display()),
                "stage": e.stage.name if e.stage else None,
                "text": e.text,
                "created_at": e.created_at,
            }
            for e in detail["events"]
        ],
        "messages": [
            {"subject": m.subject, "body": m.body, "state": m.state, "created_at": m.created_at}
            for m in detail["messages_sent"]
        ],
        # Sent from the account's page of the application (/me/applications/<id>/).
        "document_requests": open_documents_out(app),
    }


@router.get(
    "/seeker/tasks",
    auth=seeker_auth,
    response={200: list[TaskOut], 401: Error},
    summary="What waits for you at every employer (seeker)",
    description=SEEKER_AUTH_DOC
    + " Tasks are acted on in the browser, on the application's own pages (/me/tasks/).",
)
def my_tasks(request):  # type: ignore[no-untyped-def]
    return [
        {
            "kind": t.kind,
            "title": str(t.title),
            "application": t.application.pk,
            "employer": t.application.posting.organization.name,
            "posting": t.application.posting.title,
            "deadline": t.deadline,
            "waiting_for_you": t.to_do,
        }
        for t in selectors.tasks_of(request.seeker)
    ]


@router.get(
    "/seeker/applications/{application_id}/thread",
    auth=seeker_auth,
    response={200: thread_schemas.Thread, 401: Error, 404: Error},
    summary="Your conversation with the contact person of one application (seeker)",
    description=SEEKER_AUTH_DOC,
)
def my_thread(request, application_id: int):  # type: ignore[no-untyped-def]
    app = selectors.application_of(request.seeker, application_id)
    if app is None:
        return Status(404, NOT_FOUND)
    return thread_out(app)


@router.post(
    "/seeker/applications/{application_id}/thread",
    auth=seeker_auth,
    response={
        201: thread_schemas.ThreadMessageOut,
        400: Error | Refusal,
        401: Error,
        403: Error,
        404: Error,
        410: Refusal,
        422: Problems,
        429: Error,
    },
    summary="Write to the contact person of one of your applications (seeker)",
    description=SEEKER_AUTH_DOC
    + " The status page's rules: plain text, no attachments, limited per client (the same"
    " counter as the status page's form) and per application; answered within two working"
    " days, by mail and on the application's pages.",
)
@rate_limited("thread", method="POST")  # the same counter as the status page's form
def my_thread_ask(request, application_id: int, payload: thread_schemas.ThreadIn):  # type: ignore[no-untyped-def]
    app = selectors.application_of(request.seeker, application_id)
    if app is None:
        return Status(404, NOT_FOUND)
    clean_text(payload.text)
    if question_limit_reached(app):
        raise Ratelimited
    question = question_ask(application=app, text=payload.text, via=ThreadMessage.Via.API)
    return Status(201, thread_message_out(app, question))
