"""Under CI a missing prerequisite fails the run; locally it is a skip with its reason."""

import os
import subprocess
import sys

from django.conf import settings

TEST = "tests/test_translations.py::test_no_source_string_is_missing"


def run_without_gettext(tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if k not in ("CI", "REILU_CI_STRICT")}
    # A PATH without /usr/bin: xgettext cannot be found, as on a machine without gettext.
    clean.update(PATH=str(tmp_path), REILU_VAR_DIR=str(tmp_path / "var"), **env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "pytest", TEST, "-p", "no:cacheprovider", "-rs", "-q"],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
    )


def test_locally_a_missing_prerequisite_is_a_skip_with_its_reason(tmp_path):
    result = run_without_gettext(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 skipped" in result.stdout
    assert "prerequisite missing: xgettext (GNU gettext) is not installed" in result.stdout


def test_in_ci_a_missing_prerequisite_fails(tmp_path):
    result = run_without_gettext(tmp_path, CI="true")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 failed" in result.stdout
    assert "CI promises this, but it is missing" in result.stdout
    assert "xgettext (GNU gettext) is not installed" in result.stdout
