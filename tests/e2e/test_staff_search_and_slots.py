"""Candidate search and interview times in Chromium, on a phone and a desktop."""

import pytest

from reilu.interviews.models import Slot
from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.e2e.conftest import PHONE, horizontal_overflow, staff_login

DESKTOP = {"width": 1280, "height": 800}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_a_recruiter_finds_a_caller_and_removes_a_time(browser, live_server, viewport):
    org = make_org()
    posting = make_posting(org, title="Sosiaaliohjaaja")
    make_application(posting, email="maija@example.fi", name="Maija Virtanen")
    user = make_staff(org)
    context = browser.new_context(locale="en-GB", viewport=viewport, timezone_id="Europe/Helsinki")
    page = context.new_page()
    try:
        staff_login(page, live_server.url, user)
        page.locator("#home-candidate-q").fill("maija")
        page.locator("form[action$='/staff/candidates/'] button").click()
        page.wait_for_url("**/staff/candidates/?q=maija")
        assert page.locator("main table a", has_text="Maija Virtanen").is_visible()
        assert horizontal_overflow(page, viewport["width"]) == 0

        page.goto(f"{live_server.url}/staff/interviews/postings/{posting.pk}/slots/")
        assert horizontal_overflow(page, viewport["width"]) == 0
        page.locator("#id_day").fill("2099-03-02")  # a Monday
        page.locator("#id_last_day").fill("2099-03-03")
        page.locator("#id_start").fill("09:00")
        page.locator("#id_end").fill("11:00")
        page.locator("#id_length").fill("50")
        page.locator("#id_pause").fill("10")
        page.locator("#id_location").fill("Town hall")
        page.locator("input[name=interviewers]").first.check()
        page.locator("main form button[type=submit]", has_text="Publish").click()
        page.get_by_text("4 times are published for booking.").wait_for()
        assert Slot.objects.count() == 4

        page.locator("a", has_text="Remove this time").first.click()
        page.get_by_text("Delete this time? It cannot be undone.").wait_for()
        page.locator("main form button[type=submit]", has_text="Delete this time").click()
        page.get_by_text("The time is removed.").wait_for()
        assert Slot.objects.count() == 3
    finally:
        context.close()
