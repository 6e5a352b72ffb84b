"""Record a page's console errors, failed requests and content-security-policy violations."""

CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
"""


class Watch:
    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        page.add_init_script(CSP_LISTENER)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("requestfailed", self._request_failed)

    def _console(self, msg) -> None:
        # The browser's own /favicon.ico probe is no page's request; every other error counts.
        if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico"):
            self.console_errors.append(f"{msg.text} @ {msg.location.get('url')}")

    def _request_failed(self, req) -> None:
        # Chromium's built-in PDF viewer is an extension whose own requests are sometimes
        # aborted when the frame settles; they are the browser's, not the page's.
        if not req.url.startswith("chrome-extension://"):
            self.failed.append(f"{req.url} {req.failure}")

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations || []")

    def assert_clean(self) -> None:
        assert self.csp_violations() == []
        assert self.console_errors == [], self.console_errors
        assert self.failed == [], self.failed
