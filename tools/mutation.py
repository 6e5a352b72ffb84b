"""`make mutation`: mutmut over the modules that hold the rules, each with only its tests.

Each module runs in its own work directory under var/mutation/<name>/ (a copy of reilu/ and
tests/ and a pyproject.toml with that module's [tool.mutmut] section), so a module's tests
are the only ones traced and run, and its results stay apart from the others'. mutmut then
runs, for each mutant, only the selected tests that execute the mutated function, two
mutants at a time (the machine has two cores). The summary gives each module's wall-clock
time and the CPU time (user + system) of all its processes.

    python tools/mutation.py            # every module, one after another
    python tools/mutation.py rules      # one module
    python tools/mutation.py --summary  # the last scores, without running anything

With DATABASE_URL=postgres://… the tests run on PostgreSQL (its own work directory), which
is where the outbox's SELECT … FOR UPDATE SKIP LOCKED claim runs.
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "mutation"

# name: (modules to mutate, the tests that exercise them). A module's tests are the files
# that test its rules, found by what they call and checked with coverage; not every test
# that happens to pass through (every applications test applies, for one).
MODULES = {
    "rules": (
        ["reilu/jobs/rules.py"],
        [
            "tests/jobs/test_publish_gate.py",
            "tests/jobs/test_publish_gate_rules.py",
            # The gate's screening questions (issue 19).
            "tests/jobs/test_question_gate.py",
        ],
    ),
    "applying": (
        ["reilu/applications/services.py"],
        [
            "tests/applications/test_application_rules.py",
            "tests/applications/test_apply.py",
            "tests/applications/test_moves_and_decisions.py",
            "tests/applications/test_decision_languages.py",
            # Answers to the screening questions are stored and checked when applying
            # (issue 19).
            "tests/jobs/test_questions.py",
            "tests/jobs/test_knockout.py",
        ],
    ),
    "outbox": (
        ["reilu/messaging/outbox.py", "reilu/messaging/queue.py"],
        [
            "tests/messaging/test_delivery.py",
            "tests/messaging/test_workers.py",
            "tests/messaging/test_outbox_rules.py",
            "tests/messaging/test_queue.py",
            "tests/messaging/test_follow_up_spacing.py",
            # Staff's "send again" on a failed message (message_retry).
            "tests/applications/test_attention.py",
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
    # The files hold the audit log, the notice versions and the export beside erasure: the
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
            # The export's conversation and screening answers (issues 18 and 19).
            "tests/applications/test_thread_api.py",
            "tests/jobs/test_questions.py",
            # Documents requested: in the export, and their files erased (issue 18).
            "tests/applications/test_document_requests.py",
            "tests/seekers/test_documents.py",
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
    # Which application a status link opens (tokens.py) and when a link dies with the data
    # (retention.py).
    "tokens": (
        ["reilu/applications/tokens.py", "reilu/applications/retention.py"],
        [
            "tests/applications/test_token_rules.py",
            "tests/applications/test_status_links.py",
            "tests/interviews/test_token_scope.py",
            "tests/privacy/test_retention.py",
            "tests/privacy/test_retention_rules.py",
        ],
    ),
}

# Two mutants at a time: the machine has two cores. Each pytest run takes its own test
# database (tests/conftest.py, `test_slot`), so the two never share rows.
CHILDREN = 2

PYTEST_ARGS = [
    "-p",
    "no:cacheprovider",
    # Both collect garbage at the end of every run to find exceptions raised in __del__ or
    # in threads: a quarter of a second of CPU per mutant, for warnings that decide nothing.
    "-p",
    "no:unraisableexception",
    "-p",
    "no:threadexception",
    "-q",
    # pytest-django would otherwise find ../manage.py and import the unmutated code.
    "-o",
    "django_find_project=false",
    # The test databases are made once (in REILU_TEST_DB_DIR), not once per mutant.
    "--reuse-db",
    # Never a browser: none is in the lists, and this keeps one from coming in.
    "-m",
    "not browser",
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


def timing(name: str) -> dict | None:
    path = workdir(name) / "timing.json"
    return json.loads(path.read_text()) if path.exists() else None


def children_cpu() -> float:
    """User + system seconds of every finished child process and their children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(name: str) -> dict | None:
    work = prepare(name)
    mutmut = str(Path(sys.executable).parent / "mutmut")
    # The kept test databases live in memory where there is a memory-backed file system.
    shm = Path("/dev/shm")  # noqa: S108 - a private mkdtemp below, not a fixed name
    testdb = Path(
        tempfile.mkdtemp(prefix=f"reilu-mutation-{name}-", dir=shm if shm.is_dir() else None)
    )
    env = {**os.environ, "REILU_TEST_DB_DIR": str(testdb)}
    wall, cpu = time.monotonic(), children_cpu()
    try:
        subprocess.run(  # noqa: S603
            [mutmut, "run", "--max-children", str(CHILDREN)], cwd=work, env=env, check=True
        )
    finally:
        shutil.rmtree(testdb, ignore_errors=True)
    spent = {"wall": time.monotonic() - wall, "cpu": children_cpu() - cpu}
    (work / "timing.json").write_text(json.dumps(spent))
    subprocess.run([mutmut, "export-cicd-stats"], cwd=work, check=True)  # noqa: S603
    subprocess.run([mutmut, "results"], cwd=work, check=True)  # noqa: S603
    return stats(name)


def score(s: dict) -> float:
    tested = s["total"] - s.get("skipped", 0)
    return 100 * (s["killed"] + s.get("timeout", 0)) / tested if tested else 0.0


def minutes(seconds: float) -> str:
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


def summary(names: list[str] | None = None) -> None:
    """The scores, and the time each module took: wall clock, and user + system CPU time of
    all its processes (on a loaded machine the wall time says little; on an idle one with
    two cores it is about half the CPU time, and at most all of it)."""
    header = ("mutants", "killed", "survived", "no tests", "score", "wall", "CPU")
    print(f"{'module':10} " + " ".join(f"{h:>9}" for h in header))
    wall = cpu = 0.0
    for name in names or list(MODULES):
        s, t = stats(name), timing(name)
        if s is None:
            print(f"{name:10} not run")
            continue
        t = t or {"wall": 0.0, "cpu": 0.0}
        wall, cpu = wall + t["wall"], cpu + t["cpu"]
        print(
            f"{name:10} {s['total']:9} {s['killed'] + s.get('timeout', 0):9} "
            f"{s['survived']:9} {s.get('no_tests', 0):9} {score(s):8.1f}% "
            f"{minutes(t['wall']):>9} {minutes(t['cpu']):>9}"
        )
    print(f"{'total':10} {'':49} {minutes(wall):>9} {minutes(cpu):>9}")


def main(argv: list[str]) -> int:
    if argv == ["--summary"]:
        summary()
        return 0
    names = argv or list(MODULES)
    unknown = set(names) - set(MODULES)
    if unknown:
        print(f"unknown module(s): {', '.join(sorted(unknown))}; known: {', '.join(MODULES)}")
        return 2
    wall, cpu = time.monotonic(), children_cpu()
    failed = []
    for name in names:
        try:
            run(name)
        except subprocess.CalledProcessError:  # e.g. its tests fail unmutated: say so, go on
            failed.append(name)
    summary(names)
    if failed:
        print(f"failed to run: {', '.join(failed)}")
    print(
        f"elapsed {minutes(time.monotonic() - wall)} wall clock, "
        f"{minutes(children_cpu() - cpu)} CPU (user + system, all processes)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
