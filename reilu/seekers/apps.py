from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeekersConfig(AppConfig):
    name = "reilu.seekers"
    verbose_name = _("Job seekers' accounts")
