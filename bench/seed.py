"""`python bench/seed.py --applications N`: fill a database quickly with realistic data.

Run by bench/run.py (`make bench`) against the benchmark's database; the settings come from
the environment (DATABASE_URL, REILU_VAR_DIR) as for any Reilu process.

Rows go in with COPY on PostgreSQL and multi-row INSERTs on SQLite (bench/inserter.py),
inside large transactions.
"""

import argparse
import datetime as dt
import hashlib
import os
import random
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reilu.settings")

import django  # noqa: E402

django.setup()

import bench_talent  # noqa: E402
import bench_voice  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from inserter import Inserter, next_id, reset_sequences  # noqa: E402

from reilu.applications.models import AccessToken, Application, Event, Promise  # noqa: E402
from reilu.employers.models import Organization  # noqa: E402
from reilu.fold import fold  # noqa: E402
from reilu.jobs.models import DutyShare, Posting, Stage  # noqa: E402
from reilu.messaging.models import Message  # noqa: E402

STAGES = [
    ("Received", "received", 7),
    ("Screening", "screening", 10),
    ("Interview", "interview", 10),
    ("Decision", "decision", 7),
]
FIRST = ["Aino", "Eino", "Helmi", "Juhani", "Kaisa", "Lauri", "Linnea", "Matti", "Noora"]
LAST = ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Laine", "Heikkinen", "Salo"]
TOWNS = ["Helsinki", "Espoo", "Tampere", "Vantaa", "Oulu", "Turku", "Jyväskylä", "Lahti"]
TITLES = [
    "Myyjä",
    "Sairaanhoitaja",
    "Ohjelmistokehittäjä",
    "Varastotyöntekijä",
    "Kokki",
    "Lähihoitaja",
    "Kirjanpitäjä",
    "Asiakaspalvelija",
    "Opettaja",
    "Sähköasentaja",
    "Customer service advisor",
    "Data engineer",
    "Nurse",
    "Shop assistant",
]
BIG_POSTING = "bench-big-board"
BIG_APPLICANTS = 5000


class Output:
    """Progress on standard output, written as Django's command output was."""

    def write(self, text: str = "", ending: str = "\n") -> None:
        sys.stdout.write(text if text.endswith(ending) else text + ending)

    def flush(self) -> None:
        sys.stdout.flush()


class Seeder:
    def __init__(self, stdout: Output | None = None):
        self.stdout = stdout or Output()

    def seed(self, **opts) -> None:
        started = time.perf_counter()
        if connection.vendor == "sqlite":
            with connection.cursor() as c:
                c.execute("PRAGMA synchronous=OFF")
        rng = random.Random(opts["seed"])  # noqa: S311 - generated data, not security
        with transaction.atomic():
            org_ids = self._employers(opts["employers"])
            postings = self._postings(rng, org_ids, opts["postings"])
        self.stdout.write(f"employers and postings: {time.perf_counter() - started:.1f} s")
        made = self._applications(rng, postings, opts["applications"], Path(opts["tokens_file"]))
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"seeded {len(org_ids)} employers, {len(postings)} postings, {made} applications "
            f"in {elapsed:.1f} s"
        )
        self._extra_seeders(rng, opts["answers"], opts["profiles"])
        reset_sequences()
        # Fresh statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` would keep them:
        # bulk-loaded tables without them get poor query plans.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"seeding done in {time.perf_counter() - started:.1f} s")

    def _employers(self, n: int) -> list[int]:
        first = next_id(Organization)
        ins = Inserter(Organization, batch=500)
        now = timezone.now()
        for i in range(n):
            name = f"Työnantaja {first + i} Oy"
            ins.add(
                name=name,
                name_key=fold(name),  # the folded copy save() keeps for search
                slug=f"bench-{first + i}",
                created_at=now,
                website="https://example.fi/",
            )
        ins.flush()
        return list(range(first, first + n))

    def _postings(self, rng, org_ids: list[int], n: int) -> list[dict]:
        today = timezone.localdate()
        now = timezone.now()
        first = next_id(Posting)
        ins = Inserter(Posting, batch=1000)
        stage_ins = Inserter(Stage, batch=2000)
        duty_ins = Inserter(DutyShare, batch=2000)
        stage_first = next_id(Stage)
        postings = []
        for i in range(n):
            pk = first + i
            org = org_ids[i % len(org_ids)]
            slug = BIG_POSTING if i == 0 else f"bench-{pk}"
            title, town = rng.choice(TITLES), rng.choice(TOWNS)
            ins.add(
                organization_id=org,
                title=title,
                slug=slug,
                language="fi",
                location=town,
                search_key=fold(title),  # the folded copies save() keeps for search
                location_key=fold(town),
                remote="no",
                employment_type="FULL_TIME",
                description="Työ on monipuolista asiakaspalvelua tiimissä. " * 8,
                requirements="Koulutus alalle\nHyvä suomen kieli",
                pay_min=2500 + rng.randint(0, 10) * 100,
                pay_max=3600,
                pay_currency="EUR",
                pay_period="MONTH",
                contact_name="Laura Nieminen",
                contact_email=f"rekry{org}@example.fi",
                contact_phone="040 123 4567",
                apply_by=today + dt.timedelta(days=rng.randint(1, 40)),
                decision_by=today + dt.timedelta(days=rng.randint(41, 60)),
                state="published",
                published_at=now - dt.timedelta(days=rng.randint(0, 300)),
                created_at=now,
                updated_at=now,
            )
            stage_ids = []
            for position, (name, kind, days) in enumerate(STAGES):
                stage_ins.add(
                    posting_id=pk,
                    position=position,
                    name=name,
                    kind=kind,
                    promise_days=days,
                    description="Mitä tässä vaiheessa tapahtuu.",
                )
                stage_ids.append(stage_first + i * len(STAGES) + position)
            duty_ins.add(posting_id=pk, duty="Asiakaspalvelu", percent=70, position=0)
            duty_ins.add(posting_id=pk, duty="Tilaukset", percent=30, position=1)
            postings.append(
                {
                    "id": pk,
                    "org": org,
                    "stages": stage_ids,
                    "slug": slug,
                    "contact": f"rekry{org}@example.fi",
                }
            )
        for inserter in (ins, stage_ins, duty_ins):
            inserter.flush()
        return postings

    def _applications(self, rng, postings, n: int, tokens_file: Path) -> int:
        today = timezone.localdate()
        now = timezone.now()
        app_first = next_id(Application)
        tokens_file.parent.mkdir(parents=True, exist_ok=True)
        keep_tokens: list[str] = []
        apps = Inserter(Application, batch=1000)
        events = Inserter(Event, batch=2000)
        messages = Inserter(Message, batch=1000)
        promises = Inserter(Promise, batch=2000)
        tokens = Inserter(AccessToken, batch=2000)
        big = postings[0]
        rest = postings[1:] or postings
        chunk = 50_000
        for start in range(0, n, chunk):
            with transaction.atomic():
                for i in range(start, min(n, start + chunk)):
                    pk = app_first + i
                    if i < BIG_APPLICANTS:
                        posting, outcome = big, "active"
                    else:
                        posting = rest[rng.randrange(len(rest))]
                        r = rng.random()
                        outcome = (
                            "active"
                            if r < 0.35
                            else "rejected"
                            if r < 0.88
                            else "hired"
                            if r < 0.93
                            else "withdrawn"
                        )
                    depth = rng.choice((0, 0, 1, 1, 2, 3))
                    stage = posting["stages"][depth]
                    created = now - dt.timedelta(days=rng.randint(0, 360), minutes=i % 1440)
                    responded = created + dt.timedelta(days=rng.randint(1, 12)) if depth else None
                    decided = responded if outcome != "active" else None
                    promised = today + dt.timedelta(days=rng.randint(0, 14))
                    email = f"hakija{pk}@example.fi"
                    apps.add(
                        posting_id=posting["id"],
                        stage_id=stage,
                        outcome=outcome,
                        name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                        email=email,
                        email_key=email,
                        phone="050 1234567",
                        cover_letter="Hei!",
                        cv="",
                        cv_name="",
                        cv_type="",
                        language="fi",
                        contact_name="Laura Nieminen",
                        contact_email=posting["contact"],
                        contact_phone="",
                        promised_by=promised if outcome == "active" else None,
                        privacy_consent_at=created,
                        talent_consent=False,
                        created_at=created,
                        first_response_at=responded,
                        decided_at=decided,
                    )
                    events.add(
                        application_id=pk,
                        kind="applied",
                        visible_to_candidate=True,
                        stage_id=posting["stages"][0],
                        text="",
                        created_at=created,
                    )
                    if depth:
                        events.add(
                            application_id=pk,
                            kind="moved",
                            visible_to_candidate=True,
                            stage_id=stage,
                            text="",
                            created_at=responded,
                        )
                    messages.add(
                        organization_id=posting["org"],
                        about_type="applications.application",
                        about_id=pk,
                        kind="received",
                        alert_staff_on_failure=True,
                        language="fi",
                        to_email=email,
                        reply_to="",
                        subject="Hakemuksesi on saapunut",
                        body="Hei, kiitos hakemuksestasi.",
                        dedupe_key=f"received:{pk}",
                        message_id=f"<bench-{pk}@reilu>",
                        state="sent",
                        attempts=1,
                        next_attempt_at=created,
                        sent_at=created,
                        last_error="",
                        created_at=created,
                    )
                    kept = rng.random() < 0.9
                    promises.add(
                        application_id=pk,
                        organization_id=posting["org"],
                        posting_id=posting["id"],
                        contact_email=posting["contact"],
                        due=promised if outcome == "active" else created.date(),
                        state="open" if outcome == "active" else ("kept" if kept else "lapsed"),
                        made_at=created,
                        closed_at=None if outcome == "active" else decided or now,
                    )
                    raw = secrets.token_urlsafe(32)
                    tokens.add(
                        application_id=pk,
                        token_hash=hashlib.sha256(raw.encode()).hexdigest(),
                        created_at=created,
                    )
                    if len(keep_tokens) < 20_000 and (i < BIG_APPLICANTS or rng.random() < 0.02):
                        keep_tokens.append(raw)
                for ins in (apps, events, messages, promises, tokens):
                    ins.flush()
            self.stdout.write(f"  {min(n, start + chunk)} applications", ending="\r")
            self.stdout.flush()
        self.stdout.write("")
        tokens_file.write_text("\n".join(keep_tokens) + "\n")
        return apps.count

    def _extra_seeders(self, rng, answers: int, profiles: int) -> None:
        """The areas with data of their own: survey answers, then talent profiles."""
        started = time.perf_counter()
        bench_voice.bench_seed(rng, self.stdout, answers=answers)
        self.stdout.write(f"  in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        bench_talent.bench_seed(rng, self.stdout, profiles=profiles)
        self.stdout.write(f"  in {time.perf_counter() - started:.1f} s")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fill the database with generated data.")
    parser.add_argument("--applications", type=int, default=1_000_000)
    parser.add_argument("--employers", type=int, default=500)
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--answers", type=int, default=bench_voice.ANSWERS)
    parser.add_argument("--profiles", type=int, default=bench_talent.PROFILES)
    parser.add_argument("--tokens-file", default=str(settings.VAR_DIR / "bench" / "tokens.txt"))
    parser.add_argument("--seed", type=int, default=2026)
    Seeder().seed(**vars(parser.parse_args(argv)))


if __name__ == "__main__":
    main()
