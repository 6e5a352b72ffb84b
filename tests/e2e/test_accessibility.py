"""axe-core in Chromium on every public, candidate and main staff page, in all three languages.

A serious or critical violation fails the test; the fix belongs in the template or the CSS.
"""

import pytest
from playwright.sync_api import expect

from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.e2e.conftest import shot, staff_login

SERIOUS = {"serious", "critical"}
LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def _violations(axe, page, path: str) -> list[str]:
    found = []
    for violation in axe.run(page).response["violations"]:
        if violation["impact"] in SERIOUS:
            targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
            found.append(f"{path}: {violation['id']} ({violation['impact']}) at {targets}")
    return found


def _audit(axe, page, base_url: str, language: str, pages: dict[str, str]) -> list[str]:
    found = []
    for name, path in pages.items():
        page.goto(base_url + path)
        expect(page.locator("main h1").first).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", language)
        shot(page, f"axe-{language}-{name}")
        found += _violations(axe, page, f"[{language}] {path}")
    return found


def _use_language(page, base_url: str, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base_url}])


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_has_no_serious_violations_for_candidates(
    transactional_db, live_server, page, axe, language, settings
):
    settings.RATELIMIT_ENABLE = False
    org = make_org()
    posting = make_posting(org)
    _app, raw = make_application(posting, language=language)
    _use_language(page, live_server.url, language)
    pages = {
        "home": "/",
        "jobs": "/jobs/",
        "detail": f"/jobs/{posting.slug}/",
        "apply": f"/jobs/{posting.slug}/apply/",
        "thanks": f"/jobs/{posting.slug}/thanks/",
        "employer": f"/employers/{org.slug}/",
        "status": f"/status/{raw}/",
        "withdraw": f"/status/{raw}/withdraw/",
        "accessibility": "/accessibility/",
        "login": "/staff/login/",
    }
    found = _audit(axe, page, live_server.url, language, pages)
    assert not found, "serious accessibility violations:\n" + "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_has_no_serious_violations_for_staff(transactional_db, live_server, page, axe, language):
    org = make_org()
    posting = make_posting(org)
    app, _raw = make_application(posting)
    make_application(posting, email="eero@example.fi", name="Eero Mäkinen", language="sv")
    recruiter = make_staff(org)
    staff_login(page, live_server.url, recruiter)
    _use_language(page, live_server.url, language)
    pages = {
        "staff-home": "/staff/",
        "board": f"/staff/postings/{posting.pk}/",
        "editor-new": "/staff/postings/new/",
        "editor-edit": f"/staff/postings/{posting.pk}/edit/",
        "application": f"/staff/applications/{app.pk}/",
        "attention": "/staff/attention/",
        "templates": "/staff/templates/",
    }
    found = _audit(axe, page, live_server.url, language, pages)
    assert not found, "serious accessibility violations:\n" + "\n".join(found)
