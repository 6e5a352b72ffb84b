"""Language: chosen from the browser, switchable, remembered."""


def test_the_browser_language_is_used(client, db):
    html = client.get("/jobs/", HTTP_ACCEPT_LANGUAGE="fi-FI,fi;q=0.9,en;q=0.5").content.decode()
    assert '<html lang="fi">' in html
    html = client.get("/jobs/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9").content.decode()
    assert '<html lang="sv">' in html


def test_the_choice_is_switchable_and_remembered(client, db):
    response = client.post("/i18n/setlang/", {"language": "sv", "next": "/jobs/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "sv"
    assert response.cookies["django_language"]["max-age"] >= 300 * 24 * 3600
    # Remembered over the browser's own preference.
    html = client.get("/jobs/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="sv">' in html


def test_every_page_offers_the_three_languages(client, db):
    html = client.get("/").content.decode()
    for code, name in (("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")):
        assert f'value="{code}"' in html and name in html
