"""Folding text for searches that ignore case and diacritics."""

import unicodedata


def fold(text: str) -> str:
    """Lower case without diacritics: "Myyjä, Jyväskylä" → "myyja, jyvaskyla"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
