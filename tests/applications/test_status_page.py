import datetime as dt

from django.utils import timezone

from reilu.applications import services
from reilu.applications.models import AccessToken
from reilu.messaging.outbox import deliver_all


def test_the_status_page_shows_where_the_candidate_stands(client, application):
    html = client.get(f"/status/{application.raw_token}/").content.decode()
    promised = application.promised_by
    assert "Backend developer" in html and "Acme Oy" in html
    assert "Stage 1 of 4: Received" in html
    assert "Next: Screening" in html
    assert "Laura Nieminen" in html and "040 123 4567" in html and "laura@acme.example" in html
    assert f"{promised.day} " in html and str(promised.year) in html
    assert "Application received" in html
    assert "We received your application" in html  # the message sent, in the timeline
    assert "Withdraw my application" in html


def test_the_status_page_is_not_cached_nor_leaked(client, application):
    response = client.get(f"/status/{application.raw_token}/")
    assert response["Referrer-Policy"] == "same-origin"
    # Only the browser's own cache may keep it, and it asks each time (a 304 when unchanged).
    assert response["Cache-Control"] == "private, no-cache"


def test_an_unknown_token_is_404(client, application):
    assert client.get("/status/" + "x" * 43 + "/").status_code == 404
    assert client.get("/status/" + application.raw_token[:-1] + "/").status_code == 404


def test_tokens_are_long_random_and_stored_hashed(application):
    assert len(application.raw_token) >= 43
    stored = AccessToken.objects.get(application=application).token_hash
    assert application.raw_token not in stored and len(stored) == 64


def test_withdrawing_asks_first_then_tells_the_candidate(client, application):
    page = client.get(f"/status/{application.raw_token}/withdraw/")
    assert "Yes, withdraw" in page.content.decode()
    application.refresh_from_db()
    assert application.outcome == "active"
    response = client.post(f"/status/{application.raw_token}/withdraw/", follow=True)
    assert "You withdrew this application." in response.content.decode()
    deliver_all()
    application.refresh_from_db()
    assert application.outcome == "withdrawn"
    assert application.messages.filter(kind="withdrawn", state="sent").exists()


def test_the_candidate_never_sees_internal_notes(client, application, recruiter):
    services.application_add_note(
        application=application, text="Salary expectations too high?", actor=recruiter
    )
    html = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "Salary expectations" not in html
    api = client.get(f"/api/v1/status/{application.raw_token}").json()
    assert all("Salary" not in e["text"] for e in api["events"])


def test_a_new_promise_with_a_note_is_shown(client, application, recruiter):
    day = timezone.localdate() + dt.timedelta(days=20)
    services.application_set_promise(
        application=application,
        promised_by=day,
        note="Our team lead is on holiday.",
        actor=recruiter,
    )
    html = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "Our team lead is on holiday." in html
    assert f"{day.day} " in html


def test_a_status_page_never_waits_for_sqlites_write_lock_to_store_itself(
    transactional_db, client, posting
):
    """A worker holding SQLite's one write lock (a large decision's mails) must not hold back
    the status pages those candidates open: the page is answered at once and stored on a
    later visit."""
    import sqlite3
    import time

    import pytest
    from django.db import connection

    from reilu.applications.status_page import status_key
    from reilu.pagecache import cache
    from tests.conftest import make_application

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single write lock; PostgreSQL locks rows")
    app, raw = make_application(posting)
    key = f"page:{status_key(app.pk, 'en')}"
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process writing
    try:
        started = time.monotonic()
        response = client.get(f"/status/{raw}/")
        took = time.monotonic() - started
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert response.status_code == 200 and app.posting.title in response.content.decode()
    # Answered without waiting out the busy timeout (20 s), and nothing was stored.
    assert took < 10
    assert cache.get(key) is None
    # With the lock free, the next visit stores the rendering, and the timeout is back.
    assert client.get(f"/status/{raw}/").status_code == 200
    assert cache.get(key) is not None
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000
