"""One-line fields refuse control characters, on every form and in every API schema."""

import importlib
import pkgutil
import typing

import pytest
from django import forms
from django.utils import translation
from ninja import Schema

import reilu
from reilu.applications.models import Application
from reilu.textfields import MULTI_LINE, ONE_LINE, no_control_characters
from tests.api.test_api import bearer, posting_json

BAD_NAME = "Eve Example\r\nBcc: everyone@example.org"


def _import_all():
    for info in pkgutil.walk_packages(reilu.__path__, "reilu."):
        if ".migrations" in info.name or info.name.endswith(("__main__", ".wsgi")):
            continue
        importlib.import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_one_line_form_field_refuses_control_characters():
    _import_all()
    checked = 0
    for form in _subclasses(forms.BaseForm):
        if not form.__module__.startswith("reilu."):
            continue
        for name, field in form.base_fields.items():
            if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.Textarea):
                continue
            if isinstance(field, forms.EmailField | forms.URLField):
                continue  # their own validators allow no control characters
            if isinstance(field.widget, forms.PasswordInput):
                continue  # only its hash is stored; it is never shown, mailed or put in a header
            checked += 1
            assert no_control_characters in field.validators, f"{form.__name__}.{name}"
    assert checked >= 15


def _string_kinds(annotation) -> list[str]:
    """'line', 'text' or 'bare' for every string type inside an annotation."""
    found = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        if any(m is ONE_LINE for m in meta):
            return ["line"]
        if MULTI_LINE in meta:
            return ["text"]
        return _string_kinds(base)
    if annotation is str:
        return ["bare"]
    for arg in typing.get_args(annotation):
        found += _string_kinds(arg)
    return found


def test_every_string_in_an_api_request_schema_is_one_line_or_declared_multi_line():
    _import_all()
    from reilu.api.urls import api

    checked = 0
    for path in api._routers:
        router = path[1]
        for view in router.path_operations.values():
            for operation in view.operations:
                for model in operation.models:
                    if getattr(model, "__ninja_param_source__", "") not in ("body", "form"):
                        continue  # path and query values are looked up, never stored
                    for name, info in model.model_fields.items():
                        for kind in _field_kinds(info):
                            checked += 1
                            assert kind != "bare", f"{operation.view_func.__name__}: {name}"
    assert checked >= 20


def _field_kinds(info) -> list[str]:
    # pydantic moves a top-level Annotated's metadata onto the field.
    if any(m is ONE_LINE for m in info.metadata):
        return ["line"]
    if MULTI_LINE in info.metadata:
        return ["text"]
    return _nested(info.annotation)


def _nested(annotation):
    """String kinds of a type, looking into nested schemas too."""
    kinds = _string_kinds(annotation)
    for arg in [annotation, *typing.get_args(annotation)]:
        inner = typing.get_args(arg) or (arg,)
        for candidate in inner:
            if isinstance(candidate, type) and issubclass(candidate, Schema):
                for info in candidate.model_fields.values():
                    kinds += _field_kinds(info)
    return kinds


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Write this on one line"),
        ("fi", "Kirjoita tämä yhdelle riville"),
        ("sv", "Skriv detta på en rad"),
    ],
)
def test_the_apply_form_refuses_a_name_with_a_line_break_then_takes_the_fix(
    client, posting, language, text
):
    data = {
        "name": BAD_NAME,
        "email": "eve@example.org",
        "language": "en",
        "privacy_consent": "on",
        "cover_letter": "Hello.",
    }
    with translation.override(language):
        refused = client.post(f"/jobs/{posting.slug}/apply/", data, HTTP_ACCEPT_LANGUAGE=language)
    assert refused.status_code == 400
    assert text in refused.content.decode()
    assert not Application.objects.exists()
    fixed = client.post(f"/jobs/{posting.slug}/apply/", {**data, "name": "Eve Example"})
    assert fixed.status_code == 302
    assert Application.objects.get().name == "Eve Example"


def test_the_api_refuses_control_characters_with_a_clear_4xx(client, posting, api_token):
    applied = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        {
            "name": BAD_NAME,
            "email": "eve@example.org",
            "language": "en",
            "privacy_consent": "true",
            "cover_letter": "Hello.",
        },
    )
    assert applied.status_code == 422
    assert "Write this on one line" in str(applied.json())
    assert not Application.objects.exists()
    created = client.post(
        "/api/v1/postings",
        posting_json(title="Data\nengineer"),
        content_type="application/json",
        **bearer(api_token),
    )
    assert created.status_code == 422
    assert "Write this on one line" in str(created.json())
    multi = client.post(
        "/api/v1/postings",
        posting_json(description="Line one.\nLine two."),
        content_type="application/json",
        **bearer(api_token),
    )
    assert multi.status_code == 201
