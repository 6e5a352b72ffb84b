"""Stored renderings of the public job page and of the job list's first pages.

Both pages change only on a write (or when a deadline passes), so they are rendered once per
version and language and stored through reilu.pagecache; a request fills in only its CSRF
token and its own address (the language switch returns to it).

What is stored is the whole page as an anonymous visitor sees it: the header then has no
staff navigation and no sign-out form, and nothing in it belongs to a person. A signed-in
user's request, a request with a notice waiting (django.contrib.messages), and a job list
that offers a saved search (its form differs for a signed-in job seeker) are rendered per
request as before and never stored.

Versions:

- A job page: the posting's and its employer's updated_at (every save moves them, and every
  edit of the ad, its duties and stages, publishing and closing saves the posting), whether
  it still takes applications (a deadline passes without a write), and the site settings
  the page shows. One key per posting and language, so a deleted posting's renderings —
  they name its contact person — are forgotten with it (page_forget, post_delete).
- The job list: ListVersion, one counter bumped in the transaction of every save or
  deletion of a posting or an employer (receivers connected in JobsConfig.ready()), and
  the day: postings whose deadline passed leave the list at midnight without a write.
"""

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import escape

from reilu.employers.models import Organization
from reilu.jobs.models import ListVersion, Posting
from reilu.pagecache import Stored, etag, forget, released_at, stored

# The list pages stored per filter combination; later pages are rendered per request.
STORED_LIST_PAGES = 3
LIST_PARAMETERS = frozenset({"q", "location", "remote", "employment_type", "language", "sort"})


def site_version() -> str:
    """The settings a public page shows (links to the dev mailbox, the site's address)."""
    return f"{settings.BASE_URL}:{int(settings.REILU_DEV_MAILBOX)}"


def storable(request: HttpRequest) -> bool:
    """Whether this request sees the anonymous page that can be stored and shared."""
    from django.contrib.messages import get_messages

    return not request.user.is_authenticated and not len(get_messages(request))


def per_request(request: HttpRequest, csrf: str) -> dict[str, str]:
    return {"csrf": csrf, "path": escape(request.get_full_path())}


def marks_context(mark: Callable[[str], str]) -> dict[str, str]:
    return {"csrf_token": mark("csrf"), "next_path": mark("path")}


# The job page


def job_key(posting_id: int, language: str) -> str:
    return f"job:{posting_id}:{language}"


@dataclass(frozen=True)
class JobHead:
    """What a job page's version is made of, read without the ad itself."""

    pk: int
    updated_at: dt.datetime
    state: str
    apply_by: dt.date | None
    language: str
    organization_updated_at: dt.datetime

    @property
    def is_open(self) -> bool:
        if self.state != Posting.State.PUBLISHED:
            return False
        return self.apply_by is None or self.apply_by >= timezone.localdate()


def job_head(slug: str, states: Sequence[str]) -> JobHead | None:
    """The public posting under this address, or None: a narrow lookup, since on a stored
    page it is most of the view's own work."""
    # Plain SQL: compiling the ORM query cost more than running it (about 3 ms a request).
    org = Organization._meta.db_table
    marks = ", ".join(["%s"] * len(states))
    sql = (
        "SELECT p.id, p.updated_at, p.state, p.apply_by, p.language, o.updated_at "  # noqa: S608
        f"FROM {Posting._meta.db_table} p JOIN {org} o ON o.id = p.organization_id "
        f"WHERE p.slug = %s AND p.state IN ({marks})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug, *states])
        row = cursor.fetchone()
    if row is None:
        return None
    pk, updated_at, state, apply_by, language, org_updated_at = row
    return JobHead(pk, aware(updated_at), state, day(apply_by), language, aware(org_updated_at))


def aware(value: dt.datetime | str) -> dt.datetime:
    """A timestamp column as the ORM would give it (SQLite gives naive UTC, or text)."""
    if isinstance(value, str):
        value = parse_datetime(value) or dt.datetime.fromisoformat(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=dt.UTC)


def day(value: dt.date | str | None) -> dt.date | None:
    return parse_date(value) if isinstance(value, str) else value


def job_version(posting: JobHead) -> str:
    return (
        f"{posting.updated_at.timestamp()}:{posting.organization_updated_at.timestamp()}:"
        f"{int(posting.is_open)}:{site_version()}"
    )


def job_last_modified(posting: JobHead) -> int | None:
    """When the page's bytes last changed, in whole seconds: an edit of the posting or its
    employer, a new release, or the day after the deadline (the page then says the job is
    closed). None while that is less than a second ago: a copy fetched in the same second
    as a change would have the same Last-Modified as the changed page."""
    times = [posting.updated_at, posting.organization_updated_at, released_at()]
    if posting.state == Posting.State.PUBLISHED and posting.apply_by and not posting.is_open:
        closed = dt.datetime.combine(posting.apply_by + dt.timedelta(days=1), dt.time())
        times.append(timezone.make_aware(closed))
    changed = max(times)
    if timezone.now() - changed < dt.timedelta(seconds=1):
        return None
    return int(changed.timestamp())


def job_part(
    request: HttpRequest, posting: JobHead, language: str, context: Callable[[], dict[str, Any]]
) -> Stored:
    def render(mark: Callable[[str], str]) -> str:
        with translation.override(language):
            return render_to_string(
                "jobs/detail.html", {**context(), **marks_context(mark)}, request=request
            )

    return stored(job_key(posting.pk, language), job_version(posting), render)


def job_etag(posting: JobHead, language: str, csrf_secret: str, path: str) -> str:
    """The CSRF secret and the address are in the validator because both are in the bytes:
    a cache holding another visitor's copy never gets a 304 for this visitor."""
    return etag(job_key(posting.pk, language), job_version(posting), csrf_secret, path)


def job_pages_forget(posting_id: int) -> None:
    forget([job_key(posting_id, code) for code, _name in settings.LANGUAGES])


def posting_deleted(sender: object, instance: Posting, **kwargs: Any) -> None:
    job_pages_forget(instance.pk)


# The job list


def list_version() -> str:
    # Plain SQL: on a stored page this lookup is most of the view's own work.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {ListVersion._meta.db_table} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
    return f"{row[0] if row else 0}:{timezone.localdate().isoformat()}:{site_version()}"


def list_changed(sender: object = None, **kwargs: Any) -> None:
    """A posting or an employer was saved or deleted: every stored list page is old now.
    Runs in the writer's transaction, so a rolled-back write leaves the version alone."""
    if not ListVersion.objects.filter(pk=1).update(value=F("value") + 1):
        ListVersion.objects.get_or_create(pk=1, defaults={"value": 1})


def list_key(request: HttpRequest, language: str) -> str | None:
    """The stored page's key for this request, or None when it is not stored: a page past
    the first few, or parameters the list does not know (they would be echoed in the
    page's links)."""
    params = request.GET
    if not set(params) <= LIST_PARAMETERS | {"page"}:
        return None
    if any(len(params.getlist(name)) > 1 for name in params):
        return None
    page = params.get("page", "1") or "1"
    if page not in {str(n) for n in range(1, STORED_LIST_PAGES + 1)}:
        return None
    query = "&".join(f"{name}={params[name]}" for name in sorted(params) if name != "page")
    digest = hashlib.sha256(query.encode()).hexdigest()[:24]
    return f"jobs:{language}:{digest}:{page}"


def list_etag(key: str, version: str, csrf_secret: str, path: str) -> str:
    return etag(key, version, csrf_secret, path)


def list_part(
    request: HttpRequest,
    key: str,
    version: str,
    language: str,
    context: Callable[[Callable[[str], str]], dict[str, Any] | None],
) -> Stored | None:
    """The stored list page, or None when this rendering cannot be shared: it offers a
    saved search, whose form depends on who is signed in (stored as an empty rendering, so
    later requests of the version know without asking the database)."""

    def render(mark: Callable[[str], str]) -> str:
        values = context(mark)
        if values is None:
            return ""
        with translation.override(language):
            return render_to_string(
                "jobs/list.html", {**values, **marks_context(mark)}, request=request
            )

    part = stored(key, version, render)
    return part if part.html else None
