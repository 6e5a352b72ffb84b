import contextlib
import os
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


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
        worker = None
        if not no_worker:
            worker = subprocess.Popen([python, "-m", "reilu.cli", "worker"], env=env)  # noqa: S603
        web = [
            python, "-m", "gunicorn", "reilu.wsgi:application",
            "--bind", f"{host}:{port}",
            "--workers", str(web_workers),
            "--threads", "4",
            "--access-logfile", "-" if settings.DEBUG else "/dev/null",
        ]  # fmt: skip
        self.stdout.write(f"Reilu at http://{host}:{port}/")
        try:
            # Ctrl+C stops gunicorn; the worker is stopped below either way.
            with contextlib.suppress(KeyboardInterrupt):
                subprocess.run(web, env=env, check=False)  # noqa: S603
        finally:
            if worker:
                worker.terminate()
                worker.wait(10)
