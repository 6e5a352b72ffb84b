"""The API docs viewer comes from Reilu's own static files and runs under the strict CSP."""

from playwright.sync_api import expect

from tests.e2e.watch import Watch


def test_it_lists_the_operations_without_console_errors_or_csp_violations(page, live_server):
    watch = Watch(page)
    response = page.goto(live_server.url + "/api/v1/docs")
    csp = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "cdn" not in page.content().lower()
    operations = page.locator(".opblock")
    expect(operations.first).to_be_visible(timeout=20_000)  # a 1.5 MB bundle, parsed under load
    assert operations.count() > 10
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/jobs").first).to_be_visible()
    watch.assert_clean()
