import pytest

from reilu.applications import services
from reilu.messaging import texts
from reilu.messaging.models import Message, MessageTemplate
from reilu.messaging.staff_views import kind_labels
from reilu.messaging.texts import sample_values


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("kind", sorted(texts.LETTERS))
def test_every_default_renders_in_every_language(org, kind, language):
    values = sample_values(org, language)
    subject, body = texts.render(kind, language, values)
    assert "{" not in subject + body, "a placeholder was left unfilled"
    assert "Aino" in body
    assert "Laura Nieminen" in body  # signed by a named person
    assert "not reply" not in body.lower()


def test_defaults_are_translated(org):
    fi_subject, fi_body = texts.render("received", "fi", sample_values(org, "fi"))
    en_subject, en_body = texts.render("received", "en", sample_values(org, "en"))
    sv_subject, _ = texts.render("received", "sv", sample_values(org, "sv"))
    assert fi_body != en_body and fi_subject != en_subject and sv_subject != en_subject


def test_every_kind_can_be_edited():
    labels = kind_labels()
    assert set(labels) == set(texts.LETTERS) and all(str(label) for label in labels.values())


def test_an_unknown_placeholder_is_refused():
    with pytest.raises(texts.UnknownPlaceholder) as exc:
        texts.fill("Hi {first_name} {password}", {"first_name": "A"})
    assert exc.value.names == ["password"]


def test_staff_text_is_never_executed(org):
    values = sample_values(org, "en")
    evil = "{first_name} {{ settings.SECRET_KEY }} {% debug %} %(x)s {0.__class__}"
    body = texts.fill(evil, values)
    assert body.startswith("Aino {{ settings.SECRET_KEY }} {% debug %} %(x)s {0.__class__}")


def test_the_editor_refuses_unknown_placeholders(staff_client):
    response = staff_client.post(
        "/staff/templates/received/en/",
        {"subject": "Hello", "body": "Hi {first_name}, {salary}", "save": "1"},
    )
    assert response.status_code == 400
    assert "Unknown placeholder: {salary}" in response.content.decode()
    assert not MessageTemplate.objects.exists()


def test_the_editor_previews_and_saves(staff_client, org):
    data = {"subject": "Thanks, {first_name}!", "body": "We got it. {status_url}"}
    preview = staff_client.post("/staff/templates/received/en/", {**data, "preview": "1"})
    assert preview.status_code == 200
    assert "Thanks, Aino!" in preview.content.decode()
    assert not MessageTemplate.objects.exists()
    staff_client.post("/staff/templates/received/en/", {**data, "save": "1"})
    assert MessageTemplate.objects.get(organization=org, kind="received", language="en")


def test_the_employers_wording_is_used(org, posting):
    from tests.conftest import make_application

    MessageTemplate.objects.create(
        organization=org,
        kind="received",
        language="en",
        subject="Kiitos {first_name}",
        body="Dear {first_name}, see {status_url}",
    )
    app, _ = make_application(posting)
    msg = Message.objects.about(app).get(kind="received")
    assert msg.subject == "Kiitos Aino"
    assert msg.body.startswith("Dear Aino, see http://testserver/status/")
    subject, body = services.decision_preview(app, "rejected")
    assert "Aino" in body


def test_other_employers_cannot_edit_my_wording(client, outsider, org):
    MessageTemplate.objects.create(
        organization=org, kind="hired", language="en", subject="S", body="B"
    )
    client.force_login(outsider)
    response = client.post("/staff/templates/hired/en/", {"subject": "X", "body": "Y", "save": "1"})
    assert response.status_code == 302
    assert MessageTemplate.objects.get(organization=org).subject == "S"
