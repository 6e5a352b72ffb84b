"""The seeker's own applications and tasks in the API, by the sign-in session."""

import datetime as dt

from reilu.talent.services.seekers import seeker_get_or_create
from tests.interviews.conftest import make_slot, to_interview
from tests.talent.conftest import sign_in_as


def test_it_lists_the_seekers_own_applications_only(aino_client, two_employers):
    response = aino_client.get("/api/v1/seeker/applications")
    assert response.status_code == 200
    rows = response.json()
    assert {r["id"] for r in rows} == {two_employers["acme"].pk, two_employers["other"].pk}
    assert {r["contact_name"] for r in rows} == {"Laura Nieminen", "Olli Otava"}
    assert {r["employer"] for r in rows} == {"Acme Oy", "Other Oy"}
    assert all(r["outcome"] == "active" and r["promised_by"] for r in rows)


def test_one_application_has_its_timeline_and_messages(aino_client, two_employers):
    acme = two_employers["acme"]
    body = aino_client.get(f"/api/v1/seeker/applications/{acme.pk}").json()
    assert body["stage"] == acme.stage.name
    assert body["timeline"][0]["kind"] == "applied"
    assert body["messages"] and body["messages"][0]["subject"]


def test_another_persons_application_is_404(client, two_employers):
    bertta = seeker_get_or_create(email="bertta@example.fi", language="en")
    sign_in_as(client, bertta)
    rows = client.get("/api/v1/seeker/applications").json()
    assert [r["id"] for r in rows] == [two_employers["theirs"].pk]
    for key in ("acme", "other"):
        response = client.get(f"/api/v1/seeker/applications/{two_employers[key].pk}")
        assert response.status_code == 404 and response.json()["detail"]


def test_tasks_in_the_api(aino_client, two_employers, recruiter):
    acme = to_interview(two_employers["acme"])
    slot = make_slot(acme.posting, [recruiter], days=4)
    tasks = aino_client.get("/api/v1/seeker/tasks").json()
    assert tasks == [
        {
            "kind": "book",
            "title": "Book your interview time",
            "application": acme.pk,
            "employer": "Acme Oy",
            "posting": "Backend developer",
            "deadline": tasks[0]["deadline"],
            "waiting_for_you": True,
        }
    ]
    assert dt.datetime.fromisoformat(tasks[0]["deadline"]) == slot.starts_at


def test_it_needs_a_signed_in_seeker(client, two_employers, api_token):
    for path in ("/api/v1/seeker/applications", "/api/v1/seeker/tasks",
                 f"/api/v1/seeker/applications/{two_employers['acme'].pk}"):  # fmt: skip
        assert client.get(path).status_code == 401
        # a staff token is no seeker
        assert client.get(path, HTTP_AUTHORIZATION=f"Bearer {api_token}").status_code == 401
