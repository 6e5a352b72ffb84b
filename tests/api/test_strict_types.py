"""Request bodies are typed strictly: no integer dates, no string numbers (issue 14 #12)."""

import datetime as dt

import pytest
from django.utils import timezone

from reilu.jobs.models import Posting
from tests.conftest import posting_data


def _auth(token):
    return {"Authorization": f"Bearer {token}"}


def _valid_posting() -> dict:
    data = posting_data()
    for key, value in data.items():
        if isinstance(value, dt.date):
            data[key] = value.isoformat()
        elif not isinstance(value, str):
            data[key] = int(value)
    return data


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("decision_by", 0),
        ("decision_by", 1_800_000_000),
        ("apply_by", "1800000000"),
        ("apply_by", "31.12.2026"),
        ("apply_by", True),
        ("pay_min", "4000"),
        ("pay_max", True),
        ("duties", [{"duty": "Coding", "percent": "100"}]),
        ("duties", [{"duty": "Coding", "percent": 100.0}]),
        ("stages", [{"name": "Talk", "promise_days": "7"}]),
        ("title", 5),
    ],
)
def test_a_posting_with_a_loosely_typed_field_is_422_naming_it(client, api_token, field, value):
    body = {**_valid_posting(), field: value}
    response = client.post(
        "/api/v1/postings", body, content_type="application/json", headers=_auth(api_token)
    )
    assert response.status_code == 422, response.content
    assert field in response.json()["detail"][0]["field"]
    assert not Posting.objects.exists()


def test_a_strictly_typed_posting_is_accepted(client, api_token):
    body = {**_valid_posting(), "duties": [{"duty": "Coding", "percent": 100}], "pay_min": 4000.5}
    response = client.post(
        "/api/v1/postings", body, content_type="application/json", headers=_auth(api_token)
    )
    assert response.status_code == 201, response.content
    posting = Posting.objects.get()
    assert posting.decision_by == timezone.localdate() + dt.timedelta(days=25)
    assert str(posting.pay_min) == "4000.50"


def test_a_patch_with_an_integer_date_changes_nothing(client, api_token, posting):
    before = Posting.objects.values().get(pk=posting.pk)
    response = client.patch(
        f"/api/v1/postings/{posting.pk}",
        {"decision_by": 0},
        content_type="application/json",
        headers=_auth(api_token),
    )
    assert response.status_code == 422
    assert Posting.objects.values().get(pk=posting.pk) == before


@pytest.mark.parametrize("starts_at", [0, "1800000000", "tomorrow", None])
def test_an_interview_slot_needs_an_iso_time(client, api_token, posting, recruiter, starts_at):
    start = timezone.now() + dt.timedelta(days=17)
    body = {
        "starts_at": starts_at,
        "ends_at": (start + dt.timedelta(hours=1)).isoformat(),
        "interviewer_ids": [recruiter.pk],
    }
    response = client.post(
        f"/api/v1/postings/{posting.pk}/slots",
        body,
        content_type="application/json",
        headers=_auth(api_token),
    )
    assert response.status_code == 422, response.content
    assert "starts_at" in response.json()["detail"][0]["field"]


def test_a_seekers_profile_refuses_numbers_for_booleans(client, db):
    from tests.talent.conftest import make_profile, sign_in_as

    profile = make_profile()
    sign_in_as(client, profile.seeker)
    body = {"name": "Sanna", "headline": "Welder", "remote": 1}
    response = client.put("/api/v1/talent/me", body, content_type="application/json")
    assert response.status_code == 422
    assert "remote" in response.json()["detail"][0]["field"]
    body = {"name": "Sanna", "headline": "Welder", "languages": [["fi", "native"]]}
    assert client.put("/api/v1/talent/me", body, content_type="application/json").status_code == 422
