"""Tasks in one place: interviews to book or move, feedback calls offered, surveys."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.utils import timezone

from reilu.applications import services as app_services
from reilu.interviews.models import Booking
from reilu.interviews.services.booking import booking_book
from reilu.seekers.selectors import task_count, tasks_of
from tests.interviews.conftest import make_slot, to_interview
from tests.seekers.test_documents import request_for


def test_an_interview_to_book_is_a_task_with_the_last_open_time_as_deadline(
    aino, aino_client, two_employers, recruiter
):
    acme = to_interview(two_employers["acme"])
    make_slot(acme.posting, [recruiter], days=3)
    last = make_slot(acme.posting, [recruiter], days=5)
    tasks = tasks_of(aino)
    assert [(t.kind, t.application.pk) for t in tasks] == [("book", acme.pk)]
    assert tasks[0].deadline == last.starts_at and task_count(tasks) == 1
    html = aino_client.get("/me/").content.decode()
    assert "data-task-count>1<" in html and 'data-task="book"' in html


def test_booking_from_the_task_list_books_through_the_status_pages(
    aino, aino_client, two_employers, recruiter
):
    acme = to_interview(two_employers["acme"])
    slot = make_slot(acme.posting, [recruiter], days=3)
    response = aino_client.post(f"/me/applications/{acme.pk}/book/")
    assert response.status_code == 302 and response["Location"].endswith("/interview/")
    booking_page = response["Location"]
    assert aino_client.get(booking_page).status_code == 200
    done = aino_client.post(booking_page, {"slot": slot.pk})
    assert done.status_code == 302
    assert Booking.objects.get(application=acme, state="active").slot == slot
    # now the task is a booked time to move, not waiting for anything
    tasks = tasks_of(aino)
    assert [(t.kind, t.to_do) for t in tasks] == [("move", False)]
    assert tasks[0].deadline == slot.starts_at
    assert "data-task-count>0<" in aino_client.get("/me/").content.decode()


def test_no_interview_task_without_open_times_or_outside_the_interview_stage(
    aino, two_employers, recruiter
):
    acme = two_employers["acme"]
    make_slot(acme.posting, [recruiter], days=3)
    assert tasks_of(aino) == []  # still in the first stage
    to_interview(acme)
    past = timezone.now() - dt.timedelta(hours=1)
    acme.posting.slots.update(starts_at=past, ends_at=past + dt.timedelta(minutes=30))
    assert tasks_of(aino) == []  # the only time has passed


def test_a_feedback_call_offered_and_a_survey_are_tasks(aino, aino_client, org, two_employers):
    acme = to_interview(two_employers["acme"])
    app_services.applications_decide(
        organization=org, application_ids=[acme.pk], outcome="rejected"
    )
    kinds = {t.kind for t in tasks_of(aino)}
    assert kinds == {"feedback", "survey"}
    feedback = next(t for t in tasks_of(aino) if t.kind == "feedback")
    assert feedback.deadline is None  # no feedback times open
    response = aino_client.post(f"/me/applications/{acme.pk}/feedback/")
    assert response["Location"].endswith("/feedback/")
    assert aino_client.get(response["Location"]).status_code == 200
    response = aino_client.post(f"/me/applications/{acme.pk}/survey/")
    assert response["Location"].endswith("/survey/")
    assert aino_client.get(response["Location"]).status_code == 200
    html = aino_client.get("/me/tasks/").content.decode()
    assert "2 things wait for you." in html


def test_another_persons_tasks_never_appear(aino, two_employers, recruiter, org):
    theirs = to_interview(two_employers["theirs"])
    make_slot(theirs.posting, [recruiter], days=3)
    assert tasks_of(aino) == []


def test_a_booked_time_is_kept_from_the_task_count(aino, two_employers, recruiter):
    acme = to_interview(two_employers["acme"])
    slot = make_slot(acme.posting, [recruiter], days=3)
    booking_book(application=acme, slot_id=slot.pk)
    assert task_count(tasks_of(aino)) == 0


NOTHING = {
    "en": ("Nothing waits for you now.", "0 things wait"),
    "fi": ("Mikään ei odota sinua nyt.", "0 asiaa odottaa"),
    "sv": ("Inget väntar på dig just nu.", "0 saker väntar"),
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_with_no_tasks_the_page_says_so_once(aino_client, two_employers, language):
    aino_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = aino_client.get("/me/tasks/").content.decode()
    nothing, zero = NOTHING[language]
    assert nothing in html and zero not in html


def test_one_task_is_counted_in_the_singular(aino_client, two_employers, recruiter):
    request_for(two_employers["acme"], recruiter)
    html = aino_client.get("/me/tasks/").content.decode()
    assert "1 thing waits for you." in html and "Nothing waits" not in html


def test_in_swedish_the_tasks_and_the_data_have_their_own_headings_and_stage_one_word(
    aino_client, two_employers
):
    aino_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    home = aino_client.get("/me/").content.decode()
    headings = re.findall(r"<h2>(?:<a [^>]*>)?([^<]+)", home)
    assert "Att göra" in headings and "Dina uppgifter" in headings
    assert headings.count("Dina uppgifter") == 1
    assert "Skede: " in home and "Steg: " not in home
    status = aino_client.get(f"/status/{two_employers['raw_acme']}/").content.decode()
    assert "Skede 1 av" in status and "Steg" not in status
    assert "<h1>Att göra</h1>" in aino_client.get("/me/tasks/").content.decode()
