import pytest
from django.utils import timezone

from reilu.voice.models import SurveyResponse


def make_response(org, posting=None, **answers) -> SurveyResponse:
    values = {
        "recommend": 8,
        "knew_status": 4,
        "ad_matched": None,
        "outcome": "rejected",
        "answered_on": timezone.localdate(),
    }
    values.update(answers)
    return SurveyResponse.objects.create(organization=org, posting=posting, **values)


def crowd(org, posting, n=4, **answers):
    """Answers of other candidates of the posting: a review is shown among MIN_BASIS."""
    return [make_response(org, posting, **answers) for _ in range(n)]


@pytest.fixture
def review(org, posting):
    crowd(org, posting)
    return make_response(
        org, posting, comment="Clear process, kind people.", publish=True, recommend=9
    )
