"""Message texts: the one template mechanism, and the safe placeholder filler.

Messaging holds no domain wording: each area keeps its own letters (e.g.
reilu/applications/letters.py) and registers the ones an employer may reword, with the
placeholders they use and sample values for the editor's preview, from its AppConfig.ready().

Texts are warm, specific and signed by a named person; replies go to that person.
Placeholders are `{name}` from a fixed list: staff-written text is only ever searched for
these names, never evaluated as template code.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


@dataclass(frozen=True)
class Letter:
    """A message an employer may reword: its name in the editor and its default wording."""

    # Lazily translated: each use renders them in the language active there.
    label: "StrPromise"
    subject: "StrPromise"
    body: "StrPromise"


# kind -> Letter, in the order the areas registered them (the editor lists them so).
LETTERS: dict[str, Letter] = {}
# The placeholders letters may use, and functions giving sample values for the preview.
PLACEHOLDERS: list[str] = []
_samples: list[Callable[[object, str], dict[str, str]]] = []


def register_letters(
    letters: Mapping[str, Letter],
    placeholders: Iterable[str] = (),
    samples: Callable[[object, str], dict[str, str]] | None = None,
) -> None:
    LETTERS.update(letters)
    PLACEHOLDERS.extend(p for p in placeholders if p not in PLACEHOLDERS)
    if samples is not None and samples not in _samples:
        _samples.append(samples)


def sample_values(organization: object, language: str) -> dict[str, str]:
    """Values for previewing a letter of `organization` in `language`."""
    values: dict[str, str] = {}
    for samples in _samples:
        values.update(samples(organization, language))
    return values


def compose(
    language: str, wording: tuple["StrPromise", "StrPromise"], values: Mapping
) -> tuple[str, str]:
    """Subject and body of a fixed letter (one staff cannot reword) in `language`:
    gettext texts with %(name)s placeholders, filled in that language."""
    subject, body = wording
    with override(language):
        return str(subject % values), str(body % values)


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class UnknownPlaceholder(ValueError):
    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(", ".join(names))


def unknown_placeholders(text: str) -> list[str]:
    return sorted({m for m in _PLACEHOLDER.findall(text) if m not in PLACEHOLDERS})


def fill(text: str, values: dict[str, str]) -> str:
    missing = unknown_placeholders(text)
    if missing:
        raise UnknownPlaceholder(missing)
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text)


SIGNATURE = _("Best regards,\n{contact_name}\n{employer}\n{contact_email} {contact_phone}")


def default_text(kind: str, language: str) -> tuple[str, str]:
    letter = LETTERS[kind]
    with override(language):
        subject, body = letter.subject, letter.body
        return str(subject), str(body)


def render(
    kind: str,
    language: str,
    values: dict[str, str],
    templates: Mapping[tuple[str, str], tuple[str, str]] | None = None,
) -> tuple[str, str]:
    """Subject and body of a message in `language`: the employer's template or the default.

    `templates` maps (kind, language) to (subject, body) written by the employer.
    """
    custom = (templates or {}).get((kind, language))
    subject, body = custom or default_text(kind, language)
    with override(language):
        signature = str(SIGNATURE)
    values = dict(values)
    note = values.get("note", "").strip()
    values["note"] = f"{note}\n\n" if note else ""
    text = re.sub(r"\n{3,}", "\n\n", fill(body, values))
    return fill(subject, values), f"{text}\n\n{fill(signature, values).strip()}\n"
