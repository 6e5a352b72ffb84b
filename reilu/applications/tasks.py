from django.conf import settings
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
    the decision's transaction, so the work cannot be lost.

    The work goes in transactions of as many applications as a request would end at once
    (REILU_INLINE_PROCESS_END_LIMIT): on SQLite a transaction holds the database's one
    write lock, and a single one over 5,000 applications kept every page that writes (a
    first rendering stored in the cache) waiting for seconds - the status pages the decided
    candidates open from their mails at that very moment (make bench-surge)."""
    size = max(1, settings.REILU_INLINE_PROCESS_END_LIMIT)
    for start in range(0, len(application_ids), size):
        with transaction.atomic():
            process_ended.send(
                Application, application_ids=application_ids[start : start + size], outcome=outcome
            )
    return len(application_ids)
