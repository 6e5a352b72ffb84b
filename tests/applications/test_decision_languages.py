"""A bulk decision to candidates in several languages: a note per language, and Reilu's
default stage names in each candidate's own language (through the staff form and the API)."""

import html
import re

import pytest

from reilu.applications import services
from reilu.applications.models import Application
from reilu.messaging.models import Message
from tests.conftest import make_application

NOTES = {
    "fi": "Kiitos ajastasi, toivottavasti kuulemme sinusta vielä.",
    "en": "Thank you for your time; we hope to hear from you again.",
}


@pytest.fixture
def trio(posting):
    """An English ad; candidates who asked for Finnish, Swedish and English, all screened."""
    apps = {}
    for lang, name in (("fi", "Aino Korhonen"), ("sv", "Sven Berg"), ("en", "Emma Brown")):
        app, _ = make_application(posting, email=f"{lang}@example.fi", name=name, language=lang)
        services.application_move(application=app)  # Received → Screening
        apps[lang] = app
    return apps


def decision(app) -> Message:
    return Message.objects.about(app).get(dedupe_key=f"decision:{app.pk}")


def form_fields(page: str) -> dict:
    """What a browser would send from the preview form as it stands (hidden fields, notes)."""
    fields: dict = {"ids": re.findall(r'name="ids" value="(\d+)"', page)}
    for name, value in re.findall(
        r'<input type="hidden" name="(outcome|preview)" value="([^"]*)"', page
    ):
        fields[name] = value
    for name, text in re.findall(
        r'<textarea [^>]*name="(note_\w\w)"[^>]*>([^<]*)</textarea>', page
    ):
        fields[name] = html.unescape(text)
    return fields


def test_the_preview_groups_by_language_and_takes_a_note_for_each(staff_client, posting, trio):
    url = f"/staff/postings/{posting.pk}/decide/"
    ids = [a.pk for a in trio.values()]
    # The board's single note is written for the ad's language (English) only.
    page = staff_client.post(
        url, {"ids": ids, "outcome": "rejected", "note": NOTES["en"]}
    ).content.decode()
    for lang, heading in (("fi", "In Finnish: 1 candidate"), ("sv", "In Swedish: 1 candidate")):
        assert heading in page
        assert f'name="note_{lang}"' in page
    assert "In English: 1 candidate" in page
    assert page.count("message goes without a personal note") == 2
    assert "Aino Korhonen" in page and "Sven Berg" in page and "Emma Brown" in page
    # Each group's sample is in its own language, the default stage name too.
    assert "Hakemusten arviointi" in page and "Granskning" in page and "Screening" in page
    assert page.count(NOTES["en"]) == 2  # its textarea and the English sample, nowhere else

    # The recruiter writes the Finnish note and looks again before sending.
    fields = form_fields(page)
    assert fields["note_en"] == NOTES["en"] and fields["note_fi"] == ""
    fields["note_fi"] = NOTES["fi"]
    page = staff_client.post(url, fields).content.decode()
    assert NOTES["fi"] in page
    assert page.count("without a personal note") == 1  # only Swedish is left without
    assert not Application.objects.exclude(outcome="active").exists()  # nothing sent yet

    staff_client.post(url, {**form_fields(page), "confirm": "yes"})
    assert set(Application.objects.values_list("outcome", flat=True)) == {"rejected"}
    fi, sv, en = (decision(trio[lang]).body for lang in ("fi", "sv", "en"))
    assert NOTES["fi"] in fi and NOTES["en"] not in fi
    assert NOTES["en"] in en and NOTES["fi"] not in en
    assert NOTES["fi"] not in sv and NOTES["en"] not in sv
    assert "vaiheeseen: Hakemusten arviointi" in fi
    assert "efter skedet Granskning" in sv
    assert "after the stage Screening" in en


def test_a_stage_name_the_recruiter_wrote_stays_as_written(posting, org):
    stage = posting.stages.get(kind="screening")
    stage.name = "Code review"
    stage.save()
    app, _ = make_application(posting, language="fi")
    services.application_move(application=app)
    services.applications_decide(organization=org, application_ids=[app.pk], outcome="rejected")
    assert "vaiheeseen: Code review" in decision(app).body


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_the_api_takes_a_note_per_language(client, api_token, trio):
    response = client.post(
        "/api/v1/applications/decisions",
        {"application_ids": [a.pk for a in trio.values()], "outcome": "rejected", "notes": NOTES},
        content_type="application/json",
        **bearer(api_token),
    )
    assert response.json() == {"updated": 3}
    assert NOTES["fi"] in decision(trio["fi"]).body
    assert NOTES["en"] in decision(trio["en"]).body
    sv = decision(trio["sv"]).body
    assert NOTES["fi"] not in sv and NOTES["en"] not in sv and "Granskning" in sv


def test_the_api_keeps_the_single_note_for_everyone(client, api_token, trio):
    client.post(
        "/api/v1/applications/decisions",
        {"application_ids": [trio["sv"].pk], "outcome": "rejected", "note": "Tack!"},
        content_type="application/json",
        **bearer(api_token),
    )
    assert "Tack!" in decision(trio["sv"]).body


@pytest.mark.parametrize(
    "body",
    [
        {"note": "One", "notes": {"fi": "Kaksi"}},
        {"notes": {"de": "Danke"}},
        {"notes": {"fi": 3}},
    ],
)
def test_the_api_refuses_notes_it_cannot_place(client, api_token, trio, body):
    response = client.post(
        "/api/v1/applications/decisions",
        {"application_ids": [trio["fi"].pk], "outcome": "rejected", **body},
        content_type="application/json",
        **bearer(api_token),
    )
    assert response.status_code == 422
    assert Application.objects.get(pk=trio["fi"].pk).outcome == "active"


def test_another_employer_cannot_decide_through_the_form_or_the_api(
    client, outsider, other_token, posting, trio
):
    client.force_login(outsider)
    page = client.post(
        f"/staff/postings/{posting.pk}/decide/",
        {"ids": [trio["fi"].pk], "outcome": "rejected", "preview": "1", "note_fi": "x"},
    )
    assert page.status_code == 404
    response = client.post(
        "/api/v1/applications/decisions",
        {"application_ids": [trio["fi"].pk], "outcome": "rejected", "notes": NOTES},
        content_type="application/json",
        **bearer(other_token),
    )
    assert response.json() == {"updated": 0}
    assert set(Application.objects.values_list("outcome", flat=True)) == {"active"}


def test_a_board_note_reaches_the_only_language_group_even_if_not_the_ads(
    staff_client, posting, trio
):
    """Everyone selected reads Finnish while the ad is in English: the note is theirs."""
    url = f"/staff/postings/{posting.pk}/decide/"
    note = NOTES["fi"]
    page = staff_client.post(
        url, {"ids": [trio["fi"].pk], "outcome": "rejected", "note": note}
    ).content.decode()
    assert "In Finnish: 1 candidate" in page and "In English" not in page
    assert "without a personal note" not in page
    staff_client.post(url, {**form_fields(page), "confirm": "yes"})
    assert note in decision(trio["fi"]).body
