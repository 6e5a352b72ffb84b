"""The first-character guard (reilu/adcheck/firstchars.py) never changes what a pattern
finds: it only rejects positions where no match can start."""

import re

import pytest

from reilu.adcheck.firstchars import compile_guarded, first_chars, grouped

TEXT = (
    "Hakuaika päättyy 15.1.2027. Interviews in week 5; KELVIN and Kelvin. Vasa, VASA, vasa.\n"
    "Työ on asiakaspalvelua – Ansök senast 3.2. Data-driven self-confident ﬁnance 12 € /h"
)


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"(?<![\w-])(?=\w)(?:interviews?|week|hakuaika|ansök senast)", re.IGNORECASE),
        (r"(?<![\d.])(?=\d)(\d{1,2})\.(\d{1,2})\.(\d{4})?", 0),
        (r"\b(?:week|viikolla)\s*\d{1,2}|\d+\s*€", re.IGNORECASE),
        # Case-sensitive names with a case-insensitive part, as in the place list.
        (r"(?<![\w-])(?:(?:Vasa|Kelvin)|(?i:työ|data))(?!\w)", 0),
        (r"(?:self|[a-c]x?)-\w+", re.IGNORECASE),
    ],
)
def test_the_guarded_pattern_finds_exactly_what_the_plain_one_finds(pattern, flags):
    plain = [m.span() for m in re.compile(pattern, flags).finditer(TEXT)]
    guarded = compile_guarded(pattern, flags)
    assert guarded.pattern != pattern  # a guard was added
    assert [m.span() for m in guarded.finditer(TEXT)] == plain
    assert plain  # the example text exercises the pattern


def test_the_first_characters_are_read_through_groups_branches_and_repeats():
    assert first_chars(r"(?:ab|c)d") == {"a", "c"}
    assert first_chars(r"(?:x?y)z") == {"x", "y"}
    assert first_chars(r"\b(?=q)[0-2]") == {"0", "1", "2"}
    assert first_chars(r"\d+x") == {r"\d"}


def test_no_guard_where_a_match_may_start_anywhere():
    assert first_chars(r"a?") is None  # may match the empty string
    assert first_chars(r".x") is None
    assert first_chars(r"[^a]x") is None
    assert compile_guarded(r"a*").pattern == r"a*"


def test_a_grouped_alternation_finds_what_the_plain_one_finds():
    # Order matters inside a group: "Vaasa" before "Vaasan" wins on "Vaasan", as it does plain.
    alternatives = ["Vaasa", "Vantaa(?:n|lla)?", "Vaasan", "Oulu", "oulun", "Espoo"]
    text = "Vaasan ja Vantaalla, Oulu ja oulun Espoossa; OULU"
    for flags, ignorecase in ((0, False), (re.IGNORECASE, True)):
        plain = re.compile("|".join(alternatives), flags)
        group = re.compile(grouped(alternatives, ignorecase=ignorecase), flags)
        assert [m.span() for m in group.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert grouped(alternatives).startswith("V(?:aasa|antaa")
    assert grouped(["ab", "ac"]) == "a(?:b|c)"


def test_no_grouping_when_an_alternative_opens_with_more_than_a_letter():
    assert grouped(["a?b", "ac"]) == "a?b|ac"
    assert grouped([r"\d+", "x"]) == r"\d+|x"
    assert grouped(["(?:x)", "y"]) == "(?:x)|y"


def test_addresses_read_line_by_line_are_the_addresses_of_the_whole_text():
    from reilu.adcheck.entities import EMAIL, _emails

    text = (
        "anna.virtanen@example.fi\nMail @ us or ville@example.com, satu.k+rekry@example.fi\n"
        "no address here\nlast@example.com"
    )
    whole = [m.span() for m in EMAIL.finditer(text)]
    assert [m.span() for m in _emails(text)] == whole
    assert len(whole) == 4
    assert _emails("no at sign") == []


def test_a_plain_text_is_returned_as_it_is_and_a_pasted_one_is_translated():
    from reilu.adcheck.ad import normalise

    plain = "Hae 15.1.2027 mennessä.\nDon't wait."
    assert normalise(plain) is plain
    assert normalise("Don\u2019t\u00a0wait.\r") == "Don't wait.\n"
