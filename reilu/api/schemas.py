import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic import BeforeValidator, Field, StrictInt, model_validator

from reilu.textfields import Line, Text


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


class Duty(Body):
    duty: Line = Field(min_length=1, max_length=200)
    percent: StrictInt = Field(ge=1, le=100)


class StageIn(Body):
    name: Line = Field(min_length=1, max_length=100)
    description: Text = Field("", max_length=5000)
    kind: Literal["received", "screening", "interview", "assignment", "decision", "offer"] = (
        "screening"
    )
    promise_days: StrictInt = Field(7, ge=1, le=90)


EmploymentType = Literal[
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"
]


class PostingFields(Body):
    title: Line | None = Field(None, min_length=1, max_length=200)
    description: Text | None = Field(None, max_length=50000)
    language: Literal["fi", "sv", "en"] | None = None
    location: Line | None = Field(None, max_length=200)
    remote: Literal["no", "hybrid", "full"] | None = None
    employment_type: EmploymentType | None = None
    duties: list[Duty] | None = Field(None, max_length=12)
    requirements: Text | None = Field(None, max_length=20000)
    pay_min: StrictDecimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    pay_max: StrictDecimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    pay_currency: Literal["EUR", "SEK", "USD"] | None = None
    pay_period: Literal["HOUR", "MONTH", "YEAR"] | None = None
    contact_name: Line | None = Field(None, max_length=200)
    contact_email: Line | None = Field(None, max_length=254)
    contact_phone: Line | None = Field(None, max_length=40)
    apply_by: StrictDate | None = None
    interviews_from: StrictDate | None = None
    interviews_to: StrictDate | None = None
    decision_by: StrictDate | None = None
    stages: list[StageIn] | None = Field(None, min_length=1, max_length=10)


class PostingCreate(PostingFields):
    title: Line = Field(min_length=1, max_length=200)


class PostingRef(Schema):
    id: int
    slug: str
    state: str


class StageOut(Schema):
    id: int
    name: str
    description: str
    kind: str
    promise_days: int


class DutyOut(Schema):
    duty: str
    percent: int


class Employer(Schema):
    name: str
    slug: str
    website: str
    url: str


class JobSummary(Schema):
    slug: str
    title: str
    employer: str
    location: str
    remote: str
    employment_type: str
    language: str
    pay_min: Decimal | None
    pay_max: Decimal | None
    pay_currency: str
    pay_period: str
    apply_by: dt.date | None
    url: str


class JobDetail(JobSummary):
    employer_detail: Employer
    description: str
    requirements: str
    duties: list[DutyOut]
    stages: list[StageOut]
    contact_name: str
    contact_email: str
    contact_phone: str
    interviews_from: dt.date | None
    interviews_to: dt.date | None
    decision_by: dt.date | None
    state: str
    open: bool


class Applied(Schema):
    id: int
    status_url: str


class Contact(Schema):
    name: str
    email: str
    phone: str


class StatusEvent(Schema):
    kind: str
    label: str
    stage: str | None
    text: str
    at: dt.datetime


class StatusMessage(Schema):
    subject: str
    state: str
    created_at: dt.datetime
    sent_at: dt.datetime | None


class Status(Schema):
    posting: str
    employer: str
    stage: str
    stage_description: str
    stage_position: int
    stage_total: int
    outcome: Literal["active", "withdrawn", "rejected", "hired"]
    contact: Contact
    promised_by: dt.date | None
    events: list[StatusEvent]
    messages: list[StatusMessage]


class ApplicationRow(Schema):
    id: int
    name: str
    email: str
    stage_id: int
    stage: str
    outcome: str
    promised_by: dt.date | None
    created_at: dt.datetime


class ApplicationPage(Schema):
    count: int
    items: list[ApplicationRow]


class MoveIn(Body):
    to: Line | DbId = "next"
    note: Text = Field("", max_length=2000)


class MoveOut(Schema):
    id: int
    stage_id: int
    stage: str
    promised_by: dt.date


class DecisionsIn(Body):
    application_ids: list[DbId] = Field(min_length=1, max_length=20000)
    outcome: Literal["rejected", "hired"]
    note: Text = Field(
        "", max_length=2000, description="One note for everyone, whatever their language."
    )
    notes: dict[Literal["fi", "sv", "en"], Annotated[Text, Field(max_length=2000)]] | None = Field(
        None,
        description="A note per candidate language; a candidate whose language has no "
        "note gets the message without one.",
    )

    @model_validator(mode="after")
    def one_kind_of_note(self):
        if self.notes is not None and self.note:
            raise ValueError("Give either `note` (for everyone) or `notes` (per language).")
        return self


class DecisionsOut(Schema):
    updated: int


class AdCheckIn(Body):
    text: Text = Field(max_length=100_000)
    language: Literal["fi", "sv", "en"] | None = None


class AdFinding(Schema):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    start: int | None
    end: int | None


class AdCheckOut(Schema):
    language: Literal["fi", "sv", "en"]
    advice_language: Literal["fi", "sv", "en"]
    findings: list[AdFinding]
    score: int = Field(ge=0, le=100)
