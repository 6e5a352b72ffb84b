from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reilu.employers.models import Organization


class Command(BaseCommand):
    help = "Manage employers: `reilu org create --slug S --name N`."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create an employer.")
        create.add_argument("--slug", required=True)
        create.add_argument("--name", required=True)
        create.add_argument("--website", default="")
        sub.add_parser("list", help="List employers.")

    def handle(self, *args: Any, action: str, **opts: Any) -> None:
        if action == "list":
            for org in Organization.objects.order_by("slug"):
                self.stdout.write(f"{org.slug}\t{org.name}")
            return
        org = Organization(slug=opts["slug"], name=opts["name"], website=opts["website"])
        try:
            org.full_clean()
        except Exception as exc:
            raise CommandError(str(exc)) from exc
        org.save()
        self.stdout.write(f"created employer {org.slug}")
