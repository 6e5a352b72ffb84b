import os
import signal
import subprocess
import sys
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

# How long gunicorn and the worker get to finish what they are doing after a stop signal
# before they are killed.
GRACE_SECONDS = 20


def stop(process: subprocess.Popen[bytes] | None, grace: float = GRACE_SECONDS) -> None:
    """Ask a child to stop (SIGTERM: gunicorn's graceful shutdown, the worker's too), wait
    for it, and kill it if it does not go within the grace period."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class Command(BaseCommand):
    help = "Run the web server (gunicorn) and a background worker together."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--web-workers", type=int, default=2)
        parser.add_argument("--no-worker", action="store_true")

    def handle(
        self, *args: Any, host: str, port: int, web_workers: int, no_worker: bool, **options: Any
    ) -> None:
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="reilu.settings")
        python = sys.executable
        web = [
            python, "-m", "gunicorn", "reilu.wsgi:application",
            "--bind", f"{host}:{port}",
            "--workers", str(web_workers),
            "--threads", "4",
            "--access-logfile", "-" if settings.DEBUG else "/dev/null",
        ]  # fmt: skip
        stopping = False

        def on_stop_signal(signum: int, frame: FrameType | None) -> None:
            # A plain `kill` (SIGTERM) reaches only this process, and Ctrl+C (SIGINT) the
            # whole foreground group: either way the children are told to stop here and
            # waited for below, so none of them outlives `reilu serve`.
            nonlocal stopping
            stopping = True
            for child in (gunicorn, worker):
                if child is not None and child.poll() is None:
                    child.terminate()

        gunicorn: subprocess.Popen[bytes] | None = None
        worker: subprocess.Popen[bytes] | None = None
        previous = {
            signum: signal.signal(signum, on_stop_signal)
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            if not no_worker:
                worker = subprocess.Popen(  # noqa: S603
                    [python, "-m", "reilu.cli", "worker"], env=env
                )
            if not stopping:
                gunicorn = subprocess.Popen(web, env=env)  # noqa: S603
                if stopping:  # the signal came while gunicorn was being started
                    gunicorn.terminate()
                self.stdout.write(f"Reilu at http://{host}:{port}/")
                self.stdout.flush()
                gunicorn.wait()
        finally:
            # Gunicorn has ended (a stop signal, or it could not start): stop the worker too.
            stop(gunicorn)
            stop(worker)
            for signum, handler in previous.items():
                signal.signal(signum, handler)
