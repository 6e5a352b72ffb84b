"""A job seeker's journey in a real browser: find a job, apply on a phone, follow the status."""

import re

from django.core import mail
from playwright.sync_api import expect

from reilu.applications.models import Application
from reilu.formatting import fmt_date
from reilu.messaging.outbox import deliver_all
from tests.conftest import PDF_BYTES, make_application, make_org, make_posting
from tests.e2e.conftest import PHONE, shot

STATUS_LINK = re.compile(r"https?://[^/\s]+(/status/[A-Za-z0-9_-]+/)")


def _no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide on a {PHONE['width']}px phone"


def test_it_applies_on_a_phone_and_sees_status(transactional_db, live_server, phone_page, tmp_path):
    page = phone_page
    posting = make_posting(make_org())
    cv = tmp_path / "aino-korhonen-cv.pdf"
    cv.write_bytes(PDF_BYTES)

    page.goto(live_server.url + "/jobs/")
    expect(page.get_by_role("heading", level=1, name="Open jobs")).to_be_visible()
    _no_horizontal_scroll(page)
    shot(page, "apply-journey-1-jobs")

    page.get_by_role("link", name=posting.title).click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/$"))
    expect(page.get_by_role("heading", level=1, name=posting.title)).to_be_visible()
    _no_horizontal_scroll(page)
    shot(page, "apply-journey-2-detail")

    page.get_by_role("link", name="Apply for this job").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/apply/$"))
    page.get_by_label("Full name").fill("Aino Korhonen")
    page.get_by_label(re.compile(r"^Email:?$")).fill("aino@example.fi")
    page.get_by_label(re.compile(r"^CV:?$")).set_input_files(str(cv))
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    _no_horizontal_scroll(page)
    shot(page, "apply-journey-3-form-filled")

    page.get_by_role("button", name="Send application").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/thanks/$"))
    expect(page.get_by_role("heading", name="Your application has been sent")).to_be_visible()
    _no_horizontal_scroll(page)
    shot(page, "apply-journey-4-thanks")

    app = Application.objects.get(posting=posting, email="aino@example.fi")
    assert app.cv_type == "application/pdf"
    mail.outbox.clear()
    assert deliver_all() >= 1
    received = [m for m in mail.outbox if m.to == ["aino@example.fi"]]
    assert received, "no mail to the applicant"
    found = STATUS_LINK.search(received[-1].body)
    assert found, f"no status link in the mail:\n{received[-1].body}"

    page.goto(live_server.url + found.group(1))
    expect(page.get_by_role("heading", level=1, name=posting.title)).to_be_visible()
    current = page.locator("ol.progress [aria-current='step']")
    expect(current).to_have_text("Received")
    expect(page.locator("main")).to_contain_text("Stage 1 of 4: Received")
    contact = page.locator(".contact-card")
    expect(contact).to_contain_text(posting.contact_name)
    promise = page.locator("p.promise")
    expect(promise).to_contain_text(posting.contact_name)
    expect(promise).to_contain_text(fmt_date(app.promised_by, "en"))
    _no_horizontal_scroll(page)
    shot(page, "apply-journey-5-status")


def test_it_withdraws_from_the_status_page(transactional_db, live_server, page):
    posting = make_posting(make_org())
    app, raw = make_application(posting)

    page.goto(f"{live_server.url}/status/{raw}/")
    expect(page.get_by_role("heading", level=1, name=posting.title)).to_be_visible()
    shot(page, "withdraw-1-status")

    page.get_by_role("link", name="Withdraw my application").click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/withdraw/$"))
    expect(page.get_by_role("heading", name="Withdraw your application?")).to_be_visible()
    shot(page, "withdraw-2-confirm")

    with page.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith("/withdraw/")
    ) as answer:
        page.get_by_role("button", name="Yes, withdraw").click()
    page.wait_for_load_state()
    shot(page, "withdraw-3-after-post")
    assert answer.value.status == 302, (
        f"withdrawing answered {answer.value.status}, expected a redirect to the status page"
    )

    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/$"))
    expect(page.get_by_text("Your application is withdrawn.")).to_be_visible()
    expect(page.get_by_text("You withdrew this application.")).to_be_visible()
    expect(page.get_by_role("link", name="Withdraw my application")).to_have_count(0)
    shot(page, "withdraw-4-withdrawn")

    app.refresh_from_db()
    assert app.outcome == Application.Outcome.WITHDRAWN


def test_it_shows_errors_tied_to_fields(transactional_db, live_server, page):
    posting = make_posting(make_org())

    page.goto(f"{live_server.url}/jobs/{posting.slug}/apply/")
    with page.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith(f"/jobs/{posting.slug}/apply/")
    ) as answer:
        page.get_by_role("button", name="Send application").click()
    assert answer.value.status == 400
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    expect(
        summary.get_by_role("link", name="Please accept the privacy notice to apply.")
    ).to_be_visible()
    expect(
        page.locator("main .field").get_by_text("Please accept the privacy notice to apply.")
    ).to_be_visible()

    email = page.get_by_label(re.compile(r"^Email:?$"))
    invalid = email.get_attribute("aria-invalid") == "true"
    described_by = (email.get_attribute("aria-describedby") or "").split()
    described_errors = [
        ref
        for ref in described_by
        if "required" in page.locator(f"[id='{ref}']").inner_text().lower()
    ]
    assert invalid or described_errors, "the email input is not tied to its error"
    for ref in described_errors:
        expect(page.locator(f"[id='{ref}']")).to_be_visible()
    shot(page, "errors-1-empty-submit")


SERIOUS = {"serious", "critical"}


def test_public_pages_have_no_serious_axe_violations(transactional_db, live_server, page):
    from axe_playwright_python.sync_playwright import Axe

    posting = make_posting(make_org())
    _app, raw = make_application(posting)
    pages = {
        "home": "/",
        "jobs": "/jobs/",
        "detail": f"/jobs/{posting.slug}/",
        "apply": f"/jobs/{posting.slug}/apply/",
        "status": f"/status/{raw}/",
    }
    axe = Axe()
    found = []
    for name, path in pages.items():
        page.goto(live_server.url + path)
        expect(page.locator("main h1")).to_be_visible()
        shot(page, f"axe-{name}")
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in SERIOUS:
                targets = [", ".join(node["target"]) for node in violation["nodes"]]
                found.append(f"{path}: {violation['id']} ({violation['impact']}) at {targets}")
    assert not found, "serious accessibility violations:\n" + "\n".join(found)
