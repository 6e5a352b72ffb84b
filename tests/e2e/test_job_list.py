"""The job list in Chromium: sorting, clearing filters and an empty result's job alert,
on a 390 px phone and a 1280 px desktop, without sideways scrolling."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reilu.jobs.models import Posting
from tests.conftest import make_org, make_posting
from tests.e2e.conftest import _new_page, horizontal_overflow, shot


@pytest.mark.parametrize("width", [390, 1280])
def test_a_seeker_sorts_searches_and_clears_on_any_screen(
    transactional_db, live_server, browser, width
):
    org = make_org("kauppa", "Lähikauppa Åström Oy")
    for days, title, pay in ((3, "Myyjä", 3100), (1, "Varastotyöntekijä", 2900)):
        posting = make_posting(org, title=title, pay_min=pay, pay_max=pay, language="fi")
        Posting.objects.filter(pk=posting.pk).update(
            published_at=timezone.now() - dt.timedelta(days=days)
        )
    context, page = _new_page(browser, viewport={"width": width, "height": 900})
    try:
        page.goto(live_server.url + "/jobs/")
        cards = page.locator(".job-card h3")
        expect(cards).to_have_text(["Varastotyöntekijä", "Myyjä"])
        page.get_by_label("Sort by").select_option("pay")
        page.get_by_role("button", name="Search").click()
        expect(cards).to_have_text(["Myyjä", "Varastotyöntekijä"])

        page.get_by_label("Job or employer").fill("myyja")
        page.get_by_role("button", name="Search").click()
        expect(cards).to_have_text(["Myyjä"])
        assert horizontal_overflow(page, width) == 0
        shot(page, f"jobs-search-{width}")

        page.get_by_label("Job or employer").fill("putkimies")
        page.get_by_role("button", name="Search").click()
        expect(page.get_by_text("No jobs match these filters.")).to_be_visible()
        offer = page.get_by_role("region", name="Hear when a matching job is published")
        expect(offer).to_contain_text("“putkimies”")
        expect(offer.get_by_role("link", name="Email me matching jobs")).to_have_attribute(
            "href", re.compile(r"/talent/signin/\?keywords=putkimies")
        )
        assert horizontal_overflow(page, width) == 0
        shot(page, f"jobs-empty-{width}")

        page.get_by_role("link", name="Clear filters").first.click()
        expect(cards).to_have_count(2)
        expect(page.get_by_label("Job or employer")).to_have_value("")
        expect(page.get_by_label("Sort by")).to_have_value("pay")  # the order is kept
    finally:
        context.close()


def test_after_back_the_location_field_shows_the_addresss_filter(
    transactional_db, live_server, browser
):
    """Chromium restores a form's typed values on Back (form restoration, or the whole page
    from the back/forward cache); the job list's filters must show what the address filters
    on, the same as the results below them."""
    org = make_org("kauppa", "Lähikauppa Åström Oy")
    make_posting(org, title="Myyjä", location="Oulu", language="fi")
    make_posting(org, title="Kassa", location="Tampere", language="fi")
    context, page = _new_page(browser, viewport={"width": 1280, "height": 900})
    try:
        page.goto(live_server.url + "/jobs/?location=Oulu")
        location = page.get_by_label("Location")
        cards = page.locator(".job-card h3")
        expect(cards).to_have_text(["Myyjä"])
        expect(location).to_have_value("Oulu")

        # A new search, then Back to the first.
        location.fill("Tampere")
        page.get_by_role("button", name="Search").click()
        page.wait_for_url(re.compile(r"location=Tampere"))
        expect(cards).to_have_text(["Kassa"])
        page.go_back()
        page.wait_for_url(re.compile(r"location=Oulu"))
        expect(cards).to_have_text(["Myyjä"])
        expect(location).to_have_value("Oulu")

        # Typed but not searched, away to a job and Back.
        location.fill("Helsinki")
        page.get_by_role("link", name="Myyjä").click()
        expect(page.get_by_role("heading", level=1, name="Myyjä")).to_be_visible()
        page.go_back()
        page.wait_for_url(re.compile(r"location=Oulu"))
        expect(location).to_have_value("Oulu")
    finally:
        context.close()
