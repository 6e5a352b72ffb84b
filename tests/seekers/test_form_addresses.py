"""The account's POST-only form addresses (send a document, ask a question) asked for with a
GET, as the language switch or a reload does after a refused form: back to the account's
page of the application; another person's application or request stays 404."""

import pytest

from tests.seekers.test_documents import request_for


def test_the_upload_address_leads_back_to_the_documents(aino_client, two_employers, recruiter):
    acme = two_employers["acme"]
    document = request_for(acme, recruiter)
    url = f"/me/applications/{acme.pk}/documents/{document.pk}/"
    assert aino_client.post(url, {}).status_code == 400
    switched = aino_client.post("/i18n/setlang/", {"language": "sv", "next": url})
    assert switched["Location"] == url
    back = aino_client.get(url)
    assert back.status_code == 302
    assert back["Location"] == f"/me/applications/{acme.pk}/#documents"
    page = aino_client.get(back["Location"])
    assert page.status_code == 200 and "Begärda dokument" in page.content.decode()


def test_the_question_address_leads_back_to_the_conversation(aino_client, two_employers):
    acme = two_employers["acme"]
    url = f"/me/applications/{acme.pk}/ask/"
    assert aino_client.post(url, {"text": ""}).status_code == 400
    back = aino_client.get(url)
    assert back.status_code == 302 and back["Location"] == f"/me/applications/{acme.pk}/#thread"


@pytest.mark.parametrize("path", ["ask/", "documents/{doc}/"])
def test_another_persons_application_is_404_on_a_get(aino_client, two_employers, recruiter, path):
    theirs = two_employers["theirs"]
    document = request_for(theirs, recruiter)
    url = f"/me/applications/{theirs.pk}/" + path.format(doc=document.pk)
    assert aino_client.get(url).status_code == 404


def test_another_persons_request_under_my_application_is_404_on_a_get(
    aino_client, two_employers, recruiter
):
    theirs = request_for(two_employers["theirs"], recruiter)
    mine = two_employers["acme"]
    assert aino_client.get(f"/me/applications/{mine.pk}/documents/{theirs.pk}/").status_code == 404


def test_signed_out_a_get_asks_to_sign_in(client, two_employers):
    response = client.get(f"/me/applications/{two_employers['acme'].pk}/ask/")
    assert (
        response.status_code == 302
        and "/me/applications/" not in response["Location"].split("?")[0]
    )
