"""Interviewers confirm they have read the application; reminders the day before (S3)."""

import datetime as dt

import time_machine
from django.urls import reverse
from django.utils import timezone

from reilu.interviews.models import Preparation
from reilu.interviews.selectors import preparation_shares
from reilu.interviews.services.booking import booking_book
from reilu.interviews.services.preparation import preparation_confirm, remind_unprepared
from reilu.interviews.tasks import remind_interviewers
from reilu.messaging.models import Message
from reilu.periodic import SCHEDULE


def test_an_interviewer_reads_and_confirms(client, interview_app, slot, interviewer):
    booking_book(application=interview_app, slot_id=slot.pk)
    client.force_login(interviewer)
    url = reverse("interviews:prepare", args=[interview_app.pk])
    page = client.get(url).content.decode()
    assert "Hello, I would like this job." in page  # the cover letter
    assert reverse("interviews:cv", args=[interview_app.pk]) in page
    assert "Python" in page  # the criteria
    cv = client.get(reverse("interviews:cv", args=[interview_app.pk]))
    assert cv.status_code == 200 and b"".join(cv.streaming_content).startswith(b"%PDF")
    client.post(url)
    assert Preparation.objects.get(interviewer=interviewer).confirmed_at is not None


def test_an_interviewer_sees_only_applications_they_interview(
    client, posting, interview_app, second_app, slot, interviewer
):
    booking_book(application=interview_app, slot_id=slot.pk)
    client.force_login(interviewer)
    assert client.get(reverse("interviews:prepare", args=[second_app.pk])).status_code == 404
    assert client.get(reverse("interviews:cv", args=[second_app.pk])).status_code == 404
    # Not the recruiter workspace either.
    assert client.get(reverse("staff:application", args=[interview_app.pk])).status_code == 404
    assert client.get(reverse("staff:board", args=[posting.pk])).status_code == 404
    mine = client.get(reverse("interviews:home")).content.decode()
    assert "Aino Korhonen" in mine and "Bertta" not in mine


def test_it_reminds_unprepared_interviewers_the_day_before(
    interview_app, slot, interviewer, recruiter
):
    booking_book(application=interview_app, slot_id=slot.pk)
    Preparation.objects.filter(interviewer=recruiter).update(confirmed_at=timezone.now())
    assert remind_unprepared() == 0  # three days ahead: too early
    day_before = timezone.localtime(slot.starts_at) - dt.timedelta(days=1)
    with time_machine.travel(day_before.replace(hour=8), tick=False):
        remind_interviewers.call()
        assert remind_unprepared() == 0  # once only
    reminders = Message.objects.filter(kind="interviewer_reminder")
    assert list(reminders.values_list("to_email", flat=True)) == ["ina@acme.example"]
    assert any(path == "reilu.interviews.tasks.remind_interviewers" for _, path in SCHEDULE)


def test_it_reports_the_share_of_prepared_interviews(
    org, other_org, interview_app, slot, interviewer, recruiter
):
    booking_book(application=interview_app, slot_id=slot.pk)
    preparation_confirm(application=interview_app, user=interviewer)
    with time_machine.travel(slot.starts_at + dt.timedelta(hours=2)):
        report = preparation_shares(org, timezone.now())
        assert preparation_shares(other_org, timezone.now())["total"] == 0
    assert report["total"] == 2 and report["prepared"] == 1 and report["share"] == 0.5
    by_person = {r["interviewer__email"]: r["share"] for r in report["interviewers"]}
    assert by_person == {"ina@acme.example": 1.0, "rec@acme.example": 0.0}
