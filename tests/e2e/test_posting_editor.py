"""The posting editor in Chromium: rows are added and removed with the keyboard and the mouse
on a wide screen and a phone, and an edit of a published ad reaches the careers page whole."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reilu.jobs import services
from reilu.jobs.models import Posting
from tests.conftest import make_org, make_posting, make_staff
from tests.e2e.conftest import horizontal_overflow, shot, staff_login

WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def errors():
    return []


def _open(browser, viewport, errors):
    context = browser.new_context(locale="en-US", timezone_id="Europe/Helsinki", viewport=viewport)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("console", lambda m: _console(m, errors))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page


def _console(message, errors):
    # The browser's own favicon probe is not the page's doing.
    if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
        errors.append(message.text)


def _rows(page, kind):
    return page.locator(f"[data-formset-row]:has([name^='{kind}-']):visible")


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["1280", "390"])
def test_rows_are_added_and_removed(transactional_db, live_server, browser, viewport, errors):
    org = make_org()
    recruiter = make_staff(org)
    context, page = _open(browser, viewport, errors)
    try:
        staff_login(page, live_server.url, recruiter)
        page.goto(live_server.url + "/staff/postings/new/")
        today = timezone.localdate()
        page.locator("#id_language").select_option("en")
        page.locator("#id_title").fill("Gardener")
        page.locator("#id_description").fill("Look after the city's parks and trees.")
        page.locator("#id_location").fill("Turku")
        page.locator("#id_pay_min").fill("2600")
        page.locator("#id_pay_max").fill("3000")
        page.locator("#id_contact_name").fill("Laura Nieminen")
        page.locator("#id_contact_email").fill("laura@acme.example")
        page.locator("#id_apply_by").fill((today + dt.timedelta(days=14)).isoformat())
        page.locator("#id_decision_by").fill((today + dt.timedelta(days=28)).isoformat())

        expect(_rows(page, "duties")).to_have_count(2)
        # The checkboxes are the no-script fallback; with the script there are buttons.
        expect(page.locator("#id_duties-0-DELETE")).to_be_hidden()
        page.locator("#id_duties-0-duty").fill("Planting")
        page.locator("#id_duties-0-percent").fill("50")
        page.locator("#id_duties-1-duty").fill("Paperwork")
        page.locator("#id_duties-1-percent").fill("10")
        add_duty = page.get_by_role("button", name="Add a duty")
        add_duty.focus()
        page.keyboard.press("Enter")
        expect(_rows(page, "duties")).to_have_count(3)
        expect(page.locator("#id_duties-2-duty")).to_be_focused()
        page.keyboard.type("Pruning")
        page.locator("#id_duties-2-percent").fill("30")
        add_duty.click()
        page.locator("#id_duties-3-duty").fill("Mowing")
        page.locator("#id_duties-3-percent").fill("20")
        remove = _rows(page, "duties").nth(1).get_by_role("button", name="Remove duty")
        remove.focus()
        page.keyboard.press("Space")
        expect(_rows(page, "duties")).to_have_count(3)
        expect(add_duty).to_be_focused()
        expect(page.locator("#id_duties-TOTAL_FORMS")).to_have_value("4")

        expect(_rows(page, "stages")).to_have_count(5)
        _rows(page, "stages").nth(2).get_by_role("button", name="Remove stage").click()
        _rows(page, "stages").nth(3).get_by_role("button", name="Remove stage").click()  # spare
        page.get_by_role("button", name="Add a stage").click()
        expect(page.locator("#id_stages-5-name")).to_be_focused()
        page.locator("#id_stages-5-name").fill("Job offer")
        page.locator("#id_stages-5-kind").select_option("offer")
        page.locator("#id_stages-1-name").fill("First look")
        assert horizontal_overflow(page, viewport["width"]) == 0
        page.locator("#id_stages-5-name").scroll_into_view_if_needed()
        shot(page, f"editor-rows-{viewport['width']}")

        page.get_by_role("button", name="Save and publish").click()
        page.wait_for_url(re.compile(r"/staff/postings/\d+/$"))
        posting = Posting.objects.get(title="Gardener")
        assert posting.state == Posting.State.PUBLISHED
        assert [(d.duty, d.percent) for d in posting.duties.all()] == [
            ("Planting", 50),
            ("Pruning", 30),
            ("Mowing", 20),
        ]
        assert [s.name for s in posting.stages.all()] == [
            "Received",
            "First look",
            "Decision",
            "Job offer",
        ]
        assert errors == []
    finally:
        context.close()


def test_editing_the_description_keeps_a_long_ad_whole(
    transactional_db, live_server, browser, errors
):
    org = make_org()
    recruiter = make_staff(org)
    duties = [{"duty": f"Task {n}", "percent": p} for n, p in enumerate([25, 15, 15, 15, 15, 15])]
    posting = make_posting(org, duties=duties)
    stages = [
        {"name": f"Phase {n}", "kind": "screening", "description": f"In phase {n} we call you."}
        for n in range(6)
    ]
    services.posting_update(posting=posting, data={}, stages=stages)
    context, page = _open(browser, WIDE, errors)
    try:
        staff_login(page, live_server.url, recruiter)
        page.goto(f"{live_server.url}/staff/postings/{posting.pk}/edit/")
        expect(page.locator("input[name$='-duty']")).to_have_count(8)  # six and two spare
        page.locator("#id_description").fill("Honest work in a friendly team, rewritten.")
        page.get_by_role("button", name="Save: the ad changes at once").click()
        expect(page.get_by_text("Saved.")).to_be_visible()

        page.goto(f"{live_server.url}/jobs/{posting.slug}/")
        main = page.locator("main")
        expect(main).to_contain_text("Honest work in a friendly team, rewritten.")
        for n in range(6):
            expect(main).to_contain_text(f"Task {n}")
            expect(main).to_contain_text(f"Phase {n}")
            expect(main).to_contain_text(f"In phase {n} we call you.")
        posting.refresh_from_db()
        assert posting.state == Posting.State.PUBLISHED
        assert posting.duties.count() == 6 and posting.stages.count() == 6
        assert errors == []
    finally:
        context.close()
