"""Analytics charts as drawn by Chromium: month labels never overlap, even on a phone."""

import pytest

from reilu.applications import services as app_services
from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.e2e.conftest import PHONE, staff_login
from tests.voice.conftest import make_response

LABEL_BOXES = """() => [...document.querySelectorAll('svg.chart-svg')].map(svg => {
  const frame = svg.getBoundingClientRect();
  const labels = [...svg.querySelectorAll('text.chart-xlabel')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom};
  });
  return {left: frame.left, right: frame.right, labels: labels};
})"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("locale", ["fi-FI", "sv-FI", "en-GB"])
def test_month_labels_do_not_overlap_at_phone_width(browser, live_server, locale):
    org = make_org()
    posting = make_posting(org)
    app, _raw = make_application(posting)
    app_services.application_move(application=app)  # a promise kept this month
    for score in (10, 9, 8, 7, 3):
        make_response(org, posting, recommend=score)
    context = browser.new_context(locale=locale, viewport=PHONE, timezone_id="Europe/Helsinki")
    page = context.new_page()
    try:
        staff_login(page, live_server.url, make_staff(org))
        page.goto(live_server.url + "/staff/analytics/")
        charts = [c for c in page.evaluate(LABEL_BOXES) if c["labels"]]
        assert len(charts) == 2  # promises kept and candidate NPS, per month
        for chart in charts:
            boxes = sorted(chart["labels"], key=lambda b: b["left"])
            assert len(boxes) >= 5
            for a, b in zip(boxes, boxes[1:], strict=False):
                assert a["right"] <= b["left"], (locale, a, b)
            assert boxes[0]["left"] >= chart["left"] and boxes[-1]["right"] <= chart["right"]
    finally:
        context.close()
