"""The publish gate refuses a posting whose questions ask what may not be asked, and the
editor shows the checker's code and message on the question (fi, sv, en; issue 19)."""

import pytest

from reilu.jobs import services
from reilu.jobs.models import Posting
from reilu.rules import PublishRefused
from tests.conftest import make_posting
from tests.htmlforms import parse_forms

pytestmark = pytest.mark.django_db

PAY = "What is your current salary?"
MESSAGES = {
    "en": "The question asks about current or previous pay.",
    "fi": "Kysymys koskee nykyistä tai aiempaa palkkaa.",
    "sv": "Frågan gäller nuvarande eller tidigare lön.",
}


def draft_with(org, *questions):
    posting = make_posting(org, publish=False, requirements="Python\nB driving licence")
    services.posting_update(
        posting=posting, data={}, questions=[{"text": t, "kind": "short"} for t in questions]
    )
    return posting


def test_a_pay_history_question_blocks_publishing(org):
    posting = draft_with(org, "Do you hold a B driving licence?", PAY)
    with pytest.raises(PublishRefused) as refused:
        services.posting_publish(posting=posting)
    [problem] = refused.value.problems
    assert (problem.code, problem.field) == ("question-pay-history", "questions-1")
    assert problem.message.startswith(f"“{PAY}”: The question asks about current or previous pay")
    assert Posting.objects.get(pk=posting.pk).state == "draft"


def test_an_unrelated_question_is_advice_only(org):
    posting = draft_with(org, "What is your favourite film?")
    services.posting_publish(posting=posting)
    assert Posting.objects.get(pk=posting.pk).state == "published"


def test_a_published_posting_cannot_gain_a_forbidden_question(org):
    posting = make_posting(org)
    with pytest.raises(PublishRefused):
        services.posting_update(
            posting=posting, data={}, questions=[{"text": "How old are you?", "kind": "number"}]
        )
    assert not posting.questions.exists()


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_the_editor_shows_the_code_and_message_on_the_question_and_refuses_to_publish(
    staff_client, org, language
):
    posting = make_posting(org, publish=False, requirements="Python")
    url = f"/staff/postings/{posting.pk}/edit/"
    page = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    (form,) = [f for f in parse_forms(page.content.decode()) if f.attrs.get("id") == "posting-form"]
    data = form.data(button="publish")
    data["questions-0-text"] = [PAY]
    data["questions-0-kind"] = ["number"]
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language, follow=True)
    html = response.content.decode()
    assert Posting.objects.get(pk=posting.pk).state == "draft"
    # Saved as a draft, then refused: the editor shows why, on the question itself.
    assert posting.questions.get().text == PAY
    row = html[html.index('id="questions-0-findings"') :]
    row = row[: row.index("</ul>")]
    assert 'data-code="question-pay-history"' in row
    assert "<code>question-pay-history</code>" in row
    assert MESSAGES[language] in row
    # And in the list of what blocks publishing.
    sidebar = html[html.index('id="publish-problems"') :]
    assert 'data-code="question-pay-history"' in sidebar


def test_the_live_check_lists_a_forbidden_question(staff_client, org):
    posting = make_posting(org, publish=False)
    url = f"/staff/postings/{posting.pk}/edit/"
    page = staff_client.get(url)
    (form,) = [f for f in parse_forms(page.content.decode()) if f.attrs.get("id") == "posting-form"]
    data = form.data()
    data["questions-0-text"] = ["Are you pregnant?"]
    data["questions-0-kind"] = ["yes_no"]
    response = staff_client.post("/staff/adcheck/", data)
    assert response.status_code == 200
    assert 'data-code="question-pregnancy"' in response.content.decode()


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_the_api_refuses_to_publish_with_the_code(client, org, api_token, language):
    posting = draft_with(org, "Onko sinulla lapsia?")
    response = client.post(
        f"/api/v1/postings/{posting.pk}/publish",
        HTTP_AUTHORIZATION=f"Bearer {api_token}",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "publish_refused"
    [problem] = body["detail"]
    assert problem["code"] == "question-family"
    assert problem["field"] == "questions-0"
    assert problem["message"].startswith("“Onko sinulla lapsia?”: ")


AGE = {"en": "How old are you?", "fi": "Kuinka vanha olet?", "sv": "Hur gammal är du?"}
NOT_SAVED = {
    "en": "The changes were not saved",
    "fi": "Muutoksia ei tallennettu",
    "sv": "Ändringarna sparades inte",
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_a_refused_save_of_a_published_ad_says_why_at_the_top_and_stores_nothing(
    staff_client, org, language
):
    """Saving a published ad with a question the checker refuses: the summary at the top of
    the form names the question and why, the score is not shown as perfect, and the
    database keeps the ad as it was (not the new title, not the question)."""
    posting = make_posting(org, requirements="Python")
    before = Posting.objects.get(pk=posting.pk)
    url = f"/staff/postings/{posting.pk}/edit/"
    page = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    (form,) = [f for f in parse_forms(page.content.decode()) if f.attrs.get("id") == "posting-form"]
    data = form.data(button="save")
    data["title"] = ["Renamed while refused"]
    data["questions-0-text"] = [AGE[language]]
    data["questions-0-kind"] = ["number"]
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    html = response.content.decode()
    summary = html[html.index('id="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert html.index('id="error-summary"') < html.index('name="title"')
    assert NOT_SAVED[language] in summary
    assert AGE[language] in summary and 'href="#id_questions-0-text"' in summary
    assert "100/100" not in html
    after = Posting.objects.get(pk=posting.pk)
    assert (after.title, after.updated_at) == (before.title, before.updated_at)
    assert not after.questions.exists()
    # The form keeps what was typed, to be corrected.
    assert 'value="Renamed while refused"' in html


def test_a_draft_with_a_refused_question_does_not_score_perfect(staff_client, org):
    posting = make_posting(org, publish=False, requirements="Python")
    url = f"/staff/postings/{posting.pk}/edit/"
    page = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    (form,) = [f for f in parse_forms(page.content.decode()) if f.attrs.get("id") == "posting-form"]
    assert "Ad checker score: 100/100" in page.content.decode()
    data = form.data(button="save")
    data["questions-0-text"] = [AGE["en"]]
    data["questions-0-kind"] = ["number"]
    staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    html = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    sidebar = html[html.index('id="publish-problems"') :]
    assert 'data-code="question-age"' in sidebar
    assert "100/100" not in html
    # The live check the editor asks while typing agrees.
    live = staff_client.post("/staff/adcheck/", data, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-code="question-age"' in live and "100/100" not in live
