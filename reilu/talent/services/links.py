"""Absolute links for the mail the talent services send."""

from django.conf import settings


def _url(path: str) -> str:
    return f"{settings.BASE_URL}{path}"
