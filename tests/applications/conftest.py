# The real SMTP server of tests/messaging, for the replies-by-email tests here.
from tests.messaging.conftest import (  # noqa: F401 - fixtures, used by name
    smtp_port,
    smtp_server,
    smtp_settings,
    smtp_socket,
)
