import re

from django.core import mail

from reilu.jobs import alerts
from reilu.jobs.models import JobAlert
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from tests.conftest import make_posting


def link_in(body, purpose):
    return re.search(rf"http://testserver(/alerts/{purpose}/[^/\s]+/)", body).group(1)


def test_double_opt_in_then_one_click_unsubscribe(client, org):
    alerts.alert_subscribe(organization=org, email="Seeker@example.fi", language="en")
    deliver_all()
    confirm = link_in(mail.outbox[-1].body, "confirm")
    # Nothing is sent before the person confirms.
    make_posting(org, title="First")
    assert not Message.objects.filter(kind="job_alert").exists()
    # Opening the link (as a mail scanner would) does not confirm; pressing the button does.
    assert client.get(confirm).status_code == 200
    assert not JobAlert.objects.get().is_active
    client.post(confirm)
    assert JobAlert.objects.get().is_active

    make_posting(org, title="Second")
    deliver_all()
    sent = mail.outbox[-1]
    assert "Second" in sent.subject
    unsubscribe = sent.extra_headers["List-Unsubscribe"].strip("<>")
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = unsubscribe.replace("http://testserver", "")
    fresh = client.__class__(enforce_csrf_checks=True)
    response = fresh.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert JobAlert.objects.get().unsubscribed_at is not None

    make_posting(org, title="Third")
    assert not Message.objects.filter(kind="job_alert", subject__contains="Third").exists()


def test_a_forged_link_is_404(client, org):
    alert = alerts.alert_subscribe(organization=org, email="a@example.fi", language="fi")
    good = alerts.sign(alert, "unsubscribe")
    assert client.post(f"/alerts/unsubscribe/{good[:-2]}xx/").status_code == 404
    # A confirm link cannot be used to unsubscribe and vice versa.
    assert client.post(f"/alerts/unsubscribe/{alerts.sign(alert, 'confirm')}/").status_code == 404


def test_subscribing_from_the_status_page(client, application):
    response = client.post(f"/status/{application.raw_token}/alerts/")
    assert response.status_code == 302
    alert = JobAlert.objects.get()
    assert alert.email == application.email and not alert.is_active
    assert Message.objects.filter(kind="job_alert_confirm", to_email=application.email).exists()


def test_a_subscriber_hears_once_per_posting(org):
    alert = alerts.alert_subscribe(organization=org, email="a@example.fi", language="fi")
    alerts.alert_confirm(alert)
    posting = make_posting(org)
    assert alerts.notify_new_posting(posting) == 0  # already queued at publishing
    assert Message.objects.filter(kind="job_alert").count() == 1
    assert Message.objects.get(kind="job_alert").language == "fi"
