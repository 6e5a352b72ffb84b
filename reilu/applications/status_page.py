"""The candidate part of the status page, stored per application version and language.

What the page shows changes only on a write, and every such write bumps
Application.version (reilu.applications.freshness); the posting and the employer move
their updated_at on every save. The key holds all three, so a stored rendering is never
stale. Per request only the link's token, the CSRF token and, in the interview stage, the
interview panel are filled in: open interview times are shared by every candidate of the
posting and pass with the clock, so that panel is rendered anew each time.
"""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import translation

from reilu.applications.models import Application
from reilu.applications.selectors import status_context
from reilu.jobs.models import Stage
from reilu.pagecache import Stored, etag, stored


def live_interviews(app: Application) -> bool:
    return app.is_active and app.stage.kind == Stage.Kind.INTERVIEW


def status_key(app: Application, language: str) -> str:
    posting = app.posting
    return (
        f"status:{app.pk}:{app.version}:{posting.updated_at.timestamp()}:"
        f"{posting.organization.updated_at.timestamp()}:{language}"
    )


def status_part(app: Application, language: str) -> Stored:
    def render(mark: Callable[[str], str]) -> str:
        context = status_context(app)
        context.update(
            token=mark("token"),
            csrf_token=mark("csrf"),
            live_interviews=mark("interviews") if live_interviews(app) else "",
        )
        with translation.override(language):
            return render_to_string("applications/_status_body.html", context)

    return stored(status_key(app, language), render)


def status_etag(app: Application, language: str, token: str, csrf_secret: str) -> str | None:
    """The page's validator, or None when part of it is rendered per request. The link's
    token and the CSRF secret are in it because both are in the page's bytes."""
    if live_interviews(app):
        return None
    return etag(status_key(app, language), token, csrf_secret)
