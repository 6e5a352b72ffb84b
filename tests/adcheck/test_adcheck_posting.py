"""Structured postings: stated fields count directly, free text gets the text rules."""

import pytest

from reilu.adcheck import PostingError, check_posting

POSTING = {
    "title": "Tiiminvetäjä",
    "organization": "Aurinkoenergia Oy",
    "location": "Espoo",
    "remote": "no",
    "employment_type": "full-time",
    "language": "fi",
    "description": "Myyt aurinkopaneeleita kotitalouksille.",
    "duties": [
        {"duty": "Asiakaskäynnit ja myynti", "percent": 90},
        {"duty": "Tiimin johtaminen", "percent": 10},
    ],
    "requirements": "B-ajokortti",
    "pay_min": 2600,
    "pay_max": 3200,
    "pay_currency": "EUR",
    "pay_period": "MONTH",
    "contact_name": "Sari Koskinen",
    "contact_phone": "040 123 4567",
    "apply_by": "2027-01-31",
    "interviews_from": "2027-02-08",
    "decision_by": "2027-02-19",
}


def test_it_counts_structured_fields_directly():
    assert check_posting(POSTING).codes == ["title-inflation"]


def test_it_accepts_a_leadership_title_with_real_leadership_time():
    duties = [
        {"duty": "Tiimin johtaminen ja valmentaminen", "percent": 70},
        {"duty": "Asiakaskäynnit", "percent": 30},
    ]
    assert check_posting({**POSTING, "duties": duties}).codes == []


def test_it_reports_missing_structured_fields():
    bare = {"title": "Myyntimies", "description": "Myyt rakennustarvikkeita.", "language": "fi"}
    codes = set(check_posting(bare).codes)
    assert {"missing-employer", "missing-location", "missing-contact", "missing-salary"} <= codes
    assert {"missing-deadline", "missing-process-timeline", "gendered-title"} <= codes


def test_it_counts_remote_as_a_location():
    remote = {**POSTING, "location": "", "remote": "full"}
    assert "missing-location" not in check_posting(remote).codes


def test_it_checks_the_free_text_and_points_into_the_description():
    text = "Etsimme nuorta ja energistä myyjää. Kerro nykyinen palkkasi."
    report = check_posting({**POSTING, "description": text})
    spans = {f.code: (f.start, f.end) for f in report.findings}
    start, end = spans["age-requirement"]
    assert text[start:end] == "nuorta ja energistä"
    start, end = spans["salary-history-question"]
    assert text[start:end] == "nykyinen palkkasi"


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ["not", "text"]},
        {"pay_min": "lots"},
        {"duties": "all of them"},
        {"duties": [{"duty": "x", "percent": "half"}]},
        {"language": "de"},
    ],
)
def test_it_rejects_malformed_postings(bad):
    with pytest.raises(PostingError):
        check_posting({**POSTING, **bad})
