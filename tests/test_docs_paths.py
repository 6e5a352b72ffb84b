"""The docs name only files that are in the repository.

Every path-like name in README.md and docs/*.md that starts with reilu/, tests/, bench/,
tools/ or docs/ must exist. A name with a placeholder (`reilu/<app>/`) is a pattern, not a
file; a file the code writes and .gitignore keeps out (bench/results.json) is an output.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PATH = re.compile(r"(?<![\w./-])((?:reilu|tests|bench|tools|docs)/[\w./<>{}*-]*)")


def named_paths(text: str) -> list[str]:
    return [m.group(1).rstrip(".,:;") for m in PATH.finditer(text)]


def test_every_path_the_docs_name_exists():
    ignored = {
        line.strip() for line in (ROOT / ".gitignore").read_text().splitlines() if line.strip()
    }
    missing = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for name in named_paths(doc.read_text(encoding="utf-8")):
            if any(c in name for c in "<{*") or name in ignored:
                continue
            if not (ROOT / name).exists():
                missing.append(f"{doc.relative_to(ROOT)}: {name}")
    assert not missing, "\n".join(missing)


def test_the_path_pattern_finds_paths_and_only_paths():
    text = "See `reilu/privacy/registry.py`, tests/e2e/ and reilu.privacy (a module), then bench/."
    assert named_paths(text) == ["reilu/privacy/registry.py", "tests/e2e/", "bench/"]
    assert named_paths("myreilu/x.py and docs/architecture.md.") == ["docs/architecture.md"]
