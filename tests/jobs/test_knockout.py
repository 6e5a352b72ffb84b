"""Knock-out only on stated requirements (issue 19): a question screens only when tied to a
requirement line of the ad; a candidate whose answer does not meet it is told so before the
application is sent, and may still apply when the employer allows it."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.applications.models import Answer, Application
from reilu.applications.services import application_submit
from reilu.jobs import services
from reilu.rules import RuleError
from tests.conftest import PDF_BYTES, make_posting
from tests.htmlforms import parse_forms

pytestmark = pytest.mark.django_db

REQUIREMENTS = "B driving licence\nAt least two years of customer service"
LICENCE = {
    "text": "Do you hold a B driving licence?",
    "kind": "yes_no",
    "requirement": "B driving licence",
    "knockout": "yes",
    "may_apply_anyway": False,
}
YEARS = {
    "text": "How many years of customer service have you done?",
    "kind": "number",
    "requirement": "At least two years of customer service",
    "knockout": "2",
    "may_apply_anyway": True,
}


def screening_posting(org, *questions):
    posting = make_posting(org, publish=False, requirements=REQUIREMENTS)
    services.posting_update(posting=posting, data={}, questions=list(questions))
    services.posting_publish(posting=posting)
    return posting


def test_an_untied_knockout_is_refused_by_the_services(org):
    posting = make_posting(org, requirements=REQUIREMENTS)
    with pytest.raises(RuleError) as refused:
        services.posting_update(
            posting=posting, data={}, questions=[{**LICENCE, "requirement": ""}]
        )
    assert refused.value.code == "question"
    assert "only when it is tied to a requirement stated in the ad" in refused.value.message
    with pytest.raises(RuleError):
        services.posting_update(
            posting=posting, data={}, questions=[{**LICENCE, "requirement": "Not in the ad"}]
        )
    assert not posting.questions.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "A question can screen candidates only when it is tied to a requirement"),
        ("fi", "Kysymys voi karsia hakijoita vain, kun se on sidottu"),
        ("sv", "En fråga kan gallra sökande bara när den är knuten"),
    ],
)
def test_the_editor_offers_the_requirement_lines_and_refuses_an_untied_knockout(
    staff_client, org, language, message
):
    posting = make_posting(org, requirements=REQUIREMENTS)
    url = f"/staff/postings/{posting.pk}/edit/"
    page = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert '<option value="B driving licence">B driving licence</option>' in page
    (form,) = [f for f in parse_forms(page) if f.attrs.get("id") == "posting-form"]
    data = form.data(button="save")
    data["questions-0-text"] = [LICENCE["text"]]
    data["questions-0-kind"] = ["yes_no"]
    data["questions-0-knockout"] = ["yes" if language == "en" else "kyllä"]
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'href="#id_questions-0-knockout"' in html
    assert not posting.questions.exists()
    # The fix: tie it to the requirement it asks about.
    (form,) = [f for f in parse_forms(html) if f.attrs.get("id") == "posting-form"]
    data = form.data(button="save")
    data["questions-0-requirement"] = ["B driving licence"]
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    question = posting.questions.get()
    assert (question.requirement, question.knockout) == ("B driving licence", "yes")


def apply_data(**extra):
    return {
        "name": "Aino Korhonen",
        "email": "aino@example.fi",
        "language": "fi",
        "privacy_consent": "on",
        "cover_letter": "Hello!",
        "cv": SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
        **extra,
    }


@pytest.mark.parametrize(
    ("language", "told"),
    [
        ("en", "This job requires: B driving licence. Your answer shows that you do not meet"),
        ("fi", "Tehtävä edellyttää: B driving licence. Vastauksesi perusteella et täytä"),
        ("sv", "Jobbet kräver: B driving licence. Enligt ditt svar uppfyller du inte"),
    ],
)
def test_a_hard_requirement_not_met_is_told_and_nothing_is_sent(client, org, language, told):
    posting = screening_posting(org, LICENCE)
    question = posting.questions.get()
    page = client.get(f"/jobs/{posting.slug}/apply/", HTTP_ACCEPT_LANGUAGE=language)
    html = page.content.decode()
    # The notice is on the page for the script to show at once, hidden until then.
    assert "data-knockout=" in html and told in html
    assert 'data-knockout-notice role="status" hidden' in html
    response = client.post(
        f"/jobs/{posting.slug}/apply/",
        apply_data(**{f"q{question.pk}": "no"}),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert told in html
    assert 'data-knockout-notice role="status">' in html  # shown now
    assert not Application.objects.exists()
    response = client.post(f"/jobs/{posting.slug}/apply/", apply_data(**{f"q{question.pk}": "yes"}))
    assert response.status_code == 302
    assert Application.objects.get().answers.get().meets is True


def test_a_soft_requirement_not_met_may_still_be_sent_after_confirming(client, staff_client, org):
    posting = screening_posting(org, YEARS)
    question = posting.questions.get()
    name = f"q{question.pk}"
    response = client.post(f"/jobs/{posting.slug}/apply/", apply_data(**{name: "1"}))
    assert response.status_code == 400
    html = response.content.decode()
    assert "You can still send your application" in html
    assert "To send your application anyway, tick this box." in html
    assert not Application.objects.exists()
    response = client.post(
        f"/jobs/{posting.slug}/apply/", apply_data(**{name: "1", f"{name}_anyway": "on"})
    )
    assert response.status_code == 302
    app = Application.objects.get()
    answer = app.answers.get()
    assert (answer.meets, answer.requirement) == (False, "At least two years of customer service")
    # Staff see it beside the answer; nothing was decided for them.
    assert app.outcome == "active"
    html = staff_client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert "Does not meet: At least two years of customer service" in html


def test_the_api_lists_the_screening_and_refuses_a_hard_miss_with_422(client, org):
    posting = screening_posting(org, LICENCE, YEARS)
    job = client.get(f"/api/v1/jobs/{posting.slug}").json()
    licence, years = job["questions"]
    assert (licence["requirement"], licence["meets"], licence["may_apply_anyway"]) == (
        "B driving licence",
        ["yes"],
        False,
    )
    assert years["meets"] == ["2"] and years["may_apply_anyway"] is True
    answers = {licence["id"]: False, years["id"]: 5}
    response = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        apply_data(privacy_consent="true", answers=json.dumps(answers)),
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 422
    assert response.json()["code"] == "requirement_not_met"
    assert response.json()["detail"].startswith("Jobbet kräver: B driving licence.")
    assert not Application.objects.exists()
    # A soft miss is accepted and kept as such.
    answers = {licence["id"]: True, years["id"]: 1}
    response = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        apply_data(privacy_consent="true", answers=json.dumps(answers)),
    )
    assert response.status_code == 201
    assert {a.kind: a.meets for a in Application.objects.get().answers.all()} == {
        "yes_no": True,
        "number": False,
    }


def test_a_tied_question_is_not_unrelated(org):
    from reilu.jobs.adcheck import check_questions

    posting = screening_posting(org, {**YEARS, "text": "Can you start in January?"})
    [findings] = check_questions(posting)
    assert findings == []


@pytest.mark.parametrize(
    ("language", "told", "old"),
    [
        (
            "en",
            "You can still send your application. The employer will see that your answer "
            "does not meet this requirement.",
            "read like every other one",
        ),
        (
            "fi",
            "Voit silti lähettää hakemuksesi. Työnantaja näkee, että vastauksesi ei täytä "
            "tätä vaatimusta.",
            "luetaan kuten kaikki muutkin",
        ),
        (
            "sv",
            "Du kan ändå skicka din ansökan. Arbetsgivaren ser att ditt svar inte uppfyller "
            "detta krav.",
            "läses som alla andra",
        ),
    ],
)
def test_a_soft_miss_tells_the_candidate_what_the_employer_will_see(
    client, org, language, told, old
):
    """Staff see "Does not meet" beside the answer: the candidate is told so, not that the
    application is read like all the others."""
    posting = screening_posting(org, YEARS)
    name = f"q{posting.questions.get().pk}"
    html = client.get(f"/jobs/{posting.slug}/apply/", HTTP_ACCEPT_LANGUAGE=language)
    assert told in html.content.decode()
    response = client.post(
        f"/jobs/{posting.slug}/apply/", apply_data(**{name: "1"}), HTTP_ACCEPT_LANGUAGE=language
    )
    html = response.content.decode()
    assert response.status_code == 400 and told in html and old not in html


def test_each_answer_keeps_its_question_place_and_only_a_screening_requirement(org):
    """A requirement is copied onto the answer only when the question screens on it: the
    staff's "Does not meet: …" reads it, and a tied question that screens nothing has none."""
    tied_only = {**YEARS, "knockout": "", "may_apply_anyway": False}
    posting = screening_posting(org, tied_only, LICENCE)
    asked = list(posting.questions.order_by("position"))
    app, _raw = application_submit(
        posting=posting,
        name="Aino Korhonen",
        email="aino@example.fi",
        language="en",
        privacy_consent=True,
        answers=[(asked[1], "yes"), (asked[0], "1")],
    )
    assert list(
        Answer.objects.filter(application=app)
        .order_by("position")
        .values_list("question", "position", "value", "meets", "requirement")
    ) == [
        (asked[0].pk, 0, "1", None, ""),
        (asked[1].pk, 1, "yes", True, "B driving licence"),
    ]
