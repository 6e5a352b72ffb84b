"""Text pasted from web pages and word processors: no-break spaces, tabs, carriage returns,
typographic apostrophes, indentation and Markdown emphasis do not change the findings."""

import pytest

from reilu.adcheck import check

AD = """Customer Support Specialist – Tampere

Helpline Nordic Oy answers customer calls for Finnish energy companies.

What you'll do:
- answer customers' calls and chats about their bills
- log faults for the network teams

You'll hear from us within a week of the closing date; interviews are held in week 9.

Pay 2 700–3 000 € per month.

Apply by 28 February 2027. Contact: team lead Anna Virtanen, anna.virtanen@example.com
"""
VARIANTS = {
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
    "narrow no-break spaces in figures": lambda t: t.replace(
        "2 700–3 000", "2\u202f700–3\u202f000"
    ),
    "tabs": lambda t: t.replace(" ", "\t"),
    "carriage returns": lambda t: t.replace("\n", "\r\n"),
    "old Mac line ends": lambda t: t.replace("\n", "\r"),
    "typographic apostrophes": lambda t: t.replace("'", "\u2019"),
    "indentation": lambda t: "\n".join("  " + line for line in t.split("\n")),
    "Markdown headings": lambda t: t.replace("What you'll do:", "**What you'll do:**"),
}


def _key(report):
    return sorted((f.code, f.start, f.end) for f in report.findings)


def test_the_plain_ad_is_clean_but_for_what_it_lacks():
    assert check(AD).codes == []


@pytest.mark.parametrize("name", VARIANTS)
def test_a_pasted_variant_gets_the_same_findings_at_the_same_offsets(name):
    variant = VARIANTS[name](AD)
    assert check(variant).codes == check(AD).codes == []
    if len(variant) == len(AD):
        assert _key(check(variant)) == _key(check(AD))


def test_a_finding_in_pasted_text_points_into_the_text_as_given():
    text = "Myyntimies,\u00a0Tampere\r\n\r\nMyyt\u00a0imureita.\r\n"
    report = check(text)
    found = {f.code: f for f in report.findings}
    f = found["gendered-title"]
    assert text[f.start : f.end] == "Myyntimies"
