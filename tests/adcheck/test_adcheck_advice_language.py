"""The advice is written in the reader's language (the interface language), not the ad's.

The ad's language decides which rules apply; the reader's decides the words of each message.
"""

import re

import pytest

from reilu.adcheck import check, check_posting
from reilu.adcheck.messages import MESSAGES

# A Finnish ad with several findings: no employer, pay or contact, a gendered title.
FI_AD = """Myyntimies, Tampere

Myyt pölynimureita kotitalouksille Pirkanmaalla ja hoidat kaupat alusta loppuun.

Hae 28.2.2027 mennessä.
"""
# An English ad with several findings: no employer, pay or contact, a native-speaker demand.
EN_AD = """Salesman, Tampere

You sell vacuum cleaners to households in Pirkanmaa and close the deals yourself.
You are a native English speaker.

Apply by 28 February 2027.
"""


def _opening(code: str, lang: str) -> str:
    """The fixed words a message starts with, up to its first placeholder."""
    return re.split(r"\{", MESSAGES[code][lang], maxsplit=1)[0][:25]


def _in_language(report, lang: str) -> None:
    assert report.findings
    for f in report.findings:
        assert f.message.startswith(_opening(f.code, lang)), (f.code, lang, f.message)


@pytest.mark.parametrize("reader", ["en", "sv", "fi"])
def test_a_finnish_ad_is_advised_in_the_readers_language(reader):
    report = check(FI_AD, reader=reader)
    assert report.language == "fi"
    assert report.advice_language == reader
    assert {"gendered-title", "missing-salary", "missing-contact"} <= set(report.codes)
    _in_language(report, reader)


@pytest.mark.parametrize("reader", ["fi", "sv", "en"])
def test_an_english_ad_is_advised_in_the_readers_language(reader):
    report = check(EN_AD, reader=reader)
    assert report.language == "en"
    assert report.advice_language == reader
    assert {"gendered-title", "native-speaker-requirement", "missing-salary"} <= set(report.codes)
    _in_language(report, reader)


def test_the_messages_differ_by_reader_while_the_findings_do_not():
    in_english = check(FI_AD, reader="en")
    in_finnish = check(FI_AD, reader="fi")
    assert in_english.codes == in_finnish.codes
    assert [(f.start, f.end) for f in in_english.findings] == [
        (f.start, f.end) for f in in_finnish.findings
    ]
    pairs = zip(in_english.findings, in_finnish.findings, strict=True)
    assert all(a.message != b.message for a, b in pairs)


def test_without_a_reader_the_advice_is_in_the_ads_language():
    _in_language(check(FI_AD), "fi")
    _in_language(check(EN_AD), "en")


def test_a_structured_posting_is_advised_in_the_readers_language():
    posting = {"title": "Myyntimies", "description": FI_AD, "language": "fi"}
    report = check_posting(posting, reader="en")
    assert report.language == "fi" and report.advice_language == "en"
    _in_language(report, "en")
