"""Application questions: edited in the posting editor, asked on the apply form and in the
API, shown to staff beside the application, exported and erased with it (issue 19)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reilu.applications.models import Answer, Application
from reilu.jobs import services
from reilu.jobs.models import Question
from reilu.privacy import services as privacy
from tests.conftest import PDF_BYTES, make_posting
from tests.htmlforms import parse_forms

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"text": "Do you have a driving licence (B)?", "kind": "yes_no", "required": True},
    {
        "text": "Which of these tools have you used?",
        "kind": "many",
        "choices": "SQL\nPython\nExcel",
        "required": False,
    },
    {"text": "How many years of experience do you have?", "kind": "number", "required": True},
    {"text": "Where would you like to work?", "kind": "one", "choices": "Oulu\nHelsinki"},
    {"text": "Your favourite project in one line", "kind": "short", "required": False},
    {"text": "Tell us about a hard problem you solved", "kind": "long", "required": False},
]


def with_questions(org, publish=True):
    posting = make_posting(org, publish=False)
    services.posting_update(posting=posting, data={}, questions=QUESTIONS)
    if publish:
        services.posting_publish(posting=posting)
    return posting


def editor(client, url, language="en"):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    (form,) = [
        f for f in parse_forms(response.content.decode()) if f.attrs.get("id") == "posting-form"
    ]
    return form.data(button="save")


def questions_of(posting):
    return [
        (q.pk, q.position, q.text, q.kind, q.choices, q.required) for q in posting.questions.all()
    ]


def test_saving_the_editor_unchanged_keeps_every_question(staff_client, org):
    posting = with_questions(org)
    before = questions_of(posting)
    url = f"/staff/postings/{posting.pk}/edit/"
    response = staff_client.post(url, editor(staff_client, url))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert questions_of(posting) == before


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Give at least two choices, one per line."),
        ("fi", "Anna vähintään kaksi vaihtoehtoa, kukin omalle rivilleen."),
        ("sv", "Ge minst två alternativ, ett per rad."),
    ],
)
def test_a_question_is_added_in_the_editor_after_an_error_is_fixed(
    staff_client, org, language, message
):
    posting = make_posting(org)
    url = f"/staff/postings/{posting.pk}/edit/"
    data = editor(staff_client, url, language)
    # The spare row: a one-choice question with a single choice is refused.
    data["questions-0-text"] = ["Which shift suits you?"]
    data["questions-0-kind"] = ["one"]
    data["questions-0-choices"] = ["Mornings"]
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'href="#id_questions-0-choices"' in html  # the error summary leads to the field
    assert not posting.questions.exists()
    # The page keeps what was typed; the fix is a second line.
    (form,) = [f for f in parse_forms(html) if f.attrs.get("id") == "posting-form"]
    data = form.data(button="save")
    assert data["questions-0-text"] == ["Which shift suits you?"]
    data["questions-0-choices"] = ["Mornings\r\nEvenings"]
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    [question] = posting.questions.all()
    assert (question.text, question.kind, question.options()) == (
        "Which shift suits you?",
        "one",
        ["Mornings", "Evenings"],
    )


def test_editing_a_question_keeps_its_row_and_removing_one_keeps_given_answers(
    staff_client, client, org
):
    posting = with_questions(org)
    first = posting.questions.first()
    apply_with_answers(client, posting)
    url = f"/staff/postings/{posting.pk}/edit/"
    data = editor(staff_client, url)
    data["questions-0-text"] = ["Do you have a B driving licence?"]
    data["questions-1-DELETE"] = ["on"]
    response = staff_client.post(url, data)
    assert response.status_code == 302
    assert posting.questions.first().pk == first.pk
    assert posting.questions.first().text == "Do you have a B driving licence?"
    assert posting.questions.count() == len(QUESTIONS) - 1
    # The answer to the removed question stays with its own copy of the wording.
    kept = Answer.objects.get(question_text="Which of these tools have you used?")
    assert kept.question is None and kept.value == "SQL\nPython"


def apply_form(**answers):
    data = {
        "name": "Aino Korhonen",
        "email": "aino@example.fi",
        "language": "fi",
        "privacy_consent": "on",
        "cover_letter": "Hello!",
        "cv": SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
    }
    data.update(answers)
    return data


def answer_fields(posting, **by_kind):
    return {f"q{q.pk}": by_kind[q.kind] for q in posting.questions.all() if q.kind in by_kind}


def apply_with_answers(client, posting):
    data = apply_form(
        **answer_fields(
            posting,
            yes_no="yes",
            many=["Python", "SQL"],
            number="4,5",
            one="Oulu",
            short="A bus timetable app",
            long="Line one.\r\nLine two.",
        )
    )
    response = client.post(f"/jobs/{posting.slug}/apply/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Application.objects.get(email="aino@example.fi")


@pytest.mark.parametrize(
    ("language", "question_title", "required"),
    [
        ("en", "Questions from Acme Oy", "Please answer this question."),
        ("fi", "Acme Oy kysyy", "Vastaa tähän kysymykseen."),
        ("sv", "Frågor från Acme Oy", "Svara på den här frågan."),
    ],
)
def test_the_apply_form_asks_the_questions_and_requires_the_required_ones(
    client, org, language, question_title, required
):
    posting = with_questions(org)
    page = client.get(f"/jobs/{posting.slug}/apply/", HTTP_ACCEPT_LANGUAGE=language)
    html = page.content.decode()
    assert question_title in html
    for q in QUESTIONS:
        assert q["text"] in html
    response = client.post(
        f"/jobs/{posting.slug}/apply/",
        apply_form(**answer_fields(posting, yes_no="yes")),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    assert required in response.content.decode()
    assert not Application.objects.exists()


def test_answers_are_stored_shown_to_staff_and_exported(client, staff_client, org):
    posting = with_questions(org)
    app = apply_with_answers(staff_client.__class__(), posting)
    stored = {a.question_text: a.value for a in app.answers.all()}
    assert stored == {
        "Do you have a driving licence (B)?": "yes",
        "Which of these tools have you used?": "SQL\nPython",
        "How many years of experience do you have?": "4.5",
        "Where would you like to work?": "Oulu",
        "Your favourite project in one line": "A bus timetable app",
        "Tell us about a hard problem you solved": "Line one.\nLine two.",
    }
    html = staff_client.get(f"/staff/applications/{app.pk}/").content.decode()
    assert "Answers to the questions" in html
    assert "Which of these tools have you used?" in html and "SQL; Python" in html
    assert "A bus timetable app" in html
    exported = privacy.export_data(app)["application"]
    assert "answers" not in exported  # they are their own part of the copy
    answers = privacy.export_data(app)
    assert [a["question_text"] for a in answers["answers"]] == [q["text"] for q in QUESTIONS]
    assert answers["answers"][0]["answer_shown"] == "Yes"


def test_another_employer_sees_no_answers(client, org, other_org):
    from reilu.employers.models import Membership
    from tests.conftest import make_staff

    posting = with_questions(org)
    app = apply_with_answers(client, posting)
    outsider = make_staff(other_org, "rec@other.example", role=Membership.Role.RECRUITER)
    client.force_login(outsider)
    response = client.get(f"/staff/applications/{app.pk}/")
    assert response.status_code == 404
    assert "A bus timetable app" not in response.content.decode()


def test_erasure_removes_the_answers(client, org):
    posting = with_questions(org)
    app = apply_with_answers(client, posting)
    privacy.application_erase(application=app, reason="candidate")
    assert not Answer.objects.filter(application=app).exists()
    assert Question.objects.filter(posting=posting).count() == len(QUESTIONS)


# --- The API -------------------------------------------------------------------------


def test_the_api_lists_the_questions_and_takes_answers(client, org):
    posting = with_questions(org)
    job = client.get(f"/api/v1/jobs/{posting.slug}").json()
    assert [(q["text"], q["kind"], q["required"]) for q in job["questions"]] == [
        (q["text"], q["kind"], q.get("required", True)) for q in QUESTIONS
    ]
    assert job["questions"][1]["choices"] == ["SQL", "Python", "Excel"]
    ids = {q["kind"]: q["id"] for q in job["questions"]}
    answers = {ids["yes_no"]: True, ids["many"]: ["Excel"], ids["number"]: 3, ids["one"]: "Oulu"}
    applied = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        apply_form(privacy_consent="true", answers=json.dumps(answers)),
    )
    assert applied.status_code == 201, applied.content
    app = Application.objects.get()
    assert {a.kind: a.value for a in app.answers.all()} == {
        "yes_no": "yes",
        "many": "Excel",
        "number": "3",
        "one": "Oulu",
    }


@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("en", "Choose one of the choices given."),
        ("fi", "Valitse jokin annetuista vaihtoehdoista."),
        ("sv", "Välj ett av de givna alternativen."),
    ],
)
def test_a_bad_answer_in_the_api_is_a_422_with_a_code(client, org, language, detail):
    posting = with_questions(org)
    ids = {q.kind: q.pk for q in posting.questions.all()}
    bad = {ids["yes_no"]: True, ids["number"]: 2, ids["one"]: "Tampere"}
    response = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        apply_form(privacy_consent="true", answers=json.dumps(bad)),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "bad_answer"
    assert body["detail"] == f"Where would you like to work?: {detail}"
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "answers",
    [
        "not json",
        "[1, 2]",
        '{"999999": "yes"}',
        "{}",  # a required question unanswered
    ],
)
def test_malformed_or_missing_answers_are_refused_with_422(client, org, answers):
    posting = with_questions(org)
    response = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        apply_form(privacy_consent="true", answers=answers),
    )
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "bad_answer"
    assert not Application.objects.exists()


def test_the_api_refuses_a_number_answered_with_text(client, org):
    posting = with_questions(org)
    ids = {q.kind: q.pk for q in posting.questions.all()}
    bad = {ids["yes_no"]: "maybe", ids["number"]: 2, ids["one"]: "Oulu"}
    response = client.post(
        f"/api/v1/jobs/{posting.slug}/applications",
        apply_form(privacy_consent="true", answers=json.dumps(bad)),
    )
    assert response.status_code == 422
    assert "Do you have a driving licence (B)?" in response.json()["detail"]
