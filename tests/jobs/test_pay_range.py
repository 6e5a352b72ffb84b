"""The pay-range rule is one function (reilu.jobs.rules.pay_range_problem): the editor's form,
the posting services and the API refuse the same bad range with the same message, and the
database constraint stays as the last guard."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from reilu.jobs import services
from reilu.jobs.forms import PostingForm
from reilu.jobs.models import Posting
from reilu.jobs.rules import pay_range_problem
from reilu.rules import RuleError
from tests.conftest import DUTIES, make_posting, posting_data

pytestmark = pytest.mark.django_db

MESSAGE = "The highest pay must not be lower than the lowest."
LOW, HIGH = Decimal("5000"), Decimal("4000")


def test_the_rule_refuses_only_a_maximum_below_the_minimum():
    assert pay_range_problem(LOW, HIGH) == MESSAGE
    assert pay_range_problem(HIGH, LOW) is None
    assert pay_range_problem(LOW, LOW) is None
    assert pay_range_problem(None, HIGH) is None
    assert pay_range_problem(LOW, None) is None


def form_message(low, high):
    values = posting_data(pay_min=low, pay_max=high)
    form = PostingForm(
        data={field: values[field] for field in PostingForm.Meta.fields if field in values}
    )
    assert not form.is_valid()
    return [str(error) for error in form.errors["pay_max"]]


def service_create_message(org, low, high):
    with pytest.raises(RuleError) as refused:
        services.posting_create(
            organization=org, data=posting_data(pay_min=low, pay_max=high), duties=DUTIES
        )
    assert refused.value.code == "pay_range"
    return refused.value.message


def service_update_message(posting, low, high):
    with pytest.raises(RuleError) as refused:
        services.posting_update(posting=posting, data={"pay_min": low, "pay_max": high})
    assert refused.value.code == "pay_range"
    return refused.value.message


def api_message(client, token, low, high, language):
    data = {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in posting_data().items()
    }
    data.update(pay_min=int(low), pay_max=int(high), duties=DUTIES)
    response = client.post(
        "/api/v1/postings",
        data,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 400
    return response.json()["detail"]


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_form_service_and_api_give_the_same_message(client, org, api_token, language):
    posting = make_posting(org, publish=False)
    with translation.override(language):
        expected = pay_range_problem(LOW, HIGH)
        assert form_message(LOW, HIGH) == [expected]
        assert service_create_message(org, LOW, HIGH) == expected
        assert service_update_message(posting, LOW, HIGH) == expected
    if language != "en":
        assert expected != MESSAGE  # translated, so the comparison says something
    assert api_message(client, api_token, LOW, HIGH, language) == expected
    assert Posting.objects.filter(organization=org).count() == 1
    assert Posting.objects.get(pk=posting.pk).pay_max == Decimal("5200")


def test_the_database_constraint_is_the_last_guard(org):
    posting = make_posting(org, publish=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Posting.objects.filter(pk=posting.pk).update(pay_min=LOW, pay_max=HIGH)
