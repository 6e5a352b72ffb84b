"""Work the worker schedules for itself: (every N seconds, task)."""

from django.utils.module_loading import import_string

SCHEDULE = [
    (30, "reilu.messaging.tasks.deliver_outbox"),
    (300, "reilu.applications.tasks.sweep"),
    (900, "reilu.interviews.tasks.remind_interviewers"),
    (86400, "reilu.privacy.tasks.retention_sweep"),
    (600, "reilu.talent.tasks.sweep"),
    (3600, "reilu.privacy.tasks.limits_sweep"),
]


def due_tasks(now: float, last_run: dict[str, float]) -> list:
    """Tasks due at `now` (a monotonic clock), marked as run; all of them on a first pass.

    A monotonic clock starts near zero when the machine boots, so "never run" must not be
    read as "run at zero": a worker started an hour after boot would otherwise wait a day
    for its first retention sweep.
    """
    tasks = []
    for every, path in SCHEDULE:
        if path not in last_run or now - last_run[path] >= every:
            last_run[path] = now
            tasks.append(import_string(path))
    return tasks
