"""Phones and tablets: no page wider than the screen; the board scrolls inside itself."""

import pytest
from playwright.sync_api import expect

from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.e2e.conftest import PHONE, TABLET, doc_shot, horizontal_overflow, shot, staff_login


def test_it_fits_every_candidate_page_on_a_390px_phone(
    transactional_db, live_server, phone_page, settings
):
    settings.RATELIMIT_ENABLE = False
    page = phone_page
    org = make_org()
    posting = make_posting(
        org,
        title="Asiakaspalvelun ja myynnin tiiminvetäjä (määräaikainen, osa-aikainen)",
        contact_email="laura.nieminen-virtanen.rekrytointi@acme-palvelut.example",
    )
    _app, raw = make_application(posting)
    pages = {
        "home": "/",
        "jobs": "/jobs/",
        "detail": f"/jobs/{posting.slug}/",
        "apply": f"/jobs/{posting.slug}/apply/",
        "thanks": f"/jobs/{posting.slug}/thanks/",
        "employer": f"/employers/{org.slug}/",
        "status": f"/status/{raw}/",
        "withdraw": f"/status/{raw}/withdraw/",
        "accessibility": "/accessibility/",
    }
    too_wide = []
    for name, path in pages.items():
        page.goto(live_server.url + path)
        expect(page.locator("main h1").first).to_be_visible()
        shot(page, f"phone-{name}")
        if overflow := horizontal_overflow(page, PHONE["width"]):
            too_wide.append(f"{path}: {overflow}px wider than the phone")
    assert not too_wide, "\n".join(too_wide)

    page.goto(f"{live_server.url}/status/{raw}/")
    doc_shot(page, "status-phone")


@pytest.mark.parametrize("columns_full", [False, True])
def test_it_keeps_the_board_usable_on_a_tablet(
    transactional_db, live_server, tablet_page, columns_full
):
    page = tablet_page
    org = make_org()
    posting = make_posting(org, title="Myyntineuvottelija, pääkaupunkiseutu")
    names = [f"Hakija {n:02} Pitkäsukunimi-Esimerkkinen" for n in range(12 if columns_full else 2)]
    for n, name in enumerate(names):
        make_application(posting, email=f"hakija{n}@example.fi", name=name)
    staff_login(page, live_server.url, make_staff(org))

    page.goto(f"{live_server.url}/staff/postings/{posting.pk}/")
    board = page.locator("#board")
    expect(board).to_be_visible()
    assert horizontal_overflow(page, TABLET["width"]) == 0, "the page scrolls sideways"
    box = board.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= TABLET["width"]
    shot(page, f"tablet-board-{'full' if columns_full else 'few'}")

    # Every column is reachable: scrolled into view inside the board, not the page.
    last = page.locator("#board section.column").last
    last.scroll_into_view_if_needed()
    expect(last).to_be_in_viewport()
    assert horizontal_overflow(page, TABLET["width"]) == 0
    assert page.evaluate("window.scrollX") == 0

    first = names[0]
    button = page.get_by_role("button", name=f"Move {first} to the next stage")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, f"the move button is too small: {box}"
    button.click()
    second = page.locator("#board section.column").nth(1)
    expect(second.get_by_role("link", name=first)).to_be_visible()
    assert horizontal_overflow(page, TABLET["width"]) == 0
