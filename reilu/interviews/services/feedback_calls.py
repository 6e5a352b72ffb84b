"""Feedback calls to interviewed candidates who were not chosen: offer, choice, done."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.applications.freshness import status_changed
from reilu.applications.mail import tell_candidate
from reilu.applications.models import Application
from reilu.interviews import letters
from reilu.interviews.models import FeedbackCall, Purpose, Scorecard
from reilu.interviews.selectors import interviewed_ids, scorecard_aggregate
from reilu.interviews.services.booking import booking_cancel
from reilu.interviews.services.invitations import _staff_link
from reilu.messaging.queue import follow_up_due, message_queue
from reilu.rules import RuleError


def feedback_offer(*, application_ids, outcome: str) -> int:
    """Offer a feedback call to each interviewed candidate who was not chosen.

    Runs inside the transaction that ended the processes (the process_ended signal).
    """
    if outcome != Application.Outcome.REJECTED:
        return 0
    ids = interviewed_ids(application_ids)
    if not ids:
        return 0
    apps = Application.objects.filter(
        pk__in=ids, outcome=Application.Outcome.REJECTED, feedback_call__isnull=True
    ).select_related("posting__organization", "stage")
    offered = []
    due = follow_up_due(Application, ids)  # after the decision, never in the same hour
    for app in apps:
        FeedbackCall.objects.create(application=app, organization=app.posting.organization)
        tell_candidate(app, "feedback_offer", f"feedback_offer:{app.pk}", due_at=due[app.pk])
        offered.append(app)
    status_changed(app.pk for app in offered)
    by_contact: dict[str, list[Application]] = {}
    for app in offered:
        if app.contact_email:
            by_contact.setdefault(app.contact_email, []).append(app)
    for group in by_contact.values():
        _feedback_task(group)
    return len(offered)


def criteria_summary(app: Application, language: str) -> str:
    with override(language):
        rows = scorecard_aggregate(app)
        lines = []
        if not any(r["count"] for r in rows):
            lines.append(str(letters.NO_SCORECARDS))
        for r in rows:
            mean = f"{r['mean']:.1f}" if r["mean"] is not None else "–"
            lines.append(
                letters.CRITERION_MEAN
                % {"criterion": r["criterion"].text, "mean": mean, "count": r["count"]}
            )
            lines.extend(f"  – {n}" for n in r["notes"])
        # The structured first review against the same criteria (issue 19), when there was one.
        first = [r for r in scorecard_aggregate(app, Scorecard.Kind.FIRST_REVIEW) if r["count"]]
        if first:
            lines.append(str(letters.FIRST_REVIEW_HEADING))
        for r in first:
            lines.append(
                letters.CRITERION_MEAN
                % {
                    "criterion": r["criterion"].text,
                    "mean": f"{r['mean']:.1f}",
                    "count": r["count"],
                }
            )
        return "\n".join(lines)


TASK_SUMMARIES = 20


def _feedback_task(apps: list[Application]) -> None:
    """The contact person's to-do, one message per decision batch: who was offered a call,
    with the criteria to talk through (all of them are on the feedback page)."""
    first = apps[0]
    language = first.posting.language
    with override(language):
        one = str(letters.FEEDBACK_TASK_SUBJECT_ONE)
        many = str(letters.FEEDBACK_TASK_SUBJECT_MANY)
        subject = (one if len(apps) == 1 else many) % {
            "name": first.name,
            "posting": first.posting.title,
            "count": len(apps),
        }
        parts = [
            f"{app.name} ({app.posting.title})\n{criteria_summary(app, language)}"
            for app in apps[:TASK_SUMMARIES]
        ]
        if len(apps) > TASK_SUMMARIES:
            parts.append(letters.FEEDBACK_TASK_MORE % {"count": len(apps) - TASK_SUMMARIES})
        body = letters.FEEDBACK_TASK_BODY % {
            "summary": "\n\n".join(parts),
            "link": _staff_link("interviews:feedback_list"),
        }
    message_queue(
        organization=first.posting.organization,
        about=first if len(apps) == 1 else None,
        kind="feedback_task",
        alert_staff_on_failure=False,
        to_email=first.contact_email,
        subject=subject,
        body=body,
        language=language,
        dedupe_key=f"feedback_task:{first.pk}:{apps[-1].pk}:{len(apps)}",
        also_about=apps,
    )


def feedback_choose_written(*, application: Application) -> FeedbackCall:
    with transaction.atomic():
        call = _open_call(application)
        if call.booking_id:
            booking_cancel(application=application, purpose=Purpose.FEEDBACK)
        FeedbackCall.objects.filter(pk=call.pk).update(
            state=FeedbackCall.State.BOOKED,
            preference=FeedbackCall.Preference.WRITTEN,
            booked_at=timezone.now(),
            booking=None,
        )
        status_changed([call.application_id])
        call.refresh_from_db()
    return call


def feedback_decline(*, application: Application) -> FeedbackCall:
    with transaction.atomic():
        call = _open_call(application)
        if call.booking_id:
            booking_cancel(application=application, purpose=Purpose.FEEDBACK)
        FeedbackCall.objects.filter(pk=call.pk).update(
            state=FeedbackCall.State.DECLINED, booking=None
        )
        status_changed([call.application_id])
        call.refresh_from_db()
    return call


def _open_call(application: Application) -> FeedbackCall:
    call = FeedbackCall.objects.select_for_update().filter(application=application).first()
    if call is None or call.state not in FeedbackCall.OPEN_STATES:
        raise RuleError("no_call", _("There is no open feedback call."))
    return call


def feedback_done(*, call: FeedbackCall, actor) -> FeedbackCall:
    with transaction.atomic():
        locked = FeedbackCall.objects.select_for_update().get(pk=call.pk)
        if locked.state in (FeedbackCall.State.DONE, FeedbackCall.State.DECLINED):
            raise RuleError("closed", _("This feedback call is already closed."))
        locked.state = FeedbackCall.State.DONE
        locked.done_at = timezone.now()
        locked.done_by = actor
        locked.save(update_fields=["state", "done_at", "done_by"])
        status_changed([locked.application_id])
    return locked
