"""Stored renderings of page parts that change only on a write.

A part is rendered once per key and kept in Django's cache. The caller's key carries the
version of everything the part shows (an application's version, a posting's updated_at…),
so a write makes a new key and the old entry is simply never read again: there is no
invalidation step that a write path could forget, and no window for a stale read.

Per-request values (the CSRF token, the secret link's token, a panel that depends on the
clock) are rendered as marks and filled in per request. A mark starts with a random
nonce drawn at render time, so text a user typed into the page cannot imitate one.
"""

import hashlib
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.cache import cache

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


@lru_cache(maxsize=1)
def release() -> str:
    """A fingerprint of the code, templates and translations this process renders with:
    a deployment that changes any of them does not read the old renderings."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".html", ".mo") and "migrations" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(PACKAGE)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def stored(key: str, render: Callable[[Callable[[str], str]], str]) -> Stored:
    """The rendering stored under `key`, rendering it now (render(mark_of)) when absent."""
    full = f"page:{release()}:{key}"
    found = cache.get(full)
    if isinstance(found, tuple) and len(found) == 2:
        return Stored(*found)
    nonce = "m" + secrets.token_hex(12)
    part = Stored(nonce, render(lambda name: mark(nonce, name)))
    cache.set(full, (part.nonce, part.html), TIMEOUT)
    return part


def etag(*parts: object) -> str:
    """A strong validator from the parts that decide a response's bytes."""
    text = "\x1f".join(str(p) for p in (release(), *parts))
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'
