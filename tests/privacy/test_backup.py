"""`reilu backup` writes a consistent copy of a file database that can be restored."""

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command


def test_it_backs_up_a_live_sqlite_file_and_the_copy_restores(tmp_path):
    env = {
        **os.environ,
        "REILU_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "reilu.settings",
        "REILU_DEBUG": "0",
    }
    env.pop("DATABASE_URL", None)
    reilu = [sys.executable, "-m", "reilu.cli"]

    def run(*args):
        result = subprocess.run(  # noqa: S603
            [*reilu, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            cwd=settings.BASE_DIR,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    run("migrate", "--noinput")
    database = tmp_path / "var" / "reilu.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute(
            "INSERT INTO employers_organization (name, slug, business_id, website, linkedin_url,"
            " facebook_url, instagram_url, intro_video_url, values_statement,"
            " default_promise_days, retention_months, created_at)"
            " VALUES ('Acme Oy', 'acme', '', '', '', '', '', '', '', 7, 12, '2026-01-01')"
        )
    target = tmp_path / "backups" / "copy.sqlite3"
    assert run("backup", str(target)).strip() == str(target)
    # Restore = put the copy where the database lives; then open it and count rows.
    restored = tmp_path / "restored" / "reilu.sqlite3"
    restored.parent.mkdir()
    shutil.copyfile(target, restored)
    with sqlite3.connect(restored) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM employers_organization").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 10
        # migrate also made the rate limits' cache table (reilu.privacy post_migrate).
        assert db.execute("SELECT count(*) FROM reilu_cache").fetchone() == (0,)
    # It never overwrites an earlier backup.
    result = subprocess.run(  # noqa: S603
        [*reilu, "backup", str(target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=settings.BASE_DIR,
    )
    assert result.returncode != 0 and "exists" in result.stderr


@pytest.mark.parametrize("name", [":memory:", "file:memorydb_default?mode=memory&cache=shared"])
def test_it_refuses_an_in_memory_database(tmp_path, monkeypatch, name):
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the in-memory case is SQLite's")
    monkeypatch.setitem(database, "NAME", name)
    with pytest.raises(CommandError, match="in-memory"):
        call_command("backup", str(tmp_path / "x.sqlite3"))
    assert not (tmp_path / "x.sqlite3").exists()
