"""A chosen CV kept across an apply form's validation errors (issue 13).

The file is stored like a CV (default storage, outside every public path, under a random
name) and found again only by a random token that is both posted back in the form and
remembered in the session that uploaded it: a token copied into another browser finds
nothing. Files not used within PENDING_TTL are deleted by the applications sweep.
"""

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.utils import timezone

from reilu.applications.models import PendingUpload
from reilu.applications.uploads import check_cv
from reilu.employers.models import hash_token

if TYPE_CHECKING:
    from reilu.applications.forms import ApplyForm

SESSION_KEY = "reilu.pending_cv"
PENDING_TTL = dt.timedelta(hours=24)
MAX_PER_SESSION = 5


def pending_keep(*, request, posting, upload, content_type: str) -> str:
    """Store an already checked upload; return the raw token for the form's hidden field."""
    raw = secrets.token_urlsafe(32)
    pending = PendingUpload(
        posting=posting,
        token_hash=hash_token(raw),
        name=(getattr(upload, "name", "") or "cv")[-200:],
        content_type=content_type,
        size=upload.size,
    )
    upload.seek(0)
    pending.file.save(secrets.token_hex(16), upload, save=False)
    pending.save()
    tokens = [t for t in request.session.get(SESSION_KEY, []) if t != raw][-MAX_PER_SESSION + 1 :]
    request.session[SESSION_KEY] = [*tokens, raw]
    return raw


def pending_find(*, request, posting, raw: str) -> PendingUpload | None:
    """The pending upload behind `raw`, if this session made it for this posting."""
    if not raw or len(raw) > 100 or raw not in request.session.get(SESSION_KEY, []):
        return None
    pending = PendingUpload.objects.filter(
        token_hash=hash_token(raw),
        posting=posting,
        created_at__gte=timezone.now() - PENDING_TTL,
    ).first()
    if pending is None or not pending.file.storage.exists(pending.file.name):
        return None
    return pending


def pending_open(pending: PendingUpload) -> tuple[File, str]:
    """The stored bytes as an upload-like file and their content type, checked by content
    again before use (as a fresh upload would be)."""
    handle = pending.file.storage.open(pending.file.name, "rb")
    upload = File(handle, name=pending.name)
    try:
        kind = check_cv(upload)
    except ValidationError:
        handle.close()
        raise
    return upload, kind


def pending_forget(*, request, pending: PendingUpload, raw: str = "") -> None:
    pending.file.storage.delete(pending.file.name)
    pending.delete()
    if raw:
        request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != raw]


def pending_purge(now: dt.datetime | None = None) -> int:
    """Delete pending uploads nobody came back for (run by the applications sweep)."""
    stale = PendingUpload.objects.filter(created_at__lt=(now or timezone.now()) - PENDING_TTL)
    count = 0
    for pending in stale.iterator():
        pending.file.storage.delete(pending.file.name)
        pending.delete()
        count += 1
    return count


def pending_carry(
    *, request, posting, form: "ApplyForm", pending: PendingUpload | None, raw: str
) -> tuple[str, str] | None:
    """After a failed submit: what CV the form keeps for the next try, as (name, token),
    or None. A newly chosen, acceptable file replaces an earlier one; a refused one is
    shown as an error beside the field and nothing is kept."""
    fresh = request.FILES.get("cv")
    if "cv" in form.errors:
        if pending is not None:
            pending_forget(request=request, pending=pending, raw=raw)
        return None
    if fresh is not None and form.cv_type:
        if pending is not None:
            pending_forget(request=request, pending=pending, raw=raw)
        token = pending_keep(
            request=request, posting=posting, upload=fresh, content_type=form.cv_type
        )
        return fresh.name, token
    if pending is not None:
        return pending.name, raw
    return None
