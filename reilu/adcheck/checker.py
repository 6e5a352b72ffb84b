"""Public entry points: check an ad text or a structured posting."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from . import language as language_mod
from . import process
from .ad import Ad, Shares, normalise
from .report import Finding, Report
from .rules import RULES

LANGUAGES = ("fi", "sv", "en")


class PostingError(ValueError):
    """A structured posting that cannot be checked (wrong field types)."""


def _check(ad: Ad) -> Report:
    findings = [f for rule in RULES for f in rule(ad)]
    return Report(language=ad.lang, findings=findings, advice_language=ad.reader or ad.lang)


def _reader(reader: str | None) -> str | None:
    if reader in (None, ""):
        return None
    if reader not in LANGUAGES:
        raise ValueError(f"unknown advice language {reader!r}; use one of fi, sv, en")
    return reader


def _language(text: str, language: str | None) -> str:
    if language is None or language == "":
        return language_mod.detect(text)
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of fi, sv, en")
    return language


def check(text: str, language: str | None = None, reader: str | None = None) -> Report:
    """Check a job-ad text. Spans are character offsets into ``text``.

    ``language`` is the ad's (guessed when None); ``reader`` the language of the advice.
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    text = normalise(text)
    return _check(Ad(text=text, lang=_language(text, language), reader=_reader(reader)))


def _str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise PostingError(f"field {key!r} must be text")
    return str(value).strip()


def _duties(data: Mapping[str, Any]) -> list[tuple[str, float]]:
    duties = data.get("duties") or []
    if not isinstance(duties, list):
        raise PostingError("field 'duties' must be a list of {duty, percent}")
    rows = []
    for item in duties:
        if not isinstance(item, Mapping) or not isinstance(item.get("duty", ""), str):
            raise PostingError("each duty must be an object with 'duty' and 'percent'")
        percent = item.get("percent", 0) or 0
        if isinstance(percent, bool) or not isinstance(percent, int | float):
            raise PostingError("a duty's 'percent' must be a number")
        if item.get("duty", "").strip():
            rows.append((item["duty"].strip(), float(percent)))
    return rows


def _shares(duties: list[tuple[str, float]]) -> Shares:
    if not any(p for _, p in duties):
        return None, None
    lead = sum(p for d, p in duties if process.LEADING.search(d))
    field = sum(p for d, p in duties if not process.LEADING.search(d) and process.FIELD.search(d))
    return round(lead), round(field)


def check_posting(data: Mapping[str, Any], reader: str | None = None) -> Report:
    """Check a structured posting; stated fields count directly, free text gets the text rules.

    Spans point into the posting's description when the finding lies in it, else None.
    """
    if not isinstance(data, Mapping):
        raise PostingError("a posting must be a JSON object")
    title = _str(data, "title")
    _str(data, "description")  # type check only: spans must index the description as given
    description = str(data.get("description") or "")
    requirements = _str(data, "requirements")
    duties = _duties(data)
    organization = (
        _str(data, "organization") or _str(data, "employer") or _str(data, "organization_name")
    )
    remote = _str(data, "remote").lower()
    pay = data.get("pay_min") not in (None, "") or data.get("pay_max") not in (None, "")
    for key in ("pay_min", "pay_max"):
        value = data.get(key)
        if value not in (None, "") and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            raise PostingError(f"field {key!r} must be a number")
    facts = {
        "employer": bool(organization),
        "location": bool(_str(data, "location")) or remote in {"hybrid", "full"},
        "contact": bool(_str(data, "contact_name"))
        and bool(_str(data, "contact_email") or _str(data, "contact_phone")),
        "pay": pay,
        "deadline": bool(_str(data, "apply_by")),
        "timeline": any(_str(data, k) for k in ("interviews_from", "interviews_to", "decision_by")),
        "duties": bool(duties),
    }
    shares = _shares(duties) if duties and any(p for _, p in duties) else None
    title, description, requirements = map(normalise, (title, description, requirements))
    duties = [(normalise(d), p) for d, p in duties]
    body = "\n\n".join(part for part in (title, description) if part)
    extra = "\n".join(d for d, _ in duties)
    text = "\n\n".join(part for part in (body, extra, requirements) if part)
    try:
        lang = _language(text, _str(data, "language") or None)
    except ValueError as exc:
        raise PostingError(str(exc)) from exc
    try:
        advice = _reader(reader)
    except ValueError as exc:
        raise PostingError(str(exc)) from exc
    ad = Ad(
        text=text,
        lang=lang,
        reader=advice,
        facts=facts,
        title_override=title or None,
        shares=shares,
    )
    report = _check(ad)
    offset = len(title) + 2 if title and description else 0
    report.findings = [_shift(f, offset, len(description)) for f in report.findings]
    return report


def _shift(f: Finding, offset: int, length: int) -> Finding:
    if f.start is None or f.end is None:
        return f
    start, end = f.start - offset, f.end - offset
    if 0 <= start <= end <= length:
        return replace(f, start=start, end=end)
    return replace(f, start=None, end=None)
