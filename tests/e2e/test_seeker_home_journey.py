"""One home for the job seeker, in Finnish, Swedish and English (issue 18, "Done means").

The seeker, on a phone: applies to two employers without an account, later signs in with
the code from the mail, sees both applications with their stages and contact people,
books an interview from the task list and asks the contact person a question from the
account. The recruiter answers in the workspace; the answer reaches the seeker by mail
(a real SMTP server) and on the account's page; the seeker replies with their mail client
(through the `reilu inbound` listener) and the reply shows in the workspace; nobody answers
it, and the lapsed question shows in the recruiter's attention view. Last, the seeker
erases the account and with it both applications' personal data.
"""

import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from reilu.applications import services as app_services
from reilu.applications import thread
from reilu.applications.models import ThreadMessage
from reilu.interviews.models import Booking
from reilu.interviews.services.slots import slot_create
from reilu.jobs.models import Stage
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from reilu.talent.models import Seeker
from tests.conftest import PDF_BYTES, make_org, make_posting, make_staff
from tests.e2e.conftest import (
    PHONE,
    REPLY_DOMAIN,
    STAFF_VIEWPORT,
    horizontal_overflow,
    shot,
    staff_login,
)
from tests.e2e.journeys import (
    ATTRIBUTION,
    answer_in_workspace,
    apply_without_account,
    body,
    late_in_attention_view,
    new_context,
    received,
    reply_by_email,
    sign_in_with_code,
    t,
)

SEEKER = "aino.home@example.fi"
CONTACT = "laura@acme.example"
TEXTS = {
    "fi": {
        "question": "Voinko aloittaa vasta maaliskuussa?",
        "answer": "Maaliskuu sopii hyvin, tervetuloa!",
        "reply": "Kiitos! Onko toimistolla pysäköintiä?",
    },
    "sv": {
        "question": "Kan jag börja först i mars?",
        "answer": "Mars passar bra, välkommen!",
        "reply": "Tack! Finns det parkering vid kontoret?",
    },
    "en": {
        "question": "Could I start in March instead?",
        "answer": "March suits us well, welcome!",
        "reply": "Thank you! Is there parking at the office?",
    },
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_one_home_for_the_job_seeker(
    transactional_db, live_server, browser, settings, smtp_server, listener, tmp_path, language
):
    settings.BASE_URL = base = live_server.url
    texts = TEXTS[language]
    acme = make_org()
    recruiter = make_staff(acme, CONTACT)
    recruiter.first_name, recruiter.last_name = "Laura", "Nieminen"
    recruiter.save()
    other = make_org("other", "Other Oy")
    make_staff(other, "olli@other.example")
    posting = make_posting(acme, language=language)
    other_posting = make_posting(
        other, title="Data engineer", contact_name="Olli Otava", contact_email="olli@other.example"
    )
    cv = tmp_path / "aino-cv.pdf"
    cv.write_bytes(PDF_BYTES)
    phone = new_context(browser, language, PHONE)
    page = phone.new_page()

    # 1. Two applications, to two employers, without an account.
    first = apply_without_account(page, base, posting, SEEKER, cv)
    second = apply_without_account(page, base, other_posting, SEEKER, cv)
    assert first.language == language
    assert not Seeker.objects.exists()

    # 2. Later: sign in with the email and the code from the mail (read on another device).
    sign_in_with_code(page, base, smtp_server, SEEKER, language)

    # 3. Both applications, with their stages and contact people.
    expect(page.get_by_role("heading", level=1, name=t(language, "Your account"))).to_be_visible()
    for app, contact in ((first, "Laura Nieminen"), (second, "Olli Otava")):
        row = page.locator(f"[data-application='{app.pk}']")
        expect(row).to_contain_text(app.posting.title)
        expect(row).to_contain_text(app.stage.name)
        expect(row).to_contain_text(contact)
    expect(page.locator("[data-task-count]")).to_have_text("0")
    assert horizontal_overflow(page, PHONE["width"]) == 0
    shot(page, f"home-{language}-1-account")

    # 4. Staff invite to an interview; the seeker books it from the task list.
    app_services.application_move(
        application=first, to_stage=posting.stages.get(kind=Stage.Kind.INTERVIEW), actor=recruiter
    )
    start = timezone.make_aware(
        dt.datetime.combine(timezone.localdate() + dt.timedelta(days=3), dt.time(10))
    )
    slot = slot_create(
        posting=posting, starts_at=start, ends_at=start + dt.timedelta(hours=1),
        location="Main office, Helsinki", interviewer_ids=[recruiter.pk],
    )  # fmt: skip
    page.reload()
    expect(page.locator("[data-task-count]")).to_have_text("1")
    task = page.locator("#tasks [data-task='book']")
    expect(task).to_contain_text(posting.title)
    task.get_by_role("button", name=t(language, "Book a time")).click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/interview/$"))
    page.locator(f"#slot-{slot.pk}").check()
    page.get_by_role("button", name=t(language, "Book this time")).click()
    page.wait_for_url(re.compile(r"/status/[A-Za-z0-9_-]+/$"))
    expect(
        page.get_by_text(t(language, "Your time is booked. The invitation is on its way."))
    ).to_be_visible()
    assert Booking.objects.get(application=first, state="active").slot_id == slot.pk
    page.goto(base + "/me/")
    expect(page.locator("[data-task-count]")).to_have_text("0")
    expect(page.locator("#tasks [data-task='move']")).to_be_visible()
    # Task cards stand without list bullets and the list's indent (they narrowed the cards).
    for at in ("/me/", "/me/tasks/"):
        page.goto(base + at)
        tasks = page.locator(".task-list")
        assert tasks.evaluate("ul => getComputedStyle(ul).paddingLeft") == "0px"
        bullet = tasks.locator("li").first.evaluate("li => getComputedStyle(li).listStyleType")
        assert bullet == "none"
    page.goto(base + "/me/")

    # 5. A question to the contact person, from the account: an empty one is refused first.
    page.locator(f"[data-application='{first.pk}']").get_by_role("link", name=posting.title).click()
    page.wait_for_url(re.compile(rf"/me/applications/{first.pk}/$"))
    expect(page.locator("#thread-title")).to_contain_text("Laura Nieminen")
    send = page.locator("form:has(#thread-text) button[type=submit]")
    page.locator("#thread-text").fill("   ")
    send.click()
    expect(page.locator("#thread-error")).to_have_text(t(language, "Write your message first."))
    page.locator("#thread-text").fill(texts["question"])
    send.click()
    page.wait_for_url(re.compile(rf"/me/applications/{first.pk}/#thread$"))
    expect(page.locator("#thread .thread-message.candidate")).to_contain_text(texts["question"])
    expect(page.locator("#thread .badge.warn")).to_be_visible()
    assert horizontal_overflow(page, PHONE["width"]) == 0
    shot(page, f"home-{language}-2-asked")

    # 6. The contact person gets a mail with a link into the workspace, and answers there.
    [to_contact] = [m for m in received(smtp_server, CONTACT) if texts["question"] in body(m)]
    link = re.search(r"https?://\S+/staff/applications/\d+/#thread", body(to_contact)).group(0)
    assert f"/staff/applications/{first.pk}/" in link
    staff = new_context(browser, language, STAFF_VIEWPORT)
    desk = staff.new_page()
    staff_login(desk, base, recruiter)
    answer_in_workspace(desk, link, texts["question"], texts["answer"])
    shot(desk, f"home-{language}-3-answered")

    # 7. The answer is on the account's page, and arrives by mail with a reply address.
    page.reload()
    expect(page.locator("#thread .thread-message.staff")).to_contain_text(texts["answer"])
    expect(page.locator("#thread .badge.warn")).to_have_count(0)
    [answer_mail] = [m for m in received(smtp_server, SEEKER) if texts["answer"] in body(m)]
    assert answer_mail["Reply-To"].endswith("@" + REPLY_DOMAIN)

    # 8. The seeker replies with their mail client; the reply reaches the workspace.
    reply_by_email(listener, answer_mail, SEEKER, texts["reply"], ATTRIBUTION[language])
    desk.reload()
    expect(desk.locator("#thread .thread-message.candidate").last).to_contain_text(texts["reply"])
    expect(desk.locator("#thread .thread-message.candidate").last).not_to_contain_text(
        texts["answer"]
    )
    reply = ThreadMessage.objects.filter(application=first).latest("id")
    assert reply.via == "email" and reply.text == texts["reply"]
    page.reload()
    expect(page.locator("#thread .thread-message.candidate").last).to_contain_text(texts["reply"])

    # 9. Nobody answers the reply: after its date it shows late in the attention view.
    later = dt.datetime.combine(
        reply.promised_by + dt.timedelta(days=1), dt.time(12), timezone.get_current_timezone()
    )
    with time_machine.travel(later, tick=True):
        assert thread.questions_sweep() == 1
        late_in_attention_view(desk, base, first.name, texts["reply"])
        shot(desk, f"home-{language}-4-attention")
        deliver_all()
        assert Message.objects.about(first).get(kind="question_late").state == "sent"
    staff.close()

    # 10. The seeker erases the account: a confirmation lists what goes, then it all goes.
    page.goto(base + "/me/")
    page.get_by_role("link", name=t(language, "Erase my account")).click()
    page.wait_for_url(re.compile(r"/me/erase/$"))
    listed = page.locator("#erase-list")
    expect(listed).to_contain_text(posting.title)
    expect(listed).to_contain_text(other_posting.title)
    assert horizontal_overflow(page, PHONE["width"]) == 0
    shot(page, f"home-{language}-5-erase")
    page.locator("#confirm-erase").check()
    page.get_by_role("button", name=t(language, "Erase my account")).click()
    expect(
        page.get_by_role("heading", level=1, name=t(language, "Your account is erased"))
    ).to_be_visible()
    for app in (first, second):
        app.refresh_from_db()
        assert app.erased_at is not None and app.email == "" and app.name == ""
    assert {m.text for m in ThreadMessage.objects.filter(application=first)} == {""}
    assert not Seeker.objects.exists()
    page.goto(base + "/me/")
    page.wait_for_url(re.compile(r"/talent/signin/$"))
    phone.close()
