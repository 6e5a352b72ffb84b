"""CV and document uploads: accepted by what the bytes are, not by what the file is called."""

import io
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
RTF = "application/rtf"
TXT = "text/plain"
EXTENSIONS = {PDF: "pdf", DOCX: "docx", ODT: "odt", RTF: "rtf", TXT: "txt"}


def sniff(head: bytes, whole) -> str | None:
    """The content type of an accepted document, or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(whole)
    return _sniff_text(head)


def _sniff_zip(whole) -> str | None:
    whole.seek(0)
    try:
        with zipfile.ZipFile(whole) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def _sniff_text(head: bytes) -> str | None:
    if not head or b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            return None
    return TXT


def check_cv(upload) -> str:
    """Validate an uploaded CV and return its content type; ValidationError otherwise."""
    return check_upload(
        upload,
        _("Please send your CV as a PDF, Word (DOCX), OpenDocument (ODT), RTF or text file."),
    )


def check_document(upload) -> str:
    """A document the employer asked for (reilu.applications.documents): the CV's rules."""
    return check_upload(
        upload,
        _("Please send the document as a PDF, Word (DOCX), OpenDocument (ODT), RTF or text file."),
    )


def check_upload(upload, wrong_type: str) -> str:
    """An uploaded document's content type, found in its bytes; ValidationError when it is
    too large, empty or of a type Reilu does not take (`wrong_type` says which ones)."""
    if upload.size > settings.REILU_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s MB). The limit is %(limit)s MB.")
            % {
                # 12,0 in Finnish and Swedish, 12.0 in English.
                "size": number_format(upload.size / 1_048_576, 1, use_l10n=True),
                "limit": settings.REILU_MAX_UPLOAD_BYTES // 1_048_576,
            },
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    upload.seek(0)
    head = upload.read(8192)
    content = upload.file if hasattr(upload, "file") else io.BytesIO(upload.read())
    kind = sniff(head, content)
    upload.seek(0)
    if kind is None:
        found = what_it_is(head)
        raise ValidationError(f"{found} {wrong_type}" if found else wrong_type, code="file_type")
    return kind


# Files people often send instead of a document, told by their first bytes: the name may say
# ".pdf" and the phone's file picker may have shown a preview, so say what the file is.
PICTURES = (
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"RIFF", "WebP"),
)


def what_it_is(head: bytes) -> str:
    """A sentence naming a refused file's kind when it is a common one, else ""."""
    for magic, name in PICTURES:
        if head.startswith(magic) and (name != "WebP" or head[8:12] == b"WEBP"):
            return _("This file is a picture (%(format)s), not a document.") % {"format": name}
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return _("This file is a picture (%(format)s), not a document.") % {"format": "HEIC"}
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _("This file is in the old Word format (.doc); save it as DOCX or PDF.")
    if head.startswith(b"PK\x03\x04"):
        return _("This file is a ZIP archive, not a document.")
    return ""


def download_name(original: str, content_type: str) -> tuple[str, str]:
    """The name and content type a stored CV is handed out with.

    The extension comes from the type found in the bytes at upload, never from the
    uploader's name: a text file sent as `x.html` downloads as `x.txt`, as text/plain.
    """
    extension = EXTENSIONS.get(content_type)
    if extension is None:
        content_type, extension = "application/octet-stream", "bin"
    base = (original or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    stem = "".join(c for c in stem if c.isprintable()).strip(" .") or "cv"
    return f"{stem[:150]}.{extension}", content_type
