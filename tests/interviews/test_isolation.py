"""Every staff route of the interviews area answers 404 for another employer's objects."""

import pytest
from django.urls import reverse

from reilu.applications import services as app_services
from reilu.interviews.models import FeedbackCall, Slot
from reilu.interviews.services.booking import booking_book
from tests.interviews.conftest import make_slot


@pytest.fixture
def foreign(client, outsider, interview_app, slot, posting, org, recruiter):
    """A signed-in recruiter of Other Oy, and Acme's interview objects."""
    booking_book(application=interview_app, slot_id=slot.pk)
    other_slot = make_slot(posting, [recruiter], days=6)
    app_services.applications_decide(
        organization=org, application_ids=[interview_app.pk], outcome="rejected"
    )
    client.force_login(outsider)
    return {
        "app": interview_app,
        "posting": posting,
        "free_slot": other_slot,
        "call": FeedbackCall.objects.get(),
    }


@pytest.mark.parametrize(
    ("name", "key", "method"),
    [
        ("interviews:slots", "posting", "get"),
        ("interviews:slots", "posting", "post"),
        ("interviews:criteria", "posting", "get"),
        ("interviews:criteria", "posting", "post"),
        ("interviews:slot_delete", "free_slot", "get"),
        ("interviews:slot_delete", "free_slot", "post"),
        ("interviews:prepare", "app", "get"),
        ("interviews:prepare", "app", "post"),
        ("interviews:cv", "app", "get"),
        ("interviews:scorecard", "app", "get"),
        ("interviews:scorecard", "app", "post"),
        ("interviews:feedback_done", "call", "post"),
    ],
)
def test_another_employer_gets_404(client, foreign, name, key, method):
    url = reverse(name, args=[foreign[key].pk])
    response = getattr(client, method)(url, {"lines": "Evil", "purpose": "interview"})
    assert response.status_code == 404
    assert Slot.objects.filter(pk=foreign["free_slot"].pk).exists()
    assert FeedbackCall.objects.get().state == "offered"
    assert foreign["posting"].criteria.filter(text="Evil").count() == 0


def test_lists_and_reports_show_only_the_own_employer(client, foreign):
    listing = client.get(reverse("interviews:feedback_list")).content.decode()
    assert "Aino Korhonen" not in listing
    report = client.get(reverse("interviews:report")).content.decode()
    assert "rec@acme.example" not in report
    home = client.get(reverse("interviews:home")).content.decode()
    assert "Backend developer" not in home


def test_anonymous_staff_pages_ask_to_sign_in(client, interview_app, posting):
    for url in (
        reverse("interviews:home"),
        reverse("interviews:slots", args=[posting.pk]),
        reverse("interviews:prepare", args=[interview_app.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/staff/login/" in response["Location"]
