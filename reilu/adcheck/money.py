"""Find money figures in ad text and tell pay from other sums (budgets, discounts, revenue)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .firstchars import compile_guarded

_SEP = r"[ \u00a0\u202f]"
# 3 200 | 3 456,18 | 5,200 | 12.90 | 2800 | 45k
NUMBER = (
    rf"\d{{1,3}}(?:(?:{_SEP}|[.,])\d{{3}})+(?:[.,]\d{{1,2}})?(?!\d)|\d+(?:[.,]\d{{1,2}})?(?!\d)"
)
CURRENCY = (
    r"€|eur\b|euros?\b|euroa?\b|euron\b|e(?=\s*/)|kr\b|kronor\b|sek\b|usd\b|\$|£|gbp\b|"
    r"nok\b|dkk\b|,-|:-"
)
RANGE_SEP = r"\s*(?:[-–—]|to|till|–)\s*"
PERIOD = (
    r"(?:\s*/\s*|\s+(?:per|a|an|i|om|/)\s+(?:\d+[- ]minute\s+|\d+[- ]minuutin\s+)?)"
    r"(?P<unit>kk|kuukausi|kuukaudessa|month|mo|mån|månad|månaden|h|t|tunti|tunnilta|hour|hr|v|"
    r"timme|timmen|tim|vuosi|vuodessa|year|yr|annum|år|året|lesson|oppitunti|opetustunti|"
    r"lektion|meeting|kokous|kokoukselta|sammanträde|shift|vuoro|day|päivä|dag|week|viikko|vecka)"
    r"\b|\s+(?P<word>kuukaudessa|kuussa|tunnilta|tunnissa|vuodessa|monthly|hourly|yearly|"
    r"annually|per annum|i månaden|i timmen|om året|per månad|per timme|per år)\b"
)
AMOUNT = compile_guarded(
    # The lookahead lets the scan skip every position that cannot start an amount.
    r"(?=[€$£\deEsSuUgGnNdD])"
    rf"(?P<pre>(?:{CURRENCY})\s?)?(?P<low>{NUMBER})(?P<k>\s?k(?![\w]))?"
    rf"(?:{RANGE_SEP}(?:(?:{CURRENCY})\s?)?(?P<high>{NUMBER})(?P<k2>\s?k(?![\w]))?)?"
    rf"(?P<post>\s?(?:{CURRENCY}))?(?P<period>{PERIOD})?",
    re.IGNORECASE,
)
PAY_WORDS = compile_guarded(
    r"(?<!\w)(?:palk(?:ka|kaa|an|kaus\w*|kio\w*|oista)|palkkahaaruk\w*|tuntipalk\w*|"
    r"kuukausipalk\w*|peruspalk\w*|"
    r"kokonaispalk\w*|vuosipalk\w*|tehtäväkohtai\w*|ansio\w*|ansai\w*|tienaa\w*|tienest\w*|"
    r"salary|salaries|pay|paid|wages?|fee|fees|remuneration|compensation|earn\w*|hourly rate|ote|"
    r"rate|lön\w*|timlön\w*|månadslön\w*|grundlön\w*|arvode\w*|honorar\w*)(?!\w)",
    re.IGNORECASE,
)
NONPAY_WORDS = compile_guarded(
    r"(?<!\w)(?:\w*budget\w*|\w*budjet\w*|discount\w*|\w*alennu\w*|\w*alennus|\w*rabatt\w*|"
    r"mileage|kilometri\w*|km-korvau\w*|milersättning\w*|revenue|turnover|liikevaihto\w*|"
    r"omsättning\w*|kertakorvau\w*|one-off|investment\w*|funding|rahoitu\w*|under management|"
    r"price\w*|hinta\w*|hinnat|cost\w*|kustannu\w*|average sale|keskiosto\w*|bonus\w*|bonukse\w*|"
    r"tulospalkkio\w*|benefits?|lunch|lounas\w*|prize\w*|palkinto\w*|million|billion|miljoon\w*|"
    r"miljard\w*|miljon\w*|\w*etu|\w*edun|\w*förmån\w*|allowance\w*|\w*lisä|\w*lisät|"
    r"ersättning för|equity|osakkee\w*|worth|value|arvo|arvoinen)(?!\w)",
    re.IGNORECASE,
)
COMMISSION_AFTER = compile_guarded(
    r"^\s*(?:per\s+(?:sale|deal|contract|signed|closed|avslutat|sålt|försäljning|affär)|"
    r"for each|for every|jokaisesta|kustakin|myydystä|solmitusta|kaupasta|"
    r"(?:in\s+)?commission|provisio\w*|provision\w*)",
    re.IGNORECASE,
)
COMMISSION_BEFORE = compile_guarded(r"(?:commission|provisio\w*|provision\w*)\W*$", re.IGNORECASE)
PAY_GROUP = compile_guarded(
    r"(?<!\w)(?:vaativuusryhmä\w*|palkkaryhmä\w*|palkkaluok\w*|hinnoittelutunnu\w*|"
    r"tehtävänvaativuusluok\w*|lönegrupp\w*|löneklass\w*|pay grade|pay group|salary band)"
    r"\s*:?\s*[\w-]*\d",
    re.IGNORECASE,
)
BOUNDARY = compile_guarded(r"[.!?]\s|\n")
ADDED = compile_guarded(r"\+|(?<!\w)(?:plus|and|ja|sekä|och|samt)(?!\w)|,", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    low: float
    high: float
    currency: str
    period: str | None
    kind: str  # "pay", "commission", "nonpay" or "unknown"


def parse_number(raw: str) -> float:
    """Parse "3 200", "3 456,18", "5,200", "12.90" or "2800" as a float."""
    raw = re.sub(r"[ \u00a0\u202f]", "", raw)
    m = re.search(r"[.,](\d{1,2})$", raw)
    if m:
        whole, decimals = raw[: m.start()], m.group(1)
    else:
        whole, decimals = raw, ""
    whole = re.sub(r"[.,]", "", whole)
    return float(f"{whole}.{decimals}" if decimals else whole)


def _currency(token: str | None) -> str:
    token = (token or "").strip().lower()
    if token in {"kr", "kronor", "sek"}:
        return "SEK"
    return {"$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "nok": "NOK", "dkk": "DKK"}.get(
        token, "EUR"
    )


def _period(m: re.Match[str]) -> str | None:
    unit = (m.group("unit") or m.group("word") or "").lower()
    if not unit:
        return None
    if unit.startswith(("h", "t", "timm", "tim", "hour", "i timmen", "per timme")):
        return "HOUR"
    if unit.startswith(("kk", "kuu", "mo", "mån", "i månaden", "per månad")):
        return "MONTH"
    if unit == "v" or unit.startswith(
        ("vuo", "year", "yr", "ann", "år", "om året", "per å", "per an")
    ):
        return "YEAR"
    return unit.upper()


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in BOUNDARY.finditer(text, max(0, start - 200), start)), default=0)
    right = BOUNDARY.search(text, end)
    return max(left, start - 200), min(right.start() if right else len(text), end + 200)


def _kind(text: str, m: re.Match[str]) -> str:
    start, end = m.span()
    c_start, c_end = _clause(text, start, end)
    before = text[max(c_start, start - 60) : start]
    after = text[end : min(c_end, end + 40)]
    if COMMISSION_AFTER.match(after) or COMMISSION_BEFORE.search(before):
        return "commission"
    pay_dist = min((len(before) - p.end() for p in PAY_WORDS.finditer(before)), default=999)
    near_before = text[max(c_start, start - 30) : start]
    non_dist = min(
        (len(near_before) - n.end() for n in NONPAY_WORDS.finditer(near_before)), default=999
    )
    near_after = text[end : min(c_end, end + 30)]
    # "3 000 €/kk + vuorolisät", "14.20 €/h plus evening bonus": what follows a plus is extra
    near_after = ADDED.split(near_after, maxsplit=1)[0]
    non_after = NONPAY_WORDS.search(near_after)
    if non_after:
        non_dist = min(non_dist, non_after.start())
    if non_dist < pay_dist:
        return "nonpay"
    # A pay word right after the figure names it too: "3 200 € kuukausipalkka".
    if pay_dist < 999 or m.group("period") or PAY_WORDS.match(near_after.strip()):
        return "pay"
    return "unknown"


def _stands_alone(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[line_start:start] + text[end : len(text) if line_end < 0 else line_end]
    return not re.search(r"[^\W\d_]", rest)


def find_amounts(text: str) -> list[Amount]:
    """Every number written with a currency, classified as pay or not."""
    found = []
    for m in AMOUNT.finditer(text):
        if not (m.group("pre") or m.group("post")):
            continue
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "+"):
            continue
        low = parse_number(m.group("low")) * (1000 if m.group("k") else 1)
        high = (
            parse_number(m.group("high")) * (1000 if m.group("k2") else 1)
            if m.group("high")
            else low
        )
        if m.group("k2") and not m.group("k") and low < 1000 <= high:
            low *= 1000  # "4–5k €": the k belongs to both ends
        currency = _currency(m.group("pre") or m.group("post"))
        start = m.start()
        end = m.end() if m.group("period") else m.end("post") if m.group("post") else m.end()
        kind = _kind(text, m)
        if kind == "unknown" and _stands_alone(text, start, end):
            kind = "pay"  # a line that is only a sum ("💰 €3,400–3,900") states the pay
        found.append(Amount(start, end, low, high, currency, _period(m), kind))
    return found


# "Tuntipalkka 12,85–13,60", "Månadslön 2 480–2 650", "Hourly wage 13.40–14.20": a figure
# right after a pay word is pay even without a currency, when it is not a share, a duration
# or a count.
BARE_PAY = compile_guarded(
    r"(?<!\w)(?:\w*palk(?:ka|kaa|kaus|kio)|\w*lön(?:en)?|salary|wage|pay|hourly rate|"
    r"\w*arvode|ansiot)\s*(?::|on|är|is|of|alkaen|från|from|starting at|noin|ca\.?|n\.)?\s*"
    rf"(?P<low>{NUMBER})(?:{RANGE_SEP}(?P<high>{NUMBER}))?"
    r"(?!\s*(?:%|prosent|procent|percent|vuo|år|year|h\b|tuntia|timmar|hours|kpl|st\b|-|–|\.\d))",
    re.IGNORECASE,
)


def bare_pay_figures(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in BARE_PAY.finditer(text):
        value = parse_number(m.group("low"))
        if 7 <= value <= 30000:
            spans.append(m.span("low"))
    return spans


# A share of each sale: "20 % av varje såld annons", "6 % jokaisen kaupan arvosta",
# "10% of every sale", "provisio 15 %".
COMMISSION_SHARE = compile_guarded(
    r"(?<![\d,.])\d{1,2}(?:[,.]\d)?\s?%\s+(?:(?:of|av|från)\s+(?:\w+\s+){0,2}"
    r"(?:sale|sales|deal|deals|contract|affär\w*|försäljning\w*|annons\w*|order\w*)|"
    r"(?:jokais\w+|kunki\w+|kusta\w*|myy\w+)\s+(?:\w+\s+){0,1}(?:kaup\w*|myyn\w*|sopimu\w*|"
    r"tilau\w*|arvo\w*))|(?:commission|provisio\w*|provision\w*)\s*(?:of|on|är|on|:)?\s*"
    r"\d{1,2}(?:[,.]\d)?\s?%",
    re.IGNORECASE,
)


def commission_shares(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in COMMISSION_SHARE.finditer(text)]


def pay_groups(text: str) -> list[tuple[int, int]]:
    """Collective-agreement pay groups ("vaativuusryhmä 4"); a reference, not a figure."""
    return [m.span() for m in PAY_GROUP.finditer(text)]
