"""The publish gate: what a posting must state before anyone can see it (S1, S2, S4, S5).

Problems use the finding codes of the ad checker so the editor, the API and the checker
speak one language.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from reilu.jobs.models import DutyShare, Posting, Question, Stage


@dataclass(frozen=True)
class Problem:
    code: str
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "message": self.message}


def pay_range_problem(low: Decimal | None, high: Decimal | None) -> str | None:
    """The message when the highest pay is below the lowest; None for a range that is fine
    or not complete (whether both are given is the publish gate's question).

    The one pay-range rule for the editor's form, the posting services, the API and the
    publish gate; the table's check constraint (pay_min_not_above_max) is the last guard.
    """
    if low is not None and high is not None and low > high:
        return _("The highest pay must not be lower than the lowest.")
    return None


# The order a process goes in, by stage kind: the application is received, then screened,
# interviewed and given assignments in any order the employer likes, then decided on, then
# offered the job. A stage may not come before the stages of an earlier rank.
STAGE_KIND_RANK = {
    "received": 0,
    "screening": 1,
    "interview": 1,
    "assignment": 1,
    "decision": 2,
    "offer": 3,
}


def stage_order_problem(stages: list[tuple[str, str]]) -> str | None:
    """Why stages (name, kind), in their order, cannot be a process; None if they can.

    The one rule for the editor's form, the posting services and the API: "Received" is the
    first stage only, and no stage comes after one that belongs later in a process (nothing
    but an offer after the decision, nothing after the offer but another offer).
    """
    from reilu.jobs.models import Stage

    def label(kind: str) -> str:
        return str(Stage.Kind(kind).label)

    for n, (name, kind) in enumerate(stages):
        if kind not in STAGE_KIND_RANK:
            # Not a kind at all: the form's or the schema's own check says so.
            continue
        if kind == "received" and n > 0:
            return _(
                "The stage “%(name)s” is of the kind “%(kind)s”, which only the first stage "
                "can be: an application is received before anything else happens to it."
            ) % {"name": name, "kind": label(kind)}
        earlier = [(m, k) for m, k in stages[:n] if k in STAGE_KIND_RANK]
        later = [e for e in earlier if STAGE_KIND_RANK[e[1]] > STAGE_KIND_RANK[kind]]
        if later:
            before_name, before_kind = later[0]
            return _(
                "The stage “%(name)s” (%(kind)s) cannot come after “%(before)s” "
                "(%(before_kind)s). The stages go in this order: Received; then Screening, "
                "Interview and Assignment in any order; then Decision; then Offer."
            ) % {
                "name": name,
                "kind": label(kind),
                "before": before_name,
                "before_kind": label(before_kind),
            }
    return None


def publish_problems(
    posting: "Posting",
    duties: list["DutyShare"] | None = None,
    stages: list["Stage"] | None = None,
    questions: list["Question"] | None = None,
) -> list[Problem]:
    """Every item missing before `posting` may be published, in the active language.

    `duties`, `stages` and `questions` may be given as unsaved lists (the editor checks a
    form before saving); otherwise they are read from the database. An application question
    the ad checker finds unlawful (pay history, age, family, health, ...) blocks publishing,
    one problem per question and code, with the field `questions-<n>` of its row.
    """
    if duties is None:
        duties = list(posting.duties.all()) if posting.pk else []
    if stages is None:
        stages = list(posting.stages.all()) if posting.pk else []
    problems: list[Problem] = []

    def add(code: str, field: str, message: str) -> None:
        problems.append(Problem(code, field, message))

    org = getattr(posting, "organization", None)
    if org is None or not org.name.strip():
        add("missing-employer", "organization", _("Name the employer who is hiring."))
    if not posting.title.strip():
        add("missing-title", "title", _("Give the job a title."))
    if not posting.location.strip() and posting.remote != "full":
        add(
            "missing-location",
            "location",
            _("Say where the work is done, or mark the job fully remote."),
        )
    if not posting.contact_name.strip():
        add("missing-contact", "contact_name", _("Name a contact person candidates can ask."))
    elif not (posting.contact_email.strip() or posting.contact_phone.strip()):
        add(
            "missing-contact",
            "contact_email",
            _("Give the contact person's email address or phone number."),
        )
    if posting.pay_min is None or posting.pay_max is None:
        add("missing-salary", "pay_min", _("State the pay range: both the lowest and highest pay."))
    elif message := pay_range_problem(posting.pay_min, posting.pay_max):
        add("missing-salary", "pay_max", message)
    elif posting.pay_min <= 0:
        add("missing-salary", "pay_min", _("Pay must be more than zero."))
    if not posting.pay_period or not (posting.pay_currency or "").strip():
        add(
            "missing-salary",
            "pay_period",
            _("Say the currency and whether pay is per hour, month or year."),
        )
    total = sum(d.percent or 0 for d in duties)
    if not duties:
        add(
            "missing-duties",
            "duties",
            _("List the duties with their share of working time."),
        )
    elif total != 100:
        add(
            "missing-duties",
            "duties",
            _("The duties' shares of working time add up to %(total)s %%, not 100 %%.")
            % {"total": total},
        )
    if posting.apply_by is None:
        add("missing-deadline", "apply_by", _("Set the application deadline."))
    if posting.decision_by is None:
        add(
            "missing-process-timeline",
            "decision_by",
            _("Tell candidates by which date they will hear the decision."),
        )
    elif posting.apply_by and posting.decision_by < posting.apply_by:
        add(
            "missing-process-timeline",
            "decision_by",
            _("The decision date cannot be before the application deadline."),
        )
    start, end = posting.interviews_from, posting.interviews_to
    if start and end and end < start:
        add(
            "missing-process-timeline",
            "interviews_to",
            _("The interview period ends before it starts."),
        )
    if not stages:
        add(
            "missing-process-timeline",
            "stages",
            _("Describe the stages of the process."),
        )
    # The ad checker's errors block publishing too; its warnings are advice only.
    from reilu.jobs.adcheck import check_ad, check_questions

    seen = {p.code for p in problems}
    for finding in check_ad(posting, duties).findings:
        if finding.severity == "error" and finding.code not in seen:
            seen.add(finding.code)
            add(finding.code, "description", finding.message)
    if questions is None:
        questions = list(posting.questions.all()) if posting.pk else []
    for n, (question, found) in enumerate(
        zip(questions, check_questions(posting, questions), strict=True)
    ):
        for finding in found:
            if finding.severity == "error":
                add(finding.code, f"questions-{n}", f"“{question.text}”: {finding.message}")
    return problems
