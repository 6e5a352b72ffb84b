"""The candidate part of the status page, stored per application version and language.

What the page shows changes only on a write, and every such write bumps
Application.version (reilu.applications.freshness); the posting and the employer move
their updated_at on every save. The version holds all three, so a stored rendering is
never stale; the key is one per application and language, so an erasure can forget it.
Per request only the link's token, the CSRF token and, in the interview stage, the
interview panel are filled in: open interview times are shared by every candidate of the
posting and pass with the clock, so that panel is rendered anew each time.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from reilu.applications.models import Application
from reilu.applications.selectors import status_context
from reilu.jobs.models import Stage
from reilu.pagecache import Stored, etag, forget, stored


def live_interviews(app: Application) -> bool:
    return app.is_active and app.stage.kind == Stage.Kind.INTERVIEW


def status_key(app_id: int, language: str) -> str:
    return f"status:{app_id}:{language}"


def status_version(app: Application) -> str:
    posting = app.posting
    return (
        f"{app.version}:{posting.updated_at.timestamp()}:"
        f"{posting.organization.updated_at.timestamp()}"
    )


def status_pages_forget(app_id: int) -> None:
    """Erasure and deletion: no stored status page keeps the candidate's data."""
    forget([status_key(app_id, code) for code, _name in settings.LANGUAGES])


def status_part(app: Application, language: str) -> Stored:
    def render(mark: Callable[[str], str]) -> str:
        context = status_context(app)
        context.update(
            token=mark("token"),
            csrf_token=mark("csrf"),
            thread_notice=mark("thread_notice"),
            live_interviews=mark("interviews") if live_interviews(app) else "",
        )
        with translation.override(language):
            return render_to_string("applications/_status_body.html", context)

    return stored(status_key(app.pk, language), status_version(app), render)


def status_etag(app: Application, language: str, token: str, csrf_secret: str) -> str | None:
    """The page's validator, or None when part of it is rendered per request. The link's
    token and the CSRF secret are in it because both are in the page's bytes."""
    if live_interviews(app):
        return None
    return etag(status_key(app.pk, language), status_version(app), token, csrf_secret)


def pages_delete(sender: object, instance: Application, **kwargs: Any) -> None:
    """A deleted application's stored status pages go with it (post_delete, connected in
    ApplicationsConfig.ready())."""
    status_pages_forget(instance.pk)
