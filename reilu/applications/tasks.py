from django.db import transaction
from django_tasks import task

from reilu.applications import deadlines, pending, promises, thread
from reilu.applications.models import Application
from reilu.applications.signals import process_ended


@task()
def sweep() -> dict:
    """Lapsed promises (of next contact and of answers to questions), decision dates and
    stale pending CVs; safe to run often and from several workers."""
    return {
        "lapsed": promises.sweep(),
        "questions_lapsed": thread.questions_sweep(),
        "reminded": deadlines.remind_before_decisions(),
        "decision_late": deadlines.tell_when_decision_is_late(),
        "pending_uploads_purged": pending.pending_purge(),
    }


@task()
def end_processes(application_ids: list[int], outcome: str) -> int:
    """The end-of-process work (surveys, feedback offers) of a large decision, in the
    background: the decision's own request stays fast, and this task row was written in
    the decision's transaction, so the work cannot be lost."""
    with transaction.atomic():
        process_ended.send(Application, application_ids=application_ids, outcome=outcome)
    return len(application_ids)
