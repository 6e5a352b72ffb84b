"""schemathesis fuzzes the whole API against its OpenAPI schema: no 5xx, no schema breaks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reilu.employers.models import ApiToken
from tests.conftest import make_application, make_org, make_posting, make_staff

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.mark.django_db(transaction=True)
def test_it_finds_no_server_errors_or_schema_breaks(live_server, settings, tmp_path):
    if not SCHEMATHESIS.exists():
        pytest.skip("schemathesis is not installed in this environment")
    settings.RATELIMIT_ENABLE = False  # the fuzzer is one fast client by design
    org = make_org()
    posting = make_posting(org)
    make_application(posting)
    token = ApiToken.issue(user=make_staff(org), organization=org)
    result = subprocess.run(  # noqa: S603
        [
            str(SCHEMATHESIS),
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--max-examples",
            "20",
            "--seed",
            "7",
            "--generation-deterministic",
            "--phases",
            "examples,coverage,fuzzing",
            "--checks",
            "all",
            # Business rules may refuse valid-looking data (a past deadline, a duplicate).
            "--exclude-checks",
            "positive_data_acceptance",
            "--request-timeout",
            "10",
            "--no-shrink",
            "-H",
            f"Authorization: Bearer {token}",
        ],
        capture_output=True,
        text=True,
        timeout=900,  # a guard against a hung server; --max-examples bounds the run
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("patch", "/api/v1/postings/{pk}", [None, None]),
        (
            "post",
            "/api/v1/applications/decisions",
            {"application_ids": [2**70], "outcome": "hired"},
        ),
        ("post", "/api/v1/applications/{app}/move", {"to": 2**70}),
        ("post", "/api/v1/applications/{app}/move", {"to": str(2**70)}),
    ],
)
def test_it_answers_odd_bodies_with_4xx(client, api_token, application, method, path, body):
    url = path.format(pk=application.posting_id, app=application.pk)
    response = getattr(client, method)(
        url, body, content_type="application/json", headers={"Authorization": f"Bearer {api_token}"}
    )
    assert response.status_code in (400, 422)
    application.refresh_from_db()
    assert application.outcome == "active" and application.stage.position == 0
