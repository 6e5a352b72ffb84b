"""Application questions checked like the ad (reilu/adcheck/questions.py), fi, sv, en."""

import pytest

from reilu.adcheck.questions import (
    QUESTION_CODES,
    QUESTIONS_FILE,
    Example,
    check_question,
    evaluate_examples,
    load_examples,
)

EXAMPLES = load_examples()


def codes(text, **kwargs):
    return sorted(f.code for f in check_question(text, **kwargs))


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.language}:{e.text}" for e in EXAMPLES])
def test_every_labelled_example(example):
    got = codes(example.text, choices=example.choices, requirements=example.requirements)
    assert got == sorted(example.codes)


def test_the_examples_cover_every_code_in_every_language():
    for language in ("fi", "sv", "en"):
        labelled = {c for e in EXAMPLES if e.language == language for c in e.codes}
        assert labelled == set(QUESTION_CODES), language
        assert any(not e.codes for e in EXAMPLES if e.language == language)


def test_a_nationality_question_is_allowed_only_with_a_stated_requirement():
    question = "Oletko Suomen kansalainen?"
    assert codes(question, requirements=["Hyvä suomen kielen taito"]) == ["question-nationality"]
    assert codes(question, requirements=["Suomen kansalaisuus (laki vaatii)"]) == []


def test_a_question_tied_to_a_requirement_is_not_unrelated():
    assert codes("Can you lift 25 kg?", requirements=["Forklift licence"]) == ["question-unrelated"]
    assert codes("Can you lift 25 kg?", requirements=["Forklift licence"], tied=True) == []
    # A forbidden question stays forbidden, tied or not.
    assert codes("How old are you?", requirements=["Age"], tied=True) == ["question-age"]


def test_the_choices_are_read_with_the_question():
    assert codes("Which applies to you?", choices=["I am pregnant", "None"]) == [
        "question-pregnancy"
    ]


@pytest.mark.parametrize(
    ("reader", "start"),
    [("fi", "Kysymys koskee nykyistä"), ("sv", "Frågan gäller nuvarande"), ("en", "The question")],
)
def test_the_advice_is_in_the_readers_language(reader, start):
    [finding] = check_question("Vad är din nuvarande lön?", reader=reader, requirements=["lön"])
    assert finding.code == "question-pay-history" and finding.severity == "error"
    assert finding.message.startswith(start)
    assert "Vad är din nuvarande lön?"[finding.start : finding.end] == "nuvarande lön"


def test_the_evaluation_reports_a_wrong_label():
    wrong = Example(text="How old are you?", language="en", codes=("question-photo",))
    scores, mismatches = evaluate_examples([wrong])
    assert scores["question-age"] == [0, 1, 0]
    assert scores["question-photo"] == [0, 0, 1]
    assert mismatches == [
        "[en] 'How old are you?': expected ['question-photo'], got ['question-age']"
    ]
    assert QUESTIONS_FILE.is_file()
