"""Finnish and Swedish are complete: nothing untranslated, nothing fuzzy, placeholders kept,
and no source string missing from the catalogues."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.conftest import missing_prerequisite

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "reilu" / "locale"
LANGUAGES = ("fi", "sv")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}|\{\{ ?[a-z_.]+ ?\}\}")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    po = catalogue(language)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [], f"{language}: untranslated: {untranslated[:10]}"
    assert fuzzy == [], f"{language}: fuzzy: {fuzzy[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    for entry in catalogue(language).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            for text in entry.msgstr_plural.values():
                assert set(PLACEHOLDER.findall(text)) <= set(
                    PLACEHOLDER.findall(entry.msgid_plural) + expected
                ), (language, entry.msgid)
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == expected, (language, entry.msgid)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogues_are_current(language):
    po, mo = (LOCALE / language / "LC_MESSAGES" / f"django.{ext}" for ext in ("po", "mo"))
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo))}
    for entry in catalogue(language).translated_entries():
        if not entry.msgid_plural:
            key = (entry.msgctxt, entry.msgid)
            assert compiled.get(key) == entry.msgstr, f"{language}: recompile {po}"


def test_no_source_string_is_missing(tmp_path):
    if not shutil.which("xgettext"):
        missing_prerequisite("xgettext (GNU gettext) is not installed: cannot extract strings")
    copy = tmp_path / "reilu"
    shutil.copytree(ROOT / "reilu", copy, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "django", "makemessages", "-l", "fi", "--no-obsolete",
         "--no-location", "--ignore", "adcheck/*"],
        cwd=copy, check=True, capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "reilu.settings", "PYTHONPATH": str(ROOT),
             "PATH": "/usr/bin:/bin", "REILU_VAR_DIR": str(tmp_path / "var")},
    )  # fmt: skip
    extracted = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(copy / "locale/fi/LC_MESSAGES/django.po"))
    }
    known = {(e.msgctxt, e.msgid) for e in catalogue("fi")}
    missing = sorted(m for _, m in extracted - known)
    assert missing == [], f"run `make messages` and translate: {missing[:10]}"
