"""A rule's refusal reaches API clients as `{"code", "detail"}`, its status chosen by the code."""

import datetime as dt

from django.utils import timezone

from reilu.api.errors import BAD_INPUT, GONE, status_for
from reilu.jobs import services as job_services
from reilu.rules import DuplicateApplication, PublishRefused, RuleError
from tests.api.test_api import bearer, posting_json


def test_the_status_follows_the_code():
    assert status_for(RuleError("past", "x")) == 400
    assert status_for(RuleError("closed", "x")) == 410
    assert status_for(RuleError("taken", "x")) == 409
    assert status_for(DuplicateApplication(None)) == 409
    assert status_for(PublishRefused([])) == 422
    assert not BAD_INPUT & GONE


def test_applying_to_a_closed_job_is_410_closed(client, posting):
    job_services.posting_close(posting=posting)
    form = {"name": "Aino", "email": "aino@example.fi", "language": "fi", "privacy_consent": "true"}
    response = client.post(f"/api/v1/jobs/{posting.slug}/applications", form)
    assert response.status_code == 410
    assert response.json() == {
        "code": "closed",
        "detail": "This job no longer takes applications.",
    }


def test_moving_to_the_stage_it_is_in_is_409_same_stage(client, application, api_token):
    response = client.post(
        f"/api/v1/applications/{application.pk}/move",
        {"to": str(application.stage_id)},
        content_type="application/json",
        **bearer(api_token),
    )
    assert response.status_code == 409
    assert response.json()["code"] == "same_stage" and response.json()["detail"]


def test_an_edit_that_breaks_a_published_ad_is_422_publish_refused(client, posting, api_token):
    response = client.patch(
        f"/api/v1/postings/{posting.pk}",
        {"contact_name": ""},
        content_type="application/json",
        **bearer(api_token),
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "publish_refused"
    assert {"code": "missing-contact", "field": "contact_name"}.items() <= body["detail"][0].items()
    posting.refresh_from_db()
    assert posting.contact_name


def test_publishing_with_a_past_deadline_is_422_publish_refused(client, api_token):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    created = client.post(
        "/api/v1/postings",
        posting_json(apply_by=yesterday.isoformat()),
        content_type="application/json",
        **bearer(api_token),
    ).json()
    refused = client.post(f"/api/v1/postings/{created['id']}/publish", **bearer(api_token))
    assert refused.status_code == 422 and refused.json()["code"] == "publish_refused"
    assert [p["code"] for p in refused.json()["detail"]] == ["missing-deadline"]


def test_the_openapi_schema_names_the_refusal_shapes(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    assert set(components["Refusal"]["required"]) == {"code", "detail"}
    assert set(components["PublishRefusal"]["required"]) == {"code", "detail"}

    def refs(path, method, status):
        content = schema["paths"][path][method]["responses"][str(status)]["content"]
        return str(content["application/json"]["schema"])

    assert "#/components/schemas/Refusal" in refs("/api/v1/jobs/{slug}/applications", "post", 409)
    assert "#/components/schemas/Refusal" in refs("/api/v1/jobs/{slug}/applications", "post", 410)
    assert "#/components/schemas/Refusal" in refs("/api/v1/status/{token}/withdraw", "post", 409)
    assert "#/components/schemas/PublishRefusal" in refs(
        "/api/v1/postings/{pk}/publish", "post", 422
    )
    assert "#/components/schemas/PublishRefusal" in refs("/api/v1/postings/{pk}", "patch", 422)
    assert "#/components/schemas/Refusal" in refs("/api/v1/postings/{pk}/slots", "post", 400)
    assert "#/components/schemas/Refusal" in refs("/api/v1/talent/me", "put", 400)
