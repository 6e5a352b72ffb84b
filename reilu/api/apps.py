from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "reilu.api"
    label = "reilu_api"
