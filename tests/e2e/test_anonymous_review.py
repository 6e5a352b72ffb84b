"""Anonymous first review in a real browser (issue 19): on the board and the application page,
at a desktop width and on a 390 px phone, the reviewer sees the pseudonym and the masked
texts, never the candidate's name, email or phone; the move from the board's → button (htmx)
reveals the name, and the reveal is in the audit log."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from reilu.applications import services, uploads
from reilu.privacy.models import AuditEvent
from tests.applications.cv_files import docx_with_text
from tests.conftest import make_org, make_posting, make_staff
from tests.e2e.conftest import horizontal_overflow, shot, staff_login

NAME = "Aino-Maria Korhonen"
EMAIL = "aino.korhonen@example.fi"
PHONE = "+358 40 765 4321"
SECRETS = ["Aino", "Korhonen", "aino.korhonen", "765 4321", "7654321"]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_reviewer_sees_no_identity_until_the_move(
    transactional_db, live_server, browser, width
):
    org = make_org()
    org.anonymous_first_review = True
    org.save()
    posting = make_posting(org)
    app, _raw = services.application_submit(
        posting=posting,
        name=NAME,
        email=EMAIL,
        phone=PHONE,
        language="fi",
        privacy_consent=True,
        cover_letter="I am Aino Korhonen; call 040 765 4321. I love Python.",
        cv=SimpleUploadedFile(
            "cv.docx", docx_with_text([NAME, EMAIL, "Python, Django"]), content_type=uploads.DOCX
        ),
        cv_type=uploads.DOCX,
    )
    recruiter = make_staff(org)
    context = browser.new_context(
        locale="en-US", timezone_id="Europe/Helsinki", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    try:
        staff_login(page, live_server.url, recruiter)
        pseudonym = f"Candidate {app.pk}"

        page.goto(f"{live_server.url}/staff/postings/{posting.pk}/")
        card = page.locator(".cardlet", has_text=pseudonym)
        expect(card).to_be_visible()
        shot(page, f"anonymous-board-{width}")
        assert not [s for s in SECRETS if s.lower() in page.content().lower()]
        assert horizontal_overflow(page, width) == 0

        card.locator("a.cardlet-name").click()
        expect(page.locator("main h1")).to_have_text(pseudonym)
        expect(page.get_by_text("I love Python.", exact=False)).to_be_visible()
        shot(page, f"anonymous-detail-{width}")
        assert not [s for s in SECRETS if s.lower() in page.content().lower()]
        assert horizontal_overflow(page, width) == 0

        page.get_by_role("link", name="Read the text (names and contact details masked)").click()
        expect(page.get_by_text("Python, Django")).to_be_visible()
        assert not [s for s in SECRETS if s.lower() in page.content().lower()]

        # The board's → button moves the card by htmx: the name appears in place.
        page.goto(f"{live_server.url}/staff/postings/{posting.pk}/")
        page.get_by_role("button", name=f"Move {pseudonym} to the next stage").click()
        expect(page.locator(".cardlet", has_text=NAME)).to_be_visible()
        page.locator(".cardlet a.cardlet-name", has_text=NAME).click()
        expect(page.locator("main h1")).to_have_text(NAME)
        expect(page.get_by_role("link", name=EMAIL)).to_be_visible()
        assert horizontal_overflow(page, width) == 0
        assert (
            AuditEvent.objects.filter(
                action=AuditEvent.Action.REVEAL_IDENTITY, actor=recruiter, object_id=str(app.pk)
            ).count()
            == 1
        )
    finally:
        context.close()
