"""Default message texts and the safe placeholder filler.

Texts are warm, specific and signed by a named person; replies go to that person.
Placeholders are `{name}` from a fixed list: staff-written text is only ever searched for
these names, never evaluated as template code.
"""

import re

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

PLACEHOLDERS = (
    "first_name",
    "posting",
    "employer",
    "stage",
    "stage_description",
    "contact_name",
    "contact_email",
    "contact_phone",
    "promised_by",
    "note",
    "status_url",
)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class UnknownPlaceholder(ValueError):
    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(", ".join(names))


def unknown_placeholders(text: str) -> list[str]:
    return sorted({m for m in _PLACEHOLDER.findall(text) if m not in PLACEHOLDERS})


def fill(text: str, values: dict[str, str]) -> str:
    missing = unknown_placeholders(text)
    if missing:
        raise UnknownPlaceholder(missing)
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text)


SIGNATURE = _("Best regards,\n{contact_name}\n{employer}\n{contact_email} {contact_phone}")

DEFAULTS = {
    "received": (
        _("We received your application: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "thank you for applying for {posting} at {employer}. Your application has "
            "arrived and is now in the stage: {stage}.\n\n{stage_description}\n\n"
            "I will contact you by {promised_by} at the latest. You can follow your "
            "application at any time here:\n{status_url}\n\n"
            "If you have questions, just reply to this message."
        ),
    ),
    "duplicate": (
        _("Your application for {posting} is already with us"),
        _(
            "Hello {first_name},\n\n"
            "you tried to apply for {posting} again. Your earlier application is still "
            "in process, so we kept it as it is. Here is your personal status link:\n"
            "{status_url}\n\nYou can expect to hear from me by {promised_by}."
        ),
    ),
    "moved": (
        _("Your application moved forward: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "good news: your application for {posting} has moved to the stage: {stage}.\n\n"
            "{stage_description}\n\n{note}"
            "I will contact you again by {promised_by}. Your status page:\n{status_url}"
        ),
    ),
    "rejected_screening": (
        _("Decision on your application: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "thank you for your application for {posting}. I read it carefully, and I am "
            "sorry to tell you that we did not choose you to continue after the stage "
            "{stage}.\n\n{note}"
            "The decision was not easy. You are welcome to apply for our other openings, "
            "and if you want to know more about the decision, reply to this message or "
            "call me.\n\nYour status page: {status_url}"
        ),
    ),
    "rejected_interview": (
        _("Decision after your interview: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "thank you for the time you gave us in the interviews for {posting}. We have "
            "now decided, and I am sorry to tell you that we chose another candidate.\n\n"
            "{note}"
            "I would like to tell you personally what decided the choice. Reply to this "
            "message or call me, and we will agree on a time for a short feedback call.\n\n"
            "Your status page: {status_url}"
        ),
    ),
    "hired": (
        _("Welcome to {employer}: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "we are happy to tell you that we chose you for {posting}.\n\n{note}"
            "I will contact you shortly about the next steps. Your status page:\n{status_url}"
        ),
    ),
    "withdrawn": (
        _("You withdrew your application: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "your application for {posting} is now withdrawn, as you asked. Thank you for "
            "your interest in {employer}; you are welcome to apply again later.\n\n"
            "Your status page: {status_url}"
        ),
    ),
}


def render(kind: str, language: str, values: dict[str, str]) -> tuple[str, str]:
    """Subject and body of a default message in `language`."""
    subject, body = DEFAULTS[kind]
    with override(language):
        subject, body, signature = str(subject), str(body), str(SIGNATURE)
    values = dict(values)
    note = values.get("note", "").strip()
    values["note"] = f"{note}\n\n" if note else ""
    text = re.sub(r"\n{3,}", "\n\n", fill(body, values))
    return fill(subject, values), f"{text}\n\n{fill(signature, values).strip()}\n"
