"""Fair-screening analytics (issue 19, item 6): the share of applications reviewed
anonymously, the pass rate per stage and the time per stage, per employer and per posting;
other employers' applications never count."""

import pytest

from reilu.applications import services
from reilu.voice.selectors.analytics import anonymous_share, pass_rates
from reilu.voice.selectors.figures import period_start
from tests.conftest import make_application, make_posting


@pytest.fixture
def process(org, other_org, recruiter):
    posting = make_posting(org, anonymous_review=True)
    a1, a2, a3, a4 = [make_application(posting, email=f"a{i}@example.fi")[0] for i in range(4)]
    services.application_move(application=a1, actor=recruiter)  # to screening
    services.applications_decide(
        organization=org, application_ids=[a1.pk, a3.pk], outcome="rejected", actor=recruiter
    )
    services.application_move(application=a2, actor=recruiter)  # screening
    services.application_move(application=a2, actor=recruiter)  # interview
    services.applications_decide(
        organization=org, application_ids=[a2.pk], outcome="hired", actor=recruiter
    )
    # a4 still waits in the first stage. Another posting of the employer shows names.
    make_application(make_posting(org, title="Tester"), email="b@example.fi")
    # Another employer's applications count nowhere here.
    other = make_posting(other_org, anonymous_review=True)
    for i in range(3):
        make_application(other, email=f"o{i}@example.fi")
    return posting


def test_the_pass_rate_counts_those_that_left_each_stage(org, process):
    since = period_start()
    # Received: a1 and a2 went further, a3 was declined there, a4 still waits (not counted).
    # Screening: a2 went further, a1 was declined. Interview: a2 was hired from it.
    assert pass_rates(organization=org, posting=process, since=since) == [
        ("Received", 67),
        ("Screening", 50),
        ("Interview", 100),
    ]
    # The employer's view groups stages by kind and adds the other posting's waiting one.
    assert pass_rates(organization=org, since=since) == [
        ("Received", 67),
        ("Screening", 50),
        ("Interview", 100),
    ]


def test_the_share_reviewed_anonymously(org, process):
    since = period_start()
    assert anonymous_share(organization=org, posting=process, since=since) == (4, 4)
    assert anonymous_share(organization=org, since=since) == (4, 5)


@pytest.mark.parametrize(
    "language, titles",
    [
        ("en", ["Pass rate per stage", "reviewed anonymously", "80 % of 5.", "Median days"]),
        ("fi", ["Läpäisyosuus vaiheittain", "Nimettömänä arvioidut", "80 % / 5.", "mediaani"]),
        (
            "sv",
            [
                "Andel som gick vidare per skede",
                "granskade anonymt",
                "80 % av 5.",
                "Median antal dagar",
            ],
        ),
    ],
)
def test_the_analytics_page_shows_them(staff_client, org, process, language, titles):
    staff_client.cookies["django_language"] = language
    html = staff_client.get("/staff/analytics/").content.decode()
    for title in titles:
        assert title in html
