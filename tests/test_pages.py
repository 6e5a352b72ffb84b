"""The accessibility statement (saavutettavuusseloste) and the footer link to it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_publishes_the_accessibility_statement(client):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Accessibility statement</h1>" in page
    assert "WCAG" in page and "2.1" in page
    assert "partially meets" in page
    assert "axe-core" in page
    assert 'href="mailto:saavutettavuus@reilu.example"' in page
    assert "Traficom" in page
    assert 'href="https://www.saavutettavuusvaatimukset.fi/"' in page


def test_it_links_the_statement_from_every_page_footer(client):
    page = client.get(reverse("home")).content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    assert f'href="{reverse("accessibility")}"' in footer


def test_it_speaks_the_visitors_language_on_the_statement(client):
    client.cookies["django_language"] = "sv"
    response = client.get("/accessibility/")
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()
