"""Replies by email: an SMTP listener that takes a candidate's reply into their application's
conversation (`reilu inbound`, docs/deployment.md).

Every mail to a candidate about an application carries the application's reply address as
its Reply-To (reply+<id>-<MAC>@REILU_REPLY_DOMAIN, reilu.applications.mail.reply_address).
The listener accepts mail only for such an address: anything else is refused at RCPT with
550, before the message is even sent, so nothing of it is stored. An accepted reply is
reduced to its new text (the quoted earlier mail, attribution lines and signature cut off;
attachments dropped; HTML turned into text) and becomes a question, exactly as if it had
been written on the status page (reilu.applications.thread.question_ask). Mail larger than
REILU_INBOUND_MAX_BYTES is refused (552) while it comes in; automatic replies (out of
office) are accepted and dropped, so they cannot loop.
"""

import html
import logging
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from reilu.applications.mail import application_for_reply
from reilu.applications.models import ThreadMessage
from reilu.applications.thread import clean_text, question_ask, question_limit_reached
from reilu.rules import RuleError

log = logging.getLogger(__name__)

NO_SUCH_RECIPIENT = "550 5.1.1 No such recipient here"
ONE_RECIPIENT = "452 4.5.3 One recipient per message, please"
DELIVERED = "250 2.0.0 Delivered to the conversation"
AUTOMATIC = "250 2.0.0 Automatic reply dropped"
NO_TEXT = "554 5.6.0 The message has no text to pass on"
TOO_MANY = "550 5.7.1 Too many messages to this application today; please try again tomorrow"

# Lines that start the quoted earlier mail in the clients candidates use (en, fi, sv, de, fr).
_ATTRIBUTION_END = re.compile(
    r"(wrote|kirjoitti|skrev|schrieb|a écrit|escribió)\s*:\s*$", re.IGNORECASE
)
_ATTRIBUTION_START = re.compile(r"^\s*((on|den|la|le|am|el)\b|\d)", re.IGNORECASE)
# "Den tors 3 dec. 2026 kl 12:00 skrev Laura <laura@…>:" names the writer after the verb.
_ATTRIBUTION_LINE = re.compile(
    r"^\s*(on|den|le|am|el)\b.*\b(wrote|kirjoitti|skrev|schrieb|écrit|escribió)\b.*:\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"^\s*(-{2,}\s*(original message|alkuperäinen viesti|ursprungligt meddelande|"
    r"forwarded message|välitetty viesti|vidarebefordrat meddelande)\s*-{2,}|_{10,})\s*$",
    re.IGNORECASE,
)
# A wrapped attribution's first line: a date or an address about to be closed.
_ATTRIBUTION_HINT = re.compile(r"\d{1,4}[./-]\d{1,2}|<[^>]*$|@")
_HEADER_FROM = re.compile(r"^\s*\*?(from|lähettäjä|från|von|de)\s*:\*?\s", re.IGNORECASE)
_HEADER_NEXT = re.compile(
    r"^\s*\*?(sent|date|lähetetty|päivämäärä|skickat|datum|gesendet|envoyé|to|vastaanottaja|"
    r"till|an|à)\s*:",
    re.IGNORECASE,
)


def strip_quoted(text: str) -> str:
    """The new text of a reply: everything before the quoted earlier mail (an attribution
    line such as "On … wrote:", an Outlook header block, an "Original message" separator),
    without lines quoted with ">" and without the signature after "-- "."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = len(lines)
    for i, line in enumerate(lines):
        if line in ("-- ", "--"):  # the signature delimiter (some clients drop its space)
            cut = i
            break
        if _SEPARATOR.match(line):
            cut = i
            break
        if _ATTRIBUTION_LINE.match(line):
            cut = i
            break
        if _ATTRIBUTION_END.search(line) and not line.lstrip().startswith(">"):
            # "On Thu, 3 Dec 2026 at 12.00, Reilu <…>" may wrap before "wrote:".
            previous = lines[i - 1] if i > 0 else ""
            wrapped = previous.strip() and not _ATTRIBUTION_START.match(line)
            if wrapped and (
                _ATTRIBUTION_START.match(previous) or _ATTRIBUTION_HINT.search(previous)
            ):
                cut = i - 1
            else:
                cut = i
            break
        if _HEADER_FROM.match(line) and any(_HEADER_NEXT.match(n) for n in lines[i + 1 : i + 5]):
            cut = i
            break
    kept = [line.rstrip() for line in lines[:cut] if not line.lstrip().startswith(">")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def html_to_text(markup: str) -> str:
    """Plain text from an HTML-only mail, quoted blocks removed."""
    markup = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", "", markup)
    markup = re.sub(r"(?is)<blockquote\b.*?</blockquote\s*>", "", markup)
    markup = re.sub(r'(?is)<div[^>]*class="[^"]*(gmail_quote|moz-cite-prefix)[^"]*".*', "", markup)
    markup = re.sub(r"(?i)<br\s*/?>", "\n", markup)
    markup = re.sub(r"(?i)</(p|div|li|tr|h\d)\s*>", "\n", markup)
    text = html.unescape(re.sub(r"(?s)<[^>]*>", "", markup))
    return re.sub(r"[ \t]+\n", "\n", text)


def reply_text(message: EmailMessage) -> str:
    """The new text of a reply; attachments are never read."""
    body = message.get_body(preferencelist=("plain",))
    if body is not None:
        text = body.get_content()
    else:
        body = message.get_body(preferencelist=("html",))
        if body is None:
            return ""
        text = html_to_text(body.get_content())
    return strip_quoted(text)


def is_automatic(message: EmailMessage) -> bool:
    """An out-of-office or other machine-made mail (RFC 3834 and the common headers)."""
    auto = str(message.get("Auto-Submitted", "no")).strip().lower()
    precedence = str(message.get("Precedence", "")).strip().lower()
    return (
        auto != "no"
        or precedence in ("bulk", "junk", "list", "auto_reply")
        or any(h in message for h in ("X-Autoreply", "X-Autorespond"))
    )


def recipient_known(address: str) -> bool:
    """RCPT: does the address belong to an application? Reads one row, stores nothing."""
    return application_for_reply(address) is not None


def receive(address: str, content: bytes) -> str:
    """DATA: take one reply into its application's conversation; the SMTP answer."""
    app = application_for_reply(address)
    if app is None:  # erased since RCPT
        return NO_SUCH_RECIPIENT
    parsed = BytesParser(policy=policy.default).parsebytes(content)
    if not isinstance(parsed, EmailMessage):
        return NO_TEXT
    if is_automatic(parsed):
        return AUTOMATIC
    text = reply_text(parsed)
    try:
        text = clean_text(text)
    except RuleError as exc:
        if exc.code == "too_long":
            return f"552 5.3.4 The text is longer than {settings.REILU_THREAD_MAX_CHARS} characters"
        return NO_TEXT
    if question_limit_reached(app):
        return TOO_MANY
    question_ask(application=app, text=text, via=ThreadMessage.Via.EMAIL)
    return DELIVERED


def _with_database(function: Any, *args: Any) -> Any:
    # A long-running listener: no connection outlives its use or its server's timeout.
    close_old_connections()
    try:
        return function(*args)
    finally:
        close_old_connections()


class InboundHandler:
    """aiosmtpd's handler: the database work runs in a thread, off the event loop."""

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list
    ) -> str:
        if envelope.rcpt_tos:
            return ONE_RECIPIENT
        known = await sync_to_async(_with_database, thread_sensitive=False)(
            recipient_known, address
        )
        if not known:
            return NO_SUCH_RECIPIENT
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        content = envelope.original_content or envelope.content or b""
        if isinstance(content, str):
            content = content.encode()
        try:
            return await sync_to_async(_with_database, thread_sensitive=False)(
                receive, envelope.rcpt_tos[0], content
            )
        except Exception:
            log.exception("an inbound reply could not be taken")
            return "451 4.3.0 Temporary failure, please try again later"


def inbound_controller(host: str, port: int, **kwargs: Any) -> Controller:
    """The listener, not yet started; `kwargs` go to aiosmtpd's Controller."""
    return Controller(
        InboundHandler(),
        hostname=host,
        port=port,
        data_size_limit=settings.REILU_INBOUND_MAX_BYTES,
        server_hostname=settings.REILU_REPLY_DOMAIN or None,
        **kwargs,
    )
