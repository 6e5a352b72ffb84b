import logging
import threading
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from reilu.periodic import due_tasks

log = logging.getLogger(__name__)


def _scheduler(stop: threading.Event) -> None:
    last_run: dict[str, float] = {}
    while not stop.is_set():
        try:
            for task in due_tasks(time.monotonic(), last_run):
                task.enqueue()
        except Exception:
            log.exception("scheduling periodic work failed; trying again shortly")
        finally:
            close_old_connections()
        stop.wait(5)


class Command(BaseCommand):
    help = "Run background work: message delivery, promise sweeps and other tasks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued now, then exit."
        )
        parser.add_argument("--no-schedule", action="store_true")

    def handle(
        self, *args: Any, interval: float, batch: bool, no_schedule: bool, **options: Any
    ) -> None:
        stop = threading.Event()
        if not batch and not no_schedule:
            threading.Thread(target=_scheduler, args=(stop,), daemon=True).start()
        worker = Worker(
            queue_names=["default"],
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=not batch,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if not batch:
            worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
