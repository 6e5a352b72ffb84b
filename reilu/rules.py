"""The one error a rule raises when it refuses a change.

Services in every area raise `RuleError(code, message)`: `code` is stable (the API sends it
as `{"code", "detail"}`), `message` is translated and shown to the person as it is. A few
refusals carry more for whoever catches them (the publish gate's problems, the application
that already exists), as subclasses.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


class RuleError(Exception):
    def __init__(self, code: str, message: str):
        self.code = code
        self.message = message
        super().__init__(message)


class PublishRefused(RuleError):
    """The publish gate's problems, one per missing or dishonest part of the ad."""

    def __init__(self, problems: list[Any]):
        self.problems = problems
        super().__init__("publish_refused", "; ".join(p.message for p in problems))


class DuplicateApplication(RuleError):
    """The same email already has an application in process for this posting."""

    def __init__(self, application: Any):
        self.application = application
        super().__init__(
            "duplicate",
            _(
                "You have already applied for this job. We sent your status link to your "
                "email again."
            ),
        )
