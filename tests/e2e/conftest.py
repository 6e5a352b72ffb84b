"""Browser tests: a real Chromium driven by Playwright's sync API against `live_server`.

Every test in this folder is marked `browser`; the folder is skipped when Debian's
Chromium is not installed at /usr/bin/chromium (Playwright cannot download browsers here).
"""

import os
import re
from pathlib import Path

import pytest

from tests.conftest import PREREQUISITE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
SCREENSHOTS = REPO_ROOT / "var" / "screenshots"
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 15_000
SKIP_REASON = f"{PREREQUISITE} Chromium not found at {CHROMIUM}: browser tests skipped"

# The sync API keeps an event loop running in the test thread; the ORM calls the tests make
# (creating data, reading the outbox) would otherwise raise SynchronousOnlyOperation.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


def pytest_collection_modifyitems(config, items):
    # This hook sees the whole session's items: touch only the ones in this folder.
    have_chromium = CHROMIUM.exists()
    for item in items:
        if not Path(item.path).resolve().is_relative_to(HERE):
            continue
        item.add_marker(pytest.mark.browser)
        if not have_chromium:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, **context_options):
    context = browser.new_context(locale="en-US", timezone_id="Europe/Helsinki", **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    context, page = _new_page(browser)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context, page = _new_page(browser, viewport=PHONE)
    yield page
    context.close()


def shot(page, name: str) -> Path:
    """Save a full-page PNG as var/screenshots/<name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- Shared by the recruiter, accessibility, keyboard and mobile tests -----------------------

TABLET = {"width": 820, "height": 1180}
STAFF_VIEWPORT = {"width": 1000, "height": 700}
STAFF_PASSWORD = "correct horse battery staple"  # noqa: S105 - a throwaway test password
DOC_SCREENSHOTS_ENV = "REILU_SCREENSHOT_DIR"


@pytest.fixture
def staff_page(browser, live_server):
    context, page = _new_page(browser, viewport=STAFF_VIEWPORT)
    yield page
    context.close()


@pytest.fixture
def tablet_page(browser, live_server):
    context, page = _new_page(browser, viewport=TABLET)
    yield page
    context.close()


def doc_shot(page, name: str) -> Path | None:
    """Save a small viewport PNG as $REILU_SCREENSHOT_DIR/<name>.png for the docs, if set.

    `make screenshots` sets the variable; an ordinary test run writes nothing.
    """
    folder = os.environ.get(DOC_SCREENSHOTS_ENV)
    if not folder:
        return None
    target = Path(folder)
    if not target.is_absolute():
        target = REPO_ROOT / target
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=False, animations="disabled", caret="hide")
    return path


def horizontal_overflow(page, width: int) -> int:
    """How many CSS pixels the document is wider than `width` (0 when nothing overflows)."""
    return max(0, page.evaluate("document.documentElement.scrollWidth") - width)


def staff_login(page, base_url: str, user, password: str = STAFF_PASSWORD) -> None:
    """Give `user` a password and sign in through the real /staff/login/ form."""
    from playwright.sync_api import expect

    user.set_password(password)
    user.save(update_fields=["password"])
    page.goto(base_url + "/staff/login/")
    page.locator("#id_username").fill(user.get_username())
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/staff/$"))
    expect(page.locator("form[action$='/staff/logout/'] button")).to_be_visible()


# The real SMTP server of tests/messaging, for journeys that read the mail as it arrives.
from tests.messaging.conftest import (  # noqa: E402, F401 - fixtures, used by name
    smtp_port,
    smtp_server,
    smtp_settings,
    smtp_socket,
)

# The inbound SMTP listener (`reilu inbound`) on a port of its own, for replies by email.
REPLY_DOMAIN = "reply.reilu.test"


@pytest.fixture
def listener(settings):
    from reilu.applications import inbound
    from tests.messaging.conftest import SocketController, reserve_port

    settings.REILU_REPLY_DOMAIN = REPLY_DOMAIN
    sock = reserve_port()
    controller = SocketController(inbound.InboundHandler(), sock)
    controller.start()
    yield "127.0.0.1", sock.getsockname()[1]
    controller.stop()
    sock.close()
