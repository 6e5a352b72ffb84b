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
