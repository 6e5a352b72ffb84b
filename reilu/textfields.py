"""Single-line text: one rule for forms, models and the API.

A name, title or place is one line. A line break in one ends up in a mail header (an
interviewer's invitation is titled with the candidate's name) or splits a calendar line,
so control characters are refused where text comes in, with a message saying why.
Multi-line fields (a cover letter, a note) are Textarea fields and keep their line breaks.
"""

import re
from typing import TYPE_CHECKING, Annotated, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import AfterValidator, StrictStr

if TYPE_CHECKING:
    from django.db import models

# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
MESSAGE = _("Write this on one line, without line breaks or other control characters.")


def no_control_characters(value: object) -> None:
    if isinstance(value, str) and CONTROL.search(value):
        raise ValidationError(MESSAGE, code="control_characters")


class LineField(forms.CharField):
    """A one-line form field: refuses control characters (the shared rule above)."""

    default_validators = [no_control_characters]


def line_formfield(model_field: "models.Field", **kwargs: Any) -> forms.Field | None:
    """ModelForm Meta.formfield_callback: model CharFields become LineFields."""
    from django.db import models

    multi_line = isinstance(kwargs.get("widget"), forms.Textarea)
    if type(model_field) is models.CharField and not model_field.choices and not multi_line:
        kwargs.setdefault("form_class", LineField)
    return model_field.formfield(**kwargs)


def _line(value: str) -> str:
    if CONTROL.search(value):
        raise ValueError(str(MESSAGE))
    return value


ONE_LINE = AfterValidator(_line)
MULTI_LINE = "multi-line"  # a marker only: this string may hold line breaks

# Strings in API request schemas are one of these two (tests/test_single_line.py checks).
Line = Annotated[StrictStr, ONE_LINE]
Text = Annotated[StrictStr, MULTI_LINE]
