"""Application questions in Chromium at phone width (390 px): a recruiter adds them in the
posting editor, a candidate answers them on the apply form, staff read the answers."""

import re

import pytest
from playwright.sync_api import expect

from reilu.applications.models import Application
from tests.conftest import make_org, make_posting, make_staff
from tests.e2e.conftest import horizontal_overflow, shot, staff_login

PHONE = {"width": 390, "height": 844}


def _open(browser, errors, locale="en-US"):
    context = browser.new_context(locale=locale, timezone_id="Europe/Helsinki", viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page


@pytest.fixture
def errors():
    return []


def test_questions_are_added_answered_and_read_at_phone_width(
    transactional_db, live_server, browser, errors
):
    org = make_org()
    recruiter = make_staff(org)
    posting = make_posting(org)
    context, page = _open(browser, errors)
    try:
        staff_login(page, live_server.url, recruiter)
        page.goto(f"{live_server.url}/staff/postings/{posting.pk}/edit/")
        # The spare row, then one more added with the button (the script's copy of the row).
        expect(page.locator("#id_questions-0-DELETE")).to_be_hidden()
        page.locator("#id_questions-0-text").fill("Do you hold a B driving licence?")
        page.locator("#id_questions-0-kind").select_option("yes_no")
        page.get_by_role("button", name="Add a question").click()
        expect(page.locator("#id_questions-1-text")).to_be_focused()
        page.keyboard.type("Which shift suits you?")
        page.locator("#id_questions-1-kind").select_option("one")
        page.locator("#id_questions-1-choices").fill("Mornings")
        assert horizontal_overflow(page, PHONE["width"]) == 0
        page.get_by_role("button", name="Save: the ad changes at once").click()
        # An error first: a one-choice question needs two choices.
        summary = page.locator("[data-error-summary]")
        expect(summary).to_contain_text("Give at least two choices, one per line.")
        summary.get_by_role("link").click()
        expect(page.locator("#id_questions-1-choices")).to_be_focused()
        page.locator("#id_questions-1-choices").fill("Mornings\nEvenings")
        page.get_by_role("button", name="Save: the ad changes at once").click()
        expect(page.get_by_text("Saved.")).to_be_visible()
        assert [q.text for q in posting.questions.all()] == [
            "Do you hold a B driving licence?",
            "Which shift suits you?",
        ]
    finally:
        context.close()

    context, page = _open(browser, errors, locale="fi-FI")
    try:
        page.goto(f"{live_server.url}/jobs/{posting.slug}/apply/")
        questions = page.locator("fieldset#questions")
        expect(questions).to_contain_text("Acme Oy kysyy")
        page.locator("#id_name").fill("Aino Korhonen")
        page.locator("#id_email").fill("aino@example.fi")
        page.locator("#id_cover_letter").fill("Hei! Haluaisin tähän työhön.")
        questions.get_by_label("Kyllä").check()
        questions.get_by_label("Evenings").check()
        page.locator("#id_privacy_consent").check()
        assert horizontal_overflow(page, PHONE["width"]) == 0
        shot(page, "apply-questions-390")
        page.get_by_role("button", name="Lähetä hakemus").click()
        page.wait_for_url(re.compile(r"/thanks/$"))
        app = Application.objects.get()
        assert {a.question_text: a.value for a in app.answers.all()} == {
            "Do you hold a B driving licence?": "yes",
            "Which shift suits you?": "Evenings",
        }
    finally:
        context.close()

    context, page = _open(browser, errors)
    try:
        staff_login(page, live_server.url, recruiter)
        page.goto(f"{live_server.url}/staff/applications/{app.pk}/")
        answers = page.locator("section.answers")
        expect(answers).to_contain_text("Do you hold a B driving licence?")
        expect(answers).to_contain_text("Evenings")
        assert horizontal_overflow(page, PHONE["width"]) == 0
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    ("locale", "publish", "message"),
    [
        ("en-US", "Save and publish", "The question asks about current or previous pay."),
        ("fi-FI", "Tallenna ja julkaise", "Kysymys koskee nykyistä tai aiempaa palkkaa."),
        ("sv-FI", "Spara och publicera", "Frågan gäller nuvarande eller tidigare lön."),
    ],
)
def test_a_pay_history_question_cannot_be_published_and_the_editor_says_why(
    transactional_db, live_server, browser, errors, locale, publish, message
):
    org = make_org()
    recruiter = make_staff(org)
    posting = make_posting(org, publish=False)
    context, page = _open(browser, errors, locale=locale)
    try:
        staff_login(page, live_server.url, recruiter)
        page.goto(f"{live_server.url}/staff/postings/{posting.pk}/edit/")
        page.locator("#id_questions-0-text").fill("What is your current salary?")
        page.locator("#id_questions-0-kind").select_option("number")
        # The live check lists it among what blocks publishing before anything is saved.
        expect(
            page.locator('#publish-problems [data-code="question-pay-history"]')
        ).to_contain_text(message)
        page.get_by_role("button", name=publish).click()
        finding = page.locator('#questions-0-findings [data-code="question-pay-history"]')
        expect(finding).to_contain_text("question-pay-history")
        expect(finding).to_contain_text(message)
        assert horizontal_overflow(page, PHONE["width"]) == 0
        shot(page, f"question-refused-{locale}")
        posting.refresh_from_db()
        assert posting.state == "draft"
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    ("locale", "told", "anyway", "send"),
    [
        (
            "en-US",
            "This job requires: At least two years of customer service.",
            "I understand, and I want to send my application anyway.",
            "Send application",
        ),
        (
            "fi-FI",
            "Tehtävä edellyttää: At least two years of customer service.",
            "Ymmärrän, ja haluan lähettää hakemukseni silti.",
            "Lähetä hakemus",
        ),
        (
            "sv-FI",
            "Jobbet kräver: At least two years of customer service.",
            "Jag förstår och vill ändå skicka min ansökan.",
            "Skicka ansökan",
        ),
    ],
)
def test_a_knockout_tells_the_candidate_before_sending(
    transactional_db, live_server, browser, errors, locale, told, anyway, send
):
    from reilu.jobs import services

    org = make_org()
    posting = make_posting(
        org, publish=False, requirements="At least two years of customer service"
    )
    services.posting_update(
        posting=posting,
        data={},
        questions=[
            {
                "text": "How many years of customer service have you done?",
                "kind": "number",
                "requirement": "At least two years of customer service",
                "knockout": "2",
                "may_apply_anyway": True,
            }
        ],
    )
    services.posting_publish(posting=posting)
    question = posting.questions.get()
    context, page = _open(browser, errors, locale=locale)
    try:
        page.goto(f"{live_server.url}/jobs/{posting.slug}/apply/")
        notice = page.locator("[data-knockout-notice]")
        expect(notice).to_be_hidden()
        page.locator(f"#id_q{question.pk}").fill("1")
        # Told at once, before anything is sent, and offered to apply anyway.
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(told)
        expect(page.get_by_label(anyway)).to_be_visible()
        assert not Application.objects.exists()
        page.locator(f"#id_q{question.pk}").fill("3")
        expect(notice).to_be_hidden()
        page.locator(f"#id_q{question.pk}").fill("1")
        expect(notice).to_be_visible()
        assert horizontal_overflow(page, PHONE["width"]) == 0
        shot(page, f"knockout-{locale}")
        page.locator("#id_name").fill("Aino Korhonen")
        page.locator("#id_email").fill("aino@example.fi")
        page.locator("#id_cover_letter").fill("Hello!")
        page.locator("#id_privacy_consent").check()
        page.get_by_label(anyway).check()
        page.get_by_role("button", name=send).click()
        page.wait_for_url(re.compile(r"/thanks/$"))
        assert Application.objects.get().answers.get().meets is False
        assert errors == []
    finally:
        context.close()
