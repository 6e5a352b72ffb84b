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
    "interview_invitation": (
        _("Invitation to an interview: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "thank you for your application for {posting}. We would like to meet you in "
            "an interview.\n\n{stage_description}\n\n{note}"
            "I will send you the time and place, or a link to book a time yourself, by "
            "{promised_by}. Your status page:\n{status_url}"
        ),
    ),
    "promise_lapsed": (
        _("We are late with your application: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "I promised to be in touch about your application for {posting} by now, and I "
            "have not been. I am sorry. Your application is still in the stage: {stage}, and "
            "nothing has been decided yet.\n\n"
            "I will contact you by {promised_by}. You can always see where your application "
            "stands here:\n{status_url}"
        ),
    ),
    "decision_late": (
        _("The decision on {posting} is taking longer"),
        _(
            "Hello {first_name},\n\n"
            "we hoped to decide on {posting} by now, but we need more time. Your application "
            "is in the stage: {stage}. I will contact you by {promised_by}.\n\n"
            "Your status page:\n{status_url}"
        ),
    ),
    "posting_cancelled": (
        _("The job {posting} has been cancelled"),
        _(
            "Hello {first_name},\n\n"
            "I am sorry to tell you that {employer} has cancelled the recruitment for "
            "{posting}. Nobody will be hired for it now, so your application will not go "
            "further.\n\n{note}"
            "Thank you for the time you gave us. You are welcome to apply for our other "
            "openings.\n\nYour status page: {status_url}"
        ),
    ),
    "promise_changed": (
        _("A new date for your application: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "your application for {posting} is in the stage: {stage}. I will contact you "
            "by {promised_by}.\n\n{note}"
            "Your status page:\n{status_url}"
        ),
    ),
    "contact_changed": (
        _("Your new contact person: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "from now on {contact_name} is your contact person for {posting}. You will hear "
            "from us by {promised_by}.\n\nYour status page:\n{status_url}"
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
    "interview_booked": (
        _("Your interview time: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "thank you for booking a time for your interview for {posting}. Here are the "
            "details; the calendar invitation is attached.\n\n{note}"
            "If the time no longer suits you, you can move or cancel it on your status "
            "page:\n{status_url}"
        ),
    ),
    "interview_cancelled": (
        _("Your interview time was cancelled: {posting}"),
        _(
            "Hello {first_name},\n\n"
            "the interview time below for {posting} is now cancelled.\n\n{note}"
            "You can book a new time on your status page while times are open:\n{status_url}"
        ),
    ),
    "feedback_offer": (
        _("Would you like feedback on your interview? {posting}"),
        _(
            "Hello {first_name},\n\n"
            "you reached the interviews for {posting}, and I would like to tell you "
            "personally what decided the choice. You can book a short feedback call at a "
            "time that suits you, or ask for a written summary instead:\n{status_url}\n\n"
            "{note}There is no obligation: if you do not want feedback, you can say so "
            "on the same page."
        ),
    ),
    # reilu.voice: {status_url} is the candidate's own survey link here.
    "survey_invitation": (
        _("How did we do? {posting}"),
        _(
            "Hello {first_name},\n\n"
            "your process for {posting} at {employer} has ended. Would you tell us how it "
            "went for you? A few quick ratings and a comment if you wish, about two "
            "minutes. We see the answers only together with others, never with your name, "
            "and you decide whether your comment may be shown publicly.\n\n{status_url}\n\n"
            "Thank you for the time you gave us."
        ),
    ),
}


def default_text(kind: str, language: str) -> tuple[str, str]:
    subject, body = DEFAULTS[kind]
    with override(language):
        return str(subject), str(body)


def render(kind: str, language: str, values: dict[str, str], templates=None) -> tuple[str, str]:
    """Subject and body of a message in `language`: the employer's template or the default.

    `templates` maps (kind, language) to (subject, body) written by the employer.
    """
    custom = (templates or {}).get((kind, language))
    subject, body = custom or default_text(kind, language)
    with override(language):
        signature = str(SIGNATURE)
    values = dict(values)
    note = values.get("note", "").strip()
    values["note"] = f"{note}\n\n" if note else ""
    text = re.sub(r"\n{3,}", "\n\n", fill(body, values))
    return fill(subject, values), f"{text}\n\n{fill(signature, values).strip()}\n"
