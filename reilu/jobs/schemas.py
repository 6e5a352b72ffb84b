"""The shapes of postings and jobs in the API."""

import datetime as dt
from decimal import Decimal
from typing import Literal

from ninja import Schema
from pydantic import Field, StrictInt

from reilu.api.schemas import Body, StrictDate, StrictDecimal
from reilu.textfields import Line, Text


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


class QuestionOut(Schema):
    id: int
    text: str
    kind: Literal["yes_no", "one", "many", "number", "short", "long"]
    required: bool
    choices: list[str] = Field(description="The options of a one- or several-choice question.")
    requirement: str = Field(
        description="The requirement line of the ad the question screens on (empty: none)."
    )
    meets: list[str] = Field(
        description="Answers that meet the requirement: for yes_no `yes` or `no`, for one "
        "the choices, for number the smallest (empty: the question does not screen). Tell "
        "the candidate at once when an answer does not."
    )
    may_apply_anyway: bool = Field(
        description="Whether a candidate who does not meet the requirement may still apply."
    )


class JobDetail(JobSummary):
    employer_detail: Employer
    description: str
    requirements: str
    duties: list[DutyOut]
    stages: list[StageOut]
    questions: list[QuestionOut] = Field(
        description="Asked when applying: answer them in `answers` of the application."
    )
    contact_name: str
    contact_email: str
    contact_phone: str
    interviews_from: dt.date | None
    interviews_to: dt.date | None
    decision_by: dt.date | None
    state: str
    open: bool


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
