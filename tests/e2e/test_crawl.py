"""A crawl of every page reachable from the demo data, as each kind of visitor sees it.

Starting from the home page, a candidate's status link, a seeker's talent page and the
recruiter's workspace, the crawler follows every same-site link and submits every GET form
with its default values. Each page is loaded in Finnish, Swedish and English, at 1280 px and
390 px, and fails the test on a console error, a content-security-policy violation, a failed
request to the site itself, a 4xx or 5xx answer, or a page wider than the screen.

Pages are visited once per URL pattern and query shape (two instances at most), so the crawl
grows with the number of kinds of page, not with the demo data.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve

LANGUAGES = ("fi", "sv", "en")
WIDTHS = (1280, 390)
PER_PATTERN = 2
MAX_PAGES = 160
# Links that act, leave the site's HTML or need a person's mailbox: never followed.
SKIP = re.compile(
    r"/(?:staff/)?logout/|/signout/|/admin/|/i18n/|/api/v1/(?!docs)|/dev/mailbox/|"
    r"/cv/|\.ics\b|/my-data/|/data/|/unsubscribe/|/alerts/confirm/|/signin/[^/]+/$|"
    r"/erase/|/withdraw/|/media/|/static/"
)
# Every page reports its own CSP violations here; the console catches the rest.
CSP_PROBE = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});
"""


def _pattern_key(url: str) -> str:
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
        route = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        route = route or match.route
    except Resolver404:
        route = parts.path
    keys = ",".join(sorted({k for k, _ in parse_qsl(parts.query)}))
    return f"{route}?{keys}"


def _same_site(url: str, base: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != base:
        return None
    if SKIP.search(parts.path):
        return None
    return urlunsplit(("", "", parts.path, parts.query, ""))


def _discover(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    forms = page.eval_on_selector_all(
        "form",
        """forms => forms
            .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
            .map(f => {
              const url = new URL(f.getAttribute('action') || location.href, location.href);
              url.search = new URLSearchParams(new FormData(f)).toString();
              return url.href;
            })""",
    )
    found = []
    for url in [*hrefs, *forms]:
        local = _same_site(url, base)
        if local:
            found.append(local)
    return found


class Crawl:
    def __init__(self, browser, base: str):
        self.browser = browser
        self.base = base
        # problem -> the visitors, languages and widths it was seen with
        self.problems: dict[str, list[str]] = defaultdict(list)

    def report(self, where: str, problem: str) -> None:
        self.problems[problem].append(where)

    def summary(self) -> str:
        lines = [
            f"{problem}\n    seen: {', '.join(seen[:6])}" for problem, seen in self.problems.items()
        ]
        return f"{len(self.problems)} problems:\n" + "\n".join(lines[:60])

    def context(self, language: str, width: int, cookies: list[dict]):
        context = self.browser.new_context(
            locale={"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}[language],
            viewport={"width": width, "height": 900},
            timezone_id="Europe/Helsinki",
        )
        context.set_default_timeout(15_000)
        context.add_cookies(
            [{"name": "django_language", "value": language, "url": self.base}, *cookies]
        )
        context.add_init_script(CSP_PROBE)
        return context

    def visit(self, page, path: str, label: str) -> bool:
        errors: list[str] = []
        own_failures: list[str] = []
        page.on(
            "console",
            lambda m: errors.append(m.text) if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: errors.append(f"page error: {e}"))

        def failed(request):
            if request.url.startswith(self.base):
                own_failures.append(f"{request.url} ({request.failure})")

        def answered(response):
            if response.url.startswith(self.base) and response.status >= 400:
                own_failures.append(f"{response.status} {response.url}")

        page.on("requestfailed", failed)
        page.on("response", answered)
        try:
            response = page.goto(self.base + path, wait_until="load")
        except Exception as exc:  # a navigation that never finishes is a problem, not a crash
            self.report(label, f"{path}: navigation failed: {exc}")
            return False
        if response is None or response.status >= 400:
            status = response.status if response else "no response"
            self.report(label, f"{path}: answered {status}")
        csp = page.evaluate("window.__csp || []")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        for problem in (
            *(f"console: {e}" for e in errors),
            *(f"CSP: {v}" for v in csp),
            *(f"request: {f}" for f in own_failures),
        ):
            self.report(label, f"{path}: {problem}")
        if overflow > 0:
            self.report(label, f"{path}: wider than the screen")
        return response is not None and response.status < 400

    def explore(self, starts: list[str], cookies: list[dict], label: str) -> list[str]:
        """Breadth-first in Finnish at 1280 px; returns the pages kept, one set per pattern."""
        seen_patterns: dict[str, int] = defaultdict(int)
        queue = list(starts)
        kept: list[str] = []
        visited: set[str] = set()
        context = self.context("fi", 1280, cookies)
        try:
            while queue and len(kept) < MAX_PAGES:
                path = queue.pop(0)
                key = _pattern_key(path)
                if path in visited or seen_patterns[key] >= PER_PATTERN:
                    continue
                visited.add(path)
                seen_patterns[key] += 1
                page = context.new_page()
                ok = self.visit(page, path, f"{label} fi 1280")
                kept.append(path)
                if ok:
                    queue += [p for p in _discover(page, self.base) if p not in visited]
                page.close()
        finally:
            context.close()
        return kept

    def revisit(self, paths: list[str], cookies: list[dict], label: str) -> None:
        """One page per pattern again in every other language and width."""
        firsts = list({_pattern_key(p): p for p in reversed(paths)}.values())
        for language in LANGUAGES:
            for width in WIDTHS:
                if (language, width) == ("fi", 1280):
                    continue
                context = self.context(language, width, cookies)
                try:
                    for path in firsts:
                        page = context.new_page()
                        self.visit(page, path, f"{label} {language} {width}")
                        page.close()
                finally:
                    context.close()


def _session_cookie(base: str, login) -> list[dict]:
    client = Client()
    login(client)
    return [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]


@pytest.mark.django_db(transaction=True)
def test_every_reachable_page_works_for_every_visitor(browser, live_server):
    from reilu.applications.models import AccessToken, Application
    from reilu.talent.auth import SESSION_KEY
    from reilu.talent.models import Seeker

    call_command("demo", stdout=io.StringIO())
    base = live_server.url
    crawl = Crawl(browser, base)

    application = Application.objects.filter(outcome="active").order_by("pk").first()
    status = f"/status/{AccessToken.issue(application)}/"
    anna = get_user_model().objects.get(username="anna@kaupunki.example")

    def seeker_login(client):
        seeker = Seeker.objects.order_by("pk").first()
        session = client.session
        session[SESSION_KEY] = seeker.pk
        session.save()

    visitors = [
        ("public", ["/", "/jobs/", "/talent/", "/accessibility/"], []),
        ("candidate", [status], []),
        ("recruiter", ["/staff/"], _session_cookie(base, lambda c: c.force_login(anna))),
    ]
    if Seeker.objects.exists():
        visitors.append(("seeker", ["/talent/me/"], _session_cookie(base, seeker_login)))
    for label, starts, cookies in visitors:
        kept = crawl.explore(starts, cookies, label)
        assert len(kept) > len(starts) or label == "candidate", (label, kept)
        crawl.revisit(kept, cookies, label)
    assert not crawl.problems, crawl.summary()
