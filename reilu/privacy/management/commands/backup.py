"""`reilu backup [PATH]`: a consistent copy of the database while the site runs."""

import shutil
import sqlite3
import subprocess  # noqa: S404 - runs pg_dump with a fixed argument list
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone


class Command(BaseCommand):
    help = "Write a consistent backup of the database (SQLite online backup, or pg_dump)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="Where to write (default: var/backups/…)")

    def handle(self, *args: Any, path: str | None = None, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        vendor = connection.vendor
        suffix = "sqlite3" if vendor == "sqlite" else "dump"
        target = Path(path or Path(settings.VAR_DIR) / "backups" / f"reilu-{stamp}.{suffix}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if vendor == "sqlite":
            self._sqlite(target)
        elif vendor == "postgresql":
            self._postgres(target)
        else:
            raise CommandError(f"No backup method for {vendor}.")
        self.stdout.write(str(target))

    def _sqlite(self, target: Path) -> None:
        source_name = settings.DATABASES["default"]["NAME"]
        if str(source_name) in ("", ":memory:") or "mode=memory" in str(source_name):
            raise CommandError("An in-memory database cannot be backed up.")
        if target.exists():
            raise CommandError(f"{target} exists; give a new path.")
        # The online backup API copies page by page and sees one consistent snapshot,
        # even while the web and the worker write (WAL mode).
        source = sqlite3.connect(source_name)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()

    def _postgres(self, target: Path) -> None:
        db = settings.DATABASES["default"]
        command = [
            "pg_dump",
            "--format=custom",
            f"--file={target}",
            f"--host={db.get('HOST') or 'localhost'}",
            f"--port={db.get('PORT') or 5432}",
            f"--username={db.get('USER') or 'postgres'}",
            db["NAME"],
        ]
        if shutil.which("pg_dump") is None:
            raise CommandError("pg_dump is not installed. Run: " + " ".join(command))
        env = None
        if db.get("PASSWORD"):
            import os

            env = {**os.environ, "PGPASSWORD": db["PASSWORD"]}
        result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
        if result.returncode != 0:
            raise CommandError(result.stderr.strip() or "pg_dump failed")
