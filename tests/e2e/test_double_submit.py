"""A second tap on "Send application" while the first is on its way sends nothing more."""

import re

from playwright.sync_api import expect

from reilu.applications.models import Application
from reilu.messaging.models import Message
from tests.conftest import make_org, make_posting


def test_a_double_tap_sends_one_application(transactional_db, live_server, phone_page):
    page = phone_page
    posting = make_posting(make_org())
    page.goto(f"{live_server.url}/jobs/{posting.slug}/apply/")
    page.get_by_label("Full name").fill("Aino Korhonen")
    page.get_by_label(re.compile(r"^Email:?$")).fill("aino@example.fi")
    page.get_by_label(re.compile("Cover letter")).fill("I would like to build honest software.")
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Send application").dblclick()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/thanks/$"))
    expect(page.get_by_role("heading", name="Your application has been sent")).to_be_visible()
    assert Application.objects.filter(posting=posting).count() == 1
    # One confirmation, no "we already have your application" mail.
    assert Message.objects.filter(to_email="aino@example.fi").count() == 1
