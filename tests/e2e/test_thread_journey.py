"""The conversation with the contact person in real hands, in Finnish, Swedish and English: a
candidate asks on their status page on a phone, the recruiter answers in the workspace, the
answer shows on the page and arrives by mail (a real SMTP server), the candidate replies with
their mail client through the inbound listener, the reply shows in the workspace, and a
question left unanswered lapses into the attention view (issue 18, items 4 and 5)."""

import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from reilu.applications import thread
from reilu.applications.models import ThreadMessage
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.e2e.conftest import PHONE, REPLY_DOMAIN, STAFF_VIEWPORT, shot, staff_login
from tests.e2e.journeys import (
    ATTRIBUTION,
    answer_in_workspace,
    body,
    late_in_attention_view,
    new_context,
    received,
    reply_by_email,
    t,
)

TEXTS = {
    "fi": {
        "question": "Voiko tehtävää tehdä neljänä päivänä viikossa?",
        "answer": "Kyllä voi, sovitaan päivät yhdessä.",
        "reply": "Kiitos! Sopisiko haastattelu perjantaina?",
        "empty": "Kirjoita ensin viestisi.",
    },
    "sv": {
        "question": "Kan jobbet göras fyra dagar i veckan?",
        "answer": "Ja, vi kommer överens om dagarna tillsammans.",
        "reply": "Tack! Passar en intervju på fredag?",
        "empty": "Skriv ditt meddelande först.",
    },
    "en": {
        "question": "Can the job be done four days a week?",
        "answer": "Yes, we agree on the days together.",
        "reply": "Thank you! Could the interview be on Friday?",
        "empty": "Write your message first.",
    },
}


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
    phone = new_context(browser, language, PHONE)
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
    # The notice is in the conversation, in the phone's view where the page landed.
    sent = t(
        language,
        "Your message is on its way to %(name)s. The answer comes by email and on this page.",
    ) % {"name": "Laura Nieminen"}
    expect(page.locator("#thread .notice")).to_have_text(sent)
    expect(page.locator("#thread .notice")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(page, f"thread-{language}-1-asked")

    # 2. The contact person is mailed a link to the application in the workspace.
    [to_contact] = received(smtp_server, "laura@acme.example")
    assert texts["question"] in body(to_contact)
    link = re.search(r"https?://\S+/staff/applications/\d+/#thread", body(to_contact)).group(0)

    # 3. The recruiter answers in the workspace.
    staff = new_context(browser, language, STAFF_VIEWPORT)
    desk = staff.new_page()
    staff_login(desk, live_server.url, recruiter)
    answer_in_workspace(desk, link, texts["question"], texts["answer"])
    shot(desk, f"thread-{language}-2-answered")

    # 4. The answer shows on the candidate's page and arrives by mail, with a reply address.
    page.reload()
    expect(page.locator("#thread .thread-message.staff")).to_contain_text(texts["answer"])
    expect(page.locator("#thread .badge.warn")).to_have_count(0)
    [answer_mail] = [m for m in received(smtp_server, app.email) if texts["answer"] in body(m)]
    reply_to = answer_mail["Reply-To"]
    assert reply_to.startswith("reply+") and reply_to.endswith("@" + REPLY_DOMAIN)

    # 5. The candidate replies with their mail client; the reply reaches the workspace.
    reply_by_email(listener, answer_mail, app.email, texts["reply"], ATTRIBUTION[language])
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
        late_in_attention_view(desk, live_server.url, app.name, texts["reply"])
        shot(desk, f"thread-{language}-3-attention")
        deliver_all()
        told = Message.objects.about(app).get(kind="question_late")
        assert told.state == "sent" and told.reply_to == reply_to
    phone.close()
    staff.close()
