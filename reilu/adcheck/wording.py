"""Wording checks: gender-coded words, gendered titles, age and native-speaker phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .firstchars import compile_guarded, grouped
from .lexicon import coded_stem, gender_coded, gendered_titles, neutral_title

Span = tuple[int, int]
# Everyday phrases in which a coded stem carries no personality claim.
NOT_CODED = compile_guarded(
    r"(?<!\w)(?=[cklwdvh])(?:competitive (?:base )?(?:salary|pay|wages?|compensation|package|"
    r"benefits|rates?|edge|advantage|market|prices?|pricing)|kilpailukykyi\w*|varmt välkommen\w*|"
    r"lead(?:s)? (?:to|time)|leading (?:provider|company|supplier|brand)\w*|"
    r"data-driven|value-driven|hallitsevat|warm(?:ly)? welcome)",
    re.IGNORECASE,
)
# Hyphenated words stay whole, so "data-driven" is not "driven" but "self-confident" matches.
TOKEN = compile_guarded(r"\w+(?:-\w+)*")
STACK_MIN = 3
STACK_MARGIN = 2


@dataclass(frozen=True)
class CodedHit:
    start: int
    end: int
    word: str
    gender: str
    strong: bool


@cache
def _candidates(lang: str) -> re.Pattern[str]:
    """Tokens (as TOKEN reads them) that start with a stem's first three letters.

    A token starts where no word character, and no word character and a hyphen, stand
    before it; most tokens share no three-letter prefix with a stem and are never visited.
    """
    prefixes = sorted(gender_coded(lang).index, key=len, reverse=True)
    body = grouped([re.escape(p) for p in prefixes], ignorecase=True) or "(?!)"
    return compile_guarded(rf"(?<!\w)(?<!\w-)(?=(?:{body}))\w+(?:-\w+)*", re.IGNORECASE)


def coded_words(text: str, lang: str) -> list[CodedHit]:
    words = gender_coded(lang)
    index = words.index
    masked = NOT_CODED.sub(lambda m: " " * len(m.group()), text)
    hits = []
    for m in _candidates(lang).finditer(masked):
        word = m.group()
        if word[:3].lower() in index:
            found = coded_stem(words, word)
            if found:
                hits.append(CodedHit(m.start(), m.end(), word, found[1], found[2]))
    return hits


def stacked_coding(text: str, lang: str) -> tuple[str, list[CodedHit]] | None:
    """The dominant gender and its strong hits, when coded words are stacked heavily."""
    hits = coded_words(text, lang)
    strong = {g: [h for h in hits if h.strong and h.gender == g] for g in ("m", "f")}
    for gender, other in (("m", "f"), ("f", "m")):
        distinct = {h.word.lower()[:6] for h in strong[gender]}
        if len(distinct) >= STACK_MIN and len(strong[gender]) >= len(strong[other]) + STACK_MARGIN:
            return gender, strong[gender]
    return None


# "Kirvesmies / kirvesnainen", "Salesman/saleswoman", "Servitör/servitris": both forms named.
PAIRED_TITLE = compile_guarded(
    r"(?:mies|man|herra|kungen)\b\W{1,5}\w*(?:nainen|woman|rouva|tär|tar|ris|ska|inna)\b|"
    r"(?:nainen|woman|tär|ris|ska|inna)\b\W{1,5}\w*(?:mies|man|ör)\b|"
    r"\b(?:m|h)/(?:n|f|w|k)\b|\((?:m/f|f/m|m/w|m/n|n/m|h/k|k/h)\)",
    re.IGNORECASE,
)


# A Finnish compound in -mies names a man whatever its first part ("trukkimiehiä",
# "varastomiestä"); the list above gives the neutral words it knows.
FI_MAN_COMPOUND = compile_guarded(r"(?<![\w-])\w{3,}mie(?:s|he|hi|st)\w*", re.IGNORECASE)


def gendered_title(title: str) -> tuple[Span, str, str] | None:
    """(span in title, the gendered word, its neutral alternative)."""
    pattern, _ = gendered_titles()
    m = pattern.search(title)
    if m and not PAIRED_TITLE.search(title):
        return m.span(), m.group(), neutral_title(m.group()) or ""
    m = FI_MAN_COMPOUND.search(title)
    if not m or PAIRED_TITLE.search(title):
        return None
    word = m.group()
    # "trukkimies" → "trukkityöntekijä", as "varastomies" → "varastotyöntekijä".
    return m.span(), word, word[: word.lower().rindex("mie")].lower() + "työntekijä"
