"""The conversation between a candidate and the contact person (issue 18, item 4).

Through the pages people use: the status page's form, the workspace's answer form, the
attention view; the promise of an answer with a moving clock.
"""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from reilu.applications import thread
from reilu.applications.models import Application, Event, ThreadMessage
from reilu.employers.models import Membership
from reilu.messaging.models import Message
from tests.applications.test_status_freshness import assert_shown_at_once
from tests.conftest import make_application, make_posting, make_staff

QUESTION = "Is the job available part-time, four days a week?"
ANSWER = "Yes: four days a week is fine, we agree on the days together."

REFUSED = {
    "en": ("Write your message first.", "at most 4000 characters"),
    "fi": ("Kirjoita ensin viestisi.", "enintään 4000 merkkiä"),
    "sv": ("Skriv ditt meddelande först.", "högst 4000 tecken"),
}


def ask(client, app, text=QUESTION, **headers):
    return client.post(f"/status/{app.raw_token}/ask/", {"text": text}, **headers)


def at_noon(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=timezone.get_current_timezone())


# The promised answer date


@pytest.mark.parametrize(
    ("asked", "due"),
    [
        (dt.date(2026, 12, 1), dt.date(2026, 12, 3)),  # Tuesday -> Thursday
        (dt.date(2026, 12, 4), dt.date(2026, 12, 8)),  # Friday -> Tuesday
        (dt.date(2026, 12, 23), dt.date(2026, 12, 29)),  # Christmas Eve and Day skipped
        (dt.date(2027, 12, 3), dt.date(2027, 12, 8)),  # Independence Day (Mon 6.12.) skipped
    ],
)
def test_an_answer_is_promised_in_two_working_days(asked, due):
    assert thread.answer_due(asked) == due


def test_the_number_of_days_is_a_setting(settings):
    settings.REILU_THREAD_ANSWER_DAYS = 5
    assert thread.answer_due(dt.date(2026, 12, 1)) == dt.date(2026, 12, 8)


# Asking on the status page


def test_a_question_reaches_the_contact_person_and_the_page(client, application):
    assert_shown_at_once(client, application, lambda: ask(client, application), QUESTION)
    question = ThreadMessage.objects.get(application=application)
    assert question.author == "candidate" and question.via == "page"
    assert question.text == QUESTION and question.is_open
    assert question.promised_by == thread.answer_due()
    assert Event.objects.filter(application=application, kind="question", text=QUESTION).exists()
    mail = Message.objects.about(application).get(kind="staff_thread_question")
    assert mail.to_email == "laura@acme.example" and not mail.alert_staff_on_failure
    assert QUESTION in mail.body
    assert f"http://testserver/staff/applications/{application.pk}/#thread" in mail.body
    page = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "Answer promised by" in page


def test_the_form_redirects_back_to_the_conversation_with_a_notice(client, application):
    response = ask(client, application)
    assert response.status_code == 302
    assert response["Location"] == f"/status/{application.raw_token}/#thread"
    page = client.get(response["Location"]).content.decode()
    # In the conversation, where the page lands (#thread), not at the top out of a
    # phone's view; and once only.
    thread = page[page.index('id="thread"') :]
    assert "Your message is on its way to Laura Nieminen" in thread.split("</section>")[0]
    assert page.count("Your message is on its way to Laura Nieminen") == 1
    # Styled as a notice only: the message's own tag is no class that lays out the thread.
    assert '<p class="notice success" role="status">Your message is on its way' in page
    # The notice is shown once: the next visit is the stored page without it.
    again = client.get(response["Location"]).content.decode()
    assert "Your message is on its way" not in again and 'id="thread"' in again


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_a_refused_message_comes_back_with_the_reason_then_goes(client, application, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language  # chosen on the site
    empty = ask(client, application, "   \r\n ", HTTP_ACCEPT_LANGUAGE=language)
    assert empty.status_code == 400
    assert REFUSED[language][0] in empty.content.decode()
    long = ask(client, application, "x" * 4001, HTTP_ACCEPT_LANGUAGE=language)
    assert long.status_code == 400
    html = long.content.decode()
    assert REFUSED[language][1] in html
    assert "x" * 4001 in html  # the text is kept for fixing
    assert not ThreadMessage.objects.exists()
    assert not Message.objects.filter(kind="staff_thread_question").exists()
    fixed = ask(client, application, "x" * 4000, HTTP_ACCEPT_LANGUAGE=language)
    assert fixed.status_code == 302
    assert ThreadMessage.objects.get().text == "x" * 4000


def test_control_characters_are_refused_but_line_breaks_kept(client, application):
    assert ask(client, application, "Hello\x07there").status_code == 400
    assert ask(client, application, "Hello\r\nthere\r\n").status_code == 302
    assert ThreadMessage.objects.get().text == "Hello\nthere"


def test_html_is_shown_as_text(client, application):
    ask(client, application, "<script>alert(1)</script> <b>bold</b>")
    page = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_unknown_or_expired_link_asks_nothing(client, application):
    assert client.post("/status/nothing-here/ask/", {"text": QUESTION}).status_code == 404
    Application.objects.filter(pk=application.pk).update(erased_at=timezone.now())
    assert ask(client, application).status_code == 410
    assert not ThreadMessage.objects.exists()


def test_a_link_reaches_only_its_own_application(client, posting, application):
    other, raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    other.raw_token = raw
    ask(client, other, "Bertta's own question")
    assert ThreadMessage.objects.get().application_id == other.pk
    mine = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "Bertta's own question" not in mine and "Bertta&#x27;s own question" not in mine


# Rate limits


def test_questions_are_limited_per_application(client, settings, application):
    settings.REILU_RATES = {**settings.REILU_RATES, "thread_application": "2/d"}
    assert ask(client, application, "one").status_code == 302
    assert ask(client, application, "two").status_code == 302
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"  # chosen on the site
    refused = ask(client, application, "three")
    assert refused.status_code == 429
    assert '<html lang="fi">' in refused.content.decode()
    assert ThreadMessage.objects.count() == 2
    # Refused text counts nothing: the limit is for messages, not typing mistakes.


def test_a_refused_text_does_not_count_towards_the_limit(client, settings, application):
    settings.REILU_RATES = {**settings.REILU_RATES, "thread_application": "1/d"}
    assert ask(client, application, " ").status_code == 400
    assert ask(client, application, "one").status_code == 302


def test_questions_are_limited_per_client(client, settings, posting, application):
    settings.REILU_RATES = {**settings.REILU_RATES, "thread": "2/h"}
    other, raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    other.raw_token = raw
    assert ask(client, application).status_code == 302
    assert ask(client, other).status_code == 302
    assert ask(client, other, "third").status_code == 429
    assert ThreadMessage.objects.count() == 2


# Answering in the workspace


def answer(client, app, text=ANSWER, **headers):
    return client.post(f"/staff/applications/{app.pk}/answer/", {"text": text}, **headers)


def test_the_contact_person_answers_in_the_workspace(staff_client, client, application, org):
    ask(client, application)
    detail = staff_client.get(f"/staff/applications/{application.pk}/").content.decode()
    assert QUESTION in detail and "Unanswered" in detail
    assert_shown_at_once(client, application, lambda: answer(staff_client, application), ANSWER)
    question, reply = ThreadMessage.objects.filter(application=application).order_by("id")
    assert question.answered_at is not None and question.lapses == 0
    assert reply.author == "staff" and reply.via == "workspace" and reply.text == ANSWER
    assert reply.event.actor.email == "rec@acme.example"
    mail = Message.objects.about(application).get(kind="thread_answer")
    assert mail.to_email == "aino@example.fi" and mail.alert_staff_on_failure
    assert ANSWER in mail.body and "/status/" in mail.body
    application.refresh_from_db()
    assert application.first_response_at is not None
    page = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "Answer promised by" not in page


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_an_empty_answer_is_refused_on_the_page(staff_client, application, language):
    refused = answer(staff_client, application, "  ", HTTP_ACCEPT_LANGUAGE=language)
    assert refused.status_code == 400
    assert REFUSED[language][0] in refused.content.decode()
    assert not ThreadMessage.objects.exists()
    fixed = answer(staff_client, application, ANSWER, HTTP_ACCEPT_LANGUAGE=language)
    assert fixed.status_code == 302


def test_another_employers_staff_cannot_read_or_answer(client, outsider, application):
    ask(client, application)
    client.force_login(outsider)
    assert client.get(f"/staff/applications/{application.pk}/").status_code == 404
    assert answer(client, application).status_code == 404
    assert ThreadMessage.objects.filter(author="staff").count() == 0
    assert "Is the job" not in client.get("/staff/attention/").content.decode()


def test_an_interviewer_cannot_answer(client, org, application):
    interviewer = make_staff(org, "ina@acme.example", role=Membership.Role.INTERVIEWER)
    client.force_login(interviewer)
    assert answer(client, application).status_code == 404
    assert not ThreadMessage.objects.exists()


def test_any_recruiter_of_the_employer_may_answer(client, org, application):
    colleague = make_staff(org, "colleague@acme.example")
    client.force_login(colleague)
    assert answer(client, application).status_code == 302
    assert ThreadMessage.objects.get().event.actor == colleague


# The promise of an answer


def test_a_lapsed_question_tells_the_candidate_and_alerts_the_contact(
    staff_client, client, application
):
    ask(client, application)
    question = ThreadMessage.objects.get()
    due = question.promised_by
    with time_machine.travel(at_noon(due), tick=False):
        assert thread.questions_sweep() == 0  # on the day itself: not yet
    with time_machine.travel(at_noon(due + dt.timedelta(days=1)), tick=False):
        assert thread.questions_sweep() == 1
        assert thread.questions_sweep() == 0  # once per missed date
        question.refresh_from_db()
        assert question.lapses == 1 and question.promised_by > due
        told = Message.objects.about(application).get(kind="question_late")
        assert "I am sorry" in told.body and told.to_email == "aino@example.fi"
        assert "/status/" in told.body
        alert = Message.objects.about(application).get(kind="staff_thread_lapsed")
        assert alert.to_email == "laura@acme.example" and QUESTION in alert.body
        assert Event.objects.filter(application=application, kind="question_late").exists()
        listed = questions_section(staff_client)
        assert "Aino Korhonen" in listed and ">late<" in listed
        answer(staff_client, application)
    question.refresh_from_db()
    assert question.answered_at is not None and question.lapses == 1
    listed = questions_section(staff_client)
    assert "Aino Korhonen" not in listed and "Every question has been answered" in listed


def questions_section(client) -> str:
    html = client.get("/staff/attention/").content.decode()
    return html.split('id="questions"')[1].split("</section>")[0]


def test_a_lapse_is_on_the_status_page_at_once(client, application):
    ask(client, application)
    due = ThreadMessage.objects.get().promised_by
    with time_machine.travel(at_noon(due + dt.timedelta(days=1)), tick=False):
        assert_shown_at_once(client, application, thread.questions_sweep, "Our answer is late")


def test_the_application_sweep_task_runs_the_question_sweep(client, application):
    from reilu.applications.tasks import sweep

    ask(client, application)
    due = ThreadMessage.objects.get().promised_by
    with time_machine.travel(at_noon(due + dt.timedelta(days=1)), tick=False):
        assert sweep.call()["questions_lapsed"] == 1


def test_the_sweep_skips_erased_applications(client, application):
    ask(client, application)
    due = ThreadMessage.objects.get().promised_by
    Application.objects.filter(pk=application.pk).update(erased_at=timezone.now())
    with time_machine.travel(at_noon(due + dt.timedelta(days=3)), tick=False):
        assert thread.questions_sweep() == 0


def test_the_attention_view_lists_only_this_employers_questions(
    staff_client, client, application, other_org
):
    other_posting = make_posting(other_org, title="Elsewhere")
    theirs, raw = make_application(other_posting, email="olli@example.fi", name="Olli Other")
    theirs.raw_token = raw
    ask(client, application)
    ask(client, theirs, "Olli asks something")
    html = questions_section(staff_client)
    assert "Aino Korhonen" in html and QUESTION[:20] in html
    assert "Olli" not in html
