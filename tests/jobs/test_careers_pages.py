import pytest

from tests.conftest import make_posting


def test_the_list_shows_open_jobs_with_pay(client, posting):
    html = client.get("/jobs/").content.decode()
    assert "Backend developer" in html
    assert "4,000–5,200" in html


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("remote=full", {"Remote one"}),
        ("location=tampere", {"Tampere one"}),
        ("employment_type=PART_TIME", {"Tampere one"}),
        ("language=fi", {"Tampere one"}),
        ("q=remote", {"Remote one"}),
        ("", {"Remote one", "Tampere one"}),
    ],
)
def test_the_list_filters(client, org, query, shown):
    make_posting(org, title="Remote one", location="", remote="full")
    make_posting(
        org,
        title="Tampere one",
        location="Tampere",
        remote="no",
        employment_type="PART_TIME",
        language="fi",
    )
    html = client.get(f"/jobs/?{query}").content.decode()
    assert {t for t in ("Remote one", "Tampere one") if t in html} == shown


def test_the_list_takes_the_same_number_of_queries_for_more_jobs(
    client, org, django_assert_max_num_queries
):
    # Rendering a version: the list's version, the stored page, the count and the page, then
    # storing the rendering (the database cache counts its rows, looks, writes). A repeat
    # reads the version and the stored page only.
    for i in range(3):
        make_posting(org, title=f"Job {i}")
    with django_assert_max_num_queries(9):
        client.get("/jobs/")
    with django_assert_max_num_queries(2):
        client.get("/jobs/")
    for i in range(20):
        make_posting(org, title=f"More {i}")
    with django_assert_max_num_queries(9):
        client.get("/jobs/")
    with django_assert_max_num_queries(2):
        client.get("/jobs/")


def test_the_detail_page_shows_what_a_seeker_needs(client, posting):
    html = client.get(posting.get_absolute_url()).content.decode()
    for expected in (
        "Acme Oy",
        "Laura Nieminen",
        "040 123 4567",
        "laura@acme.example",
        "70 %",
        "Coding",
        "Screening",
        "Decision by",
        "Apply for this job",
        "https://acme.example",
    ):
        assert expected in html, expected


def test_finnish_pages_format_money_and_dates_the_finnish_way(client, posting):
    client.cookies["django_language"] = "fi"
    html = client.get(posting.get_absolute_url()).content.decode()
    assert "4\u00a0000–5\u00a0200\u00a0€" in html
    d = posting.decision_by
    assert f"{d.day}.{d.month}.{d.year}" in html


def test_the_employer_profile_shows_touchpoints(client, org, posting):
    org.linkedin_url = "https://www.linkedin.com/company/acme"
    org.values_statement = "We answer everyone."
    org.intro_video_url = "https://youtu.be/abcdefghijk"
    org.save()
    html = client.get(f"/employers/{org.slug}/").content.decode()
    assert "We answer everyone." in html
    assert "https://www.linkedin.com/company/acme" in html
    assert "https://www.youtube-nocookie.com/embed/abcdefghijk" in html
    assert "Backend developer" in html
