import re

from reilu.applications import services as app_services
from reilu.voice import selectors
from tests.conftest import make_application, make_posting
from tests.voice.conftest import make_response


def chart_rows(html: str, title: str) -> list[tuple[str, str]]:
    """The (label, figure) rows of the named chart's "Show the numbers" table."""
    figure = html.split(f"<h2>{title}</h2>", 1)[1].split("</figure>", 1)[0]
    return re.findall(r'<th scope="row">([^<]*)</th><td>([^<]*)</td>', figure)


def _pipeline(org, posting):
    apps = [make_application(posting, email=f"f{i}@example.fi")[0] for i in range(3)]
    app_services.application_move(application=apps[0])
    app_services.application_move(application=apps[0])
    app_services.application_move(application=apps[1])
    app_services.applications_decide(
        organization=org, application_ids=[apps[2].pk], outcome="rejected"
    )
    return apps


def test_it_counts_the_funnel_from_events(org, posting):
    _pipeline(org, posting)
    since = selectors.period_start()
    assert selectors.funnel(organization=org, posting=posting, since=since) == [
        ("Received", 3),
        ("Screening", 2),
        ("Interview", 1),
        ("Decision", 0),
    ]
    by_kind = dict(selectors.funnel(organization=org, since=since))
    assert by_kind["Received"] == 3 and by_kind["Interview"] == 1
    times = dict(selectors.time_in_stage(organization=org, posting=posting, since=since))
    assert set(times) == {"Received", "Screening", "Interview"}


def test_it_draws_accessible_charts_without_inline_styles(
    staff_client, org, posting, django_assert_max_num_queries
):
    _pipeline(org, posting)
    for score in (10, 9, 9, 3, 8):
        make_response(org, posting, recommend=score, ad_matched=4, knew_status=5)
    with django_assert_max_num_queries(25):
        page = staff_client.get(f"/staff/postings/{posting.pk}/analytics/")
    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("<svg") == 7 and text.count("<table") == 7
    assert 'role="img"' in text and "<desc" in text
    assert not re.search(r"\sstyle=", text) and "<script>" not in text
    assert "Candidate NPS, per month" in text and "<td>40</td>" in text  # (3-1)/5


def test_it_shows_the_employer_analytics(staff_client, org, posting, django_assert_max_num_queries):
    _pipeline(org, posting)
    with django_assert_max_num_queries(30):
        page = staff_client.get("/staff/analytics/")
    text = page.content.decode()
    assert page.status_code == 200
    # The figures themselves, as the table behind the funnel chart gives them.
    assert chart_rows(text, "Applications that reached each stage") == [
        ("Received", "3"),
        ("Screening", "2"),
        ("Interview", "1"),
    ]
    assert f"/staff/postings/{posting.pk}/analytics/" in text


def test_it_keeps_other_employers_out_of_analytics(client, outsider, org, posting, other_org):
    _pipeline(org, posting)
    make_response(org, posting, comment="Acme secret", publish=True)
    client.force_login(outsider)
    assert client.get(f"/staff/postings/{posting.pk}/analytics/").status_code == 404
    own = make_posting(other_org, title="Own job")
    assert client.get(f"/staff/postings/{own.pk}/analytics/").status_code == 200
    text = client.get("/staff/analytics/").content.decode()
    assert posting.title not in text and "Other Oy" in text
