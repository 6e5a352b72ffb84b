"""The benchmark seeder (bench/seed.py): a small seed gives the same rows on SQLite (multi-row
INSERTs) and PostgreSQL (COPY), and a database the application works on afterwards.

It runs on whichever database the suite runs on; CI runs the suite on both.
"""

import hashlib
import importlib
import sys
from pathlib import Path

import pytest
from django.db.models import F

from reilu.applications.models import AccessToken, Application, Event, Promise
from reilu.employers.models import Organization
from reilu.jobs.models import DutyShare, Posting, Stage
from reilu.messaging.models import Message
from reilu.talent.models import Profile, ProfileSkill, Seeker
from reilu.talent.selectors import Audience, TalentQuery, search_profiles
from reilu.voice.models import SurveyResponse
from tests.conftest import make_application
from tests.talent.conftest import make_profile

BENCH = Path(__file__).resolve().parents[2] / "bench"
SIZE = ["--applications", "400", "--employers", "3", "--postings", "12",
        "--answers", "150", "--profiles", "120"]  # fmt: skip

# What seed 2026 gives at SIZE. The rows are drawn from the random generator before they
# reach the database, so both databases get the same numbers; a change of the seeder that
# changes them changes the benchmark's data.
EXPECTED = {
    "employers": 3,
    "postings": 12,
    "stages": 48,
    "duties": 24,
    "applications": 400,
    "events": 656,
    "messages": 400,
    "promises": 400,
    "tokens": 400,
    "survey answers": 150,
    "seekers": 120,
    "profiles": 120,
    "profile skills": 480,
}


def counts() -> dict[str, int]:
    return {
        "employers": Organization.objects.count(),
        "postings": Posting.objects.count(),
        "stages": Stage.objects.count(),
        "duties": DutyShare.objects.count(),
        "applications": Application.objects.count(),
        "events": Event.objects.count(),
        "messages": Message.objects.count(),
        "promises": Promise.objects.count(),
        "tokens": AccessToken.objects.count(),
        "survey answers": SurveyResponse.objects.count(),
        "seekers": Seeker.objects.count(),
        "profiles": Profile.objects.count(),
        "profile skills": ProfileSkill.objects.count(),
    }


@pytest.fixture
def seed(monkeypatch):
    """bench/seed.py's main(), imported as `make bench` runs it (bench/ on the path)."""
    monkeypatch.syspath_prepend(str(BENCH))
    yield importlib.import_module("seed").main
    for name in ("seed", "inserter", "bench_talent", "bench_voice"):
        sys.modules.pop(name, None)


@pytest.mark.django_db(transaction=True)
def test_a_small_seed_gives_the_same_rows_and_a_working_database(seed, tmp_path, client):
    tokens = tmp_path / "tokens.txt"
    seed([*SIZE, "--tokens-file", str(tokens)])

    assert counts() == EXPECTED
    # Rows that point at each other agree: each application's stage is its posting's, each
    # moved application has its second event.
    assert not Application.objects.exclude(stage__posting=F("posting")).exists()
    moved = Application.objects.filter(stage__position__gt=0).count()
    assert Event.objects.filter(kind="moved").count() == moved > 0

    # A kept token opens its candidate's status page.
    token = tokens.read_text().split()[0]
    digest = hashlib.sha256(token.encode()).hexdigest()
    application = AccessToken.objects.get(token_hash=digest).application
    page = client.get(f"/status/{token}/")
    assert page.status_code == 200
    assert application.posting.title in page.content.decode()

    # The ids the seeder gave are behind each table's sequence: the ORM adds rows after them.
    last = Application.objects.order_by("-pk").values_list("pk", flat=True)[0]
    big = Posting.objects.get(slug="bench-big-board")
    added, _token = make_application(big, email="new@example.fi")
    assert added.pk == last + 1
    assert Event.objects.filter(application=added).exists()
    profile = make_profile(email="new@example.fi", headline="Zymurgist")
    assert profile.pk == 121
    # New and seeded profiles are both in the full-text index.
    assert list(search_profiles(TalentQuery(q="zymurgist"), audience=Audience.PUBLIC)) == [profile]
    python = search_profiles(TalentQuery(q="python"), audience=Audience.EMPLOYERS)
    assert python.count() == ProfileSkill.objects.filter(key="python").count()
