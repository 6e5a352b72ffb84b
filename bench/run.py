"""`make bench`: every benchmark, on SQLite and (when DATABASE_URL says so) on PostgreSQL.

Each figure is printed beside its floor measured in the same run, so ratios hold on a noisy
machine. Results go to bench/results.json and a table on standard output. Not a test: it
asserts nothing, it measures.

Environment:
  BENCH_APPLICATIONS   applications to generate (default 1,000,000)
  BENCH_DURATION       seconds per HTTP measurement (default 10)
  BENCH_REUSE=1        reuse an already seeded database of the same size
  DATABASE_URL         a postgres:// URL adds a PostgreSQL round (database reilu_bench)
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
PYTHON = sys.executable
REILU = [PYTHON, "-m", "reilu.cli"]
APPLICATIONS = int(os.environ.get("BENCH_APPLICATIONS", "1000000"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))

WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %.3f %.3f %.3f\\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def env_for(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        REILU_DEBUG="0",
        REILU_VAR_DIR=str(VAR),
        REILU_BASE_URL="http://127.0.0.1",
        REILU_RATELIMIT="0",
        DJANGO_SETTINGS_MODULE="reilu.settings",
    )
    return env


def run(cmd: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, env=env, check=True, text=True, **kwargs)  # noqa: S603


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn(env: dict[str, str], cwd: Path = ROOT) -> tuple[subprocess.Popen, str]:
    """gunicorn serving Reilu as `reilu serve` does (2 workers × 4 threads), and its base
    URL once it accepts connections. The caller terminates it."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [PYTHON, "-m", "gunicorn", "reilu.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "4", "--access-logfile", "/dev/null"],
        env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


def fresh_postgres(database_url: str) -> None:
    """An empty PostgreSQL database at this URL (dropped first if it exists)."""
    import psycopg

    base, name = database_url.rsplit("/", 1)
    admin = base.replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')


def prepare(database_url: str, env: dict[str, str], fresh) -> None:
    # A stable name per database (hash() is salted per process, so it cannot be used).
    marker = VAR / f"seeded-{hashlib.sha256(database_url.encode()).hexdigest()[:12]}-{APPLICATIONS}"
    if os.environ.get("BENCH_REUSE") == "1" and marker.exists():
        print(f"reusing the seeded database ({APPLICATIONS} applications)")
        return
    fresh()
    run(REILU + ["migrate", "--noinput", "-v0"], env)
    started = time.perf_counter()
    run(
        [
            PYTHON,
            str(ROOT / "bench" / "seed.py"),
            "--applications",
            str(APPLICATIONS),
            "--tokens-file",
            str(VAR / "tokens.txt"),
        ],
        env,
    )
    seeded = time.perf_counter() - started
    (VAR / "seed-seconds").write_text(f"{seeded:.1f}")
    marker.write_text("ok")


def wrk(url: str, lua: str, connections: int = 16) -> dict:
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(lua + WRK_REPORT)
    out = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{DURATION}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    )
    script.unlink()
    line = next(x for x in out.stdout.splitlines() if x.startswith("BENCH "))
    requests, errors, micros, p50, p95, p99 = line.split()[1:]
    seconds = int(micros) / 1e6
    return {
        "requests_per_second": round(int(requests) / seconds, 1),
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "p99_ms": float(p99),
        "errors": int(errors),
        "requests": int(requests),
    }


def http_benchmarks(env: dict[str, str]) -> dict:
    server, base = gunicorn(env)
    try:
        tokens = (VAR / "tokens.txt").read_text().split()
        slugs = subprocess.run(  # noqa: S603
            REILU
            + [
                "shell",
                "-c",
                "from reilu.jobs.views import open_postings; "
                "slugs = open_postings().values_list('slug', flat=True)[:2000]; "
                "print('\\n'.join('SLUG ' + s for s in slugs))",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        # Only the marked lines: the shell prints other things too ("N objects imported").
        slugs = [line.split()[1] for line in slugs if line.startswith("SLUG ")]
        lua_list = "{" + ",".join(f'"{t}"' for t in tokens[:5000]) + "}"
        slug_list = "{" + ",".join(f'"{s}"' for s in slugs) + "}"
        results = {"floor (/healthz)": wrk(f"{base}/healthz", "")}
        results["status page"] = wrk(
            base,
            f"tokens = {lua_list}\n"
            "request = function() return wrk.format('GET', '/status/' .. "
            "tokens[math.random(#tokens)] .. '/') end\n",
        )
        results["job list"] = wrk(f"{base}/jobs/", "")
        results["job detail"] = wrk(
            base,
            f"slugs = {slug_list}\n"
            "request = function() return wrk.format('GET', '/jobs/' .. "
            "slugs[math.random(#slugs)] .. '/') end\n",
        )
        results["apply with a 200 KB PDF"] = apply_benchmark(base, slugs)
        return results
    finally:
        server.terminate()
        server.wait(10)


def apply_benchmark(base: str, slugs: list[str]) -> dict:
    pdf = "%PDF-1.4\\n" + "0" * 200_000
    lua = (
        f"slugs = {{{','.join(chr(34) + s + chr(34) for s in slugs[:200])}}}\n"
        "counter = 0\n"
        "threads = 0\n"
        "setup = function(thread) threads = threads + 1; thread:set('tid', threads) end\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  local b = '----reilubench'\n"
        "  local email = 'b' .. tid .. '-' .. os.time() .. '-' .. counter .. '@example.fi'\n"
        "  local body = '--' .. b .. '\\r\\nContent-Disposition: form-data; "
        'name="name"\\r\\n\\r\\n'
        "Aino Bench\\r\\n'\n"
        "    .. '--' .. b .. '\\r\\nContent-Disposition: form-data; name=\"email\"\\r\\n\\r\\n' "
        ".. email .. '\\r\\n'\n"
        "    .. '--' .. b .. '\\r\\nContent-Disposition: form-data; name=\"language\"\\r\\n\\r\\n"
        "fi\\r\\n'\n"
        "    .. '--' .. b .. '\\r\\nContent-Disposition: form-data; name=\"privacy_consent\""
        "\\r\\n\\r\\ntrue\\r\\n'\n"
        "    .. '--' .. b .. '\\r\\nContent-Disposition: form-data; name=\"cv\"; "
        'filename="cv.pdf"\\r\\nContent-Type: application/pdf\\r\\n\\r\\n'
        f"{pdf}\\r\\n'\n"
        "    .. '--' .. b .. '--\\r\\n'\n"
        "  local path = '/api/v1/jobs/' .. slugs[math.random(#slugs)] .. '/applications'\n"
        "  return wrk.format('POST', path, "
        "{['Content-Type'] = 'multipart/form-data; boundary=' .. b}, body)\n"
        "end\n"
        "response = function(status, headers, body)\n"
        "  if status ~= 201 then io.write('apply status ' .. status .. '\\n') end\n"
        "end\n"
    )
    result = wrk(base, lua, connections=8)
    result["applications_per_second"] = result["requests_per_second"]
    return result


def in_process_benchmarks(env: dict[str, str]) -> dict:
    """Runs in a child process so Django is set up against the benchmark database."""
    out = run([PYTHON, str(ROOT / "bench" / "inproc.py")], env, capture_output=True)
    sys.stderr.write(out.stderr[-2000:] if out.returncode else "")
    line = [x for x in out.stdout.splitlines() if x.startswith("{")][-1]
    return json.loads(line)


def round_for(name: str, database_url: str, fresh) -> dict:
    print(f"\n== {name}: {APPLICATIONS:,} applications")
    env = env_for(database_url)
    prepare(database_url, env, fresh)
    results = {"seed_seconds": float((VAR / "seed-seconds").read_text())}
    results["http"] = http_benchmarks(env)
    results["in_process"] = in_process_benchmarks(env)
    return results


def table(all_results: dict) -> str:
    lines = []
    for db, res in all_results.items():
        if not isinstance(res, dict) or "http" not in res:
            continue
        lines.append(f"\n{db} — seeded in {res['seed_seconds']} s")
        lines.append(
            f"{'HTTP (wrk, 16 connections)':34} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'vs floor':>9} {'errors':>7}"
        )
        floor = res["http"]["floor (/healthz)"]["requests_per_second"]
        for what, r in res["http"].items():
            ratio = r["requests_per_second"] / floor if floor else 0
            lines.append(
                f"{what:34} {r['requests_per_second']:>9.1f} {r['p50_ms']:>8.1f} "
                f"{r['p95_ms']:>8.1f} {ratio:>8.0%} {r['errors']:>7}"
            )
        lines.append(f"{'in process':48} {'figure':>10} {'floor':>8}")
        for what, r in res["in_process"].items():
            p95 = f"  p95 {r['p95']}" if "p95" in r else ""
            lines.append(
                f"{what[:48]:48} {r['value']:>10} {r.get('floor', ''):>8}  {r['unit']}{p95}"
            )
    return "\n".join(lines)


def adcheck_rate() -> dict:
    """The ad checker's throughput on one core (issue 15's target: 500 ads per second),
    counted in the process's CPU time so that other work on the machine does not lower it."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    out = subprocess.run(  # noqa: S603
        [*pin, PYTHON, str(ROOT / "bench" / "bench_adcheck.py")],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    print(out, end="")
    figures = json.loads(out.strip().splitlines()[-1])
    print(
        f"ad checker: {figures['corpus_ads_per_second']} ads/CPU-s over the own corpus, "
        f"{figures['ads_per_second']} on a {figures['words']}-word ad (target 500 on one core)"
    )
    return figures


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk is needed for the HTTP benchmarks: apt-get install -y wrk")
        if os.geteuid() == 0:
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False)  # noqa: S607
        if not shutil.which("wrk"):
            return 2
    VAR.mkdir(parents=True, exist_ok=True)
    results: dict = {"applications": APPLICATIONS, "machine": {"cpus": os.cpu_count()}}
    results["adcheck"] = adcheck_rate()
    sqlite_path = VAR / "bench.sqlite3"

    def fresh_sqlite():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)

    results["sqlite"] = round_for("SQLite", f"sqlite:///{sqlite_path}", fresh_sqlite)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        bench_url = url.rsplit("/", 1)[0] + "/reilu_bench"

        results["postgresql"] = round_for(
            "PostgreSQL", bench_url, lambda: fresh_postgres(bench_url)
        )
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2))
    print(table(results))
    print("\nwritten: bench/results.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
