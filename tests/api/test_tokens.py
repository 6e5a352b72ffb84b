"""Staff API tokens: expiry, listing, revocation, last use (issue 14 #11)."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from reilu.employers.models import ApiToken


def _token(*args) -> str:
    out = StringIO()
    call_command(
        "token",
        "create",
        "--org",
        "acme",
        "--email",
        "rec@acme.example",
        *args,
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue().strip().splitlines()[-1]


def _listing(*args) -> list[list[str]]:
    out = StringIO()
    call_command("token", "list", *args, stdout=out)
    return [line.split("\t") for line in out.getvalue().strip().splitlines()]


def test_a_revoked_token_is_refused_with_401(client, recruiter, posting):
    raw = _token()
    assert (
        client.get(
            f"/api/v1/postings/{posting.pk}/applications",
            headers={"Authorization": f"Bearer {raw}"},
        ).status_code
        == 200
    )
    token_id = ApiToken.objects.get().pk
    out = StringIO()
    call_command("token", "revoke", str(token_id), stdout=out)
    assert f"revoked token {token_id}" in out.getvalue()
    response = client.get(
        f"/api/v1/postings/{posting.pk}/applications", headers={"Authorization": f"Bearer {raw}"}
    )
    assert response.status_code == 401
    assert _listing()[1][-1] == "revoked"
    with pytest.raises(CommandError, match="already revoked"):
        call_command("token", "revoke", str(token_id))
    with pytest.raises(CommandError, match="no token"):
        call_command("token", "revoke", "999999")


def test_a_token_expires_after_its_days(client, recruiter, posting):
    raw = _token("--expires-in-days", "7")
    url = f"/api/v1/postings/{posting.pk}/applications"
    auth = {"Authorization": f"Bearer {raw}"}
    with time_machine.travel(timezone.now() + dt.timedelta(days=6, hours=23)):
        assert client.get(url, headers=auth).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        assert client.get(url, headers=auth).status_code == 401
        assert _listing()[1][-1] == "expired"


def test_a_token_expires_at_the_start_of_its_date(client, recruiter, posting):
    day = timezone.localdate() + dt.timedelta(days=3)
    raw = _token("--expires", day.isoformat())
    expires_at = ApiToken.objects.get().expires_at
    assert timezone.localtime(expires_at).date() == day and timezone.localtime(expires_at).hour == 0
    url = f"/api/v1/postings/{posting.pk}/applications"
    with time_machine.travel(expires_at + dt.timedelta(seconds=1)):
        assert client.get(url, headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_bad_expiry_options_are_refused(recruiter):
    past = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    with pytest.raises(CommandError, match="not in the future"):
        _token("--expires", past)
    with pytest.raises(CommandError):
        _token("--expires", "next week")
    with pytest.raises(CommandError):
        _token("--expires-in-days", "0")
    with pytest.raises(CommandError):
        _token("--expires-in-days", "3", "--expires", "2099-01-01")
    assert not ApiToken.objects.exists()


def test_tokens_are_listed_per_employer_without_the_secret(recruiter, outsider, other_org):
    raw = _token("--expires-in-days", "30")
    call_command(
        "token", "create", "--org", "other", "--email", "rec@other.example", stdout=StringIO()
    )
    rows = _listing()
    assert rows[0] == ["id", "employer", "user", "created", "expires", "last used", "state"]
    assert [row[1] for row in rows[1:]] == ["acme", "other"]
    assert rows[1][2] == "rec@acme.example" and rows[1][4] != "-" and rows[1][6] == "active"
    assert rows[2][4] == "-"  # no expiry
    assert [row[1] for row in _listing("--org", "other")[1:]] == ["other"]
    assert raw not in "\n".join("\t".join(row) for row in rows)


def test_the_last_use_is_recorded_even_a_day_later(client, recruiter, posting):
    raw = _token()
    url = f"/api/v1/postings/{posting.pk}/applications"
    auth = {"Authorization": f"Bearer {raw}"}
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(url, headers=auth)
    assert ApiToken.objects.get().last_used_at == start
    with time_machine.travel(start + dt.timedelta(minutes=1), tick=False):
        client.get(url, headers=auth)  # within five minutes: no write
    assert ApiToken.objects.get().last_used_at == start
    # Exactly one day later (timedelta.seconds is 0 then): recorded.
    with time_machine.travel(start + dt.timedelta(days=1), tick=False):
        client.get(url, headers=auth)
    assert ApiToken.objects.get().last_used_at == start + dt.timedelta(days=1)
