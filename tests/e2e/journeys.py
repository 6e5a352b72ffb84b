"""Steps shared by the browser journeys of the seeker's account and the conversation with
the contact person (issue 18): applying without an account, the mail as a real SMTP server
received it, signing in with the code from that mail, a reply by email through the inbound
listener (the `listener` fixture of tests/e2e/conftest.py), the attention view."""

import email
import re
import smtplib
from email.message import EmailMessage, Message
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from reilu.applications.models import Application
from reilu.jobs.models import Posting
from reilu.messaging.outbox import deliver_all
from tests.e2e.conftest import TIMEOUT_MS

LOCALES = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}
CODE = re.compile(r"^(\d{6})$", re.M)
# How the common mail clients head the quoted mail in a reply, per language.
ATTRIBUTION = {
    "fi": "to 3.12.2026 klo 12.00 Laura Nieminen <laura@acme.example> kirjoitti:",
    "sv": "Den tors 3 dec. 2026 kl 12:00 skrev Laura Nieminen <laura@acme.example>:",
    "en": "On Thu, 3 Dec 2026 at 12.00, Laura Nieminen <laura@acme.example> wrote:",
}


def t(language: str, text: str) -> str:
    """`text` as the site says it in `language`."""
    with translation.override(language):
        return gettext(text)


def new_context(browser, language: str, viewport: dict):
    context = browser.new_context(
        locale=LOCALES[language], timezone_id="Europe/Helsinki", viewport=viewport
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context


def apply_without_account(
    page: Page, base_url: str, posting: Posting, address: str, cv: Path
) -> Application:
    """Apply on the public form, as anyone can: name, email, CV and the privacy consent."""
    page.goto(f"{base_url}/jobs/{posting.slug}/apply/")
    page.locator("#id_name").fill("Aino Korhonen")
    page.locator("#id_email").fill(address)
    page.locator("#id_cv").set_input_files(str(cv))
    page.locator("#id_privacy_consent").check()
    page.locator("main form[enctype] button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/jobs/{re.escape(posting.slug)}/thanks/$"))
    return Application.objects.get(posting=posting, email=address)


def received(inbox, to: str) -> list[Message]:
    """Everything the real SMTP server has received for `to`, after the outbox is sent."""
    deliver_all()
    return [email.message_from_bytes(e.content) for e in inbox.messages if e.rcpt_tos == [to]]


def body(message: Message) -> str:
    """The text of a mail (its first text/plain part: an invitation carries a calendar file
    too) as sent, with `\n` line breaks."""
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode().replace("\r\n", "\n")


def sign_in_code(inbox, address: str) -> str:
    """The code of the newest sign-in mail to `address`."""
    for message in reversed(received(inbox, address)):
        if found := CODE.search(body(message)):
            return found.group(1)
    raise AssertionError(f"no sign-in mail with a code to {address}")


def sign_in_with_code(page: Page, base_url: str, inbox, address: str, language: str) -> None:
    """Ask for a sign-in mail, reload the page that asks for the code (it stays), type a
    wrong code (refused, with the reason), then the right one: the seeker lands on their
    account."""
    page.goto(base_url + "/talent/signin/")
    expect(
        page.get_by_role("heading", level=1, name=t(language, "Sign in to Reilu"))
    ).to_be_visible()
    page.locator("#id_email").fill(address)
    page.locator("main form button[type=submit]").click()
    expect(
        page.get_by_role("heading", level=1, name=t(language, "Check your email"))
    ).to_be_visible()
    # A reload keeps the code form for the address (post/redirect/get).
    page.reload()
    expect(
        page.get_by_role("heading", level=1, name=t(language, "Check your email"))
    ).to_be_visible()
    expect(page.locator("#id_email")).to_have_value(address)
    code = sign_in_code(inbox, address)
    page.locator("#id_code").fill("000000" if code != "000000" else "111111")
    page.get_by_role("button", name=t(language, "Sign in with the code")).click()
    expect(page.locator("#error-summary")).to_contain_text(
        t(language, "The code is not right, or it has expired or been tried too many times. "
                    "Use the code in the newest email, or ask for a new one.")
    )  # fmt: skip
    page.locator("#id_code").fill(code)
    page.get_by_role("button", name=t(language, "Sign in with the code")).click()
    page.wait_for_url(re.compile(r"/me/$"))


def answer_in_workspace(desk: Page, link: str, question: str, answer: str) -> None:
    """The contact person opens the link of the mail about a question and answers it."""
    desk.goto(link)
    expect(desk.locator("#thread .thread-message.candidate").last).to_contain_text(question)
    desk.locator("#answer-text").fill(answer)
    # The page's address already ends in #thread, so waiting for that address would return
    # before the answer is even sent: wait for the page the answer's POST leads to.
    with desk.expect_navigation(wait_until="load"):
        desk.locator("#thread form button[type=submit]").click()
    desk.wait_for_url(re.compile(r"#thread$"))
    expect(desk.locator("#thread .thread-message.staff").last).to_contain_text(answer)


def reply_by_email(listener, answer_mail: Message, sender: str, text: str, attribution: str):
    """Answer `answer_mail` with a mail client: the text on top, the mail quoted below, sent
    to its Reply-To through the inbound SMTP listener."""
    reply = EmailMessage()
    reply["From"], reply["To"] = sender, answer_mail["Reply-To"]
    reply["Subject"] = "Re: " + answer_mail["Subject"]
    quoted = "\n".join("> " + line for line in body(answer_mail).splitlines())
    reply.set_content(f"{text}\n\n{attribution}\n{quoted}\n")
    with smtplib.SMTP(*listener, timeout=10) as client:
        client.send_message(reply)


def late_in_attention_view(desk: Page, base_url: str, name: str, text: str):
    """The recruiter's attention view lists the candidate's question as late."""
    desk.goto(f"{base_url}/staff/attention/")
    late = desk.locator("#questions li", has_text=name)
    expect(late).to_be_visible()
    expect(late.locator(".badge.bad")).to_be_visible()
    expect(late).to_contain_text(text)
    return late
