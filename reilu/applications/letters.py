"""The applications area's wording: the letters to candidates an employer may reword, and
the fixed mail to staff and to people asking for their links.

Rendered by reilu.messaging.texts (render for the letters, compose for the fixed ones);
registered from ApplicationsConfig.ready().
"""

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from reilu.formatting import fmt_date
from reilu.messaging.texts import Letter

# The placeholders every candidate letter may use (reilu.interviews and reilu.voice fill
# the same ones).
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
    # A document asked for (reilu.applications.documents): what, and by when.
    "document",
    "due",
)


def sample_values(org: Any, language: str) -> dict[str, str]:
    """What the editor's preview fills in (called in the editor's language)."""
    return {
        "first_name": "Aino",
        "posting": gettext("Customer service advisor"),
        "employer": org.name,
        "stage": gettext("Interview"),
        "stage_description": gettext("You meet the people you would work with."),
        "contact_name": "Laura Nieminen",
        "contact_email": "laura@example.com",
        "contact_phone": "040 123 4567",
        "promised_by": fmt_date(timezone.localdate() + dt.timedelta(days=7), language),
        "note": gettext("Thank you for the thoughtful portfolio."),
        "status_url": "https://reilu.example/status/…/",
        "document": gettext("Copy of your nursing licence"),
        "due": fmt_date(timezone.localdate() + dt.timedelta(days=5), language),
    }


LETTERS = {
    "received": Letter(
        label=_("Application received"),
        subject=_("We received your application: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "thank you for applying for {posting} at {employer}. Your application has "
            "arrived and is now in the stage: {stage}.\n\n{stage_description}\n\n"
            "I will contact you by {promised_by} at the latest. You can follow your "
            "application at any time here:\n{status_url}\n\n"
            "If you have questions, just reply to this message."
        ),
    ),
    "moved": Letter(
        label=_("Moved to a stage"),
        subject=_("Your application moved forward: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "good news: your application for {posting} has moved to the stage: {stage}.\n\n"
            "{stage_description}\n\n{note}"
            "I will contact you again by {promised_by}. Your status page:\n{status_url}"
        ),
    ),
    "interview_invitation": Letter(
        label=_("Interview invitation"),
        subject=_("Invitation to an interview: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "thank you for your application for {posting}. We would like to meet you in "
            "an interview.\n\n{stage_description}\n\n{note}"
            "I will send you the time and place, or a link to book a time yourself, by "
            "{promised_by}. Your status page:\n{status_url}"
        ),
    ),
    "rejected_screening": Letter(
        label=_("Not chosen after screening"),
        subject=_("Decision on your application: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "thank you for your application for {posting}. I read it carefully, and I am "
            "sorry to tell you that we did not choose you to continue after the stage "
            "{stage}.\n\n{note}"
            "The decision was not easy. You are welcome to apply for our other openings, "
            "and if you want to know more about the decision, reply to this message or "
            "call me.\n\nYour status page: {status_url}"
        ),
    ),
    "rejected_interview": Letter(
        label=_("Not chosen after an interview"),
        subject=_("Decision after your interview: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "thank you for the time you gave us in the interviews for {posting}. We have "
            "now decided, and I am sorry to tell you that we chose another candidate.\n\n"
            "{note}"
            "I would like to tell you personally what decided the choice. Reply to this "
            "message or call me, and we will agree on a time for a short feedback call.\n\n"
            "Your status page: {status_url}"
        ),
    ),
    "hired": Letter(
        label=_("Hired"),
        subject=_("Welcome to {employer}: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "we are happy to tell you that we chose you for {posting}.\n\n{note}"
            "I will contact you shortly about the next steps. Your status page:\n{status_url}"
        ),
    ),
    "promise_lapsed": Letter(
        label=_("Promise lapsed: we are late"),
        subject=_("We are late with your application: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "I promised to be in touch about your application for {posting} by now, and I "
            "have not been. I am sorry. Your application is still in the stage: {stage}, and "
            "nothing has been decided yet.\n\n"
            "I will contact you by {promised_by}. You can always see where your application "
            "stands here:\n{status_url}"
        ),
    ),
    "decision_late": Letter(
        label=_("Decision date passed"),
        subject=_("The decision on {posting} is taking longer"),
        body=_(
            "Hello {first_name},\n\n"
            "we hoped to decide on {posting} by now, but we need more time. Your application "
            "is in the stage: {stage}. I will contact you by {promised_by}.\n\n"
            "Your status page:\n{status_url}"
        ),
    ),
    "withdrawn": Letter(
        label=_("Withdrawal confirmed"),
        subject=_("You withdrew your application: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "your application for {posting} is now withdrawn, as you asked. Thank you for "
            "your interest in {employer}; you are welcome to apply again later.\n\n"
            "Your status page: {status_url}"
        ),
    ),
    "posting_cancelled": Letter(
        label=_("Posting cancelled"),
        subject=_("The job {posting} has been cancelled"),
        body=_(
            "Hello {first_name},\n\n"
            "I am sorry to tell you that {employer} has cancelled the recruitment for "
            "{posting}. Nobody will be hired for it now, so your application will not go "
            "further.\n\n{note}"
            "Thank you for the time you gave us. You are welcome to apply for our other "
            "openings.\n\nYour status page: {status_url}"
        ),
    ),
    "contact_changed": Letter(
        label=_("New contact person"),
        subject=_("Your new contact person: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "from now on {contact_name} is your contact person for {posting}. You will hear "
            "from us by {promised_by}.\n\nYour status page:\n{status_url}"
        ),
    ),
    "promise_changed": Letter(
        label=_("A new promised date"),
        subject=_("A new date for your application: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "your application for {posting} is in the stage: {stage}. I will contact you "
            "by {promised_by}.\n\n{note}"
            "Your status page:\n{status_url}"
        ),
    ),
    "thread_answer": Letter(
        label=_("Answer to a question"),
        subject=_("An answer to your question: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "{contact_name} answered your question about {posting}:\n\n{note}"
            "You can reply to this message, or write on your status page:\n{status_url}"
        ),
    ),
    "question_late": Letter(
        label=_("Answer to a question is late"),
        subject=_("Your question is still waiting for an answer: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "I promised to answer your question about {posting} by now, and I have not. "
            "I am sorry. I will answer by {promised_by}.\n\n"
            "Your question and the answer will be on your status page:\n{status_url}"
        ),
    ),
    "document_requested": Letter(
        label=_("A document requested"),
        subject=_("Please send us a document: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "for your application for {posting} at {employer}, please send us this "
            "document:\n\n{document}\n\nPlease send it by {due}.\n\n{note}"
            "You can upload it on your status page (a PDF, Word, OpenDocument, RTF or text "
            "file):\n{status_url}\n\n"
            "If you have questions, ask me, {contact_name}: just reply to this message."
        ),
    ),
    "document_cancelled": Letter(
        label=_("A document no longer needed"),
        subject=_("You need not send the document: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "we asked you for this document for your application for {posting} at "
            "{employer}:\n\n{document}\n\nWe no longer need it, so you need not send it. "
            "Nothing else about your application changes; you can follow it here:\n"
            "{status_url}\n\n"
            "If you have questions, ask me, {contact_name}: just reply to this message."
        ),
    ),
    "duplicate": Letter(
        label=_("Applied twice"),
        subject=_("Your application for {posting} is already with us"),
        body=_(
            "Hello {first_name},\n\n"
            "you tried to apply for {posting} again. Your earlier application is still "
            "in process, so we kept it as it is. Here is your personal status link:\n"
            "{status_url}\n\nYou can expect to hear from me by {promised_by}."
        ),
    ),
}

# Fixed wording, filled with %(name)s values by reilu.messaging.texts.compose.
STATUS_LINK_LINE = _("%(title)s – %(employer)s (%(state)s)\n%(link)s")
STATUS_LINKS = (
    _("Your application status links"),
    _(
        "Hello,\n\nyou asked for the links to your applications. Each link opens your "
        "own status page: where the application stands, who your contact person is "
        "and when you will hear next. Keep the links to yourself.\n\n%(links)s\n\n"
        "If you did not ask for this, you can ignore this message: the links were "
        "sent only to you."
    ),
)
# Plural by the "count" value: one candidate is not "1 candidates".
DECISION_REMINDER = (
    ngettext_lazy(
        "%(count)s candidate still waits for a decision: %(posting)s",
        "%(count)s candidates still wait for a decision: %(posting)s",
        "count",
    ),
    ngettext_lazy(
        "The decision date of %(posting)s is %(date)s, and %(count)s candidate "
        "is still in process. Please decide, or set a new date so they "
        "know when to expect news: %(url)s",
        "The decision date of %(posting)s is %(date)s, and %(count)s candidates "
        "are still in process. Please decide, or set them a new date so they "
        "know when to expect news: %(url)s",
        "count",
    ),
)
PROMISE_LAPSED_ALERT = (
    _("A promise to %(name)s lapsed"),
    _(
        "You promised to contact %(name)s (%(posting)s, stage %(stage)s) by %(missed)s. "
        "Reilu has told the candidate that we are late and promised a new date, "
        "%(new)s.\n\nPlease contact them before then: %(url)s"
    ),
)
# The conversation with the contact person (reilu.applications.thread): mail to staff.
THREAD_QUESTION = (
    _("%(name)s asks: %(posting)s"),
    _(
        "%(name)s (%(posting)s) wrote to you:\n\n%(text)s\n\n"
        "Reilu has promised them an answer by %(due)s. Answer in the workspace; the answer "
        "reaches them by email and on their status page:\n%(url)s"
    ),
)
THREAD_LAPSED_ALERT = (
    _("A question from %(name)s is still unanswered"),
    _(
        "%(name)s (%(posting)s) was promised an answer by %(missed)s. Reilu has told them "
        "that we are late and promised an answer by %(new)s.\n\nTheir question:\n%(text)s"
        "\n\nPlease answer in the workspace: %(url)s"
    ),
)
# A requested document arrived (reilu.applications.documents): mail to the contact person.
DOCUMENT_RECEIVED = (
    _("%(name)s sent a document: %(posting)s"),
    _(
        "%(name)s (%(posting)s) sent the document you asked for:\n\n%(document)s\n\n"
        "It is on the application's page in the workspace:\n%(url)s"
    ),
)
