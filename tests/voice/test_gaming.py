"""Public figures cannot be filled with throwaway applications (issue 14 #4)."""

import datetime as dt
import re

import time_machine
from django.test import Client
from django.utils import timezone

from reilu.applications import services as app_services
from reilu.applications.models import Application
from reilu.messaging.models import Message
from reilu.voice.models import SurveyInvitation, SurveyResponse
from reilu.voice.selectors.public_scorecard import scorecard_values
from tests.conftest import make_application, make_posting
from tests.voice.conftest import make_response

TERRIBLE = {"recommend": "0", "knew_status": "1", "comment": "Terrible employer.", "publish": "on"}


def _public(client, org) -> tuple[dict, str]:
    card = client.get(f"/api/v1/employers/{org.slug}/scorecard").json()
    page = client.get(f"/employers/{org.slug}/").content.decode()
    return card, page


def _apply_and_withdraw(client, posting, n):
    response = client.post(
        f"/jobs/{posting.slug}/apply/",
        {
            "name": "Throw Away",
            "email": f"throwaway{n}@example.fi",
            "language": "en",
            "privacy_consent": "on",
            "cover_letter": "x",
        },
        REMOTE_ADDR=f"198.51.100.{n + 1}",
    )
    assert response.status_code == 302
    app = Application.objects.get(email=f"throwaway{n}@example.fi")
    token = re.search(r"/status/([^/\s]+)/", Message.objects.about(app).filter().first().body)
    assert client.post(f"/status/{token.group(1)}/withdraw/").status_code == 302
    app.refresh_from_db()
    return app


def test_six_throwaway_withdrawals_change_neither_the_scorecard_nor_the_reviews(client, org):
    posting = make_posting(org)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for n in range(6):  # an honest basis: six answers, NPS 65
            make_response(org, posting, recommend=9 if n < 4 else 7, knew_status=4)
        before_live = scorecard_values(org)
        before_card, _page = _public(client, org)
        for n in range(6):
            app = _apply_and_withdraw(Client(), posting, n)
            assert app.outcome == "withdrawn"
        assert not SurveyInvitation.objects.exists()
        assert not Message.objects.filter(kind="survey_invitation").exists()
        assert scorecard_values(org) == before_live
        clock.shift(dt.timedelta(days=1))  # the next day's published figures
        after_card, after_page = _public(client, org)
    assert after_card == before_card
    assert "Terrible employer." not in after_page
    assert SurveyResponse.objects.count() == 6


def test_a_withdrawal_after_staff_opened_the_application_is_invited(staff_client, posting):
    app, _raw = make_application(posting)
    assert staff_client.get(f"/staff/applications/{app.pk}/").status_code == 200
    app_services.application_withdraw(application=app)
    assert SurveyInvitation.objects.get(application=app).outcome == "withdrawn"


def test_one_person_is_invited_once_per_employer(org, posting):
    other_posting = make_posting(org, title="Second job")
    first, _ = make_application(posting, email="Same@Example.fi")
    second, _ = make_application(other_posting, email="same@example.fi")
    app_services.applications_decide(
        organization=org, application_ids=[first.pk, second.pk], outcome="rejected"
    )
    assert SurveyInvitation.objects.count() == 1
    third, _ = make_application(make_posting(org, title="Third job"), email="same@example.fi")
    app_services.applications_decide(
        organization=org, application_ids=[third.pk], outcome="rejected"
    )
    assert SurveyInvitation.objects.count() == 1


def test_the_same_person_is_invited_by_another_employer(org, posting, other_org):
    mine, _ = make_application(posting, email="p@example.fi")
    theirs, _ = make_application(make_posting(other_org), email="p@example.fi")
    app_services.applications_decide(
        organization=org, application_ids=[mine.pk], outcome="rejected"
    )
    app_services.applications_decide(
        organization=other_org, application_ids=[theirs.pk], outcome="rejected"
    )
    assert SurveyInvitation.objects.count() == 2
