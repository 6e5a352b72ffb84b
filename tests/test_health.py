import copy

from django.db import connections
from django.db.utils import load_backend


def test_liveness_needs_no_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_readiness_checks_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/readyz")
    assert response.status_code == 200 and response.content == b"ok"


def unreachable(settings_dict: dict) -> dict:
    """The same database engine, pointed where no database answers."""
    broken = copy.deepcopy(settings_dict)
    if broken["ENGINE"].endswith("sqlite3"):
        broken["NAME"] = "/nonexistent-reilu-dir/reilu.sqlite3"
    else:
        broken.update(HOST="127.0.0.1", PORT="1")  # nothing listens on port 1
    broken["CONN_MAX_AGE"] = 0
    return broken


def test_readiness_answers_503_when_the_database_cannot_be_queried(client, db):
    real = connections["default"]
    broken = unreachable(real.settings_dict)
    connections["default"] = load_backend(broken["ENGINE"]).DatabaseWrapper(broken, "default")
    try:
        response = client.get("/readyz")
    finally:
        connections["default"].close()
        connections["default"] = real
    assert response.status_code == 503
    assert response.content == b"database unavailable"
    assert response["Cache-Control"].startswith("max-age=0")
