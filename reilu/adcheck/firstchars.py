"""Compile long alternations with a cheap guard on their first character.

Python's regular-expression engine tries every branch of an alternation at every position
it reaches; most positions start with a letter no branch can start with. A lookahead of
the characters a match can start with (read from the parsed pattern) rejects those
positions at once. The guard admits every position the pattern could match at, so the
matches are the same.

The pattern is read with CPython's own parser (``re._parser``, Python 3.11 and later). An
operation it does not know, or a parse that fails, leaves the pattern unguarded.
"""

from __future__ import annotations

import re
from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_ZERO_WIDTH = {c.AT, c.ASSERT, c.ASSERT_NOT}
_REPEATS = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
_MAX_RANGE = 400
_BROAD = {r"\w", r"\W", r"\S", r"\D"}
GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_CATEGORIES = {
    c.CATEGORY_DIGIT: r"\d",
    c.CATEGORY_NOT_DIGIT: r"\D",
    c.CATEGORY_SPACE: r"\s",
    c.CATEGORY_NOT_SPACE: r"\S",
    c.CATEGORY_WORD: r"\w",
    c.CATEGORY_NOT_WORD: r"\W",
}


def _seq(items: Any) -> tuple[set[str] | None, bool]:
    """(the characters a match of the sequence can start with or None for any, nullable)."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        first, nullable = _item(op, av)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _item(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] <= _MAX_RANGE:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            elif kind is c.CATEGORY and value in _CATEGORIES:
                chars.add(_CATEGORIES[value])  # kept as its escape: "\d"
            else:  # NEGATE, wide ranges: anything may start
                return None, False
        return chars, False
    if op is c.SUBPATTERN:
        return _seq(av[3].data)
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _seq(av.data)
    if op is c.BRANCH:
        chars, nullable = set(), False
        for alternative in av[1]:
            first, empty = _seq(alternative.data)
            if first is None:
                return None, False
            chars |= first
            nullable = nullable or empty
        return chars, nullable
    if op in _REPEATS:
        first, empty = _seq(av[2].data)
        return first, empty or av[0] == 0
    return None, False


def first_chars(pattern: str, flags: int = 0) -> set[str] | None:
    """The characters any match of ``pattern`` starts with, or None when that is unknown.

    Each item is one character or a class escape ("\\d", "\\w")."""
    chars, nullable = _seq(_parser.parse(pattern, flags).data)
    return None if nullable else chars


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` behind a first-character lookahead where one exists.

    The lookahead ignores case, so it admits every character a part of the pattern matches
    with or without case (a pattern may switch IGNORECASE on for a part, "(?i:…)").
    """
    if GLOBAL_FLAGS.match(pattern):  # "(?i)…" must stay first; such patterns go unguarded
        return re.compile(pattern, flags)
    try:
        chars = first_chars(pattern, flags)
    except (AttributeError, TypeError, IndexError, ValueError):
        chars = None
    if not chars or chars & _BROAD:
        # A guard that admits nearly every character costs more than it saves.
        return re.compile(pattern, flags)
    guard = "".join(ch if len(ch) == 2 else re.escape(ch) for ch in sorted(chars))
    return re.compile(f"(?=(?i:[{guard}]))(?:{pattern})", flags)


def grouped(alternatives: list[str], ignorecase: bool = False) -> str:
    """An alternation of ``alternatives`` with those that share a first letter grouped under it:
    "Vaasa|Vantaa|Oulu" becomes "V(?:aasa|antaa)|O(?:ulu)".

    The engine then compares the first letter once per group instead of once per
    alternative. Only alternatives that start with the same letter can match at the same
    position, and their order inside a group is kept, so the first alternative to match is
    the same. When some alternative does not open with a plain letter (a group, an escape, a
    letter under a quantifier), the alternation is returned as it was.
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        if len(alt) < 2 or not alt[0].isalpha() or alt[1] in "?*+{":
            return "|".join(alternatives)
        key = alt[0].lower() if ignorecase else alt[0]
        groups.setdefault(key, []).append(alt)
    return "|".join(f"{alts[0][0]}(?:{'|'.join(a[1:] for a in alts)})" for alts in groups.values())
