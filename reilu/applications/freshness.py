"""The status page's version: what keeps a stored status page from ever being stale.

Every write that changes what a candidate's status page shows calls status_changed() in its
own transaction. The stored rendering (reilu.applications.status_page) and the page's ETag
are keyed by Application.version, so the next request after the commit misses the old entry
and renders the new state; a rolled-back write rolls the bump back with it.

Writers in lower layers that cannot import this module (messaging) send a signal that
applications listens to (see apps.py).
"""

from collections.abc import Iterable

from django.db.models import F

from reilu.applications.models import Application

# Keeps each UPDATE's list of ids well under every database's parameter limit.
CHUNK = 900


def status_changed(application_ids: Iterable[int]) -> None:
    ids = sorted({int(i) for i in application_ids})
    for start in range(0, len(ids), CHUNK):
        Application.objects.filter(pk__in=ids[start : start + CHUNK]).update(
            version=F("version") + 1
        )


def about_changed(
    sender: object, *, about: Iterable[tuple[str, int | None]], **kwargs: object
) -> None:
    """Messages about applications changed (queued, claimed, delivered, failed, erased)."""
    label = Application._meta.label_lower
    status_changed(about_id for about_type, about_id in about if about_type == label and about_id)
