"""Lost your status link? One mail with a fresh link to every application that still opens."""

import uuid

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import override

from reilu.applications import letters
from reilu.applications.models import AccessToken, Application
from reilu.applications.retention import token_expired
from reilu.messaging.queue import message_queue
from reilu.messaging.texts import compose


def working_applications(email: str) -> list[Application]:
    """The applications under this address whose status page still opens, newest first."""
    apps = (
        Application.objects.filter(email_key=email.strip().lower(), erased_at__isnull=True)
        .select_related("posting__organization", "stage")
        .order_by("-created_at", "-id")
    )
    return [app for app in apps if not token_expired(app)]


def status_links_send(*, email: str, language: str) -> int:
    """Queue one mail with fresh links to `email`'s applications; how many were included.

    Nothing is sent to an address that has no application, and the caller answers the same
    either way, so the page cannot be used to find out who has applied where.
    """
    with transaction.atomic():
        apps = working_applications(email)
        if not apps:
            return 0
        with override(language):
            lines = []
            for app in apps:
                raw = AccessToken.issue(app)
                link = settings.BASE_URL + reverse("applications:status", args=[raw])
                lines.append(
                    str(letters.STATUS_LINK_LINE)
                    % {
                        "title": app.posting.title,
                        "employer": app.posting.organization.name,
                        "state": app.stage.name if app.is_active else app.get_outcome_display(),
                        "link": link,
                    }
                )
        subject, body = compose(language, letters.STATUS_LINKS, {"links": "\n\n".join(lines)})
        message_queue(
            organization=None,  # the links may span several employers
            kind="status_links",
            # No employer's staff to alert on a failed delivery; the person can ask again.
            alert_staff_on_failure=False,
            to_email=apps[0].email,
            subject=subject,
            body=body,
            language=language,
            dedupe_key=f"status-links:{uuid.uuid4().hex}",
        )
    return len(apps)
