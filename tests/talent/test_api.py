from reilu.talent.models import Profile
from tests.talent.conftest import make_profile


def _auth(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_it_searches_for_staff_without_contact_details(client, api_token, db):
    make_profile(email="pub@example.fi", headline="Welder", phone="040 777", region="lappi")
    make_profile(email="emp@example.fi", headline="Welder too", visibility="employers")
    make_profile(email="hid@example.fi", headline="Welder hidden", visibility="hidden")
    response = client.get("/api/v1/talent", {"q": "welder"}, **_auth(api_token))
    assert response.status_code == 200
    body = response.json()
    assert {r["headline"] for r in body["results"]} == {"Welder", "Welder too"}
    text = response.content.decode()
    assert "pub@example.fi" not in text and "040 777" not in text and "phone" not in text
    only = client.get(
        "/api/v1/talent", {"q": "welder", "region": "lappi", "skills": "python"}, **_auth(api_token)
    )
    assert [r["headline"] for r in only.json()["results"]] == ["Welder"]


def test_it_requires_a_staff_token(client, db):
    assert client.get("/api/v1/talent").status_code == 401
    assert client.get("/api/v1/talent", **_auth("rl_wrong")).status_code == 401


def test_it_answers_bad_paging_with_422(client, api_token):
    assert client.get("/api/v1/talent", {"page": "0"}, **_auth(api_token)).status_code == 422


def test_it_lets_a_signed_in_seeker_read_and_write_their_profile(seeker_client, profile):
    mine = seeker_client.get("/api/v1/talent/me")
    assert mine.status_code == 200 and mine.json()["email"] == profile.seeker.email
    payload = {
        "name": "Sanna V",
        "headline": "Welder",
        "skills": ["TIG", "MIG"],
        "languages": [{"language": "fi", "level": "native"}],
        "links": ["https://example.org"],
        "region": "lappi",
        "visibility": "employers",
    }
    response = seeker_client.put("/api/v1/talent/me", payload, content_type="application/json")
    assert response.status_code == 200, response.content
    profile.refresh_from_db()
    assert profile.headline == "Welder" and profile.skill_list == ["TIG", "MIG"]
    bad = seeker_client.put(
        "/api/v1/talent/me", {**payload, "links": ["ftp://x"]}, content_type="application/json"
    )
    assert bad.status_code == 400 and bad.json()["code"] == "links"
    assert (
        seeker_client.put(
            "/api/v1/talent/me", {**payload, "remote": "yes"}, content_type="application/json"
        ).status_code
        == 422
    )
    profile.refresh_from_db()
    assert profile.links == ["https://example.org"]


def test_it_refuses_the_seeker_api_without_a_seeker_session(client, staff_client, db):
    assert client.get("/api/v1/talent/me").status_code == 401
    assert staff_client.get("/api/v1/talent/me").status_code == 401
    assert not Profile.objects.exists()


def test_it_documents_seeker_authentication(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "session cookie" in schema["paths"]["/api/v1/talent/me"]["get"]["description"]
