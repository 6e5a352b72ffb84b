import datetime as dt

from django.utils import timezone

from reilu.applications.models import Application
from reilu.messaging.models import Message
from tests.conftest import make_application


def test_the_attention_page_lists_what_needs_fixing(staff_client, posting, org):
    late, _ = make_application(posting, email="late@example.fi", name="Leena Late")
    soon, _ = make_application(posting, email="soon@example.fi", name="Sami Soon")
    orphan, _ = make_application(posting, email="orphan@example.fi", name="Olli Orphan")
    today = timezone.localdate()
    Application.objects.filter(pk=late.pk).update(promised_by=today - dt.timedelta(days=2))
    Application.objects.filter(pk=soon.pk).update(promised_by=today + dt.timedelta(days=1))
    Application.objects.filter(pk__in=[late.pk, soon.pk]).update(contact_email="rec@acme.example")
    Message.objects.about(late).filter().update(state="failed", last_error="550 no such user")
    html = staff_client.get("/staff/attention/").content.decode()
    assert "Leena Late" in html and "Sami Soon" in html and "Olli Orphan" in html
    assert "550 no such user" in html


def test_a_failed_message_can_be_retried(staff_client, application):
    msg = Message.objects.about(application).get()
    Message.objects.filter(pk=msg.pk).update(state="failed", attempts=8)
    staff_client.post(f"/staff/messages/{msg.pk}/retry/")
    msg.refresh_from_db()
    assert msg.state == "pending" and msg.attempts == 0


def test_another_employer_cannot_retry_my_messages(client, outsider, application):
    msg = Message.objects.about(application).get()
    Message.objects.filter(pk=msg.pk).update(state="failed")
    client.force_login(outsider)
    assert client.post(f"/staff/messages/{msg.pk}/retry/").status_code == 404
    msg.refresh_from_db()
    assert msg.state == "failed"


def test_handing_over_tells_the_candidate(staff_client, application, recruiter, org):
    recruiter.first_name, recruiter.last_name = "Rita", "Rekry"
    recruiter.save()
    member = recruiter.memberships.get(organization=org)
    staff_client.post(f"/staff/applications/{application.pk}/contact/", {"member": member.pk})
    application.refresh_from_db()
    assert application.contact_name == "Rita Rekry"
    assert application.contact_email == "rec@acme.example"
    assert Message.objects.about(application).filter(kind="contact_changed").exists()
