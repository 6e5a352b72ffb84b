"""How the API answers when something refuses a request: one handler per kind of error.

A rule's refusal (`RuleError`) becomes `{"code", "detail"}`, its status chosen by the code,
so endpoints call services without catching anything. The codes are listed in docs/api.md.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django_ratelimit.exceptions import Ratelimited
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from reilu.errors import LinkNotFound
from reilu.rules import PublishRefused, RuleError

# Refusals of what the request itself says (the input breaks a rule) are 400; a request that
# came too late for the thing it acts on is 410; the rest conflict with the current state: 409.
BAD_INPUT = frozenset(
    {
        # An interview time as staff describe it.
        "bad_purpose",
        "bad_time",
        "past",
        "too_long",
        "no_place",
        "no_interviewers",
        "bad_interviewer",
        "too_many_parts",
        "bad_part",
        "part_outside",
        # A posting's pay range (the API checks it first, with the same message).
        "pay_range",
        # A posting's stages in an order no process goes in (e.g. "received" after "decision").
        "stage_order",
        # A seeker's own profile.
        "skills",
        "languages",
        "links",
        "headline",
        "visibility",
        # Applying without accepting the privacy notice (the form asks first).
        "consent",
        # An application question written wrong (the editor's form asks first).
        "question",
        # A message of the conversation with the contact person (and "too_long").
        "empty",
        "control_characters",
    }
)
GONE = frozenset({"closed", "erased"})
# An answer to one of a job's questions that the question does not take; a document
# request whose due date has passed or is more than a year ahead, or that names no document.
UNPROCESSABLE = frozenset(
    {
        "bad_answer",
        "requirement_not_met",
        "due_past",
        "due_too_far",
        "document_empty",
        "document_too_long",
    }
)


def status_for(error: RuleError) -> int:
    if isinstance(error, PublishRefused):
        return 422
    if error.code in BAD_INPUT:
        return 400
    if error.code in UNPROCESSABLE:
        return 422
    if error.code in GONE:
        return 410
    return 409


def install(api: NinjaAPI) -> None:
    """Register every error handler of the API, once."""

    @api.exception_handler(RuleError)
    def refused(request: HttpRequest, exc: RuleError) -> HttpResponse:
        if isinstance(exc, PublishRefused):
            # The same list of {code, field, message} as validation errors, with its code.
            detail: object = [p.as_dict() for p in exc.problems]
        else:
            detail = exc.message
        return api.create_response(
            request, {"code": exc.code, "detail": detail}, status=status_for(exc)
        )

    @api.exception_handler(LinkNotFound)
    def no_such_link(request: HttpRequest, exc: LinkNotFound) -> HttpResponse:
        return api.create_response(
            request, {"detail": _("This status link is not valid.")}, status=404
        )

    @api.exception_handler(AuthenticationError)
    def unauthorized(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return api.create_response(
            request, {"detail": _("A valid staff token is required.")}, status=401
        )

    @api.exception_handler(Ratelimited)
    def too_many(request: HttpRequest, exc: Ratelimited) -> HttpResponse:
        response = api.create_response(
            request,
            {"detail": _("Too many requests. Please wait a moment and try again.")},
            status=429,
        )
        response["Retry-After"] = "60"
        return response

    @api.exception_handler(OverflowError)
    def out_of_range(request: HttpRequest, exc: OverflowError) -> HttpResponse:
        """An id or number beyond what the database stores (SQLite: 64 bits) is bad input."""
        return api.create_response(
            request,
            {
                "detail": [
                    {"code": "invalid", "field": "", "message": _("A number is out of range.")}
                ]
            },
            status=422,
        )

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(
            request, {"detail": [_describe(e) for e in exc.errors]}, status=422
        )


def _describe(error: dict) -> dict:
    """Validation errors in the same shape as publish problems: code, field, message."""
    skip = ("body", "payload", "form", "query", "path", "file")
    field = ".".join(str(part) for part in error.get("loc", []) if part not in skip)
    return {"code": "invalid", "field": field, "message": str(error.get("msg", ""))}
