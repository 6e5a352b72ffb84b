import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from reilu.jobs import services
from reilu.jobs.models import Posting
from reilu.jobs.rules import publish_problems
from reilu.rules import PublishRefused
from tests.conftest import make_posting


def codes(posting):
    return {(p.code, p.field) for p in publish_problems(posting)}


def test_it_publishes_a_complete_posting(org):
    posting = make_posting(org, publish=False)
    assert publish_problems(posting) == []
    services.posting_publish(posting=posting)
    posting.refresh_from_db()
    assert posting.state == Posting.State.PUBLISHED
    assert posting.published_at is not None


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"location": "", "remote": "no"}, ("missing-location", "location")),
        ({"contact_name": ""}, ("missing-contact", "contact_name")),
        ({"contact_email": "", "contact_phone": ""}, ("missing-contact", "contact_email")),
        ({"pay_min": None}, ("missing-salary", "pay_min")),
        ({"pay_max": None}, ("missing-salary", "pay_min")),
        ({"apply_by": None}, ("missing-deadline", "apply_by")),
        ({"decision_by": None}, ("missing-process-timeline", "decision_by")),
    ],
)
def test_it_refuses_each_missing_item(org, overrides, expected):
    posting = make_posting(org, publish=False, **overrides)
    assert expected in codes(posting)
    with pytest.raises(PublishRefused) as refused:
        services.posting_publish(posting=posting)
    assert expected[0] in {p.code for p in refused.value.problems}
    posting.refresh_from_db()
    assert posting.state == Posting.State.DRAFT


def test_it_allows_fully_remote_without_location(org):
    posting = make_posting(org, publish=False, location="", remote="full")
    assert not any(code == "missing-location" for code, _ in codes(posting))


def test_it_lists_every_missing_item_at_once(org):
    posting = make_posting(
        org,
        publish=False,
        duties=[],
        location="",
        contact_name="",
        pay_min=None,
        apply_by=None,
        decision_by=None,
    )
    found = {code for code, _ in codes(posting)}
    assert found >= {
        "missing-location",
        "missing-contact",
        "missing-salary",
        "missing-duties",
        "missing-deadline",
        "missing-process-timeline",
    }


def test_it_requires_duties_to_sum_to_100(org):
    posting = make_posting(org, publish=False, duties=[{"duty": "Sales", "percent": 60}])
    problems = [p for p in publish_problems(posting) if p.code == "missing-duties"]
    assert problems and "60" in problems[0].message


def test_it_refuses_a_pay_range_upside_down(org):
    posting = make_posting(org, publish=False)
    posting.pay_min, posting.pay_max = Decimal("5000"), Decimal("4000")
    assert ("missing-salary", "pay_max") in codes(posting)


def test_it_refuses_a_decision_before_the_deadline(org):
    posting = make_posting(org, publish=False)
    posting.decision_by = posting.apply_by - dt.timedelta(days=1)
    assert ("missing-process-timeline", "decision_by") in codes(posting)


def test_it_speaks_the_users_language(org):
    posting = make_posting(org, publish=False, apply_by=None)
    with translation.override("fi"):
        messages = [p.message for p in publish_problems(posting)]
    assert messages == ["Aseta hakuaika."]


def test_an_edit_cannot_make_a_published_ad_incomplete(org):
    posting = make_posting(org)
    with pytest.raises(PublishRefused):
        services.posting_update(posting=posting, data={"contact_name": ""})
    posting.refresh_from_db()
    assert posting.contact_name == "Laura Nieminen"


def test_it_creates_the_default_stage_plan(org):
    posting = make_posting(org, publish=False)
    stages = list(posting.stages.values_list("kind", flat=True))
    assert stages == ["received", "screening", "interview", "decision"]
    assert all(s.description and s.promise_days for s in posting.stages.all())


def test_the_staff_editor_shows_problems_and_refuses_to_publish(staff_client, org):
    posting = make_posting(org, publish=False, contact_name="")
    response = staff_client.post(f"/staff/postings/{posting.pk}/publish/", follow=True)
    assert "Name a contact person candidates can ask." in response.content.decode()
    posting.refresh_from_db()
    assert posting.state == Posting.State.DRAFT
