"""In-process benchmarks against the seeded database (started by bench/run.py).

Prints one JSON line: {name: {"value", "unit", "floor"}}. Floors: a trivial request through
the same middleware stack, and `SELECT 1`, measured in the same process.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reilu.settings")

import django  # noqa: E402

django.setup()

import bench_talent  # noqa: E402
import bench_voice  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from reilu.applications import promises, services  # noqa: E402
from reilu.applications.models import Application  # noqa: E402
from reilu.employers.models import Membership  # noqa: E402
from reilu.jobs.models import Posting  # noqa: E402

BIG = "bench-big-board"


def timed(fn, repeat: int = 20) -> float:
    """Median wall time of `fn` in milliseconds (after one warm-up call)."""
    return timings(fn, repeat)[0]


def timings(fn, repeat: int = 20) -> tuple[float, float]:
    """Median and 95th percentile wall time of `fn` in milliseconds, after a warm-up call."""
    fn()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return round(statistics.median(samples), 2), round(p95, 2)


def select_one() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def main() -> None:
    results: dict[str, dict] = {}
    client = Client()
    request_floor = timed(lambda: client.get("/healthz"), 200)
    query_floor = timed(select_one, 200)

    posting = Posting.objects.select_related("organization").get(slug=BIG)
    user, _ = get_user_model().objects.get_or_create(
        username="bench@example.fi", defaults={"email": "bench@example.fi"}
    )
    Membership.objects.get_or_create(
        user=user, organization=posting.organization, defaults={"role": "recruiter"}
    )
    client.force_login(user)
    active = Application.objects.filter(posting=posting, outcome="active").count()
    results[f"pipeline board ({active} applicants)"] = {
        "value": timed(lambda: client.get(f"/staff/postings/{posting.pk}/"), 10),
        "unit": "ms",
        "floor": request_floor,
    }

    ids = list(
        Application.objects.filter(posting=posting, outcome="active").values_list("pk", flat=True)
    )
    started = time.perf_counter()
    with transaction.atomic():
        decided = services.applications_decide(
            organization=posting.organization,
            application_ids=ids,
            outcome="rejected",
            note="Thank you for applying.",
        )
        elapsed = (time.perf_counter() - started) * 1000
        # Rolled back so the next run finds the same 5,000 candidates waiting.
        transaction.set_rollback(True)
    results[f"decide {decided} at once (commit excluded)"] = {
        "value": round(elapsed, 1),
        "unit": "ms",
        "floor": query_floor,
    }

    results["delivery rate to a local SMTP sink"] = delivery_rate(posting)
    lapsed_query_floor = query_floor
    results[f"promise sweep, nothing due ({Application.objects.count():,} applications)"] = {
        "value": timed(promises.sweep, 20),
        "unit": "ms",
        "floor": lapsed_query_floor,
    }

    for area in (bench_voice, bench_talent):
        for name, fn, repeat in area.bench_cases():
            p50, p95 = timings(fn, repeat)
            results[name] = {"value": p50, "p95": p95, "unit": "ms (p50)", "floor": query_floor}

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_adcheck import build_ad

    from reilu.adcheck import check

    ad = build_ad()
    check(ad)
    n, started = 0, time.perf_counter()
    while time.perf_counter() - started < 3:
        check(ad)
        n += 1
    results["ad checker (300-word ad, one core)"] = {
        "value": round(n / (time.perf_counter() - started)),
        "unit": "ads/s",
        "floor": "",
    }
    print(json.dumps(results))


def delivery_rate(posting) -> dict:
    import uuid

    from aiosmtpd.controller import Controller
    from django.utils import timezone

    from reilu.messaging import outbox
    from reilu.messaging.models import Message

    class Sink:
        count = 0

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            Sink.count += 1
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    n = 2000
    now = timezone.now()
    Message.objects.bulk_create(
        Message(
            organization=posting.organization,
            kind="bench",
            language="fi",
            to_email=f"sink{i}@example.fi",
            subject="Benchmark",
            body="Hei!\n" * 20,
            dedupe_key=f"bench:{uuid.uuid4().hex}",
            message_id=f"<{uuid.uuid4().hex}@bench>",
            next_attempt_at=now,
        )
        for i in range(n)
    )
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
        ):
            started = time.perf_counter()
            delivered = outbox.deliver_all(limit=200)
            seconds = time.perf_counter() - started
    finally:
        controller.stop()
        Message.objects.filter(kind="bench").delete()
    return {"value": round(delivered / seconds), "unit": "messages/s (one worker)", "floor": ""}


if __name__ == "__main__":
    main()
