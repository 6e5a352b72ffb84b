"""Token resolution: which application a status link opens, what a dead link answers, and how
guessing links is slowed (reilu/applications/tokens.py; `make mutation MODULES=tokens`)."""

import datetime as dt

import pytest
from django.utils import timezone

from reilu.applications.models import Application
from reilu.applications.tokens import application_for_token, token_application, token_lookup
from reilu.errors import LinkNotFound
from reilu.limits import RateCounter


def _expire(app: Application) -> None:
    """Rejected long enough ago that the employer's retention period has passed."""
    Application.objects.filter(pk=app.pk).update(
        outcome=Application.Outcome.REJECTED,
        promised_by=None,
        decided_at=timezone.now() - dt.timedelta(days=800),
    )


def test_a_link_opens_its_own_application_and_nothing_else(application, posting):
    assert token_lookup(application.raw_token) == (application, False)
    assert token_application("x" * 43) is None
    assert token_lookup("") == (None, False)
    assert token_lookup("x" * 5000) == (None, False)


def test_a_made_up_link_is_not_found_and_a_real_one_past_its_time_is_gone(client, application):
    assert client.get("/status/made-up-link/").status_code == 404
    _expire(application)
    assert token_lookup(application.raw_token) == (None, True)
    assert client.get(f"/status/{application.raw_token}/").status_code == 410
    assert client.get(f"/status/{application.raw_token}/withdraw/").status_code == 410


def test_the_api_answers_not_found_for_an_expired_link_as_for_a_made_up_one(client, application):
    made_up = client.get("/api/v1/status/made-up-link")
    assert made_up.status_code == 404
    _expire(application)
    for response in (
        client.get(f"/api/v1/status/{application.raw_token}"),
        client.post(f"/api/v1/status/{application.raw_token}/withdraw"),
    ):
        assert response.status_code == 404
        assert response.json() == made_up.json()
    assert Application.objects.get(pk=application.pk).outcome == Application.Outcome.REJECTED


@pytest.mark.parametrize("path", ["/status/{}/", "/api/v1/status/{}"])
def test_wrong_links_from_one_address_count_towards_the_status_limit(
    client, application, settings, path
):
    settings.REILU_RATES = {**settings.REILU_RATES, "status": "2/m"}
    for n in range(2):
        assert client.get(path.format(f"guess-{n}"), REMOTE_ADDR="10.0.0.1").status_code == 404
    assert client.get(path.format("guess-3"), REMOTE_ADDR="10.0.0.1").status_code == 429
    # Another address has its own count, and a working link never counts nor is refused:
    # a candidate behind the guesser's address still opens their page.
    assert client.get(path.format("guess-4"), REMOTE_ADDR="10.0.0.2").status_code == 404
    own = client.get(path.format(application.raw_token), REMOTE_ADDR="10.0.0.1")
    assert own.status_code == 200


def test_a_link_used_outside_a_request_counts_nothing(application, settings):
    """Internal callers (no request) resolve links without touching any client's count."""
    settings.REILU_RATES = {**settings.REILU_RATES, "status": "1/m"}
    for _ in range(3):
        with pytest.raises(LinkNotFound):
            application_for_token("made-up-link")
    assert application_for_token(application.raw_token) == application
    assert not RateCounter.objects.exists()
