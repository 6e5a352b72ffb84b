"""The text of a stored CV, for staff to read in the page (masked during an anonymous first
review, reilu.applications.anonymity).

PDF with pypdf, DOCX with python-docx, ODT with odfpy, plain text as it is. RTF is not read:
its text is not shown, and the page says so. A file that cannot be read gives None, never an
error page: uploads are checked by their bytes, not parsed, so a broken file can be stored.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO, Any

from reilu.applications import uploads

log = logging.getLogger(__name__)

# Enough for any CV; a huge document is cut, not read to its end.
MAX_PAGES = 30
MAX_CHARS = 60_000

READABLE = (uploads.PDF, uploads.DOCX, uploads.ODT, uploads.TXT)


def extract_text(file: IO[bytes], content_type: str) -> str | None:
    """The text of a document of an accepted type; None when it cannot be read."""
    try:
        if content_type == uploads.PDF:
            text = _pdf(file)
        elif content_type == uploads.DOCX:
            text = _docx(file)
        elif content_type == uploads.ODT:
            text = _odt(file)
        elif content_type == uploads.TXT:
            text = file.read(MAX_CHARS * 4).decode("utf-8", errors="replace")
        else:
            return None
    # The parsers raise many kinds of errors on a damaged or hostile file; each means the
    # same here: the text cannot be shown.
    except Exception:  # noqa: BLE001
        log.info("CV text could not be read (%s)", content_type, exc_info=True)
        return None
    return _tidy(text)[:MAX_CHARS]


def _pdf(file: IO[bytes]) -> str:
    from pypdf import PdfReader

    reader = PdfReader(file)
    return "\n\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PAGES])


def _docx(file: IO[bytes]) -> str:
    from docx import Document

    document = Document(file)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    for section in document.sections:
        for paragraph in section.header.paragraphs + section.footer.paragraphs:
            parts.append(paragraph.text)
    return "\n".join(parts)


def _odt(file: IO[bytes]) -> str:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    blocks = {(TEXTNS, "p"), (TEXTNS, "h")}

    def walk(node: Any) -> Iterator[str]:
        # Paragraphs and headings in the order they are written, tables and lists included.
        for child in node.childNodes:
            if getattr(child, "qname", None) in blocks:
                yield teletype.extractText(child)
            else:
                yield from walk(child)

    return "\n".join(walk(load(file).text))


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
