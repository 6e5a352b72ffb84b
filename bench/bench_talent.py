"""Benchmark data and cases for the talent gallery: 100,000 profiles and full-text search."""

import uuid

from django.db import transaction
from django.utils import timezone
from inserter import Inserter, next_id

from reilu.talent.models import Profile, ProfileSkill, Seeker
from reilu.talent.regions import REGION_CHOICES
from reilu.talent.selectors import Audience, TalentQuery, search_page

SKILLS = ["Python", "Django", "SQL", "Excel", "kirjanpito", "asiakaspalvelu", "myynti",
          "projektinhallinta", "hoitotyö", "logistiikka", "React", "Java", "palkanlaskenta",
          "markkinointi", "sähkötyöt", "rakennus", "opetus", "ruotsi", "AutoCAD",
          "SAP"]  # fmt: skip
HEADLINES = ["Ohjelmistokehittäjä", "Kirjanpitäjä", "Sairaanhoitaja", "Myyntipäällikkö",
             "Projektipäällikkö", "Logistiikan asiantuntija", "Data engineer", "Opettaja",
             "Sähköasentaja", "Markkinoinnin suunnittelija"]  # fmt: skip
WORDS = ["kokenut", "tiimi", "asiakas", "kehitys", "laatu", "johtaminen", "analytiikka",
         "palvelu", "suunnittelu", "yhteistyö", "vastuullinen", "innostunut"]  # fmt: skip
PROFILES = 100_000
# A common word (a fifth of the profiles) and a rare one (one in a thousand, RARE below).
COMMON, RARE = "python", "haskell"
QUERIES = ["python", "kirjanpito", "sairaanhoitaja", "projekti", "sql excel", "myynti tiimi",
           "data", "opettaja ruotsi", "logistiikka", "react kehitys"]  # fmt: skip


def bench_seed(rng, stdout, profiles: int = PROFILES) -> None:
    regions = [code for code, _label in REGION_CHOICES]
    now = timezone.now()
    first_seeker, first_profile = next_id(Seeker), next_id(Profile)
    seekers = Inserter(Seeker, batch=2000)
    rows = Inserter(Profile, batch=1000)
    skills = Inserter(ProfileSkill, batch=4000)
    with transaction.atomic():
        for i in range(profiles):
            email = f"osaaja{first_seeker + i}@example.fi"
            seekers.add(email=email, email_key=email, language="fi", created_at=now)
            chosen = rng.sample(SKILLS, 4)
            words = " ".join(rng.sample(WORDS, 6))
            expertise = f"{words} {RARE}" if i % 1000 == 0 else words  # no draw: same data
            rows.add(seeker_id=first_seeker + i, public_id=uuid.uuid4(), name="Osaaja Bench",
                     headline=rng.choice(HEADLINES), expertise=expertise,
                     skills_text=" ".join(chosen), bio=f"{words}. " * 4,
                     region=rng.choice(regions), remote=rng.random() < 0.5,
                     relocate=False, availability=rng.choice(("now", "1m", "3m")), links=[],
                     phone="", cv="", cv_name="", cv_type="",
                     visibility="public" if rng.random() < 0.8 else "employers", paused=False,
                     source_application_id=None, created_at=now, updated_at=now)  # fmt: skip
            for name in chosen:
                skills.add(profile_id=first_profile + i, name=name, key=name.lower())
        for ins in (seekers, rows, skills):
            ins.flush()
    stdout.write(f"talent profiles: {rows.count}")


def bench_cases():
    """(name, function, repeat) for bench/inproc.py: one search page per query."""
    queries = iter(QUERIES * 1000)

    def search(q: str):
        query = TalentQuery(q=q)
        list(search_page(query, audience=Audience.EMPLOYERS).object_list)

    count = Profile.objects.count()
    return [
        (f"talent search, first page ({count:,} profiles)", lambda: search(next(queries)), 50),
        (f"talent search, common word '{COMMON}', first page", lambda: search(COMMON), 30),
        (f"talent search, rare word '{RARE}', first page", lambda: search(RARE), 30),
    ]
