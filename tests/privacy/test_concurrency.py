"""Simultaneous duplicate applications end with exactly one (the database decides)."""

import threading

import pytest
from django.db import connection, connections

from reilu.applications import services
from reilu.applications.models import Application
from reilu.rules import DuplicateApplication
from tests.conftest import make_org, make_posting

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_it_keeps_one_application_when_the_same_person_applies_at_once():
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite serialises writers (IMMEDIATE transactions), so threads "
            "cannot race there; run with DATABASE_URL=postgres://…"
        )
    posting = make_posting(make_org())
    barrier = threading.Barrier(THREADS)
    results: list[str] = []

    def submit():
        try:
            barrier.wait(timeout=10)
            services.application_submit(
                posting=posting,
                name="Aino Korhonen",
                email="Aino@Example.fi",
                language="en",
                privacy_consent=True,
                cover_letter="Hello",
            )
            results.append("created")
        except DuplicateApplication:
            results.append("duplicate")
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results.append(f"error: {exc!r}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results) == ["created"] + ["duplicate"] * (THREADS - 1), results
    assert Application.objects.filter(posting=posting).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_pay_min_above_max():
    from django.db import IntegrityError

    posting = make_posting(make_org(), publish=False)
    posting.pay_min, posting.pay_max = 6000, 5000
    with pytest.raises(IntegrityError):
        posting.save(update_fields=["pay_min", "pay_max"])
