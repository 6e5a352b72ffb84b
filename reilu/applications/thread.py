"""The conversation between a candidate and the contact person of their application (issue 18).

A candidate asks on their status page, through the API or by replying to any mail about
the application; the question reaches the contact person by mail with a link to the
application in the workspace. Staff of the employer with access to the application answer
in the workspace (or the API); the answer reaches the candidate by mail and on the status
page. Every message is an event of the application's timeline (ThreadMessage.event holds
its text).

Each unanswered question carries a promise: an answer within REILU_THREAD_ANSWER_DAYS
working days (Finnish public holidays skipped). The sweep (questions_sweep, in the
worker's applications sweep) tells the candidate honestly when a date passes, sets a new
one and alerts the contact person; an answer keeps the promise.

Replies by email reach the application through its reply address (reply_address in
reilu.applications.mail, the Reply-To of every mail to the candidate about it).
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from reilu.applications import letters
from reilu.applications.anonymity import shown
from reilu.applications.freshness import status_changed
from reilu.applications.mail import application_for_reply, reply_address, tell_candidate
from reilu.applications.models import Application, Event, ThreadMessage
from reilu.applications.promises import sweep_lapsed
from reilu.applications.retention import token_expired
from reilu.employers.models import Organization, staff_language
from reilu.formatting import fmt_date
from reilu.limits import hit
from reilu.messaging.queue import message_queue
from reilu.messaging.texts import compose
from reilu.rules import RuleError
from reilu.workdays import working_days

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django_stubs_ext import StrPromise

# Control characters other than line breaks and tabs have no place in a plain-text message.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def max_chars() -> int:
    return int(settings.REILU_THREAD_MAX_CHARS)


def answer_due(today: dt.date | None = None) -> dt.date:
    """The promised answer date of a question asked `today`: the REILU_THREAD_ANSWER_DAYS-th
    working day after it (asked on a Friday, answered by Tuesday)."""
    today = today or timezone.localdate()
    days = max(1, int(settings.REILU_THREAD_ANSWER_DAYS))
    return working_days(today + dt.timedelta(days=1), days)[-1]


def clean_text(text: str) -> str:
    """A message's text as stored: plain text with `\\n` line breaks, trimmed; refused when
    empty, too long, or holding control characters."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise RuleError("empty", _("Write your message first."))
    if len(text) > max_chars():
        raise RuleError(
            "too_long",
            _("A message can be at most %(max)s characters long; this one has %(count)s.")
            % {"max": max_chars(), "count": len(text)},
        )
    if _CONTROL.search(text):
        raise RuleError(
            "control_characters", _("The message holds control characters; write plain text.")
        )
    return text


# --- Limits -------------------------------------------------------------------------------


def question_limit_reached(app: Application) -> bool:
    """Count one question to `app` (however it came) and say whether its limit is passed."""
    if not getattr(settings, "RATELIMIT_ENABLE", True):
        return False
    rate = settings.REILU_RATES.get("thread_application")
    if not rate:
        return False
    return not hit(f"thread_application:app:{app.pk}", rate)


# --- Writes ---------------------------------------------------------------------------------


def _lock(app: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("posting__organization", "stage")
        .get(pk=app.pk)
    )


def question_ask(*, application: Application, text: str, via: str) -> ThreadMessage:
    """A candidate's question: stored with its promised answer date, mailed to the contact
    person, shown on the status page."""
    text = clean_text(text)
    with transaction.atomic():
        app = _lock(application)
        if token_expired(app):
            raise RuleError("erased", _("The data of this application has been erased."))
        event = Event.objects.create(application=app, kind=Event.Kind.QUESTION, text=text)
        question = ThreadMessage.objects.create(
            application=app,
            event=event,
            author=ThreadMessage.Author.CANDIDATE,
            via=via,
            promised_by=answer_due(),
        )
        _tell_contact(app, question, text)
        status_changed([app.pk])
    return question


def thread_answer(
    *, application: Application, text: str, actor: "User | None", via: str
) -> ThreadMessage:
    """Staff write to the candidate; every open question of the application is answered
    (its promise kept, unless its date had lapsed). The candidate gets it by mail."""
    text = clean_text(text)
    with transaction.atomic():
        app = _lock(application)
        if token_expired(app):
            raise RuleError("erased", _("The data of this application has been erased."))
        now = timezone.now()
        event = Event.objects.create(
            application=app, kind=Event.Kind.ANSWER, text=text, actor=actor
        )
        answer = ThreadMessage.objects.create(
            application=app, event=event, author=ThreadMessage.Author.STAFF, via=via
        )
        open_questions(app).update(answered_at=now)
        if app.first_response_at is None:
            app.first_response_at = now
            app.save(update_fields=["first_response_at"])
        tell_candidate(app, "thread_answer", f"thread-answer:{answer.pk}", text)
        status_changed([app.pk])
    return answer


def open_questions(app: Application) -> QuerySet[ThreadMessage]:
    return ThreadMessage.objects.filter(
        application=app, author=ThreadMessage.Author.CANDIDATE, answered_at__isnull=True
    )


def _staff_url(app: Application) -> str:
    return f"{settings.BASE_URL}/staff/applications/{app.pk}/#thread"


def _mail_contact(
    app: Application,
    letter: tuple["StrPromise", "StrPromise"],
    kind: str,
    dedupe_key: str,
    values: Callable[[str], dict[str, str]],
) -> None:
    """A mail about the conversation to the contact person, in their language; `values`
    gives the letter's own placeholders for that language (dates are formatted in it)."""
    if not app.contact_email:
        return  # the attention view lists the question; a contact who left gets no mail
    language = staff_language(app.posting.organization, app.contact_email)
    subject, body = compose(
        language,
        letter,
        {
            "name": app.display_name,
            "posting": app.posting.title,
            "url": _staff_url(app),
            **values(language),
        },
    )
    message_queue(
        organization=app.posting.organization,
        about=app,
        kind=kind,
        alert_staff_on_failure=False,
        to_email=app.contact_email,
        subject=subject,
        body=body,
        language=language,
        dedupe_key=dedupe_key,
    )


def _tell_contact(app: Application, question: ThreadMessage, text: str) -> None:
    _mail_contact(
        app,
        letters.THREAD_QUESTION,
        "staff_thread_question",
        f"thread-question:{question.pk}",
        lambda language: {
            "text": shown(text, app),
            "due": fmt_date(question.promised_by, language),
        },
    )


# --- The promise ----------------------------------------------------------------------------


def lapsed_questions(today: dt.date | None = None) -> QuerySet[ThreadMessage]:
    today = today or timezone.localdate()
    return ThreadMessage.objects.filter(
        author=ThreadMessage.Author.CANDIDATE,
        answered_at__isnull=True,
        promised_by__lt=today,
        application__erased_at__isnull=True,
    )


def questions_sweep(today: dt.date | None = None, limit: int = 1000) -> int:
    """Every lapsed answer promise once: the candidate is told, a new date is set, the
    contact person alerted. Returns how many questions lapsed."""
    today = today or timezone.localdate()

    def handle(question: ThreadMessage) -> None:
        missed = question.promised_by
        if missed is None:  # cannot be: `due` holds only questions with a past date
            return
        question.promised_by = answer_due(today)
        question.lapses += 1
        question.save(update_fields=["promised_by", "lapses"])
        app = question.application
        Event.objects.create(application=app, kind=Event.Kind.QUESTION_LATE)
        tell_candidate(
            app,
            "question_late",
            f"question-late:{question.pk}:{missed.isoformat()}",
            values={"promised_by": fmt_date(question.promised_by, app.language)},
        )
        _alert_contact_late(app, question, missed)
        status_changed([app.pk])

    due = lapsed_questions(today).select_related(
        "application__posting__organization", "application__stage", "event"
    )
    return sweep_lapsed(due, handle, limit)


def _alert_contact_late(app: Application, question: ThreadMessage, missed: dt.date) -> None:
    _mail_contact(
        app,
        letters.THREAD_LAPSED_ALERT,
        "staff_thread_lapsed",
        f"thread-lapsed-alert:{question.pk}:{missed.isoformat()}",
        lambda language: {
            "missed": fmt_date(missed, language),
            "new": fmt_date(question.promised_by, language),
            "text": shown(question.event.text, app),
        },
    )


@dataclass(frozen=True)
class OpenQuestion:
    question: ThreadMessage
    late: bool  # its date has lapsed at least once, or passed
    text: str  # as staff may see it: masked while the candidate's identity is hidden


def unanswered_questions(org: Organization, limit: int = 100) -> list[OpenQuestion]:
    """The attention view's list: the employer's open questions, the earliest promise first."""
    today = timezone.localdate()
    rows = list(
        ThreadMessage.objects.filter(
            application__posting__organization=org,
            application__erased_at__isnull=True,
            author=ThreadMessage.Author.CANDIDATE,
            answered_at__isnull=True,
        )
        .select_related("application__posting", "event")
        .order_by("promised_by", "id")[:limit]
    )
    return [
        OpenQuestion(
            q,
            q.lapses > 0 or (q.promised_by is not None and q.promised_by < today),
            shown(q.event.text, q.application),
        )
        for q in rows
    ]


__all__ = ["application_for_reply", "reply_address"]
