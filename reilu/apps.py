from django.apps import AppConfig


class ReiluConfig(AppConfig):
    """The project package itself: base templates, static files, template tags."""

    name = "reilu"
    label = "reilu"
