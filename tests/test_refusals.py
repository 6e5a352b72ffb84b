"""refusal_shown: the one way a page shows a rule's refusal."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from reilu.jobs.rules import Problem
from reilu.refusals import refusal_shown
from reilu.rules import PublishRefused, RuleError


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


class _Form(forms.Form):
    parts = forms.CharField(required=False)


def test_a_refusal_becomes_the_next_pages_error_message():
    request = _request()
    with refusal_shown(request) as refused:
        raise RuleError("taken", "Someone booked that time just before you.")
    assert refused and refused.error.code == "taken"
    assert [(m.level_tag, str(m)) for m in get_messages(request)] == [
        ("error", "Someone booked that time just before you.")
    ]


def test_an_allowed_call_shows_nothing():
    request = _request()
    with refusal_shown(request) as refused:
        pass
    assert not refused and refused.error is None
    assert list(get_messages(request)) == []


def test_the_publish_gate_gives_one_message_per_problem():
    request = _request()
    problems = [Problem("missing-contact", "contact_name", "A"), Problem("x", "y", "B")]
    with refusal_shown(request) as refused:
        raise PublishRefused(problems)
    assert refused
    assert [str(m) for m in get_messages(request)] == ["A", "B"]


def test_on_a_form_the_code_chooses_the_field():
    form = _Form({"parts": ""})
    assert form.is_valid()
    with refusal_shown(_request(), form=form, field={"bad_part": "parts"}):
        raise RuleError("bad_part", "Every part needs a name.")
    assert form.errors == {"parts": ["Every part needs a name."]}
    other = _Form({"parts": ""})
    other.is_valid()
    with refusal_shown(_request(), form=other, field={"bad_part": "parts"}):
        raise RuleError("past", "The time must be in the future.")
    assert other.non_field_errors() == ["The time must be in the future."]


def test_other_errors_pass_through():
    with pytest.raises(ValueError, match="not a rule"), refusal_shown(_request()):
        raise ValueError("not a rule")
