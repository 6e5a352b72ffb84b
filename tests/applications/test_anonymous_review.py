"""Anonymous first review (issue 19, item 4).

A reviewer of a posting with an anonymous first review sees no name, email or phone of the
candidate on any staff page, htmx fragment, the CV's text view or the API while the
application is in the first stage, in every language of the interface; after the move past
the first stage they see them, and the reveal is in the audit log. The CV file is refused
until then; bulk decisions still mail each candidate by name.
"""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reilu.applications import services, uploads
from reilu.applications.anonymity import mask
from reilu.applications.cv_text import extract_text
from reilu.applications.models import Application
from reilu.employers.models import ApiToken, Membership
from reilu.messaging.models import Message
from reilu.privacy.models import AuditEvent
from tests.applications.cv_files import docx_with_text, odt_with_text, pdf_with_text
from tests.conftest import make_posting, make_staff

NAME = "Aino-Maria Korhonen"
EMAIL = "aino.korhonen@example.fi"
PHONE = "+358 40 765 4321"
# Every way the identity could show: the name's parts, the email and its local part, and
# the phone number however it is written.
SECRETS = [
    "Aino",
    "Maria",
    "Korhonen",
    "Korhose",
    EMAIL,
    "aino.korhonen",
    "765 4321",
    "7654321",
    "765-4321",
    "+358",
]
CV_LINES = [
    "Aino-Maria Korhonen",
    "Puh. 040-765 4321 | aino.korhonen@example.fi",
    "linkedin.com/in/ainokorhonen",
    "Osoite: Mannerheimintie 12 A 3, 00100 Helsinki",
    "Syntymäaika: 1.2.1985",
    "Skills: Python, Django, PostgreSQL",
]
COVER = (
    "Hello! I am Aino Korhonen and I would love to build honest software with you.\n"
    "Reach me on 0407654321 or aino.korhonen@example.fi. Korhosen perhe says hi."
)
LANGUAGES = ["en", "fi", "sv"]
PSEUDONYM = {"en": "Candidate", "fi": "Hakija", "sv": "Sökande"}


def apply(posting, cv_bytes=None, cv_type=uploads.DOCX, name=NAME, email=EMAIL):
    cv_bytes = cv_bytes if cv_bytes is not None else docx_with_text(CV_LINES)
    app, _raw = services.application_submit(
        posting=posting,
        name=name,
        email=email,
        phone=PHONE,
        language="fi",
        privacy_consent=True,
        cover_letter=COVER,
        cv=SimpleUploadedFile("cv", cv_bytes, content_type=cv_type),
        cv_type=cv_type,
    )
    return app


@pytest.fixture
def anon_org(org):
    org.anonymous_first_review = True
    org.save()
    return org


@pytest.fixture
def anon_posting(anon_org):
    posting = make_posting(anon_org)
    assert posting.anonymous_review  # new postings take the employer's choice
    return posting


@pytest.fixture
def anon_app(anon_posting):
    app = apply(anon_posting)
    # Lapsed, and its confirmation undelivered: it is on every list of the attention page.
    Application.objects.filter(pk=app.pk).update(
        promised_by=timezone.localdate() - dt.timedelta(days=1)
    )
    Message.objects.filter(to_email=EMAIL).update(state=Message.State.FAILED, last_error="550")
    return Application.objects.get(pk=app.pk)


def leaks(html: str) -> list[str]:
    lowered = html.lower()
    return [s for s in SECRETS if s.lower() in lowered]


def staff_pages(client, app, token) -> dict[str, str]:
    """Every staff page, fragment and API answer that shows the application."""
    posting = app.posting
    pages = {
        "board": client.get(f"/staff/postings/{posting.pk}/"),
        "board fragment": client.get(f"/staff/postings/{posting.pk}/", HTTP_HX_REQUEST="true"),
        "detail": client.get(f"/staff/applications/{app.pk}/"),
        "cv text": client.get(f"/staff/applications/{app.pk}/cv/text/"),
        "attention": client.get("/staff/attention/"),
        "decision preview": client.post(
            f"/staff/postings/{posting.pk}/decide/", {"ids": [app.pk], "outcome": "rejected"}
        ),
        "bulk decision preview": client.post(
            f"/staff/postings/{posting.pk}/decide/",
            {"stage_all": [app.stage_id], "outcome": "hired", "note": "Thank you."},
        ),
        "erasures": client.get("/staff/privacy/erasures/"),
        "first review": client.get(f"/staff/interviews/applications/{app.pk}/first-review/"),
        "board by score": client.get(f"/staff/postings/{posting.pk}/", {"sort": "score"}),
        "api": client.get(
            f"/api/v1/postings/{posting.pk}/applications",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        ),
    }
    for where, response in pages.items():
        assert response.status_code == 200, where
    return {where: response.content.decode() for where, response in pages.items()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_stage_shows_no_identity_anywhere_and_the_move_reveals_it_with_an_audit(
    client, anon_app, language
):
    owner = make_staff(anon_app.posting.organization, "boss@acme.example", Membership.Role.OWNER)
    token = ApiToken.issue(user=owner, organization=anon_app.posting.organization)
    client.force_login(owner)
    client.cookies["django_language"] = language

    pages = staff_pages(client, anon_app, token)
    found = {where: leaks(html) for where, html in pages.items()}
    assert found == {where: [] for where in pages}
    # Each page shows the pseudonym instead, in the interface's language.
    pseudonym = f"{PSEUDONYM[language]} {anon_app.pk}"
    for where in ("board", "board fragment", "detail", "cv text", "attention", "first review"):
        assert pseudonym in pages[where], where
    # The texts are there, masked: the reviewer judges what the candidate wrote.
    assert "build honest software" in pages["detail"]
    assert "Python, Django, PostgreSQL" in pages["cv text"]
    assert "Mannerheimintie" not in pages["cv text"] and "1.2.1985" not in pages["cv text"]
    api_item = next(i for i in client_json(pages["api"])["items"] if i["id"] == anon_app.pk)
    assert api_item["identity_hidden"] is True and api_item["email"] == ""
    # Nor can a name search find who is under review.
    found_by_name = client.get("/staff/candidates/", {"q": "Korhonen"}).content.decode()
    assert f"/staff/applications/{anon_app.pk}/" not in found_by_name
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.REVEAL_IDENTITY).exists()

    # The move past the first stage ends the anonymous review.
    moved = client.post(
        f"/staff/applications/{anon_app.pk}/move/", {"to": "next"}, HTTP_HX_REQUEST="true"
    )
    assert moved.status_code == 200 and NAME in moved.content.decode()
    detail = client.get(f"/staff/applications/{anon_app.pk}/").content.decode()
    assert NAME in detail and EMAIL in detail and PHONE in detail
    assert "Aino Korhonen" in detail  # the cover letter as written
    cv_text = client.get(f"/staff/applications/{anon_app.pk}/cv/text/").content.decode()
    assert "Mannerheimintie 12 A 3" in cv_text
    api = client.get(
        f"/api/v1/postings/{anon_app.posting.pk}/applications",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    ).json()
    item = next(i for i in api["items"] if i["id"] == anon_app.pk)
    assert (item["name"], item["email"], item["identity_hidden"]) == (NAME, EMAIL, False)
    found_by_name = client.get("/staff/candidates/", {"q": "Korhonen"}).content.decode()
    assert f"/staff/applications/{anon_app.pk}/" in found_by_name
    # One reveal per person, however often they look; the CV file opens, and is audited.
    reveals = AuditEvent.objects.filter(action=AuditEvent.Action.REVEAL_IDENTITY)
    assert [(r.actor, r.object_id) for r in reveals] == [(owner, str(anon_app.pk))]
    cv = client.get(f"/staff/applications/{anon_app.pk}/cv/")
    assert cv.status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DOWNLOAD_CV, actor=owner, object_id=str(anon_app.pk)
    ).exists()
    assert (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.VIEW_CV_TEXT, actor=owner, object_id=str(anon_app.pk)
        ).count()
        == 2
    )


def client_json(text: str) -> dict:
    import json

    return json.loads(text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cv_file_is_refused_in_the_first_stage_with_a_clear_message(
    client, anon_posting, recruiter, language
):
    anon_app = apply(anon_posting, cv_bytes=pdf_with_text(CV_LINES), cv_type=uploads.PDF)
    client.force_login(recruiter)
    client.cookies["django_language"] = language
    for url in (
        f"/staff/applications/{anon_app.pk}/cv/",
        f"/staff/applications/{anon_app.pk}/cv/preview/",
    ):
        response = client.get(url)
        assert response.status_code == 403
        html = response.content.decode()
        assert {
            "en": "The CV opens after the first stage",
            "fi": "CV aukeaa ensimmäisen vaiheen jälkeen",
            "sv": "CV:t öppnas efter det första skedet",
        }[language] in html
        assert not leaks(html)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DOWNLOAD_CV).exists()


def test_bulk_decisions_work_and_address_each_candidate_by_name(client, anon_posting, recruiter):
    first = apply(anon_posting)
    second = apply(anon_posting, name="Ville Virtanen", email="ville@example.fi")
    client.force_login(recruiter)
    response = client.post(
        f"/staff/postings/{anon_posting.pk}/decide/",
        {"ids": [first.pk, second.pk], "outcome": "rejected", "confirm": "yes"},
    )
    assert response.status_code == 302
    assert set(Application.objects.values_list("outcome", flat=True)) == {"rejected"}
    for app, first_name in ((first, "Aino-Maria"), (second, "Ville")):
        mail = Message.objects.get(to_email=app.email, kind="rejected_screening")
        assert first_name in mail.body
    # A decline is no move past the first stage: who they were stays hidden on the board.
    assert not Application.objects.filter(revealed_at__isnull=False).exists()
    detail = client.get(f"/staff/applications/{second.pk}/").content.decode()
    assert "Ville" not in detail and "Virtanen" not in detail


def test_an_ordinary_posting_shows_the_name_as_before(staff_client, posting):
    assert not posting.anonymous_review
    app = apply(posting)
    html = staff_client.get(f"/staff/postings/{posting.pk}/").content.decode()
    assert NAME in html
    assert staff_client.get(f"/staff/applications/{app.pk}/cv/").status_code == 200


def test_another_employer_reaches_none_of_it(client, anon_app, outsider):
    client.force_login(outsider)
    for url in (
        f"/staff/applications/{anon_app.pk}/",
        f"/staff/applications/{anon_app.pk}/cv/text/",
        f"/staff/applications/{anon_app.pk}/cv/",
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    "make, content_type",
    [(pdf_with_text, uploads.PDF), (docx_with_text, uploads.DOCX), (odt_with_text, uploads.ODT)],
)
def test_the_cv_text_is_read_from_pdf_docx_and_odt(make, content_type):
    text = extract_text(io.BytesIO(make(CV_LINES)), content_type)
    assert text is not None
    assert "Skills: Python, Django, PostgreSQL" in text and "Aino-Maria Korhonen" in text


def test_a_broken_file_gives_no_text_and_the_page_says_so(staff_client, anon_posting):
    app = apply(anon_posting, cv_bytes=b"%PDF-1.4 broken", cv_type=uploads.PDF)
    response = staff_client.get(f"/staff/applications/{app.pk}/cv/text/")
    assert response.status_code == 200
    assert "The text could not be read from this file." in response.content.decode()


class Entered:
    name, email, phone = "Åsa-Lena Öberg", "asa@example.se", "070-123 45 67"


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Jag heter Åsa-Lena Öberg.", "Jag heter"),
        ("Ring +46 70 123 45 67 eller 0701234567.", "Ring"),
        ("Mail: ASA@example.se, other: someone.else@firma.fi", "Mail"),
        ("Profile: https://www.linkedin.com/in/asa-oberg and github.com/asao", "Profile"),
        ("Storgatan 5 B, 123 45 Stockholm", ""),
        ("12 Baker Street, London", "London"),
        ("Född 1985-02-01, 38 år gammal", ""),
        ("Date of birth: 1 February 1985. Age: 41", ""),
        ("Henkilötunnus 010285-123A", "Henkilötunnus"),
        ("Olen 38-vuotias ja asun osoitteessa Hämeentie 3 B 12.", "Olen"),
    ],
)
def test_masking_by_what_was_entered_and_by_pattern(text, kept):
    masked = mask(text, Entered())
    for secret in (
        "Åsa",
        "Lena",
        "Öberg",
        "asa@",
        "someone.else",
        "70 123",
        "0701234567",
        "linkedin",
        "github",
        "Storgatan",
        "123 45",
        "Baker",
        "1985",
        "38",
        "41",
        "010285",
        "Hämeentie",
    ):
        assert secret.lower() not in masked.lower(), (secret, masked)
    assert kept in masked


def test_work_history_years_and_counts_are_not_masked():
    text = "Nokia 2015–2019, Kone 2019-2023. 5 years of Python. Salary 3500 EUR."
    assert mask(text, Entered()) == text


def test_the_api_list_of_another_employer_is_refused(client, anon_app, other_token):
    response = client.get(
        f"/api/v1/postings/{anon_app.posting.pk}/applications",
        HTTP_AUTHORIZATION=f"Bearer {other_token}",
    )
    assert response.status_code == 404


def test_the_reveal_is_kept_when_moved_back_to_the_first_stage(anon_app, recruiter):
    services.application_move(application=anon_app, actor=recruiter)
    first = anon_app.posting.stages.earliest("position")
    services.application_move(application=anon_app, actor=recruiter, to_stage=first)
    app = Application.objects.get(pk=anon_app.pk)
    assert app.revealed_at is not None and not app.identity_hidden
    assert app.display_name == NAME


def test_a_question_to_the_contact_reveals_no_identity_in_the_first_stage(
    client, anon_app, recruiter
):
    """The candidate's own question may carry their name and number: the contact's mail and
    the attention view show the pseudonym and the masked text until the move."""
    from reilu.applications.thread import question_ask

    question_ask(
        application=anon_app,
        text="Hei! Aino Korhonen here, call me on 040 765 4321 about the start date.",
        via="page",
    )
    mail = Message.objects.filter(kind="staff_thread_question").get()
    assert mail.to_email == anon_app.contact_email
    assert leaks(mail.subject + mail.body) == []
    assert anon_app.pseudonym in mail.subject + mail.body
    assert "the start date" in mail.body  # the question itself reaches the contact
    client.force_login(recruiter)
    html = client.get("/staff/attention/").content.decode()
    assert "the start date" in html
    assert leaks(html) == []
