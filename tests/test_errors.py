"""Error pages in Reilu's layout and the visitor's language, with a way forward (issue 13)."""

import datetime as dt

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone, translation

from reilu.applications.models import Application
from reilu.errors import server_error

HEADINGS = {
    400: {
        "en": "The request could not be understood",
        "fi": "Pyyntöä ei voitu käsitellä",
        "sv": "Begäran kunde inte behandlas",
    },
    403: {
        "en": "You cannot open this page",
        "fi": "Sinulla ei ole pääsyä tälle sivulle",
        "sv": "Du har inte tillgång till den här sidan",
    },
    "csrf": {
        "en": "The form had expired",
        "fi": "Lomake ehti vanhentua",
        "sv": "Formuläret hann gå ut",
    },
    404: {"en": "Page not found", "fi": "Sivua ei löytynyt", "sv": "Sidan hittades inte"},
    "link": {
        "en": "This link does not work",
        "fi": "Tämä linkki ei toimi",
        "sv": "Den här länken fungerar inte",
    },
    410: {
        "en": "This link has expired",
        "fi": "Tämä linkki on vanhentunut",
        "sv": "Den här länken har gått ut",
    },
    429: {"en": "Too many requests", "fi": "Liian monta pyyntöä", "sv": "För många förfrågningar"},
    500: {"en": "Something went wrong", "fi": "Jokin meni vikaan", "sv": "Något gick fel"},
}
LOST_LINK = {
    "en": "Lost your status link?",
    "fi": "Kadotitko tilannesivusi linkin?",
    "sv": "Har du tappat bort länken till din statussida?",
}
LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture(autouse=True)
def _production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.error_urls"


def visitor(language, **kwargs):
    client = Client(raise_request_exception=False, **kwargs)
    client.cookies["django_language"] = language
    return client


def assert_page(response, status, key, language):
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html  # Reilu's layout
    assert f'<h1 id="error-title">{HEADINGS[key][language]}</h1>' in html
    assert 'href="/jobs/"' in html and 'href="/"' in html  # a way forward
    return html


@pytest.mark.parametrize("language", LANGUAGES)
def test_400(db, language):
    response = visitor(language).get("/test-errors/400/")
    assert_page(response, 400, 400, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_403(db, language):
    response = visitor(language).get("/test-errors/403/")
    assert_page(response, 403, 403, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_403_on_a_csrf_failure(db, posting, language):
    client = visitor(language, enforce_csrf_checks=True)
    response = client.post("/status-links/", {"email": "aino@example.fi"})
    html = assert_page(response, 403, "csrf", language)
    assert "Error 403" in html or "Virhe 403" in html or "Fel 403" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_404(db, language):
    response = visitor(language).get("/no-such-page/")
    assert_page(response, 404, 404, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("debug", [False, True])
def test_404_for_a_mangled_status_link_offers_a_new_link(db, settings, language, debug):
    # Also in debug mode (make run): a job seeker never sees Django's technical page.
    settings.DEBUG = debug
    response = visitor(language).get("/status/cut-short-link/")
    html = assert_page(response, 404, "link", language)
    assert f'<a href="/status-links/">{LOST_LINK[language]}' in html
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("language", LANGUAGES)
def test_410_for_an_expired_status_link(db, application, language):
    Application.objects.filter(pk=application.pk).update(
        outcome=Application.Outcome.REJECTED,
        promised_by=None,
        decided_at=timezone.now() - dt.timedelta(days=800),
    )
    response = visitor(language).get(f"/status/{application.raw_token}/")
    html = assert_page(response, 410, 410, language)
    assert f'<a href="/status-links/">{LOST_LINK[language]}' in html
    # The data export behind the same link says the same.
    response = visitor(language).get(f"/status/{application.raw_token}/my-data/")
    assert response.status_code == 410


@pytest.mark.parametrize("language", LANGUAGES)
def test_429_from_the_rate_limits(db, settings, language):
    settings.REILU_RATES = {**settings.REILU_RATES, "status": "2/m"}
    client = visitor(language)
    for _ in range(2):
        assert client.get("/status/guessing-links/").status_code == 404
    response = client.get("/status/guessing-links/")
    html = assert_page(response, 429, 429, language)
    assert response["Retry-After"] == "60"
    assert 'role="alert"' in html


BACK = {
    "en": "Back to the page you were on",
    "fi": "Takaisin sivulle, jolla olit",
    "sv": "Tillbaka till sidan där du var",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_form_leads_back_to_the_page_it_was_on(db, settings, application, language):
    # The form's own address answers only POST, so the way forward is the page it came from.
    settings.REILU_RATES = {**settings.REILU_RATES, "thread": "1/m"}
    client = visitor(language)
    page = f"http://testserver/status/{application.raw_token}/"
    ask = f"/status/{application.raw_token}/ask/"
    assert (
        client.post(ask, {"text": "When is the interview?"}, HTTP_REFERER=page).status_code == 302
    )
    response = client.post(ask, {"text": "And the salary?"}, HTTP_REFERER=page)
    html = assert_page(response, 429, 429, language)
    assert f'<a href="{page}">{BACK[language]}</a>' in html
    # Another site as the referrer, or none, gets no such link.
    elsewhere = client.post(ask, {"text": "?"}, HTTP_REFERER="https://evil.example/status/")
    assert elsewhere.status_code == 429
    assert "evil.example" not in elsewhere.content.decode()
    assert BACK[language] not in client.post(ask, {"text": "?"}).content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_500(db, language):
    response = visitor(language).get("/test-errors/500/")
    assert_page(response, 500, 500, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_500_renders_without_the_database_or_context_processors(language):
    # No `db` fixture: any query here fails the test. The request has no user, session or
    # other attribute the context processors would need.
    request = RequestFactory().get("/anything/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert HEADINGS[500][language] in html
    assert 'class="site-footer"' in html
