"""The recruiter's workspace in Chromium: CV preview, navigation and the board."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.e2e.conftest import staff_login
from tests.e2e.watch import Watch


@pytest.fixture
def recruiter_setup(transactional_db):
    org = make_org()
    recruiter = make_staff(org)
    posting = make_posting(org)
    return org, recruiter, posting


def test_the_pdf_cv_previews_in_the_page_without_csp_violations(page, live_server, recruiter_setup):
    _org, recruiter, posting = recruiter_setup
    app, _raw = make_application(posting)
    watch = Watch(page)
    staff_login(page, live_server.url, recruiter)
    url = f"{live_server.url}/staff/applications/{app.pk}/"
    with page.expect_response(re.compile(r"/cv/preview/$")) as preview:
        page.goto(url)
    assert preview.value.status == 200
    assert preview.value.headers["content-type"] == "application/pdf"
    frame = page.locator(".cv-preview iframe")
    expect(frame).to_be_visible()
    assert frame.bounding_box()["height"] > 300
    page.wait_for_load_state("networkidle")
    watch.assert_clean()


DESKTOP = {"width": 1280, "height": 800}


def test_the_staff_menu_is_one_line_on_a_wide_screen_with_the_place_marked(
    browser, live_server, recruiter_setup
):
    _org, recruiter, posting = recruiter_setup
    context = browser.new_context(viewport=DESKTOP, locale="en-US")
    page = context.new_page()
    watch = Watch(page)
    staff_login(page, live_server.url, recruiter)
    menu = page.locator("#staff-menu")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    assert menu.bounding_box()["height"] <= 50  # one line of 44 px targets
    tops = {
        round(box["y"])
        for box in menu.locator(":scope > li").evaluate_all(
            "items => items.map((li) => li.getBoundingClientRect().toJSON())"
        )
    }
    assert len(tops) == 1
    header = page.locator(".site-header").bounding_box()["height"]
    assert header <= 80
    expect(page.locator("#staff-menu a[aria-current=page]")).to_have_text("Postings")

    page.goto(f"{live_server.url}/staff/postings/{posting.pk}/")
    expect(page.locator(".nav-group.current summary")).to_have_text("Recruiting")
    expect(page.locator("#staff-menu a[aria-current]")).to_have_attribute("aria-current", "true")
    page.get_by_text("Candidate voice", exact=True).click()
    page.get_by_role("link", name="Reviews").click()
    page.wait_for_url(re.compile(r"/staff/reviews/$"))
    expect(page.locator("#staff-menu a[aria-current=page]")).to_have_text("Reviews")
    expect(page.locator(".nav-group.current summary")).to_have_text("Candidate voice")
    watch.assert_clean()
    context.close()


def test_on_a_phone_the_menu_is_one_button_that_opens_by_click_and_keyboard(
    phone_page, live_server, recruiter_setup
):
    page = phone_page
    _org, recruiter, _posting = recruiter_setup
    staff_login(page, live_server.url, recruiter)
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#staff-menu")).to_be_hidden()
    assert page.locator(".site-header").bounding_box()["height"] <= 130
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#staff-menu")).to_be_visible()
    page.get_by_text("Recruiting", exact=True).click()
    page.get_by_role("link", name="Needs attention").click()
    page.wait_for_url(re.compile(r"/staff/attention/$"))
    # The keyboard: focus the button, Enter opens, Escape closes and keeps focus on it.
    toggle = page.get_by_role("button", name="Menu")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".nav-group.current summary")).to_have_text("Recruiting")
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
