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


KNOCKOUT_KINDS = ("yes_no", "one", "number")
# What meets a yes-or-no requirement may be written in the editor's language.
_YES_NO_WORDS = {"yes": YES, "kyllä": YES, "ja": YES, "no": NO, "ei": NO, "nej": NO}


def yes_no_word(text: str) -> str | None:
    """ "yes" or "no" for a yes/no word in fi, sv or en; None for anything else."""
    return _YES_NO_WORDS.get(text.strip().lower())


def knockout_problem(
    kind: str, options: list[str], knockout: str, requirement: str, requirements: list[str]
) -> str | None:
    """Why a question cannot screen as set, or None (also None when it does not screen).

    A question screens automatically only when it is tied to a requirement line the ad
    states; what meets it must be an answer the question can take.
    """
    knockout = (knockout or "").strip()
    if not knockout:
        return None
    if not requirement:
        return _(
            "A question can screen candidates only when it is tied to a requirement stated "
            "in the ad. Choose the requirement it asks about, or leave the answers that "
            "meet it empty."
        )
    if requirement not in requirements:
        return _("Tie the question to one of the requirement lines of the ad.")
    if kind not in KNOCKOUT_KINDS:
        return _("Only yes-or-no, one-choice and number questions can screen candidates.")
    if kind == "yes_no" and yes_no_word(knockout) is None:
        return _("Write yes or no: the answer that meets the requirement.")
    if kind == "one" and not set(choice_lines(knockout)) <= set(options):
        return _("Give the choices that meet the requirement exactly as they are written.")
    if kind == "number":
        try:
            answer_value("number", [], knockout)
        except ValueError:
            return _("Give the smallest number that meets the requirement.")
    return None


def answer_meets(kind: str, knockout: str, value: str) -> bool | None:
    """Whether a stored answer meets the requirement; None when the question does not screen
    or was not answered."""
    knockout = (knockout or "").strip()
    if not knockout or not value or kind not in KNOCKOUT_KINDS:
        return None
    if kind == "yes_no":
        return value == yes_no_word(knockout)
    if kind == "one":
        return value in choice_lines(knockout)
    try:
        return Decimal(value) >= Decimal(answer_value("number", [], knockout))
    except (ValueError, InvalidOperation):
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
