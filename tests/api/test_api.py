import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reilu.applications.models import Application
from reilu.jobs.models import Posting
from tests.conftest import PDF_BYTES, make_application, make_posting


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def posting_json(**overrides):
    today = timezone.localdate()
    data = {
        "title": "Data engineer",
        "description": "Pipelines.",
        "language": "en",
        "location": "Oulu",
        "remote": "hybrid",
        "employment_type": "FULL_TIME",
        "duties": [{"duty": "Pipelines", "percent": 80}, {"duty": "Support", "percent": 20}],
        "requirements": "SQL",
        "pay_min": 3800,
        "pay_max": 4600,
        "pay_currency": "EUR",
        "pay_period": "MONTH",
        "contact_name": "Pekka Ojala",
        "contact_email": "pekka@acme.example",
        "contact_phone": "",
        "apply_by": (today + dt.timedelta(days=10)).isoformat(),
        "decision_by": (today + dt.timedelta(days=30)).isoformat(),
    }
    data.update(overrides)
    return data


def test_the_whole_journey_through_the_api(client, api_token):
    created = client.post(
        "/api/v1/postings",
        posting_json(contact_name=""),
        content_type="application/json",
        **bearer(api_token),
    )
    assert created.status_code == 201, created.content
    ref = created.json()
    assert ref["state"] == "draft" and ref["slug"]

    refused = client.post(f"/api/v1/postings/{ref['id']}/publish", **bearer(api_token))
    assert refused.status_code == 422 and refused.json()["code"] == "publish_refused"
    assert {"code": "missing-contact", "field": "contact_name"}.items() <= refused.json()["detail"][
        0
    ].items()

    patched = client.patch(
        f"/api/v1/postings/{ref['id']}",
        {"contact_name": "Pekka Ojala"},
        content_type="application/json",
        **bearer(api_token),
    )
    assert patched.status_code == 200
    published = client.post(f"/api/v1/postings/{ref['id']}/publish", **bearer(api_token))
    assert published.status_code == 200 and published.json()["state"] == "published"

    jobs = client.get("/api/v1/jobs").json()
    assert [j["slug"] for j in jobs] == [ref["slug"]]
    job = client.get(f"/api/v1/jobs/{ref['slug']}").json()
    assert job["duties"][0] == {"duty": "Pipelines", "percent": 80}
    assert [s["kind"] for s in job["stages"]] == ["received", "screening", "interview", "decision"]

    form = {
        "name": "Aino Korhonen",
        "email": "aino@example.fi",
        "language": "fi",
        "privacy_consent": "true",
        "cover_letter": "Hei!",
        "cv": SimpleUploadedFile("cv.pdf", PDF_BYTES, "application/pdf"),
    }
    applied = client.post(f"/api/v1/jobs/{ref['slug']}/applications", form)
    assert applied.status_code == 201, applied.content
    status_url = applied.json()["status_url"]
    token = status_url.rstrip("/").rsplit("/", 1)[1]
    form["cv"] = SimpleUploadedFile("cv.pdf", PDF_BYTES, "application/pdf")
    again = client.post(f"/api/v1/jobs/{ref['slug']}/applications", form)
    assert again.status_code == 409 and again.json()["code"] == "duplicate"
    assert "sent your status link" in again.json()["detail"]

    status = client.get(f"/api/v1/status/{token}").json()
    assert status["stage"] == "Received" and status["stage_position"] == 1
    assert status["stage_total"] == 4 and status["outcome"] == "active"
    assert status["contact"] == {"name": "Pekka Ojala", "email": "pekka@acme.example", "phone": ""}
    assert status["promised_by"]

    listing = client.get(f"/api/v1/postings/{ref['id']}/applications", **bearer(api_token)).json()
    assert listing["count"] == 1
    app_id = listing["items"][0]["id"]
    moved = client.post(
        f"/api/v1/applications/{app_id}/move",
        {"to": "next"},
        content_type="application/json",
        **bearer(api_token),
    )
    assert moved.status_code == 200 and moved.json()["stage"] == "Screening"
    decided = client.post(
        "/api/v1/applications/decisions",
        {"application_ids": [app_id], "outcome": "rejected", "note": "Thank you."},
        content_type="application/json",
        **bearer(api_token),
    )
    assert decided.json() == {"updated": 1}
    assert client.get(f"/api/v1/status/{token}").json()["outcome"] == "rejected"


def test_staff_endpoints_need_a_token(client, posting):
    assert client.get(f"/api/v1/postings/{posting.pk}/applications").status_code == 401
    assert (
        client.get(
            f"/api/v1/postings/{posting.pk}/applications", HTTP_AUTHORIZATION="Bearer nope"
        ).status_code
        == 401
    )


def test_another_employers_token_gets_404_everywhere(client, posting, application, other_token):
    h = bearer(other_token)
    assert client.get(f"/api/v1/postings/{posting.pk}/applications", **h).status_code == 404
    assert (
        client.patch(
            f"/api/v1/postings/{posting.pk}",
            {"title": "Hacked"},
            content_type="application/json",
            **h,
        ).status_code
        == 404
    )
    assert client.post(f"/api/v1/postings/{posting.pk}/publish", **h).status_code == 404
    assert (
        client.post(
            f"/api/v1/applications/{application.pk}/move",
            {"to": "next"},
            content_type="application/json",
            **h,
        ).status_code
        == 404
    )
    assert client.post(
        "/api/v1/applications/decisions",
        {"application_ids": [application.pk], "outcome": "hired"},
        content_type="application/json",
        **h,
    ).json() == {"updated": 0}
    application.refresh_from_db()
    posting.refresh_from_db()
    assert application.outcome == "active" and application.stage.position == 0
    assert posting.title == "Backend developer"


APPLICATION = {
    "name": "A B",
    "email": "a@example.fi",
    "language": "fi",
    "privacy_consent": "true",
    "cover_letter": "Hi",
}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        # Refused by the schema (ninja): a required field is missing.
        ({"name": None}, "name"),
        ({"email": None}, "email"),
        # Refused by the apply form (the web page's rules).
        ({"privacy_consent": "false"}, "privacy_consent"),
        ({"email": "not-an-email"}, "email"),
        ({"language": "de"}, "language"),
        ({"cv": SimpleUploadedFile("cv.pdf", b"MZ\x90\x00" * 50, "application/pdf")}, "cv"),
    ],
)
def test_an_invalid_application_is_422_with_the_problem_list(client, posting, overrides, field):
    """Whichever layer refuses a field, the answer is the same: 422 with `detail` a list of
    {code, field, message} naming it (docs/api.md), as for every other endpoint."""
    form = {k: v for k, v in {**APPLICATION, **overrides}.items() if v is not None}
    response = client.post(f"/api/v1/jobs/{posting.slug}/applications", form)
    assert response.status_code == 422, response.content
    problems = response.json()["detail"]
    assert isinstance(problems, list) and problems
    assert all(set(p) == {"code", "field", "message"} for p in problems)
    assert all(p["code"] and p["message"] for p in problems)
    assert field in [p["field"] for p in problems]
    assert Application.objects.count() == 0


def test_the_apply_endpoints_problems_are_in_the_callers_language(client, posting):
    form = {
        **APPLICATION,
        "email": "not-an-email",
        "cv": SimpleUploadedFile("cv.pdf", b"MZ\x90\x00" * 50, "application/pdf"),
    }
    response = client.post(
        f"/api/v1/jobs/{posting.slug}/applications", form, HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert response.status_code == 422
    messages = {p["field"]: p["message"] for p in response.json()["detail"]}
    assert messages["email"] == "Syötä kelvollinen sähköpostiosoite."
    assert "PDF" in messages["cv"]


def test_the_apply_endpoint_documents_one_status_for_invalid_fields(client, db):
    responses = client.get("/api/v1/openapi.json").json()["paths"][
        "/api/v1/jobs/{slug}/applications"
    ]["post"]["responses"]
    # 400 is left only for a body that cannot be read at all (declared for every endpoint).
    assert responses.get("400", {}).get("description", "Unreadable request body") == (
        "Unreadable request body"
    )
    assert "#/components/schemas/Problems" in str(responses["422"])


def test_bad_posting_input_is_422_not_500(client, api_token):
    for bad in (
        {"title": 5},
        {"title": "X", "duties": [{"duty": "a", "percent": 500}]},
        {"title": "X", "pay_period": "WEEK"},
        {"title": "X", "apply_by": "tomorrow"},
    ):
        response = client.post(
            "/api/v1/postings", bad, content_type="application/json", **bearer(api_token)
        )
        assert response.status_code == 422, (bad, response.content)
        assert response.json()["detail"][0]["field"]
    assert Posting.objects.count() == 0


def test_the_status_api_withdraws(client, application):
    response = client.post(f"/api/v1/status/{application.raw_token}/withdraw")
    assert response.status_code == 200 and response.json()["outcome"] == "withdrawn"
    again = client.post(f"/api/v1/status/{application.raw_token}/withdraw")
    assert again.status_code == 409
    assert again.json() == {
        "code": "not_active",
        "detail": "This application is no longer in process.",
    }
    assert client.get("/api/v1/status/nope").status_code == 404


def test_the_application_list_is_constant_in_queries(
    client, posting, api_token, django_assert_max_num_queries
):
    for i in range(25):
        make_application(posting, email=f"l{i}@example.fi")
    # 7: one of them is the single bulk insert of the page's audit lines.
    with django_assert_max_num_queries(7):
        data = client.get(f"/api/v1/postings/{posting.pk}/applications", **bearer(api_token)).json()
    assert data["count"] == 25


def test_the_openapi_schema_is_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/jobs/{slug}/applications" in schema["paths"]
    assert "/api/v1/applications/decisions" in schema["paths"]


def test_jobs_list_is_constant_in_queries(client, org, django_assert_max_num_queries):
    for i in range(10):
        make_posting(org, title=f"J{i}")
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/v1/jobs").json()) == 10


def test_numbers_beyond_the_database_are_422_not_500(client, posting, api_token):
    response = client.get(
        f"/api/v1/postings/{posting.pk}/applications?stage={2**70}", **bearer(api_token)
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "stage"
