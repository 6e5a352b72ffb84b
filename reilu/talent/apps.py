from django.apps import AppConfig


class TalentConfig(AppConfig):
    name = "reilu.talent"
