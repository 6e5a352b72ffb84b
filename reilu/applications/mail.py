"""Mail to a candidate about their application, and what staff alerts need to know of it."""

import datetime as dt
from typing import Any

from django.conf import settings

from reilu.applications.models import AccessToken, Application
from reilu.formatting import fmt_date
from reilu.jobs.stages import stage_text
from reilu.messaging import texts
from reilu.messaging.alerts import Contact
from reilu.messaging.models import Message, employer_templates
from reilu.messaging.queue import message_queue


def status_url(raw_token: str) -> str:
    return f"{settings.BASE_URL}/status/{raw_token}/"


def message_values(app: Application, raw_token: str | None = None, note: str = "") -> dict:
    posting = app.posting
    # Reilu's default stage names in the candidate's language, not the ad's.
    stage_name, stage_description = stage_text(app.stage, app.language)
    return {
        "first_name": app.first_name,
        "posting": posting.title,
        "employer": posting.organization.name,
        "stage": stage_name,
        "stage_description": stage_description,
        "contact_name": app.contact_name,
        "contact_email": app.contact_email,
        "contact_phone": app.contact_phone,
        "promised_by": fmt_date(app.promised_by, app.language),
        "note": note,
        "status_url": status_url(raw_token) if raw_token else "",
    }


def tell_candidate(
    app: Application, kind: str, dedupe_key: str, note: str = "", due_at: dt.datetime | None = None
) -> None:
    """Queue a personal message to the candidate with a fresh status link."""
    raw = AccessToken.issue(app)
    templates = employer_templates(app.posting.organization)
    subject, body = texts.render(kind, app.language, message_values(app, raw, note), templates)
    message_queue(
        organization=app.posting.organization,
        about=app,
        kind=kind,
        to_email=app.email,
        reply_to=app.contact_email,
        subject=subject,
        body=body,
        language=app.language,
        dedupe_key=dedupe_key,
        due_at=due_at,
    )


def contact_of(application_id: int) -> Contact | None:
    """For staff alerts about a message: the application's contact person, in the
    posting's language."""
    app = Application.objects.filter(pk=application_id).select_related("posting").first()
    return Contact(app.contact_email, app.posting.language) if app else None


def messages_delete(sender: object, instance: Application, **kwargs: Any) -> None:
    """An application deleted (by itself or with its posting or employer) takes its
    messages with it (post_delete, connected in ApplicationsConfig.ready())."""
    Message.objects.about(instance).delete()
