"""Reload and Back around forms, in Chromium: a page that answers a POST must not leave an
entry in the history that Back or reload can only open by sending the form again (Chromium's
"Confirm form resubmission", net::ERR_CACHE_MISS headless).

- Asking for a sign-in link redirects to a GET page (post/redirect/get) that keeps the code
  form for the address across a reload.
- A form shown again with its errors (a POST's answer) replaces its history entry with its
  plain address (reilu.js), so Back after the corrected, successful submit opens the form
  afresh instead of the re-POST prompt or the stale errors.
"""

import re

from django.core import mail
from playwright.sync_api import expect

from reilu.applications.models import Application
from reilu.messaging.outbox import deliver_all
from tests.conftest import make_org, make_posting

SEEKER = "aino.history@example.fi"
CODE = re.compile(r"^(\d{6})$", re.M)


def _sign_in(page, base: str) -> None:
    page.goto(base + "/talent/signin/")
    expect(page.get_by_role("heading", level=1, name="Sign in to Reilu")).to_be_visible()
    page.locator("#id_email").fill(SEEKER)
    page.get_by_role("button", name="Email me a sign-in link").click()
    page.wait_for_url(re.compile(r"/talent/signin/sent/$"))
    assert SEEKER not in page.url
    for _reload in range(2):
        response = page.reload()
        assert response is not None and response.status == 200
        expect(page.get_by_role("heading", level=1, name="Check your email")).to_be_visible()
        expect(page.locator("#id_email")).to_have_value(SEEKER)
    deliver_all()
    bodies = [m.body for m in mail.outbox if m.to == [SEEKER]]
    assert len(bodies) == 1  # reloading sent no second mail
    page.locator("#id_code").fill(CODE.search(bodies[0]).group(1))
    page.get_by_role("button", name="Sign in with the code").click()
    page.wait_for_url(re.compile(r"/me/$"))


def _apply_after_an_error(page, url: str, posting) -> None:
    page.goto(url)
    if page.locator("#id_email:not([disabled])").count():
        page.locator("#id_email").fill(SEEKER)
    page.locator("#id_name").fill("")
    page.locator("#id_cover_letter").fill("I would like to build honest software.")
    page.locator("#id_privacy_consent").check()
    page.get_by_role("button", name="Send application").click()
    expect(page.locator("#error-summary")).to_be_visible()
    page.locator("#id_name").fill("Aino Korhonen")
    page.locator("#id_privacy_consent").check()
    page.get_by_role("button", name="Send application").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/thanks/$"))
    assert Application.objects.filter(posting=posting, email=SEEKER).count() == 1
    # Back: the form afresh (a GET), not the re-POST prompt nor the old errors.
    response = page.go_back()
    assert response is not None and response.status == 200
    assert response.request.method == "GET"
    assert page.url == url
    expect(page.locator("#error-summary")).to_have_count(0)
    assert not page.title().startswith("Error:")


def test_back_after_a_corrected_public_application(transactional_db, live_server, phone_page):
    posting = make_posting(make_org())
    url = f"{live_server.url}/jobs/{posting.slug}/apply/"
    _apply_after_an_error(phone_page, url, posting)


def test_sign_in_survives_a_reload_and_quick_apply_survives_back(
    transactional_db, live_server, phone_page
):
    posting = make_posting(make_org())
    mail.outbox.clear()
    _sign_in(phone_page, live_server.url)
    url = f"{live_server.url}/me/apply/{posting.slug}/"
    _apply_after_an_error(phone_page, url, posting)
