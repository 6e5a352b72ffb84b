"""Staff see an erased application as erased: a translated "(erased)" where its name,
contact details, CV and texts were, never an empty heading, cell or "None" (QA pass)."""

import re

import pytest

from reilu.applications.thread import question_ask
from reilu.privacy.services import application_erase
from tests.conftest import make_application, make_posting

pytestmark = pytest.mark.django_db

ERASED = {"en": "(erased)", "fi": "(poistettu)", "sv": "(raderad)"}


@pytest.fixture
def erased(org):
    posting = make_posting(org)
    app, _ = make_application(posting)
    question_ask(application=app, text="Can I work four days a week?", via="page")
    application_erase(application=app, reason="candidate")
    app.refresh_from_db()
    assert app.name == "" and app.email == ""
    return app


def text_of(html: str) -> str:
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_the_application_page_of_an_erased_application_says_erased(staff_client, erased, language):
    marker = ERASED[language]
    html = staff_client.get(
        f"/staff/applications/{erased.pk}/", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert re.search(r"<title>\s*\(", html) and f"<title>{marker}" in html.replace("\n", "")
    assert f"<h1>{marker}</h1>" in html
    # Email and CV say it, not an empty mailto link or "No CV".
    assert 'href="mailto:"' not in html
    facts = html[html.index('<dl class="facts">') : html.index("</dl>")]
    assert not re.search(r"<dd>\s*</dd>", facts)
    assert facts.count(marker) >= 2
    # The conversation's message and the sent mails: the marker where the texts were.
    thread = html[html.index('id="thread"') :]
    thread = thread[: thread.index("</section>")]
    assert marker in thread and 'action="/staff/applications/' not in thread
    assert not re.search(r'<div class="thread-text">\s*</div>', thread)
    assert "<summary> →" not in html and "→ <span" not in html
    assert "None" not in text_of(html)


@pytest.mark.parametrize("language", ["en", "fi"])
def test_lists_and_the_api_show_the_marker(staff_client, client, erased, api_token, language):
    marker = ERASED[language]
    prepare = staff_client.get(
        f"/staff/interviews/applications/{erased.pk}/", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert f"<h1>{marker}</h1>" in prepare
    listing = client.get(
        f"/api/v1/postings/{erased.posting_id}/applications",
        HTTP_AUTHORIZATION=f"Bearer {api_token}",
        HTTP_ACCEPT_LANGUAGE=language,
    ).json()
    [row] = [a for a in listing["items"] if a["id"] == erased.pk]
    assert row["name"] == marker
    thread = client.get(
        f"/api/v1/applications/{erased.pk}/thread",
        HTTP_AUTHORIZATION=f"Bearer {api_token}",
        HTTP_ACCEPT_LANGUAGE=language,
    ).json()
    assert [m["author_name"] for m in thread["messages"]] == [marker]
