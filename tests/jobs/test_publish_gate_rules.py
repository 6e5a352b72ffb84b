"""The publish gate rule by rule: each gap gives exactly one problem, with its code, the
field it belongs to and the message the editor shows; the boundary next to it gives none."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from reilu.jobs.models import Posting
from reilu.jobs.rules import Problem, publish_problems, stage_order_problem
from tests.conftest import make_posting

DAY = dt.date(2026, 3, 2)


def problems(org, duties=None, stages=None, org_name=None, **changes):
    """The gate's answer for a complete draft changed in memory (as the editor checks it)."""
    posting = make_posting(org, publish=False)
    if org_name is not None:
        posting.organization.name = org_name
    for field, value in changes.items():
        setattr(posting, field, value)
    if duties is None:
        duties = list(posting.duties.all())
    if stages is None:
        stages = list(posting.stages.all())
    return [p.as_dict() for p in publish_problems(posting, duties=duties, stages=stages)]


def one(code, field, message):
    return [{"code": code, "field": field, "message": message}]


DUTY = type("Duty", (), {})


def duties(*percents):
    out = []
    for i, percent in enumerate(percents):
        duty = DUTY()
        duty.duty, duty.percent = f"Duty {i}", percent
        out.append(duty)
    return out


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"org_name": "  "},
            one("missing-employer", "organization", "Name the employer who is hiring."),
        ),
        ({"title": "  "}, one("missing-title", "title", "Give the job a title.")),
        (
            {"location": " ", "remote": "hybrid"},
            one(
                "missing-location",
                "location",
                "Say where the work is done, or mark the job fully remote.",
            ),
        ),
        ({"location": "", "remote": "full"}, []),
        (
            {"contact_name": " "},
            one("missing-contact", "contact_name", "Name a contact person candidates can ask."),
        ),
        (
            {"contact_email": " ", "contact_phone": " "},
            one(
                "missing-contact",
                "contact_email",
                "Give the contact person's email address or phone number.",
            ),
        ),
        ({"contact_email": ""}, []),
        ({"contact_phone": ""}, []),
        (
            {"pay_min": None},
            one(
                "missing-salary",
                "pay_min",
                "State the pay range: both the lowest and highest pay.",
            ),
        ),
        (
            {"pay_max": None},
            one(
                "missing-salary",
                "pay_min",
                "State the pay range: both the lowest and highest pay.",
            ),
        ),
        (
            {"pay_min": Decimal("5201"), "pay_max": Decimal("5200")},
            one("missing-salary", "pay_max", "The highest pay must not be lower than the lowest."),
        ),
        ({"pay_min": Decimal("5200"), "pay_max": Decimal("5200")}, []),
        (
            {"pay_min": Decimal("0")},
            one("missing-salary", "pay_min", "Pay must be more than zero."),
        ),
        ({"pay_min": Decimal("0.01")}, []),
        (
            {"pay_period": ""},
            one(
                "missing-salary",
                "pay_period",
                "Say the currency and whether pay is per hour, month or year.",
            ),
        ),
        (
            {"pay_currency": " "},
            one(
                "missing-salary",
                "pay_period",
                "Say the currency and whether pay is per hour, month or year.",
            ),
        ),
        (
            {"pay_currency": None},
            one(
                "missing-salary",
                "pay_period",
                "Say the currency and whether pay is per hour, month or year.",
            ),
        ),
        (
            {"duties": []},
            one("missing-duties", "duties", "List the duties with their share of working time."),
        ),
        (
            {"duties": duties(60, 30)},
            one(
                "missing-duties",
                "duties",
                "The duties' shares of working time add up to 90 %, not 100 %.",
            ),
        ),
        (
            {"duties": duties(70, None, 30)},
            [],
        ),
        (
            {"apply_by": None, "decision_by": DAY},
            one("missing-deadline", "apply_by", "Set the application deadline."),
        ),
        (
            {"decision_by": None},
            one(
                "missing-process-timeline",
                "decision_by",
                "Tell candidates by which date they will hear the decision.",
            ),
        ),
        (
            {"apply_by": DAY, "decision_by": DAY - dt.timedelta(days=1)},
            one(
                "missing-process-timeline",
                "decision_by",
                "The decision date cannot be before the application deadline.",
            ),
        ),
        (
            {
                "apply_by": DAY,
                "decision_by": DAY,
                "interviews_from": None,
                "interviews_to": None,
            },
            [],
        ),
        (
            {"interviews_from": DAY, "interviews_to": DAY - dt.timedelta(days=1)},
            one(
                "missing-process-timeline",
                "interviews_to",
                "The interview period ends before it starts.",
            ),
        ),
        ({"interviews_from": DAY, "interviews_to": DAY}, []),
        ({"interviews_from": None, "interviews_to": DAY}, []),
        (
            {"stages": []},
            one("missing-process-timeline", "stages", "Describe the stages of the process."),
        ),
    ],
)
def test_each_rule_gives_one_exact_problem(org, changes, expected):
    assert problems(org, **changes) == expected


def test_the_ad_checkers_errors_block_once_per_code_and_its_warnings_not_at_all(org):
    found = problems(
        org,
        description="Tell us your current salary. What is your salary now?",
        title="Salesman",  # a warning (gendered title): advice, not a block
    )
    assert [(p["code"], p["field"]) for p in found] == [("salary-history-question", "description")]
    assert found[0]["message"]


def test_a_gap_the_gate_names_is_not_repeated_by_the_ad_checker(org):
    # Without pay the ad checker also reports missing-salary; the gate's own message stays.
    found = problems(org, pay_min=None, pay_max=None)
    assert [p["code"] for p in found] == ["missing-salary"]


def test_a_problem_reads_as_a_dict_for_the_api():
    problem = Problem("missing-title", "title", "Give the job a title.")
    assert problem.as_dict() == {
        "code": "missing-title",
        "field": "title",
        "message": "Give the job a title.",
    }


def test_a_new_unsaved_draft_is_checked_without_touching_the_database(db):
    """The editor checks a draft before it is saved: no employer, duties or stages yet."""
    draft = Posting(title="Backend developer", language="en")
    found = [(p.code, p.field) for p in publish_problems(draft)]
    assert ("missing-employer", "organization") in found
    assert ("missing-duties", "duties") in found
    assert ("missing-process-timeline", "stages") in found


def test_the_ad_checker_reads_the_duties_being_edited_not_the_saved_ones(org):
    edited = duties(100)
    edited[0].duty = "Selling. Tell us your current salary."
    found = problems(org, duties=edited)
    assert [(p["code"], p["field"]) for p in found] == [("salary-history-question", "description")]


# --- The order of the stages (stage_order_problem) -----------------------------------------

ORDER = (
    "The stages go in this order: Received; then Screening, Interview and Assignment in any "
    "order; then Decision; then Offer."
)


@pytest.mark.parametrize(
    ("stages", "problem"),
    [
        ([("In", "received"), ("Talk", "interview"), ("Test", "assignment")], None),
        ([("Talk", "interview"), ("Screen", "screening"), ("Yes", "offer")], None),
        ([("Offer", "offer"), ("Second offer", "offer")], None),
        (
            [("In", "received"), ("Again", "received")],
            "The stage “Again” is of the kind “Received”, which only the first stage can be: "
            "an application is received before anything else happens to it.",
        ),
        (
            [("In", "received"), ("Decide", "decision"), ("Offer", "offer"), ("Late", "screening")],
            f"The stage “Late” (Screening) cannot come after “Decide” (Decision). {ORDER}",
        ),
        (
            [("Offer", "offer"), ("Decide", "decision")],
            f"The stage “Decide” (Decision) cannot come after “Offer” (Offer). {ORDER}",
        ),
        # A value that is no kind is the form's or the schema's to refuse; the rule looks
        # past it at the stages that follow.
        ([("In", "received"), ("Party", "party"), ("Screen", "screening")], None),
        (
            [("In", "received"), ("Party", "party"), ("Again", "received")],
            "The stage “Again” is of the kind “Received”, which only the first stage can be: "
            "an application is received before anything else happens to it.",
        ),
    ],
)
def test_the_stages_order_is_one_rule_with_one_message(stages, problem):
    assert stage_order_problem(stages) == problem


def test_the_stages_order_reads_in_finnish():
    with translation.override("fi"):
        problem = stage_order_problem(
            [("Saapunut", "received"), ("Päätös", "decision"), ("Haastattelu", "interview")]
        )
    assert problem is not None
    assert problem.startswith("Vaihe ”Haastattelu” (Haastattelu)"), problem
    assert "”Päätös” (Päätös)" in problem
