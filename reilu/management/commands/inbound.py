import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from reilu.applications.inbound import inbound_controller


class Command(BaseCommand):
    help = (
        "Take candidates' replies by email into their applications' conversations: an SMTP "
        "listener for reply+…@REILU_REPLY_DOMAIN (docs/deployment.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.REILU_INBOUND_HOST)
        parser.add_argument("--port", type=int, default=settings.REILU_INBOUND_PORT)

    def handle(self, *args: Any, host: str, port: int, **options: Any) -> None:
        if not settings.REILU_REPLY_DOMAIN:
            raise CommandError(
                "Set REILU_REPLY_DOMAIN (the domain of the reply addresses) to take replies."
            )
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        controller = inbound_controller(host, port)
        controller.start()
        self.stdout.write(
            f"Taking replies to reply+…@{settings.REILU_REPLY_DOMAIN} on {host}:{port}",
            ending="\n",
        )
        self.stdout.flush()
        try:
            stop.wait()
        finally:
            controller.stop()
