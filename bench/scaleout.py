"""Scale-out scenario: two web processes and two workers against one PostgreSQL.

Fires applications concurrently at both web processes (a share of them duplicates, sent to
both at once), lets both workers deliver to one SMTP sink, and checks that every
application is stored once and every message delivered once. Prints figures; exits 1 when
a check fails. Run: `make bench-scaleout` (needs PostgreSQL; DATABASE_URL or the local one).
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import psycopg
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BASE = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
SERVER = BASE.rsplit("/", 1)[0]
DB = "reilu_scaleout"
APPLICATIONS = int(os.environ.get("SCALEOUT_APPLICATIONS", "400"))
PDF = b"%PDF-1.4\n" + b"0" * 20_000


class Sink:
    def __init__(self):
        self.ids: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook
        for line in envelope.content.split(b"\r\n"):
            if line.lower().startswith(b"message-id:"):
                self.ids.append(line.split(b":", 1)[1].strip().decode())
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int) -> None:
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def apply(port: int, slug: str, email: str) -> int:
    boundary = uuid.uuid4().hex
    fields = {"name": "Aino Scale", "email": email, "language": "fi", "privacy_consent": "true"}
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    )
    body += (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + PDF
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(  # noqa: S310 - loopback only
        f"http://127.0.0.1:{port}/api/v1/jobs/{slug}/applications",
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def main() -> int:
    admin = SERVER.replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB}")
    smtp_port = free_port()
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    env = dict(
        os.environ,
        DATABASE_URL=f"{SERVER}/{DB}",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        REILU_DEBUG="0",
        REILU_RATELIMIT="0",
        REILU_VAR_DIR=str(ROOT / "var" / "scaleout"),
        DJANGO_SETTINGS_MODULE="reilu.settings",
    )
    reilu = [PYTHON, "-m", "reilu.cli"]
    subprocess.run([*reilu, "migrate", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
    slug = (
        subprocess.run(  # noqa: S603
            [*reilu, "shell", "-c", SETUP],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    ports = [free_port(), free_port()]
    procs = [
        subprocess.Popen(  # noqa: S603
            [
                PYTHON,
                "-m",
                "gunicorn",
                "reilu.wsgi:application",
                "--bind",
                f"127.0.0.1:{p}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--access-logfile",
                "/dev/null",
            ],
            env=env,
        )
        for p in ports
    ] + [subprocess.Popen([*reilu, "worker"], env=env) for _ in range(2)]  # noqa: S603
    try:
        for p in ports:
            wait_port(p)
        unique = [f"scale{i}@example.fi" for i in range(APPLICATIONS)]
        # Every tenth person presses "send" twice, once on each web process.
        jobs = [(ports[i % 2], e) for i, e in enumerate(unique)]
        jobs += [(ports[(i + 1) % 2], e) for i, e in enumerate(unique) if i % 10 == 0]
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(lambda j: apply(j[0], slug, j[1]), jobs))
        seconds = time.perf_counter() - started
        deadline = time.time() + 120
        with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://")) as db:
            while time.time() < deadline:
                pending = db.execute(
                    "SELECT count(*) FROM messaging_message WHERE state <> 'sent'"
                ).fetchone()[0]
                if pending == 0:
                    break
                time.sleep(1)
            stored = db.execute("SELECT count(*) FROM applications_application").fetchone()[0]
            distinct = db.execute(
                "SELECT count(DISTINCT email_key) FROM applications_application"
            ).fetchone()[0]
            messages = db.execute("SELECT count(*) FROM messaging_message").fetchone()[0]
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(15)
        controller.stop()
    result = {
        "requests": len(jobs),
        "created_201": statuses.count(201),
        "duplicates_409": statuses.count(409),
        "other_statuses": sorted({s for s in statuses if s not in (201, 409)}),
        "applications_stored": stored,
        "distinct_emails": distinct,
        "messages_queued": messages,
        "messages_received_by_smtp": len(sink.ids),
        "distinct_message_ids_received": len(set(sink.ids)),
        "applications_per_second": round(len(jobs) / seconds, 1),
        "pending_after_wait": pending,
    }
    print(json.dumps(result, indent=2))
    ok = (
        stored == distinct == APPLICATIONS
        and result["created_201"] == APPLICATIONS
        and len(sink.ids) == len(set(sink.ids)) == messages
        and pending == 0
    )
    print("every application stored once, every message delivered once:", "yes" if ok else "NO")
    return 0 if ok else 1


SETUP = """
import datetime as dt
from django.utils import timezone
from reilu.employers.models import Organization
from reilu.jobs import services
org = Organization.objects.create(slug="scale", name="Scale Oy")
today = timezone.localdate()
p = services.posting_create(organization=org, data=dict(
    title="Kesätyöntekijä", language="fi", location="Helsinki", pay_min=12, pay_max=14,
    pay_period="HOUR", contact_name="Laura Nieminen", contact_email="laura@example.fi",
    apply_by=today + dt.timedelta(days=10), decision_by=today + dt.timedelta(days=30),
    description="Kesätyötä puistoissa."), duties=[{"duty": "Puistotyö", "percent": 100}])
services.posting_publish(posting=p)
print(p.slug)
"""

if __name__ == "__main__":
    sys.exit(main())
