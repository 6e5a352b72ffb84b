"""A form's POST-only address asked for with a GET (the language switch or a reload after a
refused form, whose page is at that address) leads back to the page the form lives on,
under the same access rules: another person's or another employer's is still 404."""

import pytest

from tests.applications.test_document_requests import request_for
from tests.conftest import make_application


def switch_language(client, at: str, language: str = "fi"):
    """The header's language switch, sent from the page at `at`."""
    return client.post("/i18n/setlang/", {"language": language, "next": at})


def test_the_status_pages_upload_address_leads_back_to_the_documents(
    client, application, recruiter
):
    document = request_for(application, recruiter)
    url = f"/status/{application.raw_token}/documents/{document.pk}/"
    refused = client.post(url, {})  # no file: the error page is at the form's address
    assert refused.status_code == 400
    switched = switch_language(client, url)
    assert switched["Location"] == url
    back = client.get(url)
    assert back.status_code == 302
    assert back["Location"] == f"/status/{application.raw_token}/#documents"
    assert back["Referrer-Policy"] == "same-origin"
    page = client.get(back["Location"])
    assert page.status_code == 200 and "Pyydetyt asiakirjat" in page.content.decode()
    assert client.head(url).status_code == 302
    assert client.put(url).status_code == 405


def test_the_status_pages_question_address_leads_back_to_the_conversation(client, application):
    url = f"/status/{application.raw_token}/ask/"
    assert client.post(url, {"text": " "}).status_code == 400
    back = client.get(url)
    assert back.status_code == 302
    assert back["Location"] == f"/status/{application.raw_token}/#thread"


def test_another_persons_request_or_a_wrong_link_is_still_404_on_a_get(
    client, posting, application, recruiter
):
    other, _raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    theirs = request_for(other, recruiter)
    assert client.get(f"/status/{application.raw_token}/documents/{theirs.pk}/").status_code == 404
    assert client.get(f"/status/{'x' * 40}/documents/{theirs.pk}/").status_code == 404
    assert client.get(f"/status/{'x' * 40}/ask/").status_code == 404


@pytest.mark.parametrize(("path", "anchor"), [("documents/", "#documents"), ("answer/", "#thread")])
def test_the_staff_forms_addresses_lead_back_to_the_application(
    staff_client, application, path, anchor
):
    url = f"/staff/applications/{application.pk}/{path}"
    # The refused form first: its page is at the form's address.
    refused = staff_client.post(url, {"doc-what": "", "doc-due": "", "text": ""})
    assert refused.status_code == 400
    back = staff_client.get(url)
    assert back.status_code == 302
    assert back["Location"] == f"/staff/applications/{application.pk}/{anchor}"


@pytest.mark.parametrize("path", ["documents/", "answer/"])
def test_another_employers_staff_get_404_and_strangers_the_sign_in(
    client, application, outsider, path
):
    url = f"/staff/applications/{application.pk}/{path}"
    signed_out = client.get(url)
    assert (
        signed_out.status_code == 302
        and signed_out["Location"] != f"/staff/applications/{application.pk}/"
    )
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_the_decision_previews_address_leads_back_to_the_board(
    client, staff_client, posting, application, outsider
):
    url = f"/staff/postings/{posting.pk}/decide/"
    preview = staff_client.post(url, {"ids": [application.pk], "outcome": "rejected"})
    assert preview.status_code == 200  # the preview is a page at the form's address
    back = staff_client.get(url)
    assert back.status_code == 302 and back["Location"] == f"/staff/postings/{posting.pk}/"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
