"""The account's export holds everything it shows; erasing it erases at every employer."""

import io
import json
import zipfile

import pytest

from reilu.applications.models import AccessToken, Answer, Application
from reilu.applications.thread import question_ask
from reilu.jobs.alerts import alert_confirm, alert_subscribe
from reilu.jobs.models import JobAlert
from reilu.privacy.models import AuditEvent, ErasureRecord
from reilu.talent.auth import SESSION_KEY
from reilu.talent.models import Profile, Seeker
from tests.talent.conftest import make_profile


def _alert(org):
    alert = alert_subscribe(organization=org, email="aino@example.fi", language="en")
    alert_confirm(alert)
    return alert


def test_the_export_holds_the_applications_profile_and_alerts(
    aino_client, aino, org, two_employers
):
    make_profile(email="aino@example.fi", name="Aino Korhonen", headline="Analyst")
    _alert(org)
    response = aino_client.get("/me/data/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    acme, other, theirs = two_employers["acme"], two_employers["other"], two_employers["theirs"]
    account = json.loads(archive.read("account.json"))
    assert {a["id"] for a in account["applications"]} == {acme.pk, other.pk}
    assert {a["contact_name"] for a in account["applications"]} == {"Laura Nieminen", "Olli Otava"}
    assert [a["employer"] for a in account["job_alerts"]] == ["Acme Oy"]
    assert f"applications/{acme.pk}/data.json" in names
    assert f"applications/{other.pk}/data.json" in names
    assert not any(n.startswith(f"applications/{theirs.pk}/") for n in names)
    data = json.loads(archive.read(f"applications/{acme.pk}/data.json"))
    assert data["application"]["email"] == "aino@example.fi" and data["events"]
    talent = json.loads(archive.read("talent/data.json"))
    assert talent["held"]["talent.profile"][0]["headline"] == "Analyst"
    # each employer's audit log records the export
    assert AuditEvent.objects.filter(action="export", object_id=str(acme.pk)).exists()


def test_the_confirmation_lists_what_will_go_and_a_missing_tick_erases_nothing(
    aino_client, org, two_employers
):
    _alert(org)
    page = aino_client.get("/me/erase/").content.decode()
    assert "Backend developer" in page and "Data engineer" in page and "Acme Oy" in page
    assert "It is still in process: it will be withdrawn." in page
    assert "Your job alert from Acme Oy." in page
    response = aino_client.post("/me/erase/", {})
    assert response.status_code == 400 and "Tick the box" in response.content.decode()
    assert Application.objects.filter(erased_at__isnull=False).count() == 0
    assert Seeker.objects.filter(email_key="aino@example.fi").exists()


def test_erasing_the_account_erases_its_applications_at_every_employer(
    aino_client, org, two_employers
):
    make_profile(email="aino@example.fi", name="Aino Korhonen", headline="Analyst")
    _alert(org)
    response = aino_client.post("/me/erase/", {"confirm": "yes"})
    assert response.status_code == 200 and "Your account is erased" in response.content.decode()
    for key in ("acme", "other"):
        app = Application.objects.get(pk=two_employers[key].pk)
        assert app.erased_at is not None and app.name == app.email == "" and not app.cv
        assert app.outcome == "withdrawn"
        assert not AccessToken.objects.filter(application=app).exists()
    assert ErasureRecord.objects.filter(reason="candidate").count() == 2
    theirs = Application.objects.get(pk=two_employers["theirs"].pk)
    assert theirs.erased_at is None and theirs.email == "bertta@example.fi"
    assert not Seeker.objects.exists() and not Profile.objects.exists()
    assert not JobAlert.objects.filter(email_key="aino@example.fi").exists()
    assert SESSION_KEY not in aino_client.session
    assert aino_client.get(f"/status/{two_employers['raw_acme']}/").status_code == 404


@pytest.mark.parametrize(
    ("language", "answers", "conversation"),
    [
        (
            "en",
            "your answers to the employer's questions",
            "the messages of your conversation with the contact person",
        ),
        ("fi", "vastauksesi työnantajan kysymyksiin", "keskustelusi yhteyshenkilön kanssa"),
        ("sv", "dina svar på arbetsgivarens frågor", "din konversation med kontaktpersonen"),
    ],
)
def test_the_confirmation_names_the_answers_and_the_conversation_that_erasure_removes(
    aino_client, two_employers, language, answers, conversation
):
    """What the page lists is what goes: the answers to the application's questions and the
    texts of the conversation with the contact person."""
    app = two_employers["acme"]
    Answer.objects.create(
        application=app, question_text="Can you start in January?", kind="yes_no", value="yes"
    )
    message = question_ask(application=app, text="Is part-time possible?", via="page")
    page = aino_client.get("/me/erase/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert answers in page and conversation in page
    response = aino_client.post("/me/erase/", {"confirm": "yes"})
    assert response.status_code == 200
    assert not Answer.objects.filter(application=app).exists()
    message.event.refresh_from_db()
    assert message.event.text == ""
