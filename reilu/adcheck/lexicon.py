"""Word lists from ``data/``, loaded once and compiled into regular expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .firstchars import compile_guarded, first_chars, grouped

DATA = Path(__file__).with_name("data")
LANGS = ("fi", "sv", "en")
# A word start that also refuses a hyphen before it, so "cloud-native" or "data-driven"
# do not match "native" or "driven".
WORD_START = r"(?<![\w-])"


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _guarded_alternative(pattern: str) -> str:
    chars = first_chars(pattern, re.IGNORECASE)
    if not chars or any(len(ch) > 1 for ch in chars):
        return f"(?:{pattern})"
    return f"(?=[{''.join(re.escape(ch) for ch in sorted(chars))}])(?:{pattern})"


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    # Each alternative behind its own first-character guard: at a word start, an alternative
    # that cannot begin there is passed over in one test.
    body = "|".join(_guarded_alternative(p) for p in patterns)
    # The lookahead rejects non-word positions before the long alternation is tried.
    return compile_guarded(f"{WORD_START}(?=\\w)(?:{body})", re.IGNORECASE)


@cache
def phrases(name: str, kind: str | None = None) -> dict[str, re.Pattern[str] | None]:
    """One compiled alternation per language from a ``lang<TAB>regex`` (or kind-prefixed) file."""
    by_lang: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for row in _rows(name):
        if kind is not None:
            if row[0] != kind:
                continue
            row = row[1:]
        by_lang[row[0]].append(row[1])
    return {lang: _union(pats) for lang, pats in by_lang.items()}


@dataclass(frozen=True)
class CodedWords:
    # first three letters -> [(stem, exact, gender, strong)], longest stem first
    index: dict[str, list[tuple[str, bool, str, bool]]]


@cache
def gender_coded(lang: str) -> CodedWords:
    index: dict[str, list[tuple[str, bool, str, bool]]] = {}
    for row_lang, gender, weight, stem in _rows("gender_coded.tsv"):
        if row_lang == lang:
            exact = stem.endswith("$")
            stem = stem.rstrip("$").lower()
            index.setdefault(stem[:3], []).append((stem, exact, gender, weight == "strong"))
    for entries in index.values():
        entries.sort(key=lambda e: len(e[0]), reverse=True)
    return CodedWords(index)


def coded_stem(words: CodedWords, word: str) -> tuple[str, str, bool] | None:
    """(stem, gender, strong) for a word that starts with a coded stem."""
    word = word.lower()
    for stem, exact, gender, strong in words.index.get(word[:3], ()):
        if word == stem or (not exact and word.startswith(stem)):
            return stem, gender, strong
    return None


@cache
def gendered_titles() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for all languages; the dict maps a matched pattern key to its neutral title."""
    neutral: dict[str, str] = {}
    parts = []
    for _lang, pattern, alternative in _rows("gendered_titles.tsv"):
        key = pattern.rstrip("*").lower()
        neutral[key] = alternative
        regex = re.escape(key).replace(r"\ ", r"\s+")
        parts.append(regex + (r"\w*" if pattern.endswith("*") else r"(?!\w)"))
    parts.sort(key=len, reverse=True)
    return compile_guarded(
        WORD_START + "(?:" + grouped(parts, ignorecase=True) + ")", re.I
    ), neutral


def neutral_title(word: str) -> str | None:
    _, neutral = gendered_titles()
    word = " ".join(word.lower().split())
    best = max((k for k in neutral if word.startswith(k)), key=len, default=None)
    return neutral[best] if best else None


FI_CASE_ENDINGS = r"(?:n|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|na|nä|seen|han|hän)"


@cache
def places() -> re.Pattern[str]:
    exact_cs: list[str] = []
    exact_ci: list[str] = []
    for (line,) in _rows("places.txt"):
        forms = line.split("|")
        base, stems = forms[0], forms[1:]
        alts = [re.escape(base) + r"(?:[aeiouyäö]n|s|'s)?"]
        alts += [re.escape(s) + FI_CASE_ENDINGS + r"?" for s in stems]
        target = exact_cs if base[0].isupper() else exact_ci
        target.extend(alts)
    cs = grouped(sorted(exact_cs, key=len, reverse=True))
    ci = grouped(sorted(exact_ci, key=len, reverse=True), ignorecase=True)
    return compile_guarded(rf"{WORD_START}(?:(?:{cs})|(?i:{ci}))(?!\w)")


@cache
def first_names() -> frozenset[str]:
    names: set[str] = set()
    for row in _rows("first_names.txt"):
        names.update(" ".join(row).split())
    return frozenset(names)
