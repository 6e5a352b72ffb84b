"""Applying with the keyboard only, with the focus visible at every stop."""

import re

from playwright.sync_api import expect

from reilu.applications.models import Application
from tests.conftest import PDF_BYTES, make_application, make_org, make_posting

MAX_TABS = 80

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    html: el.outerHTML.slice(0, 160),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
  };
}"""


def _focus_is_visible(page) -> dict:
    focus = page.evaluate(FOCUS_STYLE)
    visible = (focus["outlineStyle"] != "none" and focus["outlineWidth"] > 0) or (
        focus["boxShadow"] not in ("", "none")
    )
    assert visible, f"focus on <{focus['tag']} id={focus['id']!r}> has no visible outline: {focus}"
    return focus


def _tab_to(page, selector: str) -> None:
    """Press Tab until the element matching `selector` has focus, checking each stop."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            _focus_is_visible(page)
            return
        if page.evaluate("document.activeElement !== document.body"):
            _focus_is_visible(page)
    raise AssertionError(f"{selector} not reached with {MAX_TABS} presses of Tab")


def test_it_applies_with_the_keyboard_only(transactional_db, live_server, page, tmp_path):
    posting = make_posting(make_org())
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)

    page.goto(f"{live_server.url}/jobs/{posting.slug}/")
    # The skip link comes first and takes the keyboard straight to the content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()
    _focus_is_visible(page)
    _tab_to(page, "a[href$='/apply/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/apply/$"))

    _tab_to(page, "#id_name")
    page.keyboard.type("Kalle Keyboard")
    _tab_to(page, "#id_email")
    page.keyboard.type("kalle@example.fi")
    _tab_to(page, "#id_cv")
    # A file dialog cannot be driven headlessly: hand the file to the focused input.
    page.locator(":focus").set_input_files(str(cv))
    _tab_to(page, "#id_cover_letter")
    page.keyboard.type("I use the keyboard for everything.")
    _tab_to(page, "#id_privacy_consent")
    page.keyboard.press("Space")
    expect(page.locator("#id_privacy_consent")).to_be_checked()
    _tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/thanks/$"))
    expect(page.get_by_role("heading", name="Your application has been sent")).to_be_visible()
    app = Application.objects.get(posting=posting, email="kalle@example.fi")
    assert app.name == "Kalle Keyboard"
    assert app.cover_letter == "I use the keyboard for everything."
    assert app.cv_type == "application/pdf"


def test_it_shows_where_the_focus_is_on_every_stop(transactional_db, live_server, page):
    org = make_org()
    posting = make_posting(org)
    _app, raw = make_application(posting)
    for path in (
        "/",
        "/jobs/",
        f"/jobs/{posting.slug}/",
        f"/jobs/{posting.slug}/apply/",
        f"/employers/{org.slug}/",
        f"/status/{raw}/",
        "/accessibility/",
    ):
        page.goto(live_server.url + path)
        stops = []
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement === document.body"):
                break
            focus = _focus_is_visible(page)
            if stops and focus == stops[0]:
                break  # round the page and back to the skip link
            stops.append(focus)
        assert len(stops) >= 3, f"{path}: only {len(stops)} keyboard stops"
        assert 'class="skip"' in stops[0]["html"], f"{path}: the skip link is not first"
