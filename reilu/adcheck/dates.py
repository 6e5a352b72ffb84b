"""Find dates, weeks and relative time limits in ad text (fi, sv, en)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .firstchars import compile_guarded

MONTHS_EN = str.split(
    "january february march april may june july august september october november december"
)
MONTHS_SV = "januari februari mars april maj juni juli augusti september oktober november december"
MONTHS_FI = str.split(
    "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu "
    "marraskuu joulukuu"
)
_EN = "|".join(sorted({*MONTHS_EN, *(m[:3] for m in MONTHS_EN)}, key=len, reverse=True))
_SV = "|".join(sorted(MONTHS_SV.split(), key=len, reverse=True))
_FI = "|".join(MONTHS_FI)
TIME = r"(?:\s+(?:klo|kl\.?|at)\s+\d{1,2}(?:[.:]\d{2})?)?"

PATTERNS = [
    (
        "numeric",
        r"(?<![\d.])(?=\d)(?:\d{1,2}\.?\s*[–-]\s*)?(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d])"
        + TIME,
    ),
    ("iso", r"(?<!\d)(?=\d{4}-)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
    (
        "day_month",
        rf"(?<!\d)(?=\d)(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+({_SV}|{_EN}|(?:{_FI})ta)\b\.?(?:\s+(\d{{4}}))?"
        + TIME,
    ),
    ("month_day", rf"\b(?=[jfmasond])({_EN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?"),
    (
        "month_end",
        rf"\b(?:{_FI})n\s+(?:loppuun|lopussa|alkuun|puoliväliin|loppua|alkua|puoliväliä)|"
        rf"\b(?:end|beginning|middle) of ({_EN})|\b(?:i\s+)?(?:slutet|början) av ({_SV})",
    ),
    (
        "numeric_range",
        r"(?<![\d.,])(?=\d)\d{1,2}\.?\s*[–-]\s*(\d{1,2})\.(\d{1,2})(?![\d.,]\d)",
    ),
    ("numeric_short", r"(?<![\d.,])(?=\d)(\d{1,2})\.(\d{1,2})(?!\d|[.,]\d)"),
    (
        "month",
        rf"\b(?:{_FI})(?:ssa|n\s+(?:aikana|alussa|alkupuolella|lopulla|loppupuolella|"
        rf"puolivälissä|kuluessa))\b|"
        rf"\b(?:i|under|före|efter|till|senast i)\s+(?:(?:början|slutet|mitten)\s+av\s+)?"
        rf"(?:{_SV})\b|"
        rf"\b(?:in|by|during|before|after|until)\s+(?:the\s+)?(?:(?:early|late|mid)[- ]|"
        rf"(?:first|second) half of |(?:beginning|middle|end) of )?(?:{_EN})\b|"
        rf"\b(?:early|late|mid)[- ](?:{_EN})\b",
    ),
    (
        "week",
        r"\b(?=[vw])(?:viiko(?:lla|illa|n|t)|week(?:s)?|vecka|veckorna|v\.|vko|vk\.?|wk\.?)"
        r"\s*\d{1,2}\b",
    ),
    (
        "relative",
        r"\b(?=[wiptas])(?:within|inom|in)\s+(?:\w+\s+){0,2}(?:working\s+)?(?:days?|weeks?|dagar|veckor|"
        r"arbetsdagar|vardagar)\b|\b(?:työ)?(?:päivän|viikon|arkipäivän|kuukauden|päivien|"
        r"viikkojen)\s+(?:sisällä|kuluessa|kuluttua)"
        r"|\bsame day\b|\bsamana päivänä\b|\bsamma dag\b|\bsaman viikon\b"
        r"|\b(?:next|this|the following) (?:week|month)\b|\b(?:ensi|tällä|seuraavalla) viikolla\b"
        r"|\b(?:nästa|denna|följande) vecka\b"
        # Times tied to the application period or a week of a month, written without numbers.
        r"|\b(?:ensimmäisellä|toisella|kolmannella|neljännellä|viimeisellä|ensi|tulevalla)\s+"
        r"viikolla\b|\b(?:first|second|third|last|final) week of\b|\bthe (?:week|day) after\b"
        r"|\b(?:hakuajan|haun)\s+(?:päätyttyä|jälkeen|aikana)\b|\bheti\s+hakuajan\b"
        r"|\b(?:after|once) (?:the )?(?:closing date|deadline|application period)"
        r"(?: (?:ends|closes))?\b"
        r"|\b(?:during|within) the application period\b"
        r"|\befter (?:ansökningstidens slut|att ansökningstiden (?:gått ut|löpt ut|har gått ut))"
        r"|\bunder ansökningstiden\b|\blöpande\b|\b(?:on a )?rolling basis\b"
        r"|\b(?:as soon as possible|asap|mahdollisimman pian|pikaisesti|så snart som möjligt|"
        r"snarast|shortly|promptly|without delay|viipymättä|immediately|heti|genast|omedelbart)\b"
        r"|\b(?:the )?(?:end|beginning|middle) of (?:the|this|next) (?:month|week)\b"
        r"|\bkuun (?:lopussa|loppuun|alussa|puolivälissä)\b|\b(?:i )?slutet av (?:månaden|veckan)\b"
        r"|\b(?:before|after|ennen|före|efter|till)\s+(?:easter|christmas|midsummer|the summer|"
        r"summer|pääsiäistä|joulua|juhannusta|kesää|påsk|jul|midsommar|sommaren)\b"
        r"|\b(?:pääsiäisen|joulun|juhannuksen|kesän)\s+(?:jälkeen|alla)\b"
        r"|\b(?:ansökningstidens|ansökningstiden)\s+(?:utgång|slut|gått ut)\b"
        r"|\befter sista ansökningsdag(?:en)?\b"
        r"|\b(?:jo\s+)?(?:hakuaikana|hakuajan aikana|haun aikana)\b"
        r"|\bsitä mukaa kuin?\b|\bas (?:applications|they) (?:come|arrive)"
        # A duration: "takes about three weeks", "kestää noin kaksi viikkoa".
        r"|\b(?:\d+|one|two|three|four|five|six|yksi|kaksi|kolme|neljä|viisi|kuusi|en|ett|två|tre|"
        r"fyra|fem|sex)\s+(?:weeks?|days?|viikkoa|päivää|veckor|dagar)\b",
    ),
]
MONTH_END_HINT = re.compile(
    r"loppu|lopussa|alkuun|puoliväli|end of|beginning of|middle of|slutet|början"
)
REGEX = {kind: compile_guarded(p, re.IGNORECASE) for kind, p in PATTERNS}
# "31.3" without the final dot is a date only where a date is expected; else it may be 3.5 years
SHORT_BEFORE = re.compile(
    r"(?<!\w)(?:senast|by|before|until|till|viimeistään|klo|kl|den|on|deadline|mennessä)\W{0,3}$",
    re.IGNORECASE,
)
SHORT_AFTER = re.compile(r"^\W{0,2}(?:mennessä|asti|saakka|klo|kl)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    kind: str  # "date", "week", "month" (a month named without a day) or "relative"
    value: dt.date | None


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    for months in (MONTHS_EN, MONTHS_SV.split(), MONTHS_FI):
        for i, month in enumerate(months, 1):
            if month.startswith(name[:3]) and (name.startswith(month[:3])):
                return i
    return 0


def _date(year: str | None, month: int, day: int) -> dt.date | None:
    y = int(year) if year else 2000
    if y < 100:
        y += 2000
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


def relative_spans(text: str) -> list[tuple[int, int]]:
    """Where relative time limits stand ("within five working days", "rolling basis")."""
    return [m.span() for m in REGEX["relative"].finditer(text)]


def find_dates(text: str, *, relative: bool = True) -> list[DateMatch]:
    """Dates, weeks and months; relative time limits too unless ``relative`` is False."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], kind: str, value: dt.date | None) -> None:
        if any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append(m.span())
        found.append(DateMatch(m.start(), m.end(), kind, value))

    for m in REGEX["numeric"].finditer(text):
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if 1 <= day <= 31 and 1 <= month <= 12:
            add(m, "date", _date(year, month, day))
    for m in REGEX["numeric_range"].finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            add(m, "date", _date(None, month, day))
    for m in REGEX["numeric_short"].finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        near = SHORT_BEFORE.search(text[max(0, m.start() - 20) : m.start()]) or SHORT_AFTER.match(
            text[m.end() : m.end() + 15]
        )
        if near and 1 <= day <= 31 and 1 <= month <= 12:
            add(m, "date", _date(None, month, day))
    for m in REGEX["iso"].finditer(text):
        add(m, "date", _date(m.group(1), int(m.group(2)), int(m.group(3))))
    for m in REGEX["day_month"].finditer(text):
        add(m, "date", _date(m.group(3), _month(m.group(2)), int(m.group(1))))
    for m in REGEX["month_day"].finditer(text):
        add(m, "date", _date(m.group(3), _month(m.group(1)), int(m.group(2))))
    lowered = text.lower()
    for kind in (
        ("month_end", "week", "month", "relative") if relative else ("month_end", "week", "month")
    ):
        if kind == "month_end" and not MONTH_END_HINT.search(lowered):
            continue
        for m in REGEX[kind].finditer(text):
            add(m, kind if kind != "month_end" else "date", None)
    found.sort(key=lambda d: d.start)
    return found
