"""Property tests: any text is checked without crashing, and spans lie inside the text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reilu.adcheck import CODES, check, check_posting

AD_WORDS = st.sampled_from(
    [
        "Myyntimies",
        "palkka",
        "3 200–3 800 €/kk",
        "€",
        "kr/mån",
        "15.1.2027",
        "klo",
        "mennessä",
        "native",
        "äidinkielenä",
        "modersmål",
        "nuori ja dynaaminen",
        "salary",
        "expectations",
        "current salary",
        "Oy",
        "Tampere",
        "haku@example.org",
        "040 123 4567",
        "Liisa Mäkelä",
        "ovelta ovelle",
        "Tiiminvetäjä",
        "commission-only",
        "\n",
        "- ",
        "%",
        "90 %",
        "aggressive",
    ]
)
ADLIKE = st.lists(st.one_of(AD_WORDS, st.text(max_size=12)), max_size=40).map(" ".join)


def _spans_ok(text, report):
    assert report.language in {"fi", "sv", "en"}
    assert 0 <= report.score <= 100
    for f in report.findings:
        assert f.code in CODES and f.severity == CODES[f.code] and f.message
        if f.start is not None or f.end is not None:
            assert 0 <= f.start <= f.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_it_checks_any_unicode_text(text):
    _spans_ok(text, check(text))


@settings(max_examples=200, deadline=None)
@given(ADLIKE, st.sampled_from([None, "fi", "sv", "en"]))
def test_it_keeps_spans_inside_ad_like_text(text, lang):
    _spans_ok(text, check(text, lang))


@settings(max_examples=100, deadline=None)
@given(st.text(), st.text(max_size=30))
def test_it_keeps_posting_spans_inside_the_description(description, title):
    report = check_posting({"title": title, "description": description})
    _spans_ok(description, report)
