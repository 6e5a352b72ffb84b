"""Stored renderings of page parts that change only on a write.

A part is rendered once per version and kept in Django's cache under one key per page and
language. The caller's version names everything the part shows (an application's version, a
posting's updated_at…), so a write makes a new version and the stored rendering is replaced
on the next read: there is no invalidation step that a write path could forget, and no
window for a stale read. One key per page (not one per version) is what lets an erasure
forget the personal data a rendering holds (forget()).

Per-request values (the CSRF token, the secret link's token, a panel that depends on the
clock) are rendered as marks and filled in per request. A mark starts with a random
nonce drawn at render time, so text a user typed into the page cannot imitate one.
"""

import hashlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import OperationalError, connections, router

# Old versions are never read again; they only wait here for the cache to drop them.
TIMEOUT = 7 * 24 * 3600
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Stored:
    nonce: str
    html: str

    def mark(self, name: str) -> str:
        return mark(self.nonce, name)

    def has(self, name: str) -> bool:
        return self.mark(name) in self.html

    def fill(self, values: Mapping[str, str]) -> str:
        html = self.html
        for name, value in values.items():
            html = html.replace(self.mark(name), value)
        return html


def mark(nonce: str, name: str) -> str:
    # Letters, digits and hyphens only: the same in a URL path, an attribute and text.
    return f"{nonce}-{name}-"


# Static files count too: a stored whole page names the stylesheet and scripts.
RELEASE_SUFFIXES = (".py", ".html", ".mo", ".css", ".js", ".svg", ".ico")


@lru_cache(maxsize=1)
def _release() -> tuple[str, float]:
    digest = hashlib.sha256()
    newest = 0
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in RELEASE_SUFFIXES and "migrations" not in path.parts:
            stat = path.stat()
            newest = max(newest, stat.st_mtime_ns)
            digest.update(f"{path.relative_to(PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16], newest / 1e9


def release() -> str:
    """A fingerprint of the code, templates, translations and static files this process
    renders with: a deployment that changes any of them does not read the old renderings."""
    return _release()[0]


def released_at() -> datetime:
    """When the newest of those files changed: a page's Last-Modified is never earlier."""
    return datetime.fromtimestamp(_release()[1], tz=UTC)


def stored(key: str, version: str, render: Callable[[Callable[[str], str]], str]) -> Stored:
    """The rendering of `version` stored under `key`, rendering it now (render(mark_of))
    when what is stored is absent or of another version or release."""
    full = f"page:{key}"
    current = f"{release()}:{version}"
    found = cache.get(full)
    if isinstance(found, tuple) and len(found) == 3 and found[0] == current:
        return Stored(found[1], found[2])
    nonce = "m" + secrets.token_hex(12)
    part = Stored(nonce, render(lambda name: mark(nonce, name)))
    keep(full, (current, part.nonce, part.html))
    return part


def keep(key: str, value: object) -> None:
    """Store a rendering, unless that means waiting for SQLite's one write lock: storing
    is a saving for later requests, and the page is answered either way. When a worker
    holds the lock (5,000 decision mails and their follow-ups after a large posting
    closes), waiting would hold back the very status pages those candidates open
    (make bench-surge). The rendering is stored on a later visit."""
    backend = caches["default"]
    connection = None
    if isinstance(backend, DatabaseCache):
        connection = connections[router.db_for_write(backend.cache_model_class)]
    if connection is None or connection.vendor != "sqlite" or connection.in_atomic_block:
        backend.set(key, value, TIMEOUT)
        return
    connection.ensure_connection()
    raw = connection.connection
    waited = raw.execute("PRAGMA busy_timeout").fetchone()[0]
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        backend.set(key, value, TIMEOUT)
    except OperationalError:
        pass  # "database is locked": not stored this time
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(waited)}")


def forget(keys: list[str]) -> None:
    """Drop the stored renderings under these keys (an erasure: they hold personal data)."""
    cache.delete_many([f"page:{key}" for key in keys])


def etag(*parts: object) -> str:
    """A strong validator from the parts that decide a response's bytes."""
    text = "\x1f".join(str(p) for p in (release(), *parts))
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'
