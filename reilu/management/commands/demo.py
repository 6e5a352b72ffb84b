"""Demo data: three employers, honest postings in Finnish and English, a living pipeline."""

import datetime as dt
import random
from contextlib import contextmanager
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from reilu.applications import services as apps
from reilu.applications.models import Application, Event, Promise
from reilu.employers.models import Membership, Organization
from reilu.interviews import series
from reilu.jobs import services as jobs
from reilu.jobs.models import Posting
from reilu.management.demo_data.ads import ADS
from reilu.management.demo_data.talent import OPEN_APPLICATIONS, PROFILES
from reilu.rules import DuplicateApplication
from reilu.talent.services.open_applications import open_settings_save
from reilu.talent.services.profiles import profile_save, profile_set_visibility
from reilu.talent.services.seekers import seeker_get_or_create
from reilu.workdays import holiday_free_working_days

DEMO_PASSWORD = "reilu-demo-2026"  # noqa: S105 - printed for the newcomer, demo only
HISTORY_DAYS = 40  # how far back the demo's applications go

COVER_LETTERS = {
    "fi": "Hei! Olen kiinnostunut tehtävästä ja kerron mielelläni lisää haastattelussa.",
    "sv": "Hej! Jag är intresserad av tjänsten och berättar gärna mer på en intervju.",
    "en": "Hello! I am interested in this job and happy to tell you more in an interview.",
}

EMPLOYERS = [
    {
        "slug": "kaupunki",
        "name": "Järvenpään kaupunki (demo)",
        "business_id": "0000000-1",
        "website": "https://www.example.fi/",
        "linkedin_url": "https://www.linkedin.com/company/example",
        "values_statement": "Palvelemme kuntalaisia reilusti. Jokainen hakija saa vastauksen, "
        "ja kerromme aina, missä vaiheessa haku menee.",
        "staff": [
            ("Anna Virtanen", "anna@kaupunki.example", "owner"),
            ("Mikko Laine", "mikko@kaupunki.example", "recruiter"),
        ],
    },
    {
        "slug": "koodiosuus",
        "name": "Koodiosuus Oy (demo)",
        "business_id": "0000000-2",
        "website": "https://koodiosuus.example.com/",
        "linkedin_url": "https://www.linkedin.com/company/example2",
        "facebook_url": "https://www.facebook.com/example2",
        "values_statement": "We build software for Finnish public services. Open source, "
        "four-day weeks in summer, and no take-home tests longer than two hours.",
        "staff": [("Laura Nieminen", "laura@koodiosuus.example", "owner")],
    },
    {
        "slug": "ruokakauppa",
        "name": "Lähikauppa Pihlaja Oy (demo)",
        "business_id": "0000000-3",
        "website": "https://pihlaja.example.fi/",
        "instagram_url": "https://www.instagram.com/example3",
        "values_statement": "Paikallinen kauppa, jossa tunnetaan asiakkaat nimeltä.",
        "staff": [("Jari Salo", "jari@pihlaja.example", "owner")],
    },
]

POSTINGS = [
    (
        "kaupunki",
        "fi",
        "Sosiaaliohjaaja, työllisyyspalvelut",
        "Järvenpää",
        "no",
        "FULL_TIME",
        2900,
        3400,
        "MONTH",
        [("Asiakastyö ja palveluohjaus", 60), ("Verkostotyö", 25), ("Kirjaaminen", 15)],
    ),
    (
        "kaupunki",
        "fi",
        "Varhaiskasvatuksen opettaja",
        "Järvenpää",
        "no",
        "FULL_TIME",
        2800,
        3100,
        "MONTH",
        [
            ("Lapsiryhmän pedagoginen työ", 75),
            ("Vanhempien kanssa tehtävä yhteistyö", 15),
            ("Suunnittelu", 10),
        ],
    ),
    (
        "kaupunki",
        "fi",
        "Kesätyöntekijä, puistot",
        "Järvenpää",
        "no",
        "TEMPORARY",
        12.5,
        13.5,
        "HOUR",
        [("Puistojen hoito", 80), ("Asukkaiden neuvonta", 20)],
    ),
    (
        "koodiosuus",
        "en",
        "Backend developer (Python)",
        "Helsinki",
        "hybrid",
        "FULL_TIME",
        4200,
        5600,
        "MONTH",
        [
            ("Building and reviewing code", 65),
            ("Design with the team", 20),
            ("Support for customers' developers", 15),
        ],
    ),
    (
        "koodiosuus",
        "en",
        "Accessibility specialist",
        "",
        "full",
        "FULL_TIME",
        4000,
        5000,
        "MONTH",
        [("Accessibility audits", 50), ("Training our teams", 30), ("Tooling", 20)],
    ),
    (
        "koodiosuus",
        "fi",
        "Ohjelmistokehittäjä, frontend",
        "Tampere",
        "hybrid",
        "FULL_TIME",
        3800,
        4800,
        "MONTH",
        [("Käyttöliittymien kehitys", 70), ("Käytettävyystestaus", 20), ("Dokumentointi", 10)],
    ),
    (
        "ruokakauppa",
        "fi",
        "Myyjä, osa-aikainen",
        "Kerava",
        "no",
        "PART_TIME",
        12.9,
        14.2,
        "HOUR",
        [("Asiakaspalvelu kassalla", 60), ("Hyllytys ja tilaukset", 30), ("Siisteys", 10)],
    ),
    (
        "ruokakauppa",
        "fi",
        "Vuoropäällikkö",
        "Kerava",
        "no",
        "FULL_TIME",
        2700,
        3000,
        "MONTH",
        [("Vuoron johtaminen ja työnjako", 55), ("Asiakaspalvelu", 30), ("Kassojen täsmäytys", 15)],
    ),
    (
        "ruokakauppa",
        "en",
        "Shop assistant (English-speaking)",
        "Kerava",
        "no",
        "PART_TIME",
        12.9,
        14.2,
        "HOUR",
        [("Serving customers", 70), ("Stocking shelves", 30)],
    ),
]

FIRST = [
    "Aino",
    "Eino",
    "Helmi",
    "Juhani",
    "Kaisa",
    "Lauri",
    "Linnea",
    "Matti",
    "Noora",
    "Oskari",
    "Pihla",
    "Risto",
    "Saara",
    "Tuomas",
    "Venla",
    "Ville",
    "Elina",
    "Antti",
    "Iida",
    "Joonas",
    "Emma",
    "Leevi",
    "Sofia",
    "Onni",
    "Aada",
    "Eetu",
    "Ella",
    "Niilo",
]
LAST = [
    "Korhonen",
    "Virtanen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Salo",
    "Laitinen",
    "Tuominen",
    "Rantanen",
    "Karjalainen",
    "Jokinen",
    "Mattila",
    "Savolainen",
]


class Command(BaseCommand):
    help = "Load demo data (idempotent: does nothing when it is already there)."

    def handle(self, *args, **options):
        if Organization.objects.filter(slug="kaupunki").exists():
            self.stdout.write("Demo data is already loaded.")
        else:
            with transaction.atomic():
                self._load()
        self.stdout.write(
            "Sign in at http://127.0.0.1:8000/staff/login/ as anna@kaupunki.example, "
            f"laura@koodiosuus.example or jari@pihlaja.example, password {DEMO_PASSWORD}"
        )

    def _load(self):
        rng = random.Random(2026)  # noqa: S311 - demo data, not security
        User = get_user_model()
        orgs = {}
        for spec in EMPLOYERS:
            spec = dict(spec)
            staff = spec.pop("staff")
            org = Organization.objects.create(**spec)
            orgs[org.slug] = (org, staff)
            for full_name, email, role in staff:
                first, last = full_name.split()
                user = User.objects.create_user(
                    username=email,
                    email=email,
                    password=DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                )
                Membership.objects.create(user=user, organization=org, role=role)
        today = timezone.localdate()
        count = 0
        for i, (slug, lang, title, location, remote, etype, low, high, period, duties) in enumerate(
            POSTINGS
        ):
            org, staff = orgs[slug]
            contact_name, contact_email, _role = staff[-1]
            description, requirements = ADS[title]
            # Interviews on three working days with no public holiday among them.
            interview_days = holiday_free_working_days(today + dt.timedelta(days=14 + 3 * i), 3)
            posting = jobs.posting_create(
                organization=org,
                data={
                    "title": title,
                    "language": lang,
                    "location": location,
                    "remote": remote,
                    "employment_type": etype,
                    "description": description,
                    "requirements": requirements,
                    "pay_min": Decimal(str(low)),
                    "pay_max": Decimal(str(high)),
                    "pay_period": period,
                    "contact_name": contact_name,
                    "contact_email": contact_email,
                    "contact_phone": f"040 123 45{i:02d}",
                    "apply_by": interview_days[0] - dt.timedelta(days=4),
                    "interviews_from": interview_days[0],
                    "interviews_to": interview_days[-1],
                    "decision_by": interview_days[-1] + dt.timedelta(days=7),
                },
                duties=[{"duty": d, "percent": p} for d, p in duties],
            )
            jobs.posting_publish(posting=posting)
            # Published before its first applicant, as in a living system.
            # (A save, not an update(): the stored job pages and list follow it.)
            posting.published_at = timezone.now() - dt.timedelta(days=HISTORY_DAYS + 2)
            posting.save(update_fields=["published_at"])
            count += self._applicants(posting, rng, 18 + 4 * i)
            self._slots(posting, interview_days[:2])
        self._talent()
        for slug, settings in OPEN_APPLICATIONS.items():
            open_settings_save(organization=orgs[slug][0], data=settings)
        self.stdout.write(f"Loaded 3 employers, {len(POSTINGS)} postings, {count} applications.")

    def _applicants(self, posting: Posting, rng, n: int) -> int:
        stages = list(posting.stages.all())
        made = 0
        for _ in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first}.{last}.{rng.randint(1, 9999)}@example.fi".lower()
            email = email.replace("ä", "a").replace("ö", "o")
            # The candidate's story in days: applied `ago` days back, each step 1-6 days on.
            ago = rng.randint(2, HISTORY_DAYS)
            clock = _Clock(timezone.now() - dt.timedelta(days=ago, hours=rng.randint(0, 20)))
            try:
                with clock.step(None):
                    app, _raw = apps.application_submit(
                        posting=posting,
                        name=f"{first} {last}",
                        email=email,
                        language=rng.choice(["fi", "fi", "fi", "sv", "en"]),
                        privacy_consent=True,
                        phone=f"050 {rng.randint(1000000, 9999999)}",
                        cover_letter=COVER_LETTERS[posting.language],
                        talent_consent=rng.random() < 0.3,
                    )
                    clock.application = app
            except DuplicateApplication:
                continue
            made += 1
            steps = rng.choice([0, 0, 1, 1, 2, 3])
            for _step in range(min(steps, len(stages) - 1)):
                clock.advance(rng.randint(1, 6), rng.randint(1, 8))
                with clock.step(app):
                    app = apps.application_move(application=app)
            roll = rng.random()
            clock.advance(rng.randint(1, 5), rng.randint(1, 8))
            if roll < 0.18:
                with clock.step(app):
                    apps.applications_decide(
                        organization=posting.organization,
                        application_ids=[app.pk],
                        outcome=Application.Outcome.REJECTED,
                    )
            elif roll < 0.21 and steps >= 2:
                with clock.step(app):
                    apps.applications_decide(
                        organization=posting.organization,
                        application_ids=[app.pk],
                        outcome=Application.Outcome.HIRED,
                    )
            elif roll < 0.24:
                with clock.step(app):
                    apps.application_withdraw(application=app)
            else:
                # Spread promises as in a living system; a few (about 2 %) have lapsed, so the
                # worker's sweep shows what happens then (the candidate is told, staff are
                # alerted) without greeting a newcomer with dozens of apologies.
                days = -1 if rng.random() < 0.02 else rng.randint(0, 10)
                due = timezone.localdate() + dt.timedelta(days=days)
                Application.objects.filter(pk=app.pk).update(promised_by=due)
                Promise.objects.filter(application=app, state="open").update(due=due)
        return made

    def _slots(self, posting: Posting, days: list[dt.date]) -> None:
        """Bookable interview times on the posting's first interview days (working days)."""
        people = [
            m.user_id
            for m in posting.organization.memberships.all()
            if m.role != Membership.Role.INTERVIEWER
        ]
        times = []
        for day in days:
            times += series.series_times(
                first_day=day,
                last_day=None,
                start=dt.time(9, 0),
                end=dt.time(12, 0),
                length=45,
                pause=15,
            )
        series.slot_series_create(
            posting=posting,
            times=times,
            location=f"{posting.organization.name}, {posting.location}" if posting.location else "",
            video_url="" if posting.location else "https://meet.jit.si/koodiosuus-haastattelu",
            interviewer_ids=people,
        )

    def _talent(self) -> None:
        for spec in PROFILES:
            seeker = seeker_get_or_create(email=spec["email"], language=spec["language"])
            profile = profile_save(
                seeker=seeker,
                data=spec["data"],
                skills=spec["skills"],
                languages=spec["languages"],
                links=[],
            )
            profile_set_visibility(profile=profile, visibility=spec["visibility"], paused=False)


class _Clock:
    """Moves what a service call wrote (events, promises, dates) to a moment in the past.

    The services stamp everything with the real time; the demo tells a story over weeks, so
    that analytics such as the days spent in each stage show realistic figures.
    """

    def __init__(self, start: dt.datetime):
        self.now = start
        self.application: Application | None = None

    def advance(self, days: int, hours: int) -> None:
        self.now = min(
            self.now + dt.timedelta(days=days, hours=hours),
            timezone.now() - dt.timedelta(minutes=5),
        )

    @contextmanager
    def step(self, app):
        last_event = Event.objects.order_by("-id").values_list("id", flat=True).first() or 0
        last_promise = Promise.objects.order_by("-id").values_list("id", flat=True).first() or 0
        real = timezone.now()
        yield
        app = app or self.application
        Event.objects.filter(application=app, id__gt=last_event).update(created_at=self.now)
        Promise.objects.filter(application=app, id__gt=last_promise).update(made_at=self.now)
        Promise.objects.filter(application=app, closed_at__gte=real).update(closed_at=self.now)
        Application.objects.filter(pk=app.pk, created_at__gte=real).update(created_at=self.now)
        Application.objects.filter(pk=app.pk, first_response_at__gte=real).update(
            first_response_at=self.now
        )
        Application.objects.filter(pk=app.pk, decided_at__gte=real).update(decided_at=self.now)
