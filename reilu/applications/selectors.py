"""Reads about applications shared by the status page, the API and staff pages."""

from django.conf import settings

from reilu.applications.documents import requests_of, takes_documents
from reilu.applications.models import Application, Event, ThreadMessage
from reilu.messaging.models import Message


def candidate_timeline(app: Application) -> list[Event]:
    return list(
        app.events.filter(visible_to_candidate=True)
        .select_related("stage")
        .order_by("created_at", "id")
    )


def candidate_messages(app: Application) -> list[Message]:
    """The mail to the candidate about their application: exactly the messages about it
    whose failure staff hear of (mail to staff about it does not alert staff)."""
    return list(app.messages.filter(alert_staff_on_failure=True).order_by("created_at", "id"))


def application_thread(app: Application) -> list[ThreadMessage]:
    """The conversation between the candidate and the contact person, oldest first, each
    message with its event (text, author) read in the same query. Shared by the status
    page, the workspace, the API and the seeker's account."""
    return list(
        ThreadMessage.objects.filter(application=app)
        .select_related("event__actor")
        .order_by("created_at", "id")
    )


def status_context(app: Application) -> dict:
    stages = list(app.posting.stages.all())
    position = next((i for i, s in enumerate(stages) if s.pk == app.stage_id), 0)
    next_stage = stages[position + 1] if position + 1 < len(stages) else None
    return {
        "app": app,
        "posting": app.posting,
        "org": app.posting.organization,
        "stages": stages,
        "position": position + 1,
        "total": len(stages),
        "next_stage": next_stage,
        "events": candidate_timeline(app),
        "messages_sent": candidate_messages(app),
        "thread": application_thread(app),
        "thread_max": settings.REILU_THREAD_MAX_CHARS,
        "thread_days": settings.REILU_THREAD_ANSWER_DAYS,
        "replies_by_email": bool(settings.REILU_REPLY_DOMAIN),
        "documents": requests_of(app),
        "takes_documents": takes_documents(app),
        "upload_limit_mb": settings.REILU_MAX_UPLOAD_BYTES // 1_048_576,
    }
