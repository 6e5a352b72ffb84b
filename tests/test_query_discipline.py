"""List pages cost the same number of queries however many rows they show."""

from tests.conftest import make_application, make_posting


def test_staff_home_is_constant_in_queries(staff_client, org, django_assert_max_num_queries):
    for i in range(2):
        make_posting(org, title=f"P{i}")
    with django_assert_max_num_queries(8):
        staff_client.get("/staff/")
    for i in range(15):
        make_posting(org, title=f"Q{i}")
    with django_assert_max_num_queries(8):
        response = staff_client.get("/staff/")
    html = response.content.decode()
    assert response.status_code == 200
    assert all(f">{p}{i}<" in html for p, n in (("P", 2), ("Q", 15)) for i in range(n))


def test_attention_page_is_constant_in_queries(
    staff_client, posting, django_assert_max_num_queries
):
    make_application(posting, email="a0@example.fi")
    with django_assert_max_num_queries(12):
        staff_client.get("/staff/attention/")
    for i in range(20):
        make_application(posting, email=f"a{i + 1}@example.fi")
    with django_assert_max_num_queries(12):
        response = staff_client.get("/staff/attention/")
    assert response.status_code == 200
    assert response.content.decode().count("Aino Korhonen") == 21


def test_status_page_is_constant_in_queries(client, posting, django_assert_max_num_queries):

    from django.utils import timezone

    from reilu.applications import documents, services, thread

    app, raw = make_application(posting)
    # 14: the conversation with the contact person is one query, however long it is, and
    # so are the documents requested.
    with django_assert_max_num_queries(14):
        client.get(f"/status/{raw}/")
    for _ in range(3):
        app = services.application_move(application=app)
    for text in ("One?", "Two?"):
        thread.question_ask(application=app, text=text, via="page")
    thread.thread_answer(application=app, text="Both: yes.", actor=None, via="workspace")
    for what in ("Copy of your degree", "Copy of your licence"):
        documents.document_request(
            application=app, what=what, note="", due=timezone.localdate(), actor=None
        )
    with django_assert_max_num_queries(14):
        response = client.get(f"/status/{raw}/")
    assert response.status_code == 200
    assert "Stage 4 of 4: Decision" in response.content.decode()
