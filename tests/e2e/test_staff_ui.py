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


def posting_with_stages(org, count=6):
    from reilu.jobs import services as job_services
    from tests.conftest import DUTIES, posting_data

    kinds = ["received", "screening", "interview", "assignment", "interview", "offer"]
    stages = [
        {"name": f"Stage {n + 1}", "kind": kinds[n % len(kinds)], "promise_days": 7}
        for n in range(count)
    ]
    posting = job_services.posting_create(
        organization=org, data=posting_data(title="Many stages"), duties=list(DUTIES), stages=stages
    )
    job_services.posting_publish(posting=posting)
    return posting


def test_a_card_dragged_to_the_next_stage_moves_and_tells_the_candidate(
    browser, live_server, recruiter_setup
):
    from reilu.messaging.models import Message

    org, recruiter, _posting = recruiter_setup
    posting = posting_with_stages(org)
    app, _raw = make_application(posting, email="drag@example.fi", name="Dragi Draggable")
    stay, _raw = make_application(posting, email="stay@example.fi", name="Stay Put")
    first, second = list(posting.stages.all())[:2]
    before = set(Message.objects.about(app).filter().values_list("pk", flat=True))
    context = browser.new_context(viewport=DESKTOP, locale="en-US")
    page = context.new_page()
    watch = Watch(page)
    staff_login(page, live_server.url, recruiter)
    page.goto(f"{live_server.url}/staff/postings/{posting.pk}/")
    card = page.locator("article.cardlet", has_text="Dragi Draggable")
    target = page.locator(f"section.column[aria-labelledby='col-{second.pk}']")
    card.drag_to(target)
    expect(target.get_by_role("link", name="Dragi Draggable")).to_be_visible()
    expect(
        page.locator(f"section.column[aria-labelledby='col-{first.pk}'] h2 .badge")
    ).to_have_text("1")
    app.refresh_from_db()
    stay.refresh_from_db()
    assert app.stage_id == second.pk and stay.stage_id == first.pk
    queued = Message.objects.about(app).filter().exclude(pk__in=before)
    assert queued.filter(alert_staff_on_failure=True).count() == 1
    assert app.events.filter(kind="moved", stage=second, actor=recruiter).count() == 1
    # The board that came back still works: the → button moves the card on.
    target.get_by_role("button", name="Move Dragi Draggable to the next stage").click()
    third = list(posting.stages.all())[2]
    expect(
        page.locator(f"section.column[aria-labelledby='col-{third.pk}']").get_by_role(
            "link", name="Dragi Draggable"
        )
    ).to_be_visible()
    watch.assert_clean()
    context.close()


def test_many_stages_fit_or_scroll_inside_the_board_and_long_names_stay_in_their_card(
    browser, live_server, recruiter_setup
):
    org, recruiter, _posting = recruiter_setup
    posting = posting_with_stages(org, count=6)
    long_name = "Aleksanteri" + "x" * 69  # 80 characters, no space to break at
    make_application(posting, email="long@example.fi", name=long_name)
    context = browser.new_context(viewport=DESKTOP, locale="en-US")
    page = context.new_page()
    staff_login(page, live_server.url, recruiter)
    page.goto(f"{live_server.url}/staff/postings/{posting.pk}/")
    board = page.locator("#board")
    expect(board).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    sizes = board.evaluate(
        "b => ({scroll: b.scrollWidth, client: b.clientWidth,"
        " overflow: getComputedStyle(b).overflowX})"
    )
    columns = board.locator("section.column").evaluate_all(
        "cs => cs.map((c) => c.getBoundingClientRect().right)"
    )
    assert len(columns) == 7  # six stages and the decided column
    all_visible = max(columns) <= DESKTOP["width"]
    scrolls_inside = sizes["scroll"] > sizes["client"] and sizes["overflow"] == "auto"
    assert all_visible or scrolls_inside
    if scrolls_inside:  # the last column can be reached by scrolling the board itself
        assert board.get_attribute("tabindex") == "0"  # also by keyboard
        board.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
        assert page.locator("section.column").last.bounding_box()["x"] < DESKTOP["width"]
    card = page.locator("article.cardlet", has_text=long_name[:20])
    fits = card.evaluate(
        """c => {
          const box = c.getBoundingClientRect();
          const name = c.querySelector("a").getBoundingClientRect();
          return c.scrollWidth <= c.clientWidth && name.right <= box.right + 0.5;
        }"""
    )
    assert fits
    context.close()
    # On a phone too the board scrolls inside itself: the page never scrolls sideways.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US")
    page = phone.new_page()
    staff_login(page, live_server.url, recruiter)
    page.goto(f"{live_server.url}/staff/postings/{posting.pk}/")
    expect(page.locator("#board")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    phone.close()


@pytest.mark.parametrize("locale", ["fi-FI", "sv-SE", "en-US"])
def test_the_staff_menu_fits_one_line_in_every_language(
    browser, live_server, recruiter_setup, locale
):
    _org, recruiter, posting = recruiter_setup
    context = browser.new_context(viewport=DESKTOP, locale=locale)
    page = context.new_page()
    staff_login(page, live_server.url, recruiter)
    page.goto(f"{live_server.url}/staff/postings/{posting.pk}/")
    assert page.locator("html").get_attribute("lang") == locale[:2]
    assert page.locator("#staff-menu").bounding_box()["height"] <= 50
    assert page.locator(".site-header").bounding_box()["height"] <= 80
    assert page.locator("#staff-menu > li").count() == 5
    context.close()


def _overlap(a: dict, b: dict) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("width", [920, 1000, 1280])
def test_the_staff_header_never_overlaps_the_language_switch(
    page, live_server, recruiter_setup, width
):
    # Between the phone menu (≤ 900 px) and a wide screen the one-line menu is widest in
    # Swedish ("Inställningar", "Sökandes röst"); it pushed under the language form.
    _org, recruiter, _posting = recruiter_setup
    page.set_viewport_size({"width": width, "height": 800})
    staff_login(page, live_server.url, recruiter)
    for language in ("sv", "fi", "en"):
        page.locator("#lang-select").select_option(language)
        expect(page.locator("html")).to_have_attribute("lang", language)
        menu = page.locator(".staff-menu > li").last.bounding_box()
        switch = page.locator(".lang-form").bounding_box()
        assert not _overlap(menu, switch), (language, menu, switch)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
