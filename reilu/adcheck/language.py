"""Guess whether an ad is Finnish, Swedish or English from stop words and letters."""

from __future__ import annotations

import re
from collections import Counter


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Frequent function words that rarely occur in the other two languages.
STOP_WORDS = {
    "fi": _words(
        "ja on sekä tai että joka jonka jossa jotka ovat olet olemme meillä meidän sinulta "
        "sinun sinä sinua kanssa myös mukaan noin ei eikä kun kuin jos mutta vain sitä se "
        "hän he me te tämä tässä nyt jo yli alle kaikille hakemus haemme tarjoamme "
        "odotamme työ työn tehtävä tehtävät lisätietoja antaa puh klo mennessä viimeistään "
        "haku hakuaika päättyy"
    ),
    "sv": _words(
        "och att som är för med en ett vi du av på till det har inte den om hos oss dig "
        "din ditt dina våra vår vårt eller samt också där när kan ska skall söker erbjuder "
        "arbete arbetet tjänsten ansökan senast närmare uppgifter ger tfn kl får genom"
    ),
    "en": _words(
        "the and to of a in for with you we our is are your will be by on as at an this "
        "that from or have has who what about us can all apply role team work would "
        "experience their they it not more"
    ),
}
WORD = re.compile(r"[^\W\d_]+")
# Letters and clusters that tell the languages apart when there are few words.
HINTS = {
    "fi": re.compile(r"ää|öö|yy|ii|uu|aa|ksi|sta\b|ssa\b|llä\b|lla\b|ssä\b|\bja\b", re.I),
    "sv": re.compile(r"å|\boch\b|\bär\b|\bsom\b|tion\b|lig\b|ning\b|\bför\b", re.I),
    "en": re.compile(r"\bthe\b|\bth|ing\b|\band\b|\bwh|\byou\b|tion\b", re.I),
}


def detect(text: str) -> str:
    """Return "fi", "sv" or "en"; English when nothing decides."""
    sample = text[:2500]
    counts = Counter(WORD.findall(sample.lower()))
    scores = {
        lang: float(sum(n for w, n in counts.items() if w in stop))
        for lang, stop in STOP_WORDS.items()
    }
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 5 or ranked[0] < 1.5 * ranked[1]:
        # Few or ambiguous stop words (a title, a short note): letters decide.
        for lang, pattern in HINTS.items():
            scores[lang] += 0.25 * len(pattern.findall(sample[:1000]))
    best = max(scores, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] > 0 else "en"
