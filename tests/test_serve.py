"""`reilu serve` as an operator runs it: a real process with gunicorn and the background
worker under it, stopped with a plain `kill` (SIGTERM) or Ctrl+C (SIGINT)."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.real_clock


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> set[int]:
    """Every living descendant of a process, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z":
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        frontier -= found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def serve_env(tmp_path_factory) -> dict[str, str]:
    """A migrated SQLite database of its own, outside the test database."""
    var = tmp_path_factory.mktemp("serve")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REILU_", "EMAIL_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{var / 'reilu.sqlite3'}",
        REILU_VAR_DIR=str(var),
        REILU_DEBUG="0",
        DJANGO_SETTINGS_MODULE="reilu.settings",
        EMAIL_URL="consolemail://",
    )
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "reilu.cli", "migrate", "--noinput"],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
        cwd=settings.BASE_DIR,
    )
    return env


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_to_serve_stops_gunicorn_and_the_worker(serve_env, signum):
    port = free_port()
    serve = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "reilu.cli", "serve", "--port", str(port), "--web-workers", "2"],
        env=serve_env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        # A session of its own: the signal reaches `reilu serve` alone, as `kill <pid>` does.
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:  # noqa: S310
                    assert r.status == 200
                    break
            except OSError:
                assert serve.poll() is None, "reilu serve ended before it answered"
                assert time.monotonic() < deadline, "reilu serve did not answer /healthz"
                time.sleep(0.3)
        # gunicorn's master, its two web workers and the background worker.
        running = children(serve.pid)
        assert len(running) >= 4, running

        os.kill(serve.pid, signum)

        returncode = serve.wait(30)
        deadline = time.monotonic() + 30
        while {pid for pid in running if alive(pid)} and time.monotonic() < deadline:
            time.sleep(0.2)
        assert {pid for pid in running if alive(pid)} == set()
        assert returncode == 0
    finally:
        # Nothing of this test outlives it, whatever it found: the children share the
        # process group of `reilu serve` (its own session).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(serve.pid, signal.SIGKILL)
        serve.wait()
