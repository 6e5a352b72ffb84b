"""The candidate's side on a phone and a desktop (issue 13): a kept CV and the error summary,
status steps that never overlap, an apply button that follows on a phone."""

import re

import pytest
from playwright.sync_api import expect

from reilu.applications.models import Application
from reilu.applications.services import application_move
from reilu.jobs import services as job_services
from tests.conftest import PDF_BYTES, make_application, make_org, make_posting, posting_data
from tests.e2e.conftest import horizontal_overflow, shot

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
def test_a_chosen_cv_survives_a_forgotten_consent_box(
    transactional_db, live_server, browser, tmp_path, viewport
):
    context = browser.new_context(locale="en-US", viewport=viewport)
    page = context.new_page()
    posting = make_posting(make_org())
    cv_bytes = PDF_BYTES + b"% the candidate's own CV\n"
    cv = tmp_path / "aino-korhonen-cv.pdf"
    cv.write_bytes(cv_bytes)

    page.goto(f"{live_server.url}/jobs/{posting.slug}/apply/")
    page.get_by_label("Full name").fill("Aino Korhonen")
    page.get_by_label(re.compile(r"^Email:?$")).fill("aino@example.fi")
    page.get_by_label(re.compile(r"^CV:?$")).set_input_files(str(cv))
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Send application").click()
    assert answer.value.status == 400
    page.wait_for_load_state()

    # The summary is at the top, has the focus, and the title says there is an error.
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.title().startswith("Error:")
    expect(page.get_by_text("You chose: aino-korhonen-cv.pdf")).to_be_visible()
    shot(page, f"kept-cv-1-errors-{viewport['width']}")

    # Its link takes the candidate to the box, which gets the focus.
    summary.get_by_role("link", name="Please accept the privacy notice to apply.").click()
    consent = page.get_by_label(re.compile("I have read the privacy notice"))
    expect(consent).to_be_focused()
    expect(consent).to_be_in_viewport()
    consent.check()
    page.get_by_role("button", name="Send application").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/thanks/$"))

    app = Application.objects.get(posting=posting)
    assert app.cv_name == "aino-korhonen-cv.pdf"
    with app.cv.open("rb") as stored:
        assert stored.read() == cv_bytes
    context.close()


LONG_FINNISH_STAGES = [
    "Hakemusten vastaanottaminen",
    "Puhelinhaastattelu",
    "Soveltuvuusarviointikeskustelu",
    "Ennakkotehtävän palautuskeskustelu",
    "Henkilöarviointitestit",
    "Esihenkilöhaastattelu",
    "Taustatarkistusvaihe",
    "Työsopimusneuvottelut",
]

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll("ol.progress li")].map((li) => {
    const range = document.createRange();
    range.selectNodeContents(li);
    return [...range.getClientRects()];
  });
  const hits = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      for (const a of boxes[i])
        for (const b of boxes[j]) {
          const across = a.left < b.right - 0.5 && b.left < a.right - 0.5;
          const down = a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          if (across && down) hits.push(`${i + 1} and ${j + 1}`);
        }
  return hits;
}"""


@pytest.mark.parametrize("count", range(3, 9))
def test_status_step_labels_never_overlap(transactional_db, live_server, browser, count):
    org = make_org()
    stages = [
        {"name": name, "description": "Kuvaus.", "kind": "screening", "promise_days": 7}
        for name in LONG_FINNISH_STAGES[:count]
    ]
    data = posting_data(language="fi", title="Asiakaspalvelun tiiminvetäjä")
    posting = job_services.posting_create(
        organization=org,
        data=data,
        duties=[{"duty": "Asiakaspalvelu", "percent": 100}],
        stages=stages,
    )
    job_services.posting_publish(posting=posting)
    app, raw = make_application(posting, language="fi")
    application_move(application=app, to_stage=posting.stages.all()[count // 2])

    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    page.goto(f"{live_server.url}/status/{raw}/")
    expect(page.locator("ol.progress li")).to_have_count(count)
    problems = []
    for width in (320, 390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        if hits := page.evaluate(OVERLAPS):
            problems.append(f"{width}px: labels {', '.join(hits)} overlap")
        if overflow := horizontal_overflow(page, width):
            problems.append(f"{width}px: page {overflow}px too wide")
        shot(page, f"status-steps-{count}-{width}")
    context.close()
    assert not problems, "\n".join(problems)


IN_VIEW = """() => [...document.querySelectorAll("main a[href$='/apply/']")].filter((a) => {
  const r = a.getBoundingClientRect();
  return a.checkVisibility() && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
}).length"""


def test_the_apply_button_follows_on_a_phone(transactional_db, live_server, phone_page):
    org = make_org()
    org.intro_video_url = "https://www.youtube.com/watch?v=abcdefghijk"
    org.save()
    description = "\n\n".join(
        f"Kappale {n}: kerromme työstä, tiimistä ja siitä, miten teemme asiat yhdessä." * 3
        for n in range(12)
    )
    posting = make_posting(org, description=description)
    page = phone_page
    page.goto(f"{live_server.url}/jobs/{posting.slug}/")
    assert page.evaluate(IN_VIEW) >= 1, "no apply link in view at first load"
    height = page.evaluate("document.documentElement.scrollHeight")
    page.evaluate(f"window.scrollTo(0, {height // 2})")
    page.wait_for_timeout(100)
    assert page.evaluate(IN_VIEW) >= 1, "no apply link in view halfway down"
    shot(page, "job-phone-halfway")
    assert horizontal_overflow(page, PHONE["width"]) == 0

    # The intro video has a plain link beside it for when the player cannot load.
    fallback = page.get_by_role("link", name="Watch it on the video service")
    expect(fallback).to_have_attribute("href", org.intro_video_url)
    fallback.scroll_into_view_if_needed()
    expect(fallback).to_be_visible()

    # The bar's link leads to the form.
    page.locator("[data-apply-bar] a").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/apply/$"))


def test_the_bar_stays_out_of_the_way_on_a_desktop(transactional_db, live_server, browser):
    context = browser.new_context(locale="en-US", viewport=DESKTOP)
    page = context.new_page()
    posting = make_posting(make_org())
    page.goto(f"{live_server.url}/jobs/{posting.slug}/")
    expect(page.locator("[data-apply-bar]")).to_be_hidden()
    expect(page.get_by_role("link", name="Apply for this job")).to_be_in_viewport()
    context.close()
