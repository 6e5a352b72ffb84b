from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from reilu.applications import deadlines, promises
from reilu.messaging import outbox


class Command(BaseCommand):
    help = "Handle lapsed promises and decision dates now (the worker does this every 5 minutes)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--deliver", action="store_true", help="Also deliver queued mail.")

    def handle(self, *args: Any, deliver: bool, **options: Any) -> None:
        lapsed = promises.sweep()
        reminded = deadlines.remind_before_decisions()
        late = deadlines.tell_when_decision_is_late()
        self.stdout.write(
            f"lapsed promises handled: {lapsed}; decision reminders: {reminded}; "
            f"candidates told of a late decision: {late}"
        )
        if deliver:
            self.stdout.write(f"messages delivered: {outbox.deliver_all()}")
