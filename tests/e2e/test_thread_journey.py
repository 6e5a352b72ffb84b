"""The conversation with the contact person in real hands, in Finnish, Swedish and English: a
candidate asks on their status page on a phone, the recruiter answers in the workspace, the
answer shows on the page and arrives by mail (a real SMTP server), the candidate replies with
their mail client through the inbound listener, the reply shows in the workspace, and a
question left unanswered lapses into the attention view (issue 18, items 4 and 5)."""

import datetime as dt
import email
import re
import smtplib
from email.message import EmailMessage

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from reilu.applications import inbound, thread
from reilu.applications.models import ThreadMessage
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.e2e.conftest import PHONE, STAFF_VIEWPORT, TIMEOUT_MS, shot, staff_login
from tests.messaging.conftest import SocketController, reserve_port

DOMAIN = "reply.reilu.test"
TEXTS = {
    "fi": {
        "question": "Voiko tehtävää tehdä neljänä päivänä viikossa?",
        "answer": "Kyllä voi, sovitaan päivät yhdessä.",
        "reply": "Kiitos! Sopisiko haastattelu perjantaina?",
        "attribution": "to 3.12.2026 klo 12.00 Laura Nieminen <laura@acme.example> kirjoitti:",
        "empty": "Kirjoita ensin viestisi.",
    },
    "sv": {
        "question": "Kan jobbet göras fyra dagar i veckan?",
        "answer": "Ja, vi kommer överens om dagarna tillsammans.",
        "reply": "Tack! Passar en intervju på fredag?",
        "attribution": "Den tors 3 dec. 2026 kl 12:00 skrev Laura Nieminen <laura@acme.example>:",
        "empty": "Skriv ditt meddelande först.",
    },
    "en": {
        "question": "Can the job be done four days a week?",
        "answer": "Yes, we agree on the days together.",
        "reply": "Thank you! Could the interview be on Friday?",
        "attribution": "On Thu, 3 Dec 2026 at 12.00, Laura Nieminen <laura@acme.example> wrote:",
        "empty": "Write your message first.",
    },
}
LOCALES = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}


@pytest.fixture
def listener(settings):
    settings.REILU_REPLY_DOMAIN = DOMAIN
    sock = reserve_port()
    controller = SocketController(inbound.InboundHandler(), sock)
    controller.start()
    yield "127.0.0.1", sock.getsockname()[1]
    controller.stop()
    sock.close()


def _context(browser, language: str, viewport: dict):
    context = browser.new_context(
        locale=LOCALES[language], timezone_id="Europe/Helsinki", viewport=viewport
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


def _received(inbox, to: str) -> list[email.message.Message]:
    deliver_all()
    return [email.message_from_bytes(e.content) for e in inbox.messages if e.rcpt_tos == [to]]


def _body(message: email.message.Message) -> str:
    return message.get_payload(decode=True).decode()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_question_its_answer_and_a_reply_by_email(
    transactional_db, live_server, browser, settings, smtp_server, listener, language
):
    settings.BASE_URL = live_server.url
    texts = TEXTS[language]
    org = make_org()
    recruiter = make_staff(org, "laura@acme.example")
    recruiter.first_name, recruiter.last_name = "Laura", "Nieminen"
    recruiter.save()
    posting = make_posting(org, language=language)
    app, raw = make_application(posting, language=language)

    # 1. The candidate asks on their status page, on a phone: first an empty message.
    phone = _context(browser, language, PHONE)
    page = phone.new_page()
    page.goto(f"{live_server.url}/status/{raw}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    send = page.locator("form:has(#thread-text) button[type=submit]")
    page.locator("#thread-text").fill("   ")
    send.click()
    expect(page.locator("#thread-error")).to_have_text(texts["empty"])
    page.locator("#thread-text").fill(texts["question"])
    send.click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/#thread$"))
    expect(page.locator("#thread .thread-message.candidate")).to_contain_text(texts["question"])
    expect(page.locator("#thread .badge.warn")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(page, f"thread-{language}-1-asked")

    # 2. The contact person is mailed a link to the application in the workspace.
    [to_contact] = _received(smtp_server, "laura@acme.example")
    assert texts["question"] in _body(to_contact)
    link = re.search(r"https?://\S+/staff/applications/\d+/#thread", _body(to_contact)).group(0)

    # 3. The recruiter answers in the workspace.
    staff = _context(browser, language, STAFF_VIEWPORT)
    desk = staff.new_page()
    staff_login(desk, live_server.url, recruiter)
    desk.goto(link)
    expect(desk.locator("#thread .thread-message.candidate")).to_contain_text(texts["question"])
    desk.locator("#answer-text").fill(texts["answer"])
    desk.locator("#thread form button[type=submit]").click()
    desk.wait_for_url(re.compile(r"#thread$"))
    expect(desk.locator("#thread .thread-message.staff")).to_contain_text(texts["answer"])
    shot(desk, f"thread-{language}-2-answered")

    # 4. The answer shows on the candidate's page and arrives by mail, with a reply address.
    page.reload()
    expect(page.locator("#thread .thread-message.staff")).to_contain_text(texts["answer"])
    expect(page.locator("#thread .badge.warn")).to_have_count(0)
    [answer_mail] = [m for m in _received(smtp_server, app.email) if texts["answer"] in _body(m)]
    reply_to = answer_mail["Reply-To"]
    assert reply_to.startswith("reply+") and reply_to.endswith("@" + DOMAIN)

    # 5. The candidate replies with their mail client; the reply reaches the workspace.
    reply = EmailMessage()
    reply["From"], reply["To"] = app.email, reply_to
    reply["Subject"] = "Re: " + answer_mail["Subject"]
    quoted = "\n".join("> " + line for line in _body(answer_mail).splitlines())
    reply.set_content(f"{texts['reply']}\n\n{texts['attribution']}\n{quoted}\n")
    with smtplib.SMTP(*listener, timeout=10) as client:
        client.send_message(reply)
    desk.reload()
    expect(desk.locator("#thread .thread-message.candidate").last).to_contain_text(texts["reply"])
    expect(desk.locator("#thread .thread-message.candidate").last).not_to_contain_text(
        texts["answer"]
    )
    question = ThreadMessage.objects.filter(application=app).latest("id")
    assert question.via == "email" and question.text == texts["reply"]

    # 6. Nobody answers it: after its date, the attention view shows it as late.
    later = dt.datetime.combine(
        question.promised_by + dt.timedelta(days=1), dt.time(12), timezone.get_current_timezone()
    )
    with time_machine.travel(later, tick=True):
        assert thread.questions_sweep() == 1
        desk.goto(f"{live_server.url}/staff/attention/")
        late = desk.locator("#questions li", has_text=app.name)
        expect(late).to_be_visible()
        expect(late.locator(".badge.bad")).to_be_visible()
        expect(late).to_contain_text(texts["reply"])
        shot(desk, f"thread-{language}-3-attention")
        deliver_all()
        told = Message.objects.about(app).get(kind="question_late")
        assert told.state == "sent" and told.reply_to == reply_to
    phone.close()
    staff.close()
