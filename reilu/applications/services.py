"""Every change to an application, shared by the HTML views, the API, commands and tasks.

Each function keeps the core invariant (docs/architecture.md): an active application has a stage, a
contact person and a promised date, and the candidate is told of every visible change in
the same transaction (through the outbox).
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from reilu.applications.anonymity import hidden_q, shown
from reilu.applications.freshness import status_changed
from reilu.applications.mail import message_values, reply_address, status_url, tell_candidate
from reilu.applications.models import AccessToken, Answer, Application, Event
from reilu.applications.promises import close_open, promise_for, promise_renew
from reilu.applications.signals import process_ended
from reilu.applications.tasks import end_processes
from reilu.employers.models import hash_token
from reilu.jobs.models import Posting, Question, Stage
from reilu.messaging import texts
from reilu.messaging.models import employer_templates
from reilu.messaging.queue import Mail, message_queue, messages_queue
from reilu.rules import DuplicateApplication, RuleError

INTERVIEW_KINDS = (
    Stage.Kind.INTERVIEW,
    Stage.Kind.ASSIGNMENT,
    Stage.Kind.DECISION,
    Stage.Kind.OFFER,
)


def application_submit(
    *,
    posting: Posting,
    name: str,
    email: str,
    language: str,
    privacy_consent: bool,
    phone: str = "",
    cover_letter: str = "",
    cv=None,
    cv_type: str = "",
    talent_consent: bool = False,
    answers: list[tuple[Question, str]] | None = None,
) -> tuple[Application, str]:
    """Store an application and queue its confirmation; returns it with its raw token.

    `answers` are the checked answers to the posting's questions (the apply form's), each
    stored with a copy of its question's wording.

    Raises DuplicateApplication (after mailing the status link again) when the same email
    already has an active application for the posting.
    """
    if not posting.is_open:
        raise RuleError("closed", _("This posting no longer takes applications."))
    if not privacy_consent:
        raise RuleError("consent", _("The privacy notice must be accepted."))
    email_key = email.strip().lower()
    # Raises Stage.DoesNotExist for a posting without stages, which the publish gate forbids.
    first_stage = posting.stages.earliest("position")
    promised_by = promise_for(first_stage)
    app = Application(
        posting=posting,
        stage=first_stage,
        name=name.strip(),
        email=email.strip(),
        email_key=email_key,
        phone=phone.strip(),
        cover_letter=cover_letter,
        language=language,
        contact_name=posting.contact_name,
        contact_email=posting.contact_email,
        contact_phone=posting.contact_phone,
        promised_by=promised_by,
        privacy_consent_at=timezone.now(),
        talent_consent=talent_consent,
        anonymous_review=posting.anonymous_review,
    )
    if cv is not None:
        app.cv_name = (getattr(cv, "name", "") or "cv")[-200:]
        app.cv_type = cv_type
        app.cv.save(uuid.uuid4().hex, cv, save=False)
    try:
        with transaction.atomic():
            app.save()
            Event.objects.create(application=app, kind=Event.Kind.APPLIED, stage=first_stage)
            Answer.objects.bulk_create(
                Answer(
                    application=app,
                    question=question,
                    position=question.position,
                    question_text=question.text,
                    kind=question.kind,
                    value=value,
                    meets=question.meets(value),
                    requirement=question.requirement if question.knockout else "",
                )
                for question, value in answers or []
            )
            promise_renew(app, promised_by)
            raw = AccessToken.issue(app)
            subject, body = texts.render(
                "received",
                language,
                message_values(app, raw),
                employer_templates(posting.organization),
            )
            message_queue(
                organization=posting.organization,
                about=app,
                kind="received",
                to_email=app.email,
                reply_to=reply_address(app),
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"received:{app.pk}",
            )
    except IntegrityError:
        if app.cv:
            app.cv.storage.delete(app.cv.name)
        # The same address already has an active application here (the constraint
        # one_active_application_per_email decides, also when two submissions race): that
        # one stands. Looking first would only repeat the constraint's check.
        existing = Application.objects.filter(
            posting=posting, email_key=email_key, outcome=Application.Outcome.ACTIVE
        ).first()
        if existing is None:
            raise
        _resend_link(existing)
        raise DuplicateApplication(existing) from None
    except BaseException:
        if app.cv:
            app.cv.storage.delete(app.cv.name)
        raise
    return app, raw


def _resend_link(app: Application) -> None:
    # At most one reminder an hour, so nobody can flood a candidate's inbox.
    hour = timezone.now().strftime("%Y%m%d%H")
    with transaction.atomic():
        Event.objects.create(application=app, kind=Event.Kind.DUPLICATE)
        tell_candidate(app, "duplicate", f"duplicate:{app.pk}:{hour}")
        status_changed([app.pk])


def _lock(app: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("posting__organization", "stage")
        .get(pk=app.pk)
    )


def application_move(
    *, application: Application, actor=None, to_stage: Stage | None = None, note: str = ""
) -> Application:
    """Move to `to_stage` (default: the next stage), set a new promise, tell the candidate."""
    with transaction.atomic():
        app = _lock(application)
        if not app.is_active:
            raise RuleError("not_active", _("Only an application in process can be moved."))
        stages = list(app.posting.stages.all())
        if to_stage is None:
            later = [s for s in stages if s.position > app.stage.position]
            if not later:
                raise RuleError("last_stage", _("The application is already in the last stage."))
            to_stage = later[0]
        if to_stage.posting_id != app.posting_id:
            raise RuleError("bad_stage", _("That stage belongs to another posting."))
        if to_stage.pk == app.stage_id:
            raise RuleError("same_stage", _("The application is already in that stage."))
        now = timezone.now()
        app.stage = to_stage
        app.promised_by = promise_for(to_stage)
        app.first_response_at = app.first_response_at or now
        fields = ["stage", "promised_by", "first_response_at"]
        if app.identity_hidden:
            # A hidden application is still in the stage it arrived in (nothing else moves
            # it), so any move takes it past the first review, which is then over (issue 19).
            app.revealed_at = now
            fields.append("revealed_at")
        app.save(update_fields=fields)
        promise_renew(app, app.promised_by)
        event = Event.objects.create(
            application=app, kind=Event.Kind.MOVED, stage=to_stage, actor=actor, text=note
        )
        kind = "interview_invitation" if to_stage.kind == Stage.Kind.INTERVIEW else "moved"
        tell_candidate(app, kind, f"moved:{event.pk}", note)
        status_changed([app.pk])
    return app


def application_set_promise(
    *, application: Application, promised_by: dt.date, note: str, actor=None
) -> Application:
    """Staff know better when they will be in touch: a new date, with a word why."""
    if promised_by < timezone.localdate():
        raise RuleError("past_date", _("The promised date cannot be in the past."))
    with transaction.atomic():
        app = _lock(application)
        if not app.is_active:
            raise RuleError("not_active", _("The application is no longer in process."))
        if promised_by == app.promised_by and not note.strip():
            return app  # the same date and nothing to say: the candidate hears nothing new
        app.promised_by = promised_by
        app.first_response_at = app.first_response_at or timezone.now()
        app.save(update_fields=["promised_by", "first_response_at"])
        promise_renew(app, promised_by)
        event = Event.objects.create(
            application=app, kind=Event.Kind.PROMISE, text=note, actor=actor
        )
        tell_candidate(app, "promise_changed", f"promise:{event.pk}", note)
        status_changed([app.pk])
    return app


def application_add_note(*, application: Application, text: str, actor) -> Event:
    return Event.objects.create(
        application=application,
        kind=Event.Kind.NOTE,
        visible_to_candidate=False,
        text=text,
        actor=actor,
    )


def decision_kind(app: Application, outcome: str) -> str:
    if outcome == Application.Outcome.HIRED:
        return "hired"
    return "rejected_interview" if app.stage.kind in INTERVIEW_KINDS else "rejected_screening"


def decision_preview(app: Application, outcome: str, note: str = "") -> tuple[str, str]:
    values = message_values(app, None, note)
    values["status_url"] = f"{settings.BASE_URL}/status/…/"
    templates = employer_templates(app.posting.organization)
    return texts.render(decision_kind(app, outcome), app.language, values, templates)


NOTE_LANGUAGES = ("fi", "sv", "en")
PREVIEW_NAMES = 5


def clean_notes(notes: dict | None) -> dict[str, str] | None:
    """Personal notes by candidate language; None when the caller gave none (legacy note)."""
    if notes is None:
        return None
    unknown = sorted(set(notes) - set(NOTE_LANGUAGES))
    if unknown:
        raise RuleError(
            "bad_language",
            _("Notes can be written in Finnish (fi), Swedish (sv) or English (en), not: %(codes)s")
            % {"codes": ", ".join(unknown)},
        )
    return {lang: str(text).strip()[:2000] for lang, text in notes.items() if str(text).strip()}


def note_for(language: str, note: str, notes: dict[str, str] | None) -> str:
    """The note a candidate reads: the one in their language; none if it was not written.

    A single note without languages (the API's older `note`) goes to everyone, as before.
    """
    if notes is None:
        return note
    return notes.get(language, "")


def _language_counts(selected) -> dict[str, int]:
    return dict(
        selected.order_by()
        .values_list("language")
        .annotate(n=Count("id"))
        .values_list("language", "n")
    )


def board_notes(selected, ad_language: str, note: str) -> dict[str, str]:
    """Where the board's single note goes before the recruiter sees the preview: to the
    candidates who read the ad's language, or, when none of them do, to the largest group.
    The preview shows it there and asks for the other languages."""
    if not note:
        return {}
    counts = _language_counts(selected)
    if ad_language in counts or not counts:
        return {ad_language: note}
    return {max(counts, key=counts.__getitem__): note}


def decision_groups(selected, outcome: str, notes: dict[str, str]) -> list[dict]:
    """The preview of a bulk decision: recipients by language, each with its own message."""
    counts = dict(
        selected.order_by()
        .values_list("language")
        .annotate(n=Count("id"))
        .values_list("language", "n")
    )
    groups = []
    known = [c for c in NOTE_LANGUAGES if c in counts]
    for language in known + sorted(set(counts) - set(known)):
        members = list(selected.filter(language=language).order_by("name", "pk")[:PREVIEW_NAMES])
        note = notes.get(language, "")
        subject, body = decision_preview(members[0], outcome, note)
        # The preview shows staff what the candidate gets; during an anonymous first review
        # with the name masked (the candidate's own message carries it).
        subject, body = shown(subject, members[0]), shown(body, members[0])
        groups.append(
            {
                "language": language,
                "language_name": dict(Posting.Language.choices).get(language, language),
                "count": counts[language],
                "names": [m.display_name for m in members],
                "more": counts[language] - len(members),
                "sample": members[0],
                "note": note,
                "subject": subject,
                "body": body,
            }
        )
    return groups


def applications_decide(
    *,
    organization,
    application_ids,
    outcome: str,
    note: str = "",
    notes: dict[str, str] | None = None,
    actor=None,
) -> int:
    """Decide many applications at once; each candidate gets a personal message.

    `notes` holds the personal note per candidate language ({"fi": …, "en": …}); a
    candidate whose language has no note gets the message without one. `note` alone (no
    `notes`) goes to everyone.

    Bulk writes keep thousands of decisions inside one short transaction; the messages
    are delivered afterwards by the worker.
    """
    if outcome not in (Application.Outcome.REJECTED, Application.Outcome.HIRED):
        raise RuleError("bad_outcome", _("The outcome must be rejected or hired."))
    ids = list(dict.fromkeys(int(i) for i in application_ids))
    notes = clean_notes(notes)
    now = timezone.now()
    with transaction.atomic():
        apps = list(
            Application.objects.select_for_update()
            .filter(
                pk__in=ids, posting__organization=organization, outcome=Application.Outcome.ACTIVE
            )
            .select_related("posting__organization", "stage")
        )
        if not apps:
            return 0
        # Two plain UPDATEs: a bulk_update of thousands of rows builds a huge CASE instead.
        chosen = Application.objects.filter(pk__in=[a.pk for a in apps])
        chosen.update(outcome=outcome, decided_at=now)
        chosen.filter(first_response_at__isnull=True).update(first_response_at=now)
        if outcome == Application.Outcome.HIRED:
            # A hire ends an anonymous first review as a move past the first stage does.
            chosen.filter(hidden_q()).update(revealed_at=now)
        status_changed(a.pk for a in apps)
        close_open([a.pk for a in apps])
        event_kind = (
            Event.Kind.HIRED if outcome == Application.Outcome.HIRED else Event.Kind.REJECTED
        )
        Event.objects.bulk_create(
            [
                Event(
                    application=a,
                    kind=event_kind,
                    stage=a.stage,
                    actor=actor,
                    text=note_for(a.language, note, notes),
                )
                for a in apps
            ],
            batch_size=500,
        )
        tokens: list[AccessToken] = []
        mails: list[Mail] = []
        templates = employer_templates(organization)
        for app in apps:
            raw = AccessToken.issue_unsaved(app, tokens)
            kind = decision_kind(app, outcome)
            values = message_values(app, raw, note_for(app.language, note, notes))
            subject, body = texts.render(kind, app.language, values, templates)
            mails.append(
                Mail(
                    organization=organization,
                    about=app,
                    kind=kind,
                    language=app.language,
                    to_email=app.email,
                    reply_to=reply_address(app),
                    subject=subject,
                    body=body,
                    dedupe_key=f"decision:{app.pk}",
                    due_at=now,
                )
            )
        AccessToken.objects.bulk_create(tokens, batch_size=500)
        messages_queue(mails)
        ended = [a.pk for a in apps]
        if len(ended) <= settings.REILU_INLINE_PROCESS_END_LIMIT:
            process_ended.send(Application, application_ids=ended, outcome=outcome)
        else:
            end_processes.enqueue(ended, outcome)
    return len(apps)


def application_withdraw(*, application: Application) -> Application:
    with transaction.atomic():
        app = _lock(application)
        if not app.is_active:
            raise RuleError("not_active", _("The application is no longer in process."))
        app.outcome = Application.Outcome.WITHDRAWN
        app.decided_at = timezone.now()
        app.save(update_fields=["outcome", "decided_at"])
        close_open([app.pk])
        Event.objects.create(application=app, kind=Event.Kind.WITHDRAWN, stage=app.stage)
        tell_candidate(app, "withdrawn", f"withdrawn:{app.pk}")
        status_changed([app.pk])
        process_ended.send(Application, application_ids=[app.pk], outcome=app.outcome)
    return app


def application_set_contact(
    *, application: Application, name: str, email: str, phone: str = "", actor=None
) -> Application:
    """Hand the candidate to another contact person, and tell them who it is now."""
    with transaction.atomic():
        app = _lock(application)
        if not app.is_active:
            raise RuleError("not_active", _("The application is no longer in process."))
        app.contact_name, app.contact_email, app.contact_phone = name, email, phone
        app.save(update_fields=["contact_name", "contact_email", "contact_phone"])
        app.promises.filter(state="open").update(contact_email=email)
        event = Event.objects.create(application=app, kind=Event.Kind.CONTACT, actor=actor)
        tell_candidate(app, "contact_changed", f"contact:{event.pk}")
        status_changed([app.pk])
    return app


def posting_cancel(*, posting: Posting, note: str = "", actor=None) -> int:
    """Cancel a recruitment: every candidate still in process is told, personally."""
    now = timezone.now()
    with transaction.atomic():
        locked = Posting.objects.select_for_update().get(pk=posting.pk)
        locked.state = Posting.State.CANCELLED
        locked.closed_at = now
        locked.save(update_fields=["state", "closed_at", "updated_at"])
        apps = list(
            Application.objects.select_for_update()
            .filter(posting=posting, outcome=Application.Outcome.ACTIVE)
            .select_related("posting__organization", "stage")
        )
        Application.objects.filter(pk__in=[a.pk for a in apps]).update(
            outcome=Application.Outcome.REJECTED, decided_at=now
        )
        status_changed(a.pk for a in apps)
        close_open([a.pk for a in apps])
        for app in apps:
            Event.objects.create(
                application=app, kind=Event.Kind.CANCELLED, stage=app.stage, actor=actor, text=note
            )
            tell_candidate(app, "posting_cancelled", f"cancelled:{app.pk}", note)
        process_ended.send(Application, application_ids=[a.pk for a in apps], outcome="cancelled")
    posting.refresh_from_db()
    return len(apps)


__all__ = [
    "status_url",
    "application_add_note",
    "application_move",
    "application_set_promise",
    "application_submit",
    "application_withdraw",
    "applications_decide",
    "decision_preview",
    "hash_token",
]
