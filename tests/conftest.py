"""Shared fixtures: employers, staff, a publishable posting, an application."""

import datetime as dt
import fcntl
import os
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from hypothesis import settings as hypothesis_settings

from reilu.applications import services as app_services
from reilu.employers.models import ApiToken, Membership, Organization
from reilu.jobs import services as job_services

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# CI (which sets CI=true) promises every prerequisite a test needs: there, a test that would
# skip for a missing one fails instead. A local `make test` skips it and says why.
STRICT = os.environ.get("REILU_CI_STRICT") == "1" or os.environ.get("CI", "").lower() == "true"
PREREQUISITE = "prerequisite missing:"

# Property tests: the same examples on every CI run (a failure there can be reproduced),
# random ones with the example database locally (a failure found once is tried first again).
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("dev")
hypothesis_settings.load_profile("ci" if STRICT else "dev")


def missing_prerequisite(what: str):
    """Skip for a missing tool or data set; under CI a failure (see the hook below)."""
    pytest.skip(f"{PREREQUISITE} {what}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped and PREREQUISITE in str(report.longrepr):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"CI promises this, but it is missing: {reason}"


# Fixtures that give a test the database; only those tests may touch the database cache.
DB_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


@pytest.fixture(scope="session")
def test_slot():
    """Which of the kept test databases this pytest run owns (0 outside the mutation runs).

    The mutation runs (tools/mutation.py) start pytest once per mutant with --reuse-db, two
    at a time: each run takes the first slot no other run holds, and with it its own
    database (and Redis database), so two runs never share rows. The lock is the open file
    and goes with it, also when a run is killed.
    """
    kept = os.environ.get("REILU_TEST_DB_DIR")
    if not kept:
        yield 0
        return
    slot = 0
    while True:
        held = open(Path(kept) / f"slot-{slot}.lock", "w")  # noqa: SIM115 - held to the end
        try:
            fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            held.close()
            slot += 1
    try:
        yield slot
    finally:
        held.close()


@pytest.fixture
def redis_url(test_slot) -> str:
    """The Redis database a test may fill and empty (its own one per mutation slot)."""
    return f"redis://127.0.0.1:6379/{15 - test_slot}"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, test_slot):
    """SQLite tests run on a file, not in memory, so a real `reilu worker` process can open
    the same test database, as it shares the file with the web in production. The file is
    on a memory-backed file system where there is one, so this costs no speed."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    kept = os.environ.get("REILU_TEST_DB_DIR")
    if db["ENGINE"] != "django.db.backends.sqlite3":
        if kept:
            # Kept between runs (--reuse-db), one per slot.
            db.setdefault("TEST", {})["NAME"] = f"test_{db['NAME']}_{test_slot}"
        yield
        return
    if kept:
        # A fixed place, for `pytest --reuse-db` (the mutation runs start pytest per mutant).
        db.setdefault("TEST", {})["NAME"] = str(Path(kept) / f"test-{test_slot}.sqlite3")
        yield
        return
    shm = Path("/dev/shm")  # noqa: S108 - a private mkdtemp below, not a fixed name
    where = Path(tempfile.mkdtemp(prefix="reilu-test-", dir=shm if shm.is_dir() else None))
    db.setdefault("TEST", {})["NAME"] = str(where / "test.sqlite3")
    yield
    shutil.rmtree(where, ignore_errors=True)


if os.environ.get("REILU_TEST_DB_DIR"):

    @pytest.fixture(scope="session")
    def django_db_setup(request, django_db_blocker, django_db_modify_db_settings, test_slot):
        """The mutation runs' kept databases: migrated once per slot, then only opened.

        pytest-django's own setup (kept with --reuse-db) still runs `migrate` on every
        start, which finds nothing to do but renders every migration's state and creates
        the permissions anew: half a second of CPU per mutant. A slot's database is
        migrated by the first run that takes it (which then leaves a mark beside it); every
        later run opens it as it is. The directory is new for each module's run.
        """
        from django.conf import settings
        from django.db import connections
        from django.test.utils import setup_databases

        ready = Path(os.environ["REILU_TEST_DB_DIR"]) / f"slot-{test_slot}.ready"
        with django_db_blocker.unblock():
            if ready.exists():
                for connection in connections.all(initialized_only=False):
                    name = connection.creation._get_test_db_name()
                    connection.close()
                    connection.settings_dict["NAME"] = name
                    settings.DATABASES[connection.alias]["NAME"] = name
            else:
                setup_databases(
                    verbosity=0, interactive=False, keepdb=True, serialized_aliases=set()
                )
                ready.touch()
        yield


@pytest.fixture(autouse=True)
def _fast_and_isolated(request, settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "uploads", "base_url": None},
        },
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.BASE_URL = "http://testserver"
    settings.LANGUAGE_CODE = "en"
    if os.environ.get("REILU_TEST_DB_DIR"):
        # The mutation runs: WhiteNoise would list every static file again for each test
        # client (a fifth of a second of CPU each); with autorefresh it looks a file up
        # only when one is asked for, and no test in the mutation lists asks for one.
        settings.WHITENOISE_AUTOREFRESH = True
    # Production's cache (rate limits count in the database cache, whose table migrate
    # makes) and task backend (django-tasks' database backend, which `reilu worker` runs)
    # are left as they are.
    if DB_FIXTURES & set(request.fixturenames) or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("_django_db_helper")
        cache.clear()  # counters must not leak from one test to the next


# Noon today in Helsinki: a run that starts just before midnight would otherwise see two
# different "todays" (one when a posting's dates are made, one when the test compares them).
NOON = dt.datetime.combine(
    dt.datetime.now(ZoneInfo("Europe/Helsinki")).date(), dt.time(12), ZoneInfo("Europe/Helsinki")
)


@pytest.fixture(autouse=True)
def _fixed_clock(request):
    """Every test starts at noon (the clock then runs on), so "today" is one day throughout.

    Not for tests that share the clock with another process (a browser, a worker): their
    clocks cannot be moved, and a date must mean the same on both sides.
    """
    if "live_server" in request.fixturenames or request.node.get_closest_marker("real_clock"):
        yield
        return
    with time_machine.travel(NOON, tick=True):
        yield


def make_org(slug="acme", name="Acme Oy") -> Organization:
    return Organization.objects.create(slug=slug, name=name, website="https://acme.example")


def make_staff(org, email="rec@acme.example", role=Membership.Role.RECRUITER):
    user = get_user_model().objects.create_user(username=email, email=email, password="pw")
    Membership.objects.create(user=user, organization=org, role=role)
    return user


def posting_data(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "title": "Backend developer",
        "description": "Build honest software.",
        "language": "en",
        "location": "Helsinki",
        "remote": "hybrid",
        "employment_type": "FULL_TIME",
        "requirements": "Python\nSQL",
        "pay_min": Decimal("4000"),
        "pay_max": Decimal("5200"),
        "pay_currency": "EUR",
        "pay_period": "MONTH",
        "contact_name": "Laura Nieminen",
        "contact_email": "laura@acme.example",
        "contact_phone": "040 123 4567",
        "apply_by": today + dt.timedelta(days=14),
        "interviews_from": today + dt.timedelta(days=16),
        "interviews_to": today + dt.timedelta(days=18),
        "decision_by": today + dt.timedelta(days=25),
    }
    data.update(overrides)
    return data


DUTIES = [{"duty": "Coding", "percent": 70}, {"duty": "Reviews", "percent": 30}]


def make_posting(org, publish=True, duties=DUTIES, **overrides):
    posting = job_services.posting_create(
        organization=org, data=posting_data(**overrides), duties=list(duties)
    )
    if publish:
        job_services.posting_publish(posting=posting)
    return posting


def make_application(posting, email="aino@example.fi", name="Aino Korhonen", language="en"):
    return app_services.application_submit(
        posting=posting,
        name=name,
        email=email,
        language=language,
        privacy_consent=True,
        cover_letter="Hello, I would like this job.",
        cv=SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
        cv_type="application/pdf",
    )


@pytest.fixture
def org(db):
    return make_org()


@pytest.fixture
def other_org(db):
    return make_org("other", "Other Oy")


@pytest.fixture
def recruiter(org):
    return make_staff(org)


@pytest.fixture
def outsider(other_org):
    return make_staff(other_org, "rec@other.example")


@pytest.fixture
def posting(org):
    return make_posting(org)


@pytest.fixture
def application(posting):
    app, raw = make_application(posting)
    app.raw_token = raw
    return app


@pytest.fixture
def staff_client(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def api_token(org, recruiter):
    return ApiToken.issue(user=recruiter, organization=org)


@pytest.fixture
def other_token(other_org, outsider):
    return ApiToken.issue(user=outsider, organization=other_org)
