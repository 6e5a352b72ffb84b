"""The text of an ad split into lines, sentences and the advertised title."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import dates, money

Span = tuple[int, int]
# (leadership %, field-sales %); either is None when not stated.
Shares = tuple[int | None, int | None]

LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? followed by space and a capital, or at a line break; dates such
# as "15.1.2027" and abbreviations followed by a digit do not end one.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(«]?[A-ZÄÖÅÉÜ])|\n+")
BULLET = re.compile(r"^\s*(?:[-–—*•·]|\d+[.)])\s+")


# Text pasted from web pages and word processors carries no-break and other Unicode spaces,
# tabs, carriage returns and typographic apostrophes; the patterns are written for plain
# spaces, "\n" and "'". Each is replaced by one character, so offsets into the normalised
# text are offsets into the original.
_PLAIN = str.maketrans(
    {
        **dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a", " "),
        **dict.fromkeys("\u202f\u205f\u3000\t\x0b\x0c", " "),
        "\r": "\n",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
    }
)


# Most texts hold none of them; finding that out is one scan, cheaper than translating.
_UNPLAIN = re.compile("[" + re.escape("".join(map(chr, _PLAIN))) + "]")


def normalise(text: str) -> str:
    """The text with the same length, in plain spaces, line feeds and apostrophes."""
    return text.translate(_PLAIN) if _UNPLAIN.search(text) else text


@dataclass(eq=False)
class Ad:
    """An ad under check. ``facts`` holds what a structured posting states outright, and
    ``shares`` the work shares its duties state.

    ``lang`` is the ad's language and decides which rules apply; ``reader`` is the language
    the advice is written in (the reader's, e.g. the editor's interface), the ad's if None.
    """

    text: str
    lang: str
    reader: str | None = None
    facts: dict[str, bool] = field(default_factory=dict)
    title_override: str | None = None
    shares: Shares | None = None
    # Per-rule cache; each rule reads back the shape it stored.
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def lines(self) -> list[Span]:
        return [m.span() for m in LINE.finditer(self.text) if m.group().strip()]

    @cached_property
    def sentences(self) -> list[Span]:
        spans = []
        start = 0
        for m in SENTENCE_END.finditer(self.text):
            if self.text[start : m.start()].strip():
                spans.append((start, m.start()))
            start = m.end()
        if self.text[start:].strip():
            spans.append((start, len(self.text)))
        return spans

    def sentence_at(self, pos: int) -> Span:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return pos, pos

    @cached_property
    def title(self) -> tuple[str, Span | None]:
        """The advertised title: the posting's title field, else the first line of text."""
        if self.title_override is not None:
            return self.title_override, None
        if not self.lines:
            return "", None
        start, end = self.lines[0]
        line = self.text[start:end]
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        return line.strip(), (start + lead, start + trail)

    @cached_property
    def amounts(self) -> list[money.Amount]:
        return money.find_amounts(self.text)

    @cached_property
    def dates(self) -> list[dates.DateMatch]:
        """Dates, weeks and months named in the text (relative limits are read apart: the
        longest pattern, needed only when no dated sentence settles the timeline)."""
        return dates.find_dates(self.text, relative=False)

    @cached_property
    def relative_dates(self) -> list[Span]:
        return dates.relative_spans(self.text)

    def is_heading(self, span: Span) -> bool:
        """A short line without closing punctuation, followed by more text."""
        line = self.text[span[0] : span[1]].strip()
        if not line or len(line) > 60 or BULLET.match(line):
            return False
        return not line.endswith((".", ",", ";")) and len(line.split()) <= 7
