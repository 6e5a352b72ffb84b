"""Login throttling, rate limits with a clear 429, headers, production settings, uploads."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from tests.conftest import make_application


def test_it_locks_out_after_repeated_failed_logins(client, recruiter, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        client.post("/staff/login/", {"username": recruiter.username, "password": "wrong"})
    locked = client.post("/staff/login/", {"username": recruiter.username, "password": "pw"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_right_password_works_before_the_limit(client, recruiter):
    client.post("/staff/login/", {"username": recruiter.username, "password": "wrong"})
    response = client.post("/staff/login/", {"username": recruiter.username, "password": "pw"})
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_guessing_status_links_is_rate_limited_with_a_page_in_the_users_language(
    client, application, settings
):
    settings.REILU_RATES = {**settings.REILU_RATES, "status": "3/m"}
    for n in range(3):
        assert client.get(f"/status/guessing-token-{n}/").status_code == 404
    response = client.get("/status/guessing-token-4/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert b"Too many requests" in response.content


def test_a_candidates_own_link_is_never_limited(client, application, settings):
    settings.REILU_RATES = {**settings.REILU_RATES, "status": "3/m"}
    for _ in range(6):
        assert client.get(f"/status/{application.raw_token}/").status_code == 200


def test_the_api_answers_429_as_json(client, application, settings):
    settings.REILU_RATES = {**settings.REILU_RATES, "status": "2/m"}
    for n in range(2):
        client.get(f"/api/v1/status/wrong-{n}")
    response = client.get("/api/v1/status/wrong-3")
    assert response.status_code == 429
    assert response.json() == {"detail": "Too many requests. Please wait a moment and try again."}


def test_applying_is_rate_limited(client, posting, settings):
    from reilu.applications.models import Application

    settings.REILU_RATES = {**settings.REILU_RATES, "apply": "2/h"}
    for n in range(3):
        response = client.post(
            f"/jobs/{posting.slug}/apply/",
            {
                "name": "A B",
                "email": f"a{n}@example.fi",
                "language": "en",
                "privacy_consent": "on",
                "cover_letter": "Hi",
            },
        )
    assert response.status_code == 429
    assert Application.objects.count() == 2
    assert client.get(f"/jobs/{posting.slug}/apply/").status_code == 200  # reading is free
    api = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        {
            "name": "A B",
            "email": "x@example.fi",
            "language": "en",
            "privacy_consent": "on",
            "cover_letter": "Hi",
        },
    )
    assert api.status_code == 429


def test_the_429_page_speaks_finnish(client, application, settings):
    from django.utils import translation

    settings.REILU_RATES = {**settings.REILU_RATES, "status": "1/m"}
    client.get("/status/a-wrong-token/")
    response = client.get("/status/another-wrong-token/", headers={"Accept-Language": "fi"})
    assert response.status_code == 429
    with translation.override("fi"):
        from django.utils.translation import gettext

        expected = gettext("Too many requests. Please wait a moment and try again.")
    assert expected.encode() in response.content
    assert response.headers["Content-Language"] == "fi"


def test_it_sends_a_strict_content_security_policy(client, posting):
    response = client.get(f"/jobs/{posting.slug}/apply/")
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_cvs_are_served_only_as_attachments_to_authorised_staff(client, staff_client, application):
    from reilu.applications.models import Application

    path = Application.objects.get(pk=application.pk).cv.name
    assert not django_settings.STORAGES["default"]["OPTIONS"].get("base_url")
    assert client.get(f"/{path}").status_code == 404
    assert client.get(f"/media/{path}").status_code == 404
    response = staff_client.get(f"/staff/applications/{application.pk}/cv/")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_the_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        **os.environ,
        "REILU_PRODUCTION": "1",
        "REILU_DEBUG": "0",
        "REILU_SECRET_KEY": secrets.token_urlsafe(64),
        "REILU_VAR_DIR": str(tmp_path),
        "REILU_ALLOWED_HOSTS": "jobs.example.fi",
        "REILU_BASE_URL": "https://jobs.example.fi",
        "DJANGO_SETTINGS_MODULE": "reilu.settings",
    }
    env.pop("DATABASE_URL", None)
    # The browser tests set this for Playwright in the same process; production never does.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=django_settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_and_headers(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS >= 31536000,"
        " s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_HTTPONLY, s.DEBUG)"
    )
    env = {
        **os.environ,
        "REILU_PRODUCTION": "1",
        "REILU_DEBUG": "0",
        "REILU_SECRET_KEY": secrets.token_urlsafe(64),
        "REILU_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "reilu.settings",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=django_settings.BASE_DIR,
    )
    assert result.stdout.split() == ["True", "True", "True", "True", "True", "False"]


@pytest.mark.parametrize("length", [0, 101, 5000])
def test_odd_tokens_are_plain_404s(client, db, length):
    assert client.get(f"/status/{'a' * length}/my-data/").status_code == 404


def test_tokens_are_long_random_and_stored_hashed(posting):
    from reilu.applications.models import AccessToken

    app, raw = make_application(posting)
    assert len(raw) >= 43
    stored = AccessToken.objects.get(application=app)
    assert raw not in stored.token_hash and len(stored.token_hash) == 64
