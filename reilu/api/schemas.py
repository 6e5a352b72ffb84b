import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic import BeforeValidator, Field, StrictInt, model_validator


class Error(Schema):
    detail: str


class Refusal(Schema):
    """A rule refused the request: `code` is stable (docs/api.md lists them), `detail` is
    the translated sentence to show."""

    code: str
    detail: str


class Problem(Schema):
    code: str
    field: str
    message: str


class Problems(Schema):
    detail: list[Problem]


class PublishRefusal(Schema):
    """The publish gate refused: one problem per missing or dishonest part of the ad."""

    code: Literal["publish_refused"]
    detail: list[Problem]


class Body(Schema):
    """A JSON request body: an object, never a list or a scalar.

    (django-ninja reads attributes from any value, so `[null]` would otherwise pass as an
    empty object for schemas whose fields are all optional.)
    """

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data):
        raw = data._obj if isinstance(data, DjangoGetter) else data
        if not isinstance(raw, dict | Schema):
            raise ValueError("expected a JSON object")
        return data


# A database id: a positive 64-bit integer (larger numbers overflow the database driver).
DbId = Annotated[StrictInt, Field(ge=1, le=2**63 - 1)]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?"
)


def _iso_date(value):
    # pydantic's lax date takes 0 as 1 January 1970 and "1700000000" as a timestamp.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError("expected a date as an ISO string, YYYY-MM-DD")
    return value


def _iso_datetime(value):
    if isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DATETIME.fullmatch(value):
        raise ValueError("expected a date and time as an ISO string, YYYY-MM-DDTHH:MM")
    return value


def _number(value):
    # Money is a JSON number: not a string, not a boolean (which Python counts as an int).
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError("expected a number")
    return value


StrictDate = Annotated[dt.date, BeforeValidator(_iso_date)]
StrictDateTime = Annotated[dt.datetime, BeforeValidator(_iso_datetime)]
StrictDecimal = Annotated[Decimal, BeforeValidator(_number)]
