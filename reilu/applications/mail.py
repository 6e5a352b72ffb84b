"""Mail to a candidate about their application, and what staff alerts need to know of it."""

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

from reilu.applications.models import AccessToken, Application
from reilu.applications.retention import token_expired
from reilu.formatting import fmt_date
from reilu.jobs.stages import stage_text
from reilu.messaging import texts
from reilu.messaging.alerts import Contact
from reilu.messaging.models import Message, employer_templates
from reilu.messaging.queue import message_queue

# Replies by email: reply+<id>-<HMAC of the id under SECRET_KEY>@REILU_REPLY_DOMAIN. 128 bits
# of MAC cannot be guessed; lower-case hex survives mail servers that fold the local part.
_REPLY_SALT = "reilu.applications.thread.reply"
_REPLY_LOCAL = re.compile(r"^reply\+(\d{1,19})-([0-9a-f]{32})$")


def reply_token(application_id: int) -> str:
    mac = salted_hmac(_REPLY_SALT, str(application_id), algorithm="sha256").hexdigest()[:32]
    return f"{application_id}-{mac}"


def reply_address(app: Application) -> str:
    """The Reply-To of mail to the candidate about `app`: the application's reply address
    when replies by email are on (REILU_REPLY_DOMAIN), else the contact person's address."""
    domain = settings.REILU_REPLY_DOMAIN
    if not domain or app.pk is None:
        return app.contact_email
    return f"reply+{reply_token(app.pk)}@{domain}"


def application_for_reply(address: str) -> Application | None:
    """The application a reply address belongs to; None for anything else, an address of an
    erased application included. Reads nothing but the application's row."""
    domain = settings.REILU_REPLY_DOMAIN
    local, _at, host = (address or "").strip().strip("<>").lower().rpartition("@")
    if not domain or host != domain:
        return None
    match = _REPLY_LOCAL.match(local)
    if match is None:
        return None
    pk = int(match.group(1))
    if not constant_time_compare(f"{match.group(1)}-{match.group(2)}", reply_token(pk)):
        return None
    app = Application.objects.select_related("posting__organization", "stage").filter(pk=pk).first()
    if app is None or token_expired(app):
        return None
    return app


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
    app: Application,
    kind: str,
    dedupe_key: str,
    note: str = "",
    due_at: dt.datetime | None = None,
    values: dict[str, str] | None = None,
) -> None:
    """Queue a personal message to the candidate with a fresh status link; `values`
    replace placeholders' usual values (e.g. a question's promised answer date)."""
    raw = AccessToken.issue(app)
    templates = employer_templates(app.posting.organization)
    filled = {**message_values(app, raw, note), **(values or {})}
    subject, body = texts.render(kind, app.language, filled, templates)
    message_queue(
        organization=app.posting.organization,
        about=app,
        kind=kind,
        to_email=app.email,
        reply_to=reply_address(app),
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
