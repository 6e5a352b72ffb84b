from django_tasks import task

from reilu.applications import deadlines, promises


@task()
def sweep() -> dict:
    """Lapsed promises and decision dates; safe to run often and from several workers."""
    return {
        "lapsed": promises.sweep(),
        "reminded": deadlines.remind_before_decisions(),
        "decision_late": deadlines.tell_when_decision_is_late(),
    }
