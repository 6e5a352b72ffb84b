"""Replies by email (issue 18, item 5): a real SMTP listener (aiosmtpd, the one `reilu
inbound` runs) on loopback, spoken to with smtplib as a mail server would."""

import email
import smtplib
import subprocess
import time
from email.message import EmailMessage

import pytest
from django.conf import settings
from django.db import connection

from reilu.applications import inbound
from reilu.applications.mail import reply_address, reply_token
from reilu.applications.models import Application, Event, ThreadMessage
from reilu.messaging.models import Message
from reilu.messaging.outbox import deliver_all
from tests.conftest import make_application, make_org, make_posting
from tests.messaging.conftest import SocketController, reserve_port
from tests.messaging.test_worker_process import reilu, worker_env
from tests.privacy.test_no_trace import database_hits

pytestmark = [pytest.mark.django_db(transaction=True)]
DOMAIN = "reply.reilu.test"
REPLY = "Thank you! Could the interview be on Friday morning instead?"


@pytest.fixture
def replies(settings):
    settings.REILU_REPLY_DOMAIN = DOMAIN
    return settings


@pytest.fixture
def listener(replies):
    """The inbound listener on a port of its own; yields (host, port)."""
    sock = reserve_port()
    controller = SocketController(inbound.InboundHandler(), sock)
    controller.SMTP_kwargs.update(data_size_limit=settings.REILU_INBOUND_MAX_BYTES)
    controller.start()
    yield "127.0.0.1", sock.getsockname()[1]
    controller.stop()
    sock.close()


@pytest.fixture
def app(replies):
    posting = make_posting(make_org())
    application, raw = make_application(posting)
    application.raw_token = raw
    return application


def mail(to: str, body: str = REPLY, sender: str = "aino@example.fi", **headers) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: We received your application: Backend developer"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def send(listener, message: EmailMessage, to: str | None = None) -> None:
    host, port = listener
    with smtplib.SMTP(host, port, timeout=10) as client:
        client.send_message(message, to_addrs=[to or message["To"]])


def test_mail_to_the_candidate_carries_the_reply_address(app):
    received = Message.objects.about(app).get(kind="received")
    assert received.reply_to == f"reply+{reply_token(app.pk)}@{DOMAIN}"
    assert len(received.reply_to.split("@")[0]) <= 64  # a valid local part


def test_without_a_reply_domain_replies_go_to_the_contact_person(settings):
    settings.REILU_REPLY_DOMAIN = ""
    application, _raw = make_application(make_posting(make_org()))
    assert Message.objects.about(application).get(kind="received").reply_to == (
        "laura@acme.example"
    )


def test_a_reply_reaches_the_conversation_without_the_quoted_mail(listener, app, smtp_server):
    deliver_all()
    [sent] = [
        email.message_from_bytes(e.content)
        for e in smtp_server.messages
        if e.rcpt_tos == ["aino@example.fi"]
    ]
    quoted = "\n".join(f"> {line}" for line in sent.get_payload(decode=True).decode().splitlines())
    body = f"{REPLY}\n\nAino\n\nOn Thu, 3 Dec 2026 at 12.00, Laura Nieminen wrote:\n{quoted}\n"
    send(listener, mail(sent["Reply-To"], body))
    question = ThreadMessage.objects.get(application=app)
    assert question.via == "email" and question.author == "candidate"
    assert question.text == f"{REPLY}\n\nAino"
    assert question.promised_by is not None
    to_contact = Message.objects.about(app).get(kind="staff_thread_question")
    assert REPLY in to_contact.body and "wrote:" not in to_contact.body


def test_an_unknown_address_is_refused_at_rcpt_and_nothing_is_stored(listener, app):
    before = {m: m.objects.count() for m in (ThreadMessage, Event, Message)}
    marker = "Qzunknownmarker"
    for to in (
        f"reply+{app.pk}-{'0' * 32}@{DOMAIN}",  # a forged token
        f"reply+{app.pk + 1}-{reply_token(app.pk).split('-')[1]}@{DOMAIN}",  # another id
        f"reply+{reply_token(app.pk)}@elsewhere.example",  # another domain
        f"laura@{DOMAIN}",
        f"{marker}@{DOMAIN}",
    ):
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            send(listener, mail(to, f"{marker} says hi", sender=f"{marker}@example.fi"), to)
        code, text = refused.value.recipients[to]
        assert code == 550 and b"No such recipient" in text
    assert {m: m.objects.count() for m in (ThreadMessage, Event, Message)} == before
    assert database_hits(marker) == []


def test_an_erased_applications_address_is_refused(listener, app):
    from reilu.privacy.models import ErasureRecord
    from reilu.privacy.services import application_erase

    address = reply_address(app)
    application_erase(application=app, reason=ErasureRecord.Reason.CANDIDATE)
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send(listener, mail(address))
    assert not ThreadMessage.objects.exists()


def test_the_address_is_matched_whatever_its_case(listener, app):
    send(listener, mail(reply_address(app).upper()))
    assert ThreadMessage.objects.filter(application=app).count() == 1


def test_one_recipient_per_message(listener, app):
    other, _raw = make_application(app.posting, email="bertta@example.fi", name="Bertta")
    host, port = listener
    with smtplib.SMTP(host, port, timeout=10) as client:
        refused = client.send_message(
            mail(reply_address(app)), to_addrs=[reply_address(app), reply_address(other)]
        )
    assert refused == {reply_address(other): (452, b"4.5.3 One recipient per message, please")}
    assert list(ThreadMessage.objects.values_list("application_id", flat=True)) == [app.pk]


def test_attachments_are_dropped(listener, app):
    message = mail(reply_address(app))
    message.add_attachment(
        b"%PDF-1.4 Qzattachmarker", maintype="application", subtype="pdf", filename="cv.pdf"
    )
    send(listener, message)
    assert ThreadMessage.objects.get().text == REPLY
    assert database_hits("Qzattachmarker") == []


def test_an_html_only_reply_becomes_plain_text(listener, app):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "aino@example.fi", reply_address(app), "Re"
    message.set_content(
        "<div>Kiitos!<br>Sopiiko <b>perjantai</b>?</div>"
        '<div class="gmail_quote">to 3.12.2026 klo 12.00 Laura kirjoitti:<blockquote>old'
        "</blockquote></div>",
        subtype="html",
    )
    send(listener, message)
    assert ThreadMessage.objects.get().text == "Kiitos!\nSopiiko perjantai?"


def test_mail_over_the_size_limit_is_refused(listener, app):
    big = mail(reply_address(app), "x" * (settings.REILU_INBOUND_MAX_BYTES + 10))
    # smtplib announces the size (the listener offers SIZE), so it is refused at MAIL FROM.
    with pytest.raises((smtplib.SMTPSenderRefused, smtplib.SMTPDataError)) as refused:
        send(listener, big)
    assert refused.value.smtp_code == 552
    assert not ThreadMessage.objects.exists()


def test_a_text_over_the_message_limit_is_refused(listener, app):
    with pytest.raises(smtplib.SMTPDataError) as refused:
        send(listener, mail(reply_address(app), "y" * 4001))
    assert refused.value.smtp_code == 552 and b"4000" in refused.value.smtp_error
    assert not ThreadMessage.objects.exists()


def test_an_empty_reply_is_refused(listener, app):
    with pytest.raises(smtplib.SMTPDataError) as refused:
        send(listener, mail(reply_address(app), "> only the quoted mail\n> nothing new\n"))
    assert refused.value.smtp_code == 554
    assert not ThreadMessage.objects.exists()


def test_automatic_replies_are_dropped(listener, app):
    send(listener, mail(reply_address(app), "I am out of office.", Auto_Submitted="auto-replied"))
    send(listener, mail(reply_address(app), "Away.", Precedence="auto_reply"))
    assert not ThreadMessage.objects.exists()


def test_replies_are_limited_per_application(listener, app, replies):
    replies.REILU_RATES = {**replies.REILU_RATES, "thread_application": "1/d"}
    send(listener, mail(reply_address(app), "first"))
    with pytest.raises(smtplib.SMTPDataError) as refused:
        send(listener, mail(reply_address(app), "second"))
    assert refused.value.smtp_code == 550 and b"Too many" in refused.value.smtp_error
    assert ThreadMessage.objects.count() == 1


@pytest.mark.real_clock
def test_the_reilu_inbound_command_takes_replies(app, tmp_path, smtp_port, replies):
    sock = reserve_port()
    port = sock.getsockname()[1]
    sock.close()  # the command binds it itself
    env = worker_env(tmp_path, smtp_port)
    env.update(REILU_SECRET_KEY=settings.SECRET_KEY, REILU_REPLY_DOMAIN=DOMAIN)
    process = subprocess.Popen(  # noqa: S603
        reilu("inbound", "--port", str(port)),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=settings.BASE_DIR,
    )
    try:
        lines: list[str] = []
        while len(lines) < 30 and not any("Taking replies" in line for line in lines):
            lines.append(process.stdout.readline())  # aiosmtpd logs a line of its own first
        assert "Taking replies" in lines[-1], lines
        send(("127.0.0.1", port), mail(reply_address(app)))
        with pytest.raises(smtplib.SMTPRecipientsRefused):
            send(("127.0.0.1", port), mail(f"nobody@{DOMAIN}"))
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert ThreadMessage.objects.get(application=app).text == REPLY
    assert process.returncode == 0
    assert connection.vendor in ("sqlite", "postgresql")


def test_the_command_refuses_to_start_without_a_reply_domain(settings):
    from django.core.management import CommandError, call_command

    settings.REILU_REPLY_DOMAIN = ""
    with pytest.raises(CommandError, match="REILU_REPLY_DOMAIN"):
        call_command("inbound")


# Quoted text, as the clients candidates use write it


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Yes, Friday.\n\nOn Thu, 3 Dec 2026 at 12.00, Laura <l@a.fi> wrote:\n> Hello",
            "Yes, Friday.",
        ),
        (
            "Yes.\n\nOn Thu, 3 Dec 2026 at 12.00, Laura Nieminen <\nlaura@acme.fi> wrote:\n> x",
            "Yes.",
        ),
        ("Kyllä.\n\nto 3.12.2026 klo 12.00 Laura <l@a.fi> kirjoitti:\n> Hei", "Kyllä."),
        ("Ja.\n\nDen tors 3 dec. 2026 kl 12:00 skrev Laura <l@a.fi>:\n> Hej", "Ja."),
        (
            "Kiitos.\n\nLähettäjä: Reilu <noreply@reilu.fi>\nLähetetty: torstai 3. joulukuuta\n"
            "Vastaanottaja: Aino\nAihe: Hakemus\n\nHei Aino",
            "Kiitos.",
        ),
        ("Tack.\n\n-----Ursprungligt meddelande-----\nFrån: Reilu", "Tack."),
        ("See you.\n-- \nAino Korhonen\n040 123", "See you."),
        ("> earlier\nMy answer in between.\n> more earlier", "My answer in between."),
        ("Line one\r\nLine two\r\n\r\n\r\n\r\nLine three", "Line one\nLine two\n\nLine three"),
        ("No quote at all.", "No quote at all."),
    ],
)
def test_quoted_text_is_stripped(body, expected):
    assert inbound.strip_quoted(body) == expected


def test_the_listener_waits_between_connections(listener, app):
    # Two replies over two connections: the database connection of the first is not reused
    # stale by the second.
    send(listener, mail(reply_address(app), "first"))
    time.sleep(0.1)
    send(listener, mail(reply_address(app), "second"))
    assert list(ThreadMessage.objects.order_by("id").values_list("event__text", flat=True)) == [
        "first",
        "second",
    ]
    assert Application.objects.get(pk=app.pk).version > 0
