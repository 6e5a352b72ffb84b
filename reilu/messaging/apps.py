from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "reilu.messaging"
    verbose_name = _("Messages")

    def ready(self) -> None:
        # Models can be imported only once the apps are loaded: connect the staff alerts to
        # the outbox's failure signals here.
        from reilu.messaging import alerts  # noqa: F401
