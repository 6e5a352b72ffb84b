"""A status link opened in a browser where nobody chose a language shows the page in the
language the candidate applied in, not the browser's Accept-Language; a language chosen on
the site (the switcher's cookie) still wins."""

import pytest

from tests.conftest import make_application

WITHDRAW = {
    "en": "Withdraw my application",
    "fi": "Peru hakemukseni",
    "sv": "Återkalla min ansökan",
}


@pytest.mark.parametrize(("applied_in", "browser"), [("sv", "en"), ("fi", "sv"), ("en", "fi")])
def test_a_fresh_browser_sees_the_status_page_in_the_applications_language(
    client, posting, applied_in, browser
):
    _app, raw = make_application(posting, language=applied_in)
    response = client.get(f"/status/{raw}/", HTTP_ACCEPT_LANGUAGE=browser)
    html = response.content.decode()
    assert WITHDRAW[applied_in] in html and WITHDRAW[browser] not in html
    assert f'<html lang="{applied_in}">' in html
    assert response["Content-Language"] == applied_in
    # The pages the status page leads to follow it.
    for path in ("withdraw/", "erase/", "interview/"):
        page = client.get(f"/status/{raw}/{path}", HTTP_ACCEPT_LANGUAGE=browser)
        assert f'<html lang="{applied_in}">' in page.content.decode(), path


def test_a_language_chosen_on_the_site_wins(client, posting):
    _app, raw = make_application(posting, language="sv")
    switched = client.post("/i18n/setlang/", {"language": "fi", "next": f"/status/{raw}/"})
    assert switched.status_code == 302
    response = client.get(f"/status/{raw}/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert WITHDRAW["fi"] in html and '<html lang="fi">' in html
    assert response["Content-Language"] == "fi"
