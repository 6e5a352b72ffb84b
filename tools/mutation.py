"""`make mutation`: mutmut over the modules that hold the rules, each with only its tests.

Each module runs in its own work directory under var/mutation/<name>/ (a copy of reilu/ and
tests/ and a pyproject.toml with that module's [tool.mutmut] section), so a module's tests
are the only ones traced and run, and its results stay apart from the others'. mutmut then
runs, for each mutant, only the selected tests that execute the mutated function. One worker:
the machine is shared.

    python tools/mutation.py            # every module, one after another
    python tools/mutation.py rules      # one module
    python tools/mutation.py --summary  # the last scores, without running anything

With DATABASE_URL=postgres://… the tests run on PostgreSQL (its own work directory), which
is where the outbox's SELECT … FOR UPDATE SKIP LOCKED claim runs.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "mutation"

# name: (modules to mutate, the tests that exercise them)
MODULES = {
    "rules": (
        ["reilu/jobs/rules.py"],
        ["tests/jobs/test_publish_gate.py", "tests/jobs/test_publish_gate_rules.py"],
    ),
    "outbox": (
        ["reilu/messaging/outbox.py"],
        [
            "tests/messaging/test_delivery.py",
            "tests/messaging/test_workers.py",
            "tests/messaging/test_outbox_rules.py",
        ],
    ),
    "promises": (
        ["reilu/applications/promises.py"],
        [
            "tests/applications/test_promises.py",
            "tests/applications/test_promise_rules.py",
            "tests/applications/test_deadlines.py",
        ],
    ),
    "applying": (["reilu/applications/services.py"], ["tests/applications"]),
    # The file holds the audit log, the notice versions and the export beside erasure: the
    # tests of each are its tests.
    "erasure": (
        ["reilu/privacy/services.py", "reilu/applications/personal_data.py"],
        [
            "tests/privacy/test_self_service.py",
            "tests/privacy/test_retention.py",
            "tests/privacy/test_no_trace.py",
            "tests/privacy/test_export_messages.py",
            "tests/privacy/test_audit.py",
            "tests/privacy/test_notice.py",
            "tests/privacy/test_privacy_rules.py",
        ],
    ),
    "limits": (
        ["reilu/limits.py"],
        [
            "tests/privacy/test_hardening.py",
            "tests/privacy/test_limits.py",
            "tests/privacy/test_limit_rules.py",
        ],
    ),
    "tokens": (
        ["reilu/applications/retention.py"],
        [
            "tests/applications/test_status_page.py",
            "tests/interviews/test_token_scope.py",
            "tests/privacy/test_retention.py",
            "tests/privacy/test_retention_rules.py",
        ],
    ),
}


PYTEST_ARGS = [
    "-p",
    "no:cacheprovider",
    "-q",
    # pytest-django would otherwise find ../manage.py and import the unmutated code.
    "-o",
    "django_find_project=false",
    # The test database is made once (in REILU_TEST_DB_DIR), not once per mutant.
    "--reuse-db",
]


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def workdir(name: str) -> Path:
    """One per module and database: the PostgreSQL-only code paths need their own run."""
    on_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    return WORK / (f"{name}-postgresql" if on_postgres else name)


def prepare(name: str) -> Path:
    modules, tests = MODULES[name]
    work = workdir(name)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "reilu", work / "reilu", ignore=ignore)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore)
    config = (ROOT / "pyproject.toml").read_text()
    config += (
        "\n[tool.mutmut]\n"
        'source_paths = ["reilu"]\n'
        f"only_mutate = {toml_list(modules)}\n"
        f"pytest_add_cli_args = {toml_list(PYTEST_ARGS)}\n"
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
    )
    (work / "pyproject.toml").write_text(config)
    return work


def stats(name: str) -> dict | None:
    path = workdir(name) / "mutants" / "mutmut-cicd-stats.json"
    return json.loads(path.read_text()) if path.exists() else None


def run(name: str) -> dict:
    work = prepare(name)
    mutmut = str(Path(sys.executable).parent / "mutmut")
    env = {**os.environ, "REILU_TEST_DB_DIR": str(work / "testdb")}
    (work / "testdb").mkdir()
    subprocess.run([mutmut, "run", "--max-children", "1"], cwd=work, env=env, check=True)  # noqa: S603
    subprocess.run([mutmut, "export-cicd-stats"], cwd=work, check=True)  # noqa: S603
    subprocess.run([mutmut, "results"], cwd=work, check=True)  # noqa: S603
    return stats(name)


def score(s: dict) -> float:
    tested = s["total"] - s.get("skipped", 0)
    return 100 * (s["killed"] + s.get("timeout", 0)) / tested if tested else 0.0


def summary() -> None:
    header = ("mutants", "killed", "survived", "no tests", "score")
    print(f"{'module':10} " + " ".join(f"{h:>9}" for h in header))
    for name in MODULES:
        s = stats(name)
        if s is None:
            print(f"{name:10} not run")
            continue
        print(
            f"{name:10} {s['total']:9} {s['killed'] + s.get('timeout', 0):9} "
            f"{s['survived']:9} {s.get('no_tests', 0):9} {score(s):8.1f}%"
        )


def main(argv: list[str]) -> int:
    if argv == ["--summary"]:
        summary()
        return 0
    names = argv or list(MODULES)
    unknown = set(names) - set(MODULES)
    if unknown:
        print(f"unknown module(s): {', '.join(sorted(unknown))}; known: {', '.join(MODULES)}")
        return 2
    for name in names:
        run(name)
    summary()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
