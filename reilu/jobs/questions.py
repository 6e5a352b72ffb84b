"""Application questions: what a question must be, and what an answer to it may be.

One set of rules for the posting editor, the posting services, the apply form and the API.
Answers are stored as text: "yes"/"no", a number, the chosen option (several options one
per line), or the candidate's own text.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from reilu.textfields import CONTROL, MESSAGE

MAX_QUESTIONS = 20
MAX_CHOICES = 20
MAX_CHOICE_LENGTH = 200
SHORT_MAX = 300
LONG_MAX = 5000
NUMBER_LIMIT = Decimal("1000000000")
YES, NO = "yes", "no"


def choice_lines(text: str) -> list[str]:
    """The options of a choice question: one per line, blank lines and repeats dropped."""
    lines: list[str] = []
    for line in (text or "").splitlines():
        option = line.strip()
        if option and option not in lines:
            lines.append(option)
    return lines


def question_problem(kind: str, text: str, choices: str) -> str | None:
    """Why a question cannot be asked as written, or None."""
    from reilu.jobs.models import CHOICE_KINDS

    if not text.strip():
        return _("Write the question.")
    options = choice_lines(choices)
    if kind in CHOICE_KINDS:
        if len(options) < 2:
            return _("Give at least two choices, one per line.")
        if len(options) > MAX_CHOICES:
            return _("Give at most %(count)s choices.") % {"count": MAX_CHOICES}
        if any(len(o) > MAX_CHOICE_LENGTH for o in options):
            return _("A choice can be at most %(count)s characters long.") % {
                "count": MAX_CHOICE_LENGTH
            }
    elif options:
        return _("Only questions answered with one or several choices have choices.")
    return None


def answer_value(kind: str, options: list[str], raw: object) -> str:
    """The stored form of one answer, or ValueError with a message for the candidate.

    `raw` is what the form or the API gave: a string, a bool, a number or a list of
    strings. An empty answer is "" (whether one is required is the caller's question).
    """
    if raw is None or raw == "" or raw == []:
        return ""
    if kind == "yes_no":
        if raw is True or (isinstance(raw, str) and raw.strip().lower() == YES):
            return YES
        if raw is False or (isinstance(raw, str) and raw.strip().lower() == NO):
            return NO
        raise ValueError(_("Answer yes or no."))
    if kind == "one":
        if isinstance(raw, str) and raw in options:
            return raw
        raise ValueError(_("Choose one of the choices given."))
    if kind == "many":
        chosen = [raw] if isinstance(raw, str) else raw
        if not isinstance(chosen, list) or not all(
            isinstance(c, str) and c in options for c in chosen
        ):
            raise ValueError(_("Choose among the choices given."))
        return "\n".join(o for o in options if o in chosen)
    if kind == "number":
        if isinstance(raw, bool):
            raise ValueError(_("Answer with a number."))
        try:
            number = Decimal(str(raw).strip().replace(",", ".").replace("\u00a0", ""))
        except InvalidOperation:
            raise ValueError(_("Answer with a number.")) from None
        if not number.is_finite() or abs(number) >= NUMBER_LIMIT:
            raise ValueError(_("Answer with a number."))
        return format(number.normalize(), "f")
    if not isinstance(raw, str):
        raise ValueError(_("Answer in words."))
    limit = SHORT_MAX if kind == "short" else LONG_MAX
    text = raw.strip() if kind == "short" else raw.replace("\r\n", "\n").strip()
    if kind == "short" and CONTROL.search(text):
        raise ValueError(str(MESSAGE))
    if len(text) > limit:
        raise ValueError(_("Answer in at most %(count)s characters.") % {"count": limit})
    return text
