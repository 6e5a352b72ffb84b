"""`make bench-pages`: the public pages and the status page beside the floor, at a scale that
runs in a few minutes (issue 17).

Seeds 100,000 applications over 500 employers and 20,000 postings (BENCH_PAGES_APPLICATIONS
changes the number of applications) into a SQLite database of its own (or PostgreSQL when
DATABASE_URL says so), then serves it with gunicorn as `make bench` does (2 workers × 4
threads) and measures with wrk (16 connections, BENCH_DURATION seconds each):

- the floor: `/healthz`, a view that does nothing, in the same server;
- the candidate status page (random links of 1,000 seeded candidates);
- the job list's first page, without filters and with two filter combinations;
- the job page (random ones of 500 open postings).

Every measured page is visited once before the measurements (a warm server).

BENCH_CODE=/path/to/a/checkout serves that checkout's code instead of this one, so a
"before" and an "after" can be measured in one session against the same database. The
figures are merged into bench/results.json under "pages" and printed as a table. Not a test:
it asserts nothing, it measures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run  # noqa: E402 - bench/run.py, the full benchmark's helpers

ROOT = run.ROOT
VAR = ROOT / "var" / "bench-pages"
CODE = Path(os.environ.get("BENCH_CODE", str(ROOT))).resolve()
APPLICATIONS = int(os.environ.get("BENCH_PAGES_APPLICATIONS", "100000"))
POSTINGS = 20_000
# The pages measured: random ones of these many job pages and candidates' status pages.
SLUGS = int(os.environ.get("BENCH_PAGES_SLUGS", "500"))
TOKENS = int(os.environ.get("BENCH_PAGES_TOKENS", "1000"))
FILTERS = {
    "job list, filter q=myyjä": "/jobs/?q=myyj%C3%A4",
    "job list, filters location + type": "/jobs/?location=tampere&employment_type=FULL_TIME",
}


def env_for(database_url: str) -> dict[str, str]:
    env = run.env_for(database_url)
    env["REILU_VAR_DIR"] = str(VAR)
    env["PYTHONPATH"] = str(CODE)
    return env


def prepare(database_url: str, env: dict[str, str]) -> None:
    migrate = [sys.executable, "-m", "reilu.cli", "migrate", "--noinput", "-v0"]
    if os.environ.get("BENCH_REUSE") == "1" and (VAR / "tokens.txt").exists():
        # Migrations the served code has and the database lacks (new indexes).
        subprocess.run(migrate, env=env, check=True, cwd=CODE)  # noqa: S603
        print(f"reusing the seeded database ({APPLICATIONS:,} applications)")
        return
    if database_url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(database_url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    else:
        run.fresh_postgres(database_url)
    subprocess.run(migrate, env=env, check=True, cwd=CODE)  # noqa: S603
    started = time.perf_counter()
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(ROOT / "bench" / "seed.py"),
            "--applications",
            str(APPLICATIONS),
            "--postings",
            str(POSTINGS),
            "--tokens-file",
            str(VAR / "tokens.txt"),
        ],
        env=env,
        check=True,
    )
    print(f"seeded in {time.perf_counter() - started:.1f} s")


def fetch(url: str) -> bool:
    try:
        with urlopen(url, timeout=60) as response:  # noqa: S310 - our own loopback server
            response.read()
        return True
    except HTTPError:
        return False


def measure(env: dict[str, str]) -> dict:
    server, base = run.gunicorn(env, CODE)
    try:
        tokens = (VAR / "tokens.txt").read_text().split()
        slugs = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "reilu.cli", "shell", "-c",
             "from reilu.jobs.search import open_postings; "
             "slugs = open_postings().values_list('slug', flat=True)[:2000]; "
             "print('\\n'.join('SLUG ' + s for s in slugs))"],
            env=env, cwd=CODE, capture_output=True, text=True, check=True,
        ).stdout.splitlines()  # fmt: skip
        # Only the marked lines: the shell prints other things too ("N objects imported").
        slugs = [line.split()[1] for line in slugs if line.startswith("SLUG ")]
        tokens, slugs = tokens[:TOKENS], slugs[:SLUGS]
        token_list = "{" + ",".join(f'"{t}"' for t in tokens) + "}"
        slug_list = "{" + ",".join(f'"{s}"' for s in slugs) + "}"
        # Every measured page is visited once first, so the figures are of a server in its
        # steady state (renderings stored where the code stores them), not of first visits.
        paths = ["/jobs/", *FILTERS.values()]
        paths += [f"/jobs/{s}/" for s in slugs] + [f"/status/{t}/" for t in tokens]
        started = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            failed = [
                p
                for p, ok in zip(paths, pool.map(lambda p: fetch(base + p), paths), strict=True)
                if not ok
            ]
        print(f"warm-up: {len(paths)} pages in {time.perf_counter() - started:.0f} s")
        if failed:
            print(f"warm-up: {len(failed)} pages failed, e.g. {failed[:3]}")
        results = {"floor (/healthz)": run.wrk(f"{base}/healthz", "")}
        results["status page"] = run.wrk(
            base,
            f"tokens = {token_list}\n"
            "request = function() return wrk.format('GET', '/status/' .. "
            "tokens[math.random(#tokens)] .. '/') end\n",
        )
        results["job list, first page"] = run.wrk(f"{base}/jobs/", "")
        for name, path in FILTERS.items():
            results[name] = run.wrk(f"{base}{path}", "")
        results["job page"] = run.wrk(
            base,
            f"slugs = {slug_list}\n"
            "request = function() return wrk.format('GET', '/jobs/' .. "
            "slugs[math.random(#slugs)] .. '/') end\n",
        )
        results["floor again (/healthz)"] = run.wrk(f"{base}/healthz", "")
        return results
    finally:
        server.terminate()
        server.wait(10)


def table(label: str, results: dict) -> str:
    floor = results["floor (/healthz)"]["requests_per_second"]
    lines = [
        f"\n{label}",
        f"{'HTTP (wrk, 16 connections)':36} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'vs floor':>9} {'errors':>7}",
    ]
    for what, r in results.items():
        ratio = r["requests_per_second"] / floor if floor else 0
        lines.append(
            f"{what:36} {r['requests_per_second']:>9.1f} {r['p50_ms']:>8.1f} "
            f"{r['p95_ms']:>8.1f} {ratio:>8.0%} {r['errors']:>7}"
        )
    return "\n".join(lines)


def main() -> int:
    VAR.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        database_url, label = url.rsplit("/", 1)[0] + "/reilu_bench_pages", "postgresql"
    else:
        database_url, label = f"sqlite:///{VAR / 'bench.sqlite3'}", "sqlite"
    env = env_for(database_url)
    prepare(database_url, env)
    results = measure(env)
    code = subprocess.run(  # noqa: S603
        ["git", "-C", str(CODE), "rev-parse", "--short", "HEAD"],  # noqa: S607
        capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip
    name = os.environ.get("BENCH_LABEL", code or "code")
    path = ROOT / "bench" / "results.json"
    stored = json.loads(path.read_text()) if path.exists() else {}
    stored.setdefault("pages", {}).setdefault(label, {})[name] = {
        "applications": APPLICATIONS,
        "postings": POSTINGS,
        "job_pages_measured": SLUGS,
        "status_pages_measured": TOKENS,
        "seconds_each": run.DURATION,
        "code": code,
        "cpus": os.cpu_count(),
        "load_average_1min_after": round(os.getloadavg()[0], 2),
        "http": results,
    }
    path.write_text(json.dumps(stored, indent=2))
    print(table(f"{label}, {APPLICATIONS:,} applications, code {code} ({name})", results))
    print("\nwritten: bench/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
