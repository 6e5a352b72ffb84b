"""What privacy reaches in other areas: registered by those areas, never imported.

Privacy sits below the areas that hold personal data (layer 3: jobs, applications,
interviews, talent and voice are above it), so it does not import them. Each area registers
what privacy needs in its AppConfig.ready():

- **The data subjects** (`register_subjects`): the records a candidate's status link opens,
  which privacy exports, erases, and sweeps when their retention period ends. The
  applications area registers them (reilu/applications/personal_data.py).
- **More personal data about a subject** (`register_personal_data`): a talent profile,
  survey comments, interview notes:

      register_personal_data("interviews", export_fn=export_notes, erase_fn=erase_notes)

  `export_fn(application) -> dict | list` returns JSON-serialisable data about the
  candidate of that application (it lands under "extra"/<name> in data.json); `erase_fn(
  application)` removes it for good. Both run while the application still holds the
  candidate's name and email (erasure calls them first, inside the erasure's transaction).
- **The public employers** (`register_public_employers`): whose notices /privacy/ lists,
  those with a published posting; the jobs area knows which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from reilu.employers.models import Organization


@dataclass(frozen=True)
class PersonalData:
    name: str
    export_fn: Callable
    erase_fn: Callable


class Subjects(Protocol):
    """The records privacy answers for. `record` is one of them (an application)."""

    def by_token(self, token: str) -> tuple[Any | None, bool]:
        """(record, False) for a working status link; (None, True) for a real link that has
        expired; (None, False) for one that matches nothing."""

    def organization(self, record: Any) -> Organization:
        """The employer that controls the record's data."""

    def lock(self, record: Any) -> Any:
        """The record read again under a row lock, inside the caller's transaction."""

    def is_erased(self, record: Any) -> bool: ...

    def export(self, record: Any) -> dict:
        """Everything held about the person, JSON-ready, in the order data.json gives it
        (privacy puts the time and the controller first and the registered areas last)."""

    def files(self, record: Any) -> list[tuple[str, bytes]]:
        """Uploaded files for the export zip: (path in the zip, content)."""

    def erase(self, record: Any, *, candidate_asked: bool) -> None:
        """Remove the person's data from the record for good (after the registered areas);
        `candidate_asked` is False when a retention period ended."""

    def due(self, now: dt.datetime | None) -> QuerySet:
        """Records whose data is due for erasure at `now`, in the order to erase them."""

    def retention_reason(self, record: Any) -> str:
        """The ErasureRecord.Reason of a record erased because its period ended."""

    def upcoming(self, organization: Organization, now: dt.datetime | None, days: int) -> QuerySet:
        """The employer's records due within `days` (those already due too), soonest first."""

    def due_at(self, record: Any) -> dt.datetime | None:
        """When the record's data is due for erasure (None while it is kept)."""

    def label(self, record: Any) -> str:
        """How staff recognise the record in a notice, without personal data."""


_registry: dict[str, PersonalData] = {}
_subjects: list[Subjects] = []
_public_employers: list[Callable[[], QuerySet]] = []


def register_personal_data(name: str, *, export_fn: Callable, erase_fn: Callable) -> None:
    _registry[name] = PersonalData(name, export_fn, erase_fn)


def unregister_personal_data(name: str) -> None:
    _registry.pop(name, None)


def registered() -> list[PersonalData]:
    return list(_registry.values())


def register_subjects(subjects: Subjects) -> None:
    _subjects[:] = [subjects]


def subjects() -> Subjects:
    if not _subjects:
        raise LookupError("no area registered the data subjects (reilu.applications does)")
    return _subjects[0]


def register_public_employers(query: Callable[[], QuerySet]) -> None:
    _public_employers[:] = [query]


def public_employers() -> QuerySet:
    if not _public_employers:
        raise LookupError("no area registered the public employers (reilu.jobs does)")
    return _public_employers[0]()
