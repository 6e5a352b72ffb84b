"""One function per finding code. Each takes an Ad and returns its findings."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from . import entities, money, process, wording
from .ad import Ad, Span
from .firstchars import compile_guarded
from .lexicon import phrases
from .messages import message
from .report import CODES, Finding

Rule = Callable[[Ad], list[Finding]]


def finding(ad: Ad, code: str, span: Span | None = None, **values: str) -> Finding:
    if span is not None:
        values.setdefault("quote", " ".join(ad.text[span[0] : span[1]].split()))
    text = message(code, ad.reader or ad.lang, **values)
    start, end = span if span else (None, None)
    return Finding(code, CODES[code], text, start, end)


def _fact(ad: Ad, key: str) -> bool:
    return bool(ad.facts.get(key))


def _first(name: str, ad: Ad, kind: str | None = None) -> list[Span]:
    pattern = phrases(name, kind)[ad.lang]
    return [m.span() for m in pattern.finditer(ad.text)] if pattern else []


def _refused(ad: Ad, span: Span) -> bool:
    """True when the sentence promises not to ask ("we won't ask for your salary")."""
    start, _ = ad.sentence_at(span[0])
    pattern = phrases("pay_phrases.tsv", "refusal")[ad.lang]
    return bool(pattern and pattern.search(ad.text[start : span[0]]))


NEGATED = compile_guarded(
    r"(?<!\w)(?:not|no need|don'?t|do not|doesn'?t|ei|eikä|älä|ei tarvitse|inte|behöver inte)"
    r"(?!\w)",
    re.IGNORECASE,
)


def _negated(ad: Ad, span: Span) -> bool:
    start, _ = ad.sentence_at(span[0])
    return bool(NEGATED.search(ad.text, max(start, span[0] - 40), span[0]))


def _pay(ad: Ad) -> dict[str, Any]:
    if "pay" not in ad.memo:
        vague = _first("pay_phrases.tsv", ad, "vague") + money.pay_groups(ad.text)
        figure = (
            _fact(ad, "pay")
            or any(a.kind == "pay" for a in ad.amounts)
            or any(
                not any(a.start <= s < a.end for a in ad.amounts if a.kind == "commission")
                for s, _ in money.bare_pay_figures(ad.text)
            )
        )
        commission = _first("pay_phrases.tsv", ad, "commission")
        if not (commission or figure or vague):
            # Pay stated only as commission figures ("45 € jokaisesta kaupasta", "8 % av
            # varje affär") and nothing fixed is commission-only pay, however it is worded.
            commission = [
                (a.start, a.end) for a in ad.amounts if a.kind == "commission"
            ] + money.commission_shares(ad.text)
        ad.memo["pay"] = {
            "commission": sorted(commission),
            "figure": figure,
            "vague": sorted(vague),
        }
    return ad.memo["pay"]


def missing_employer(ad: Ad) -> list[Finding]:
    if _fact(ad, "employer"):
        return []
    client = entities.unnamed_client(ad.text)
    if client:
        return [finding(ad, "missing-employer", client)]
    if not entities.has_organisation(ad.text):
        return [finding(ad, "missing-employer")]
    return []


def missing_location(ad: Ad) -> list[Finding]:
    if _fact(ad, "location") or entities.has_place(ad.text):
        return []
    return [finding(ad, "missing-location")]


def missing_contact(ad: Ad) -> list[Finding]:
    if _fact(ad, "contact") or entities.contact_person(ad.text):
        return []
    return [finding(ad, "missing-contact")]


def commission_only_pay(ad: Ad) -> list[Finding]:
    spans = _pay(ad)["commission"]
    return [finding(ad, "commission-only-pay", spans[0])] if spans else []


def missing_salary(ad: Ad) -> list[Finding]:
    pay = _pay(ad)
    if pay["commission"] or pay["figure"] or pay["vague"]:
        return []
    return [finding(ad, "missing-salary")]


def vague_salary(ad: Ad) -> list[Finding]:
    pay = _pay(ad)
    if pay["commission"] or pay["figure"] or not pay["vague"]:
        return []
    return [finding(ad, "vague-salary", pay["vague"][0])]


def salary_history_question(ad: Ad) -> list[Finding]:
    spans = [s for s in _first("pay_phrases.tsv", ad, "history") if not _refused(ad, s)]
    return [finding(ad, "salary-history-question", s) for s in spans[:1]]


def salary_expectation_request(ad: Ad) -> list[Finding]:
    if _pay(ad)["figure"]:
        return []
    spans = [s for s in _first("pay_phrases.tsv", ad, "expectation") if not _refused(ad, s)]
    return [finding(ad, "salary-expectation-request", s) for s in spans[:1]]


def missing_deadline(ad: Ad) -> list[Finding]:
    if _fact(ad, "deadline") or process.deadline_span(ad):
        return []
    return [finding(ad, "missing-deadline")]


def missing_process_timeline(ad: Ad) -> list[Finding]:
    if _fact(ad, "timeline") or process.has_timeline(ad):
        return []
    return [finding(ad, "missing-process-timeline")]


def gendered_title(ad: Ad) -> list[Finding]:
    title, title_span = ad.title
    hit = wording.gendered_title(title)
    if not hit:
        return []
    (start, end), word, neutral = hit
    span = (title_span[0] + start, title_span[0] + end) if title_span else None
    return [finding(ad, "gendered-title", span, quote=word, neutral=neutral)]


def gender_coded_wording(ad: Ad) -> list[Finding]:
    stacked = wording.stacked_coding(ad.text, ad.lang)
    if not stacked:
        return []
    gender, hits = stacked
    words = ", ".join(dict.fromkeys(h.word.lower() for h in hits))
    span = (hits[0].start, hits[-1].end)
    return [finding(ad, "gender-coded-wording", span, gender=gender, words=words)]


def _distinct(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for s in sorted(spans):
        if not kept or s[0] >= kept[-1][1]:
            kept.append(s)
    return kept


def age_requirement(ad: Ad) -> list[Finding]:
    spans = _distinct([s for s in _first("age_phrases.tsv", ad) if not _negated(ad, s)])
    return [finding(ad, "age-requirement", s) for s in spans]


def native_speaker_requirement(ad: Ad) -> list[Finding]:
    spans = _distinct([s for s in _first("native_phrases.tsv", ad) if not _negated(ad, s)])
    return [finding(ad, "native-speaker-requirement", s) for s in spans]


def _inflation_reason(ad: Ad) -> str | None:
    if process.DOOR_TO_DOOR.search(ad.text):
        return "door"
    if _pay(ad)["commission"]:
        return "commission"
    lead, field = ad.shares or process.work_shares(ad)
    if lead is not None and lead >= 50:
        return None
    if field is not None and field >= 50:
        return "field"
    if (lead is not None and lead < 30) or process.few_leadership_hours(ad):
        return "little"
    return None


def title_inflation(ad: Ad) -> list[Finding]:
    title, title_span = ad.title
    m = process.LEADER_TITLE.search(title)
    if not m:
        return []
    reason = _inflation_reason(ad)
    if not reason:
        return []
    span = (title_span[0] + m.start(), title_span[0] + m.end()) if title_span else None
    return [finding(ad, "title-inflation", span, quote=m.group(), reason=reason)]


def missing_duties(ad: Ad) -> list[Finding]:
    if _fact(ad, "duties") or process.has_duties(ad):
        return []
    return [finding(ad, "missing-duties")]


RULES: list[Rule] = [
    missing_employer,
    missing_location,
    missing_contact,
    missing_salary,
    vague_salary,
    salary_history_question,
    salary_expectation_request,
    missing_deadline,
    missing_process_timeline,
    gendered_title,
    gender_coded_wording,
    age_requirement,
    native_speaker_requirement,
    title_inflation,
    commission_only_pay,
    missing_duties,
]
