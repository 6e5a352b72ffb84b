"""The survey's scales are rows of large touch targets that stay real radio buttons."""

import re

import pytest
from playwright.sync_api import expect

from reilu.applications import services as app_services
from reilu.messaging.models import Message
from tests.conftest import make_application, make_org, make_posting
from tests.e2e.conftest import _new_page, horizontal_overflow, shot
from tests.interviews.conftest import to_interview

SURVEY_LINK = re.compile(r"https?://[^/\s]+(/survey/[A-Za-z0-9_-]+/)")


def _survey_path() -> str:
    org = make_org()
    app, _ = make_application(make_posting(org))
    to_interview(app)
    app_services.applications_decide(organization=org, application_ids=[app.pk], outcome="rejected")
    body = Message.objects.about(app).get(kind="survey_invitation").body
    return SURVEY_LINK.search(body).group(1)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_0_to_10_scale_is_large_touch_targets(browser, live_server, width):
    context, page = _new_page(browser, viewport={"width": width, "height": 900})
    try:
        _check_scale(page, live_server.url + _survey_path(), width)
    finally:
        context.close()


def _check_scale(page, url: str, width: int) -> None:
    page.goto(url)
    scale = page.locator("#id_recommend")
    radios = scale.get_by_role("radio")
    expect(radios).to_have_count(11)
    for i in range(11):
        target = scale.locator(f"label[for=id_recommend_{i}]")
        box = target.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (i, box)
        # The whole box is the radio: a tap anywhere in it chooses the number.
        assert radios.nth(i).bounding_box()["width"] >= 44
    assert horizontal_overflow(page, width) == 0
    # Wrapped or not, the last row is never a lone "10".
    tops = [scale.locator(f"label[for=id_recommend_{i}]").bounding_box()["y"] for i in range(11)]
    assert tops.count(tops[10]) >= 2, tops
    # Tapping the box's corner chooses it; keyboard arrows move like any radio group.
    scale.locator("label[for=id_recommend_7]").click(position={"x": 4, "y": 4})
    expect(page.locator("#id_recommend_7")).to_be_checked()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#id_recommend_8")).to_be_checked()
    shot(page, f"survey-scale-{width}")
