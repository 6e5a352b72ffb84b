"""The `reilu` console script: Reilu's own commands plus every Django command."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["check-ad"]:
        # The ad checker is plain Python: it needs neither settings nor a database.
        from reilu.adcheck.cli import main as check_ad

        return check_ad(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reilu.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["reilu", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
