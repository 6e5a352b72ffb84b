import socket

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """A real SMTP server's handler on loopback that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope)
        return "250 OK"


class RefusingInbox(Inbox):
    """A mail server that refuses every recipient, as one does for an unknown mailbox."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        return "550 5.1.1 No such user here"


class SocketController(Controller):
    """aiosmtpd serving on a socket the test already holds.

    Binding port 0 and reading the port back, then keeping the socket, means no other
    process can take the port between choosing it and serving on it.
    """

    def __init__(self, handler, sock: socket.socket):
        super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1])
        self._sock = sock

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self._sock)


def reserve_port() -> socket.socket:
    """A loopback socket on a port the kernel chose; bound but not listening, so until a
    server listens on it a connection is refused, exactly like a mail server that is down."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture
def smtp_socket():
    sock = reserve_port()
    yield sock
    sock.close()


@pytest.fixture
def smtp_port(smtp_socket):
    return smtp_socket.getsockname()[1]


@pytest.fixture
def smtp_settings(settings, smtp_port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return settings


@pytest.fixture
def smtp_server(smtp_settings, smtp_socket):
    controller, inbox = start_server(smtp_socket)
    yield inbox
    controller.stop()


@pytest.fixture
def refusing_smtp_server(smtp_settings, smtp_socket):
    controller, inbox = start_server(smtp_socket, RefusingInbox())
    yield inbox
    controller.stop()


def start_server(sock: socket.socket, inbox: Inbox | None = None) -> tuple[Controller, Inbox]:
    inbox = inbox or Inbox()
    controller = SocketController(inbox, sock)
    controller.start()
    return controller, inbox
