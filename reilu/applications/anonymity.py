"""Anonymous first review (issue 19): who the candidate is stays hidden from staff until the
application is moved past the first stage.

While `Application.identity_hidden` is true, staff pages, fragments and the API show the
application's pseudonym ("Candidate 7") instead of the name, no email or phone, and the cover
letter, the CV's text, the messages and the timeline only through `mask()`: the name parts,
email and phone the candidate entered are masked wherever they appear and in any format, and
so is what looks like contact details or a person's facts by pattern (email addresses, phone
numbers, links to social profiles, street addresses and postal codes, birth dates, personal
identity codes and ages). The original CV file opens only after the move.

The reveal is the move: `reveal()` records when it happened, and each staff member's first
view of the identity after it is written to the employer's audit log (`audit_first_view`),
as is every opening of the CV (reilu.applications.cv).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils.translation import gettext as _

from reilu.privacy.models import AuditEvent
from reilu.privacy.services import audit_record

if TYPE_CHECKING:
    from reilu.applications.models import Application as App


def hidden_q(prefix: str = "") -> Q:
    """The applications whose identity is hidden, as a filter (prefix: a relation path)."""
    return Q(**{f"{prefix}anonymous_review": True, f"{prefix}revealed_at__isnull": True})


def audit_first_view(app: App, user: Any) -> None:
    """Write the reveal to the audit log: the first time this staff member sees the identity
    of an application that was reviewed anonymously."""
    if not app.anonymous_review or app.revealed_at is None or not user.is_authenticated:
        return
    seen = AuditEvent.objects.filter(
        action=AuditEvent.Action.REVEAL_IDENTITY,
        object_type=app._meta.model_name,
        object_id=str(app.pk),
        actor=user,
    ).exists()
    if not seen:
        audit_record(
            organization=app.posting.organization,
            action=AuditEvent.Action.REVEAL_IDENTITY,
            obj=app,
            actor=user,
        )


# --- Masking -------------------------------------------------------------------------------

_WORD = r"[^\W\d_]"  # a letter, in any alphabet
_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A phone number as people write them: starting with +, 00, 0 or "(0", then at least six
# more digits with spaces, dashes, dots or brackets between. Years ("2015–2019") and plain
# counts start otherwise and are left alone.
_PHONE = re.compile(r"(?<![\w+])(?:\+|\(0|0)[\d\s().\-/]{5,}\d(?!\w)")
_SOCIAL = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)?"
    r"(?:linkedin\.com|facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|github\.com|"
    r"gitlab\.com|tiktok\.com|youtube\.com|medium\.com|behance\.net|dribbble\.com|"
    r"stackoverflow\.com|threads\.net|bsky\.app|mastodon\.social|t\.me|wa\.me)"
    r"(?:/[^\s,;)]*)?",
    re.IGNORECASE,
)
# Street addresses: Finnish and Swedish street names end in a word for street or road
# (Mannerheimintie 12 A 3, Storgatan 5 B); English ones put the number first.
_STREET_FI_SV = re.compile(
    r"\b" + _WORD + r"+(?:tie|katu|kuja|polku|tori|väylä|raitti|rinne|kaari|aukio|ranta|"
    r"gatan|vägen|väg|gränd|torget|stigen|allén|backen|plan)\s+\d+(?:\s*[A-Za-z]\b)?"
    r"(?:\s*\d+)?(?:\s*(?:as\.?|lgh\.?|bst\.?)\s*\d+)?",
    re.IGNORECASE,
)
_STREET_EN = re.compile(
    r"\b\d+[A-Za-z]?\s+(?:" + _WORD + r"+\s+){1,3}"
    r"(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.|Boulevard|Blvd\.?|"
    r"Way|Court|Ct\.|Place|Square|Terrace|Close|Crescent)\b",
    re.IGNORECASE,
)
# A postal code and a town: 00100 Helsinki, 123 45 Stockholm, FI-00100 Espoo.
_POSTCODE = re.compile(r"\b(?:FI-|SE-|S-)?(?:\d{5}|\d{3}\s\d{2})\s+[A-ZÅÄÖ]" + _WORD + r"+")
# An address given after its label, up to the end of the line; a birth date or an age
# after its label, only the date or the number.
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+"
    + _WORD
    + r"+\s+\d{4}|"
    + _WORD
    + r"+\s+\d{1,2},?\s+\d{4}|\d{4})"
)
_LABELLED = re.compile(
    r"\b(?:(?:home |postal )?address|(?:koti|posti)?osoite|(?:hem)?adress)\b\s*[:\-–]?[ \t]*"
    r"[^\n]*\d[^\n]*"
    r"|\b(?:date of birth|birth ?date|born|DOB|syntymäaika|syntynyt|synt\.|födelsedatum|"
    r"född)\s*[:\-–]?\s*" + _DATE + r"|\b(?:age|ikä|ålder)\s*[:\-–]?\s*\d{1,3}\b",
    re.IGNORECASE,
)
# Personal identity codes: Finnish (131052-308T) and Swedish (19521013-1234, 521013-1234).
_ID_CODE = re.compile(r"\b(?:\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]|(?:\d{2})?\d{6}[-+]\d{4})\b")
# Ages: "35 years old", "35-year-old", "35-vuotias", "35 vuotta vanha", "35 år gammal".
_AGE = re.compile(
    r"\b\d{1,2}\s*(?:-\s*)?(?:years? old|year-old|vuotias|vuotta vanha|år gammal|åring)\b",
    re.IGNORECASE,
)


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """The name parts the candidate entered, as whole words, also inflected: "Anna" matches
    "Annan" and "Anna's", "Virtanen" matches "Virtasen" (a Finnish -nen name's stem)."""
    alternatives = []
    for part in re.split(r"[\s\-–]+", name.strip()):
        part = part.strip(".,'’\"()")
        if len(part) < 2:
            continue
        escaped = re.escape(part)
        if len(part) <= 3:
            # A short part only as a word of its own (or with a possessive), never inside
            # other words: "Li" must not mask "Linux".
            alternatives.append(escaped + r"(?:['’:]?s|:n)?")
            continue
        alternatives.append(escaped + r"\w*")
        if part.lower().endswith("nen"):
            alternatives.append(re.escape(part[:-3]) + r"s\w*")
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _digits_pattern(phone: str) -> re.Pattern[str] | None:
    """The number the candidate entered, however it is written in the text: with or without
    spaces, dashes or brackets, with the country code or with a leading 0."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 5:
        return None
    forms = {digits}
    for code in ("358", "46", "47", "45", "49", "44", "1"):
        if phone.strip().startswith(("+" + code, "00" + code)):
            national = digits.removeprefix("00").removeprefix(code)
            forms |= {"0" + national, national, code + national}
    if digits.startswith("0"):
        forms |= {"358" + digits[1:], "46" + digits[1:]}
    sep = r"[\s().\-/]*"
    alternatives = [sep.join(re.escape(d) for d in form) for form in sorted(forms, key=len)[::-1]]
    return re.compile(r"(?<!\d)(?:\+|00)?" + r"(?:" + "|".join(alternatives) + r")(?!\d)")


def mask(text: str, app: App) -> str:
    """`text` with the candidate's identity and contact details masked (see the module)."""
    if not text:
        return text
    name_mark, email_mark, phone_mark = _("[name]"), _("[email]"), _("[phone]")
    link_mark, address_mark = _("[profile link]"), _("[address]")
    birth_mark, age_mark = _("[personal detail]"), _("[age]")
    out = text
    if app.email:
        out = re.sub(re.escape(app.email), email_mark, out, flags=re.IGNORECASE)
    out = _EMAIL.sub(email_mark, out)
    out = _SOCIAL.sub(link_mark, out)
    if own := _digits_pattern(app.phone or ""):
        out = own.sub(phone_mark, out)
    out = _ID_CODE.sub(birth_mark, out)
    marks = {"address": address_mark, "birth": birth_mark, "age": age_mark}
    out = _LABELLED.sub(lambda m: _labelled(m.group(0), marks), out)
    out = _PHONE.sub(lambda m: phone_mark if _enough_digits(m.group(0)) else m.group(0), out)
    out = _STREET_FI_SV.sub(address_mark, out)
    out = _STREET_EN.sub(address_mark, out)
    out = _POSTCODE.sub(address_mark, out)
    out = _AGE.sub(age_mark, out)
    if names := _name_pattern(app.name or ""):
        out = names.sub(name_mark, out)
    return out


def _enough_digits(found: str) -> bool:
    return len(re.sub(r"\D", "", found)) >= 7


def _labelled(found: str, marks: dict[str, str]) -> str:
    """A labelled address, birth date or age: the label stays, what follows it is masked."""
    label = re.match(r"[^\W\d_]+(?:[ .][^\W\d_]+)*\.?", found)
    head = label.group(0) if label else ""
    lowered = head.lower()
    if any(word in lowered for word in ("address", "osoite", "adress")):
        kind = "address"
    elif lowered in ("age", "ikä", "ålder"):
        kind = "age"
    else:
        kind = "birth"
    return f"{head}: {marks[kind]}"


def shown(text: str, app: App) -> str:
    """`text` as staff may see it now: masked while the identity is hidden."""
    return mask(text, app) if app.identity_hidden else text
