"""`make bench-surge`: the decision surge of issue 17, item 5.

A large posting closes: its 5,000 candidates are decided at once (one recruiter's request),
one `reilu worker` delivers the 5,000 decision mails to a real SMTP server (aiosmtpd on
loopback), and meanwhile 2,000 of those candidates open their status pages within 60
seconds, from the links in their mails. Printed: the status pages' latency (p50, p95,
max) and errors beside the floor (`/healthz` in the same server, sampled the same way
during the surge), and how long the delivery took.

Uses the database of `make bench-pages` (seeding it first when absent, BENCH_REUSE=1 to
keep it), whose seed has one posting with 5,000 candidates in process; they are decided
for real, so a second run finds none to decide and says so (seed again without
BENCH_REUSE). gunicorn serves as `reilu serve` does (2 workers × 4 threads). Not a test:
it asserts nothing, it measures.
"""

from __future__ import annotations

import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages  # noqa: E402 - bench/pages.py: its database and server settings
import run  # noqa: E402

PAGES = int(os.environ.get("BENCH_SURGE_PAGES", "2000"))
WINDOW = float(os.environ.get("BENCH_SURGE_SECONDS", "60"))
DECIDE = """
import re, sys
from reilu.applications.models import Application
from reilu.applications.services import applications_decide
from reilu.jobs.models import Posting
from reilu.messaging.models import Message
posting = Posting.objects.select_related("organization").get(slug="bench-big-board")
ids = list(
    Application.objects.filter(posting=posting, outcome="active").values_list("pk", flat=True)
)
if ids:
    applications_decide(
        organization=posting.organization, application_ids=ids, outcome="rejected"
    )
bodies = Message.objects.filter(
    dedupe_key__startswith="decision:", sent_at__isnull=True
).values_list("body", flat=True)
for body in bodies:
    found = re.search(r"/status/([A-Za-z0-9_-]+)/", body)
    if found:
        print("TOKEN", found.group(1))
print("DECIDED", len(ids))
"""


class Sink:
    """An SMTP server that counts what it receives."""

    def __init__(self) -> None:
        self.count = 0
        self.first: float | None = None
        self.last: float | None = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook
        now = time.perf_counter()
        self.first = self.first or now
        self.last = now
        self.count += 1
        return "250 OK"


class SocketController(Controller):
    """aiosmtpd on a socket bound beforehand (port 0, read back): no race for the port."""

    def __init__(self, handler, sock: socket.socket):
        super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1])
        self._sock = sock

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self._sock)


def timed_get(url: str) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        with urlopen(url, timeout=30) as response:  # noqa: S310 - our own loopback server
            response.read()
            ok = response.status == 200
    except (HTTPError, URLError, OSError):
        ok = False
    return (time.perf_counter() - started) * 1000, ok


def paced(urls: list[str], seconds: float) -> list[tuple[float, bool]]:
    """Each URL fetched at its own moment, spread evenly over `seconds` (an open arrival
    rate, as people arrive: a slow answer does not hold the next visitor back)."""
    step = seconds / max(len(urls), 1)
    start = time.perf_counter()

    def at(i: int) -> tuple[float, bool]:
        delay = start + i * step - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        return timed_get(urls[i])

    with ThreadPoolExecutor(64) as pool:
        return list(pool.map(at, range(len(urls))))


def summary(samples: list[tuple[float, bool]]) -> dict:
    times = sorted(t for t, _ok in samples)
    errors = sum(1 for _t, ok in samples if not ok)
    return {
        "requests": len(samples),
        "errors": errors,
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "max_ms": round(times[-1], 1),
    }


def main() -> int:
    pages.VAR.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        database_url, label = url.rsplit("/", 1)[0] + "/reilu_bench_pages", "postgresql"
    else:
        database_url, label = f"sqlite:///{pages.VAR / 'bench.sqlite3'}", "sqlite"
    env = pages.env_for(database_url)
    pages.prepare(database_url, env)

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sink = Sink()
    controller = SocketController(sink, sock)
    controller.start()
    env["EMAIL_URL"] = f"smtp://127.0.0.1:{sock.getsockname()[1]}"

    started = time.perf_counter()
    decided = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "reilu.cli", "shell", "-c", DECIDE],
        env=env, cwd=pages.CODE, capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    decide_seconds = time.perf_counter() - started
    tokens = [line.split()[1] for line in decided if line.startswith("TOKEN ")]
    count = next((int(x.split()[1]) for x in decided if x.startswith("DECIDED ")), 0)
    print(f"decided {count} candidates in {decide_seconds:.1f} s; {len(tokens)} mails waiting")
    if not tokens:
        print("no decision mails waiting: seed again (without BENCH_REUSE=1)")
        controller.stop()
        return 2

    server, base = run.gunicorn(env, pages.CODE)
    worker = None
    try:
        timed_get(f"{base}/healthz")
        rng = random.Random(17)  # noqa: S311 - which candidates, not security
        chosen = [rng.choice(tokens) for _ in range(PAGES)]
        status_urls = [f"{base}/status/{t}/" for t in chosen]
        floor_urls = [f"{base}/healthz"] * (PAGES // 10)

        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "reilu.cli", "worker", "--no-schedule", "--interval", "0.5"],
            env=env, cwd=pages.CODE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        delivery_started = time.perf_counter()
        floor: list[tuple[float, bool]] = []
        floor_thread = threading.Thread(target=lambda: floor.extend(paced(floor_urls, WINDOW)))
        floor_thread.start()
        surge = paced(status_urls, WINDOW)
        floor_thread.join()
        during = sink.count
        deadline = time.perf_counter() + 600
        while sink.count < len(tokens) and time.perf_counter() < deadline:
            time.sleep(1)
        delivered = sink.count
        delivery_seconds = (sink.last or time.perf_counter()) - delivery_started
    finally:
        if worker:
            worker.terminate()
            worker.wait(30)
        server.terminate()
        server.wait(10)
        controller.stop()

    results = {
        "applications": pages.APPLICATIONS,
        "decided": count,
        "decide_seconds": round(decide_seconds, 1),
        "mails": len(tokens),
        "mails_delivered": delivered,
        "mails_delivered_during_surge": during,
        "delivery_seconds": round(delivery_seconds, 1),
        "status_pages": summary(surge),
        "floor (/healthz)": summary(floor),
        "window_seconds": WINDOW,
    }
    print(f"\nSurge on {label}: {PAGES} status pages in {WINDOW:.0f} s while one worker delivers")
    print(f"{'':24} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name in ("status_pages", "floor (/healthz)"):
        r = results[name]
        print(
            f"{name:24} {r['requests']:>9} {r['errors']:>7} {r['p50_ms']:>8} "
            f"{r['p95_ms']:>8} {r['max_ms']:>8}"
        )
    print(
        f"mails: {delivered} of {len(tokens)} delivered in {delivery_seconds:.0f} s "
        f"({during} during the surge); target: p95 < 100 ms, no error"
    )
    path = run.ROOT / "bench" / "results.json"
    stored = json.loads(path.read_text()) if path.exists() else {}
    stored.setdefault("surge", {})[label] = results
    path.write_text(json.dumps(stored, indent=2))
    print("written: bench/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
