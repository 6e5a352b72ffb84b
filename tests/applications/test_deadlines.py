import datetime as dt

from django.utils import timezone

from reilu.applications import deadlines, services
from reilu.applications.models import Application
from reilu.employers.models import Membership
from reilu.jobs.models import Posting
from reilu.messaging.models import Message
from tests.conftest import make_application, make_posting


def test_staff_are_reminded_before_the_decision_date(org, recruiter):
    Membership.objects.filter(user=recruiter).update(language="en")
    today = timezone.localdate()
    soon = make_posting(org, title="Soon", apply_by=today, decision_by=today + dt.timedelta(days=1))
    later = make_posting(org, title="Later")
    make_application(soon)
    make_application(later, email="x@example.fi")
    assert deadlines.remind_before_decisions() == 1
    assert deadlines.remind_before_decisions() == 0
    reminders = Message.objects.filter(kind="staff_decision_reminder")
    assert set(reminders.values_list("to_email", flat=True)) == {
        "laura@acme.example",
        "rec@acme.example",
    }
    # In each one's language: the employer's (Finnish) for the contact person, who is no
    # user; English for the recruiter who chose it in the workspace.
    assert dict(reminders.values_list("to_email", "subject")) == {
        "laura@acme.example": "1 hakija odottaa yhä päätöstä: Soon",
        "rec@acme.example": "1 candidate still waits for a decision: Soon",
    }
    assert all(
        f"/staff/postings/{soon.pk}/" in body for body in reminders.values_list("body", flat=True)
    )


def test_the_reminder_counts_candidates_in_the_staff_members_language(org, recruiter):
    today = timezone.localdate()
    soon = {"apply_by": today, "decision_by": today + dt.timedelta(days=1)}
    # Ads in English; the employer's staff read Finnish (its default).
    one = make_posting(org, title="Yksi", language="en", **soon)
    two = make_posting(org, title="Kaksi", language="en", **soon)
    make_application(one)
    make_application(two, email="a@example.fi")
    make_application(two, email="b@example.fi")
    assert deadlines.remind_before_decisions() == 2
    reminders = Message.objects.filter(kind="staff_decision_reminder", to_email="rec@acme.example")
    by_subject = {m.subject: m.body for m in reminders}
    assert set(by_subject) == {
        "1 hakija odottaa yhä päätöstä: Yksi",
        "2 hakijaa odottaa yhä päätöstä: Kaksi",
    }
    assert "ja 1 hakija on yhä mukana haussa" in by_subject["1 hakija odottaa yhä päätöstä: Yksi"]


def test_candidates_hear_once_when_the_decision_date_passes(org):
    today = timezone.localdate()
    posting = make_posting(org)  # published while open; its dates have passed since
    Posting.objects.filter(pk=posting.pk).update(
        apply_by=today - dt.timedelta(days=5), decision_by=today - dt.timedelta(days=1)
    )
    posting.refresh_from_db()
    active, _ = make_application_past(posting, "a@example.fi")
    decided, _ = make_application_past(posting, "b@example.fi")
    services.applications_decide(organization=org, application_ids=[decided.pk], outcome="rejected")
    assert deadlines.tell_when_decision_is_late() == 1
    assert deadlines.tell_when_decision_is_late() == 0
    assert Message.objects.filter(kind="decision_late").count() == 1
    assert Message.objects.get(kind="decision_late").about_id == active.pk


def make_application_past(posting, email):
    # The deadline has passed, so the candidate applied while it was open.
    from reilu.jobs.models import Posting

    Posting.objects.filter(pk=posting.pk).update(apply_by=None)
    posting.refresh_from_db()
    result = make_application(posting, email=email)
    return result


def test_cancelling_a_posting_tells_every_active_candidate(staff_client, posting, org):
    apps = [
        make_application(posting, email=f"c{i}@example.fi", name=f"C{i} Y")[0] for i in range(3)
    ]
    services.applications_decide(organization=org, application_ids=[apps[0].pk], outcome="rejected")
    response = staff_client.post(f"/staff/postings/{posting.pk}/cancel/", {"note": "Budget cut."})
    assert response.status_code == 302
    posting.refresh_from_db()
    assert posting.state == "cancelled"
    cancelled = Message.objects.filter(kind="posting_cancelled")
    assert {m.about_id for m in cancelled} == {apps[1].pk, apps[2].pk}
    assert all("Budget cut." in m.body for m in cancelled)
    assert not Application.objects.filter(outcome="active").exists()
