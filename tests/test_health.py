def test_liveness_needs_no_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_readiness_checks_the_database(client, db):
    assert client.get("/readyz").status_code == 200
