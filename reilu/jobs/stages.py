"""Stage names in the reader's language.

Reilu writes a new posting's stages in the ad's language (`default_stages`). A candidate
who applied in another language should read those default names and descriptions in their
own language; names a recruiter wrote themselves are theirs and stay as written.
"""

from functools import lru_cache
from typing import TYPE_CHECKING

from reilu.jobs.services import default_stages

if TYPE_CHECKING:
    from reilu.jobs.models import Stage

LANGUAGES = ("fi", "sv", "en")


@lru_cache(maxsize=8)
def _defaults(language: str) -> dict[str, tuple[str, str]]:
    return {s["kind"]: (str(s["name"]), str(s["description"])) for s in default_stages(language)}


def _is_default(kind: str, text: str, part: int) -> bool:
    return any(_defaults(lang).get(kind, ("", ""))[part] == text for lang in LANGUAGES)


def stage_text(stage: "Stage", language: str) -> tuple[str, str]:
    """The stage's name and description as `language` reads them."""
    name, description = stage.name, stage.description
    wanted = _defaults(language).get(stage.kind)
    if wanted is None or language not in LANGUAGES:
        return name, description
    if _is_default(stage.kind, name, 0):
        name = wanted[0]
    if _is_default(stage.kind, description, 1):
        description = wanted[1]
    return name, description
