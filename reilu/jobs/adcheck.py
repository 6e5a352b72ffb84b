"""The ad checker applied to a posting: what the editor shows and what blocks publishing."""

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from django.utils.translation import get_language

from reilu.adcheck import Finding, Report, check_posting
from reilu.adcheck.questions import check_question
from reilu.jobs.models import DutyShare, Posting, Question
from reilu.jobs.requirements import requirement_lines


def posting_as_dict(posting: Posting, duties: list[DutyShare] | None = None) -> dict:
    if duties is None:
        duties = list(posting.duties.all()) if posting.pk else []
    org = getattr(posting, "organization", None)

    def number(value: Decimal | None) -> float | None:
        return float(value) if value is not None else None

    def day(value: dt.date | None) -> str:
        return value.isoformat() if value else ""

    return {
        "title": posting.title,
        "description": posting.description,
        "requirements": posting.requirements,
        "language": posting.language,
        "location": posting.location,
        "remote": posting.remote,
        "employment_type": posting.employment_type,
        "organization": org.name if org else "",
        "duties": [{"duty": d.duty, "percent": d.percent} for d in duties],
        "pay_min": number(posting.pay_min),
        "pay_max": number(posting.pay_max),
        "pay_currency": posting.pay_currency,
        "pay_period": posting.pay_period,
        "contact_name": posting.contact_name,
        "contact_email": posting.contact_email,
        "contact_phone": posting.contact_phone,
        "apply_by": day(posting.apply_by),
        "interviews_from": day(posting.interviews_from),
        "interviews_to": day(posting.interviews_to),
        "decision_by": day(posting.decision_by),
    }


def advice_language() -> str | None:
    """The reader's language: the advice follows the interface, not the ad."""
    language = (get_language() or "")[:2]
    return language if language in ("fi", "sv", "en") else None


def check_ad(posting: Posting, duties: list[DutyShare] | None = None) -> Report:
    return check_posting(posting_as_dict(posting, duties), advice_language())


def check_questions(
    posting: Posting, questions: list[Question] | None = None
) -> list[list[Finding]]:
    """The checker's findings on each of the posting's questions (or the unsaved `questions`),
    in order, read against the requirement lines of the ad."""
    if questions is None:
        questions = list(posting.questions.all()) if posting.pk else []
    lines = requirement_lines(posting.requirements)
    reader = advice_language() or posting.language or "fi"
    return [
        check_question(
            q.text,
            choices=q.options(),
            requirements=lines,
            tied=bool(q.requirement) and q.requirement in lines,
            reader=reader,
        )
        for q in questions
    ]


def editor_score(report: Report, question_findings: list[list[Finding]]) -> int:
    """The score the editor shows: the ad's own, less the penalty of each error the checker
    finds in the application questions (once per code), so an ad whose question the
    publish gate refuses never shows as perfect."""
    errors = [f for found in question_findings for f in found if f.severity == "error"]
    return Report(report.language, [*report.findings, *errors]).score


@lru_cache(maxsize=4096)
def _published_ad_is_clean(pk: int, version: str) -> bool:
    posting = Posting.objects.select_related("organization").get(pk=pk)
    if any(f.severity == "error" for found in check_questions(posting) for f in found):
        return False
    return not check_ad(posting).has_errors


def ad_is_clean(posting: Posting) -> bool:
    """Whether a saved posting's ad has no checker errors; cached per process per edit.

    Every edit saves the posting, which moves `updated_at`, so a stale answer is impossible.
    """
    return _published_ad_is_clean(posting.pk, posting.updated_at.isoformat())
