"""The shapes of applications and a candidate's status in the API."""

import datetime as dt
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field, model_validator

from reilu.api.schemas import Body, DbId, StrictDate
from reilu.textfields import Line, Text


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


class OpenDocumentRequest(Schema):
    """A document the employer asked the candidate for, not yet sent."""

    id: int
    document: str
    note: str
    due: dt.date


class ApplicationStatus(Schema):
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
    document_requests: list[OpenDocumentRequest] = Field(
        description="Documents the employer asked for and waits for; the candidate sends "
        "them from the status page."
    )


class ApplicationRow(Schema):
    id: int
    name: str = Field(
        description="The candidate's name; during an anonymous first review a pseudonym; "
        'once the personal data is erased, "(erased)" in the language asked for.'
    )
    email: str = Field(description="Empty during an anonymous first review and once erased.")
    identity_hidden: bool = Field(
        description="True while the posting's anonymous first review hides who this is."
    )
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
    def one_kind_of_note(self) -> "DecisionsIn":
        if self.notes is not None and self.note:
            raise ValueError("Give either `note` (for everyone) or `notes` (per language).")
        return self


class DecisionsOut(Schema):
    updated: int


class ThreadIn(Body):
    text: Text = Field(
        description="Plain text with line breaks; at most 4000 characters, no attachments."
    )


class ThreadMessageOut(Schema):
    id: int
    author: Literal["candidate", "staff"]
    author_name: str
    via: Literal["page", "email", "workspace", "api"]
    text: str
    at: dt.datetime
    answer_promised_by: dt.date | None = Field(
        description="A question not yet answered: the date an answer is promised by."
    )
    answered_at: dt.datetime | None


class Thread(Schema):
    contact_name: str
    messages: list[ThreadMessageOut]


class DocumentRequestIn(Body):
    document: Line = Field(
        min_length=1, max_length=200, description='What is asked: "Copy of your nursing licence".'
    )
    note: Text = Field("", max_length=1000, description="Shown to the candidate with the request.")
    due: StrictDate = Field(description="Today or later (Europe/Helsinki), YYYY-MM-DD.")


class DocumentRequestOut(Schema):
    id: int
    document: str
    note: str
    due: dt.date
    state: Literal["waiting", "overdue", "received", "cancelled", "ended"] = Field(
        description='"ended": not received, and the application is withdrawn or not chosen.'
    )
    requested_at: dt.datetime
    received_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    file_name: str = Field(
        description="The received file's name; the file downloads from the workspace."
    )


class DocumentRequests(Schema):
    items: list[DocumentRequestOut]
