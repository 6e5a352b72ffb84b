"""The privacy notice as a page of its own, and the favicon (issue 13, item 5)."""

import pytest
from django.contrib.staticfiles import finders

from reilu.privacy.notices import default_text
from reilu.privacy.services import notice_publish

TITLES = {
    "en": "Privacy notice of Acme Oy",
    "fi": "Tietosuojaseloste: Acme Oy",
    "sv": "Dataskyddsbeskrivning: Acme Oy",
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_employers_notice_has_its_own_page_with_its_version(client, posting, org, language):
    client.cookies["django_language"] = language
    response = client.get(f"/employers/{org.slug}/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{TITLES[language]}</h1>" in html
    first_paragraph = default_text(org, language).split("\n\n")[0]
    assert first_paragraph.split("(")[0] in html
    # The built-in text has no number of its own to show (it is "version 0" in the records).
    standard = {
        "en": "Reilu's standard notice",
        "fi": "Reilun vakioseloste",
        "sv": "Reilus standardbeskrivning",
    }[language]
    assert standard in html
    assert "Version 0" not in html and "Versio 0" not in html


def test_a_published_version_replaces_the_default_and_shows_its_number(
    client, posting, org, recruiter
):
    notice_publish(
        organization=org,
        actor=recruiter,
        texts={"fi": "Oma seloste.", "sv": "Egen beskrivning.", "en": "Our own notice."},
    )
    html = client.get(f"/employers/{org.slug}/privacy/").content.decode()
    assert "Our own notice." in html and "Version 1, in force since" in html


def test_the_site_privacy_page_lists_every_employers_notice(client, posting, org, other_org):
    html = client.get("/privacy/").content.decode()
    assert f'href="/employers/{org.slug}/privacy/"' in html
    # Only employers with open jobs are listed.
    assert f'href="/employers/{other_org.slug}/privacy/"' not in html


@pytest.mark.parametrize("path", ["/", "/jobs/", "/privacy/", "/accessibility/", "/status-links/"])
def test_every_footer_links_the_privacy_page(client, posting, path):
    html = client.get(path).content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert 'href="/privacy/"' in footer


def test_the_apply_form_links_the_notice_page(client, posting, org):
    html = client.get(f"/jobs/{posting.slug}/apply/").content.decode()
    assert f'href="/employers/{org.slug}/privacy/"' in html


def test_an_unknown_employer_has_no_notice_page(client, db):
    assert client.get("/employers/nobody/privacy/").status_code == 404


def test_the_favicon_is_shipped_linked_and_answered(client, db):
    assert finders.find("reilu/favicon.ico") and finders.find("reilu/favicon.svg")
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/reilu/favicon.ico"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/reilu/favicon.ico"
