"""The thanks page shows only what the job page shows (issue 14 #10)."""

import pytest

from tests.conftest import make_posting


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_drafts_title_and_employer_are_not_readable_from_the_thanks_page(client, org, language):
    draft = make_posting(org, publish=False, title="Secret reorganisation lead")
    headers = {"Accept-Language": language}
    assert client.get(f"/jobs/{draft.slug}/", headers=headers).status_code == 404
    response = client.get(f"/jobs/{draft.slug}/thanks/", headers=headers)
    assert response.status_code == 404
    assert b"Secret reorganisation lead" not in response.content
    assert org.name.encode() not in response.content


def test_the_thanks_page_of_a_published_posting_still_thanks(client, posting):
    response = client.get(f"/jobs/{posting.slug}/thanks/")
    assert response.status_code == 200
    assert posting.title.encode() in response.content
