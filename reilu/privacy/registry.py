"""Other areas' personal data, plugged into export and erasure.

An app that keeps personal data about a candidate (a talent profile, survey comments,
interview notes) registers two functions in its AppConfig.ready():

    from reilu.privacy.registry import register_personal_data

    register_personal_data("interviews", export_fn=export_notes, erase_fn=erase_notes)

`export_fn(application) -> dict | list` returns JSON-serialisable data about the candidate
of that application (it lands under "extra"/<name> in data.json); `erase_fn(application)`
removes it for good. Both run while the application still holds the candidate's name and
email (erasure calls them first, inside the erasure's transaction).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalData:
    name: str
    export_fn: Callable
    erase_fn: Callable


_registry: dict[str, PersonalData] = {}


def register_personal_data(name: str, *, export_fn: Callable, erase_fn: Callable) -> None:
    _registry[name] = PersonalData(name, export_fn, erase_fn)


def unregister_personal_data(name: str) -> None:
    _registry.pop(name, None)


def registered() -> list[PersonalData]:
    return list(_registry.values())
