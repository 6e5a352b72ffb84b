"""Who is hiring, where, and whom to ask: organisations, places and contact persons."""

from __future__ import annotations

import re
import unicodedata

from .firstchars import compile_guarded
from .lexicon import first_names, places

Span = tuple[int, int]

_CAP = r"[A-ZÄÖÅÉÜ0-9][\w&'’.-]*"
LEGAL_FORM = compile_guarded(
    rf"{_CAP}(?:\s+{_CAP}){{0,4}}\s+(?:Oyj|Oy|Ab|Abp|AB|Ltd|Limited|Inc|LLC|GmbH|plc|PLC|Ky|Tmi|ry|rf|"
    r"Corporation|Corp\.?|Group|Osuuskunta|osuuskunta|Oy:n|Oy:ssä|Oy:llä|Ab:s)(?![\w])"
)
PUBLIC_BODY = compile_guarded(
    r"(?<!\w)[A-ZÄÖÅ][\w-]*(?:n|s)?\s+(?:kaupunki|kaupungin|kunta|kunnan|\w*hyvinvointialue\w*|"
    r"\w*kuntayhtymä\w*|\w*seurakunta\w*|\w*yliopisto\w*|\w*korkeakoulu\w*|\w*säätiö\w*|"
    r"stad|stads|kommun\w*|välfärdsområde\w*|universitet\w*|församling\w*|stiftelse\w*)(?!\w)"
    r"|(?<!\w)(?:City|Municipality|University|Town) of [A-ZÄÖÅ]\w+"
    r"|(?<!\w)[A-ZÄÖÅ]\w+ (?:University|Foundation|Hospital|Wellbeing Services County)(?!\w)"
    r"|(?<!\w)[A-ZÄÖÅ][\w-]*(?:hyvinvointialue|kuntayhtymä|yliopisto|seurakunta)\w*"
    # Public institutions named by a place and a lower-case noun: "Esbo arbetarinstitut",
    # "Borgå hälsocentral", "Kuopion kansalaisopisto".
    r"|(?<!\w)[A-ZÄÖÅ][\w-]*\s+\w*(?:institut|hälsocentral|sjukhus|gymnasium|bibliotek|"
    r"museum|museo|opisto|terveyskeskus|sairaala|kirjasto|akatemia|akademi)\w*(?!\w)"
)
EMPLOYER_LABEL = compile_guarded(
    r"(?im)^\s*(?:työnantaja|yritys|organisaatio|employer|company|organi[sz]ation|arbetsgivare|"
    r"företag)\s*:\s*\S+"
)
CLIENT = compile_guarded(
    r"(?<!\w)(?:on behalf of (?:our|a|an|one of our) clients?|for (?:our|a|an) client(?!s)|"
    r"our client(?:'s)?(?!s)|recruiting for (?:our|a) client|"
    r"asiakkaalle(?:mme|en)|asiakasyritykselle(?:mme|en)|asiakasyrityksemme|asiakkaamme\b|"
    r"edustamme asiakasta|"
    r"toimeksiantaja(?:mme|llemme|lleen)|vår (?:kund|uppdragsgivare)|åt (?:vår|en) kund|"
    r"för (?:vår|en) kunds räkning)",
    re.IGNORECASE,
)
AGENCY_IS_EMPLOYER = compile_guarded(
    r"(?<!\w)(?:työnantaja(?:nasi|na|nne)? toimii|olet työsuhteessa meihin|työsuhde solmitaan "
    r"(?:meidän|meihin)|you will be employed by (?:us|[A-ZÄÖÅ])|your employer (?:is|will be) "
    r"(?:us|[A-ZÄÖÅ])|vi är din arbetsgivare|din arbetsgivare (?:är|blir) [A-ZÄÖÅ]|"
    r"du anställs av (?:oss|[A-ZÄÖÅ]))"
)
REMOTE = compile_guarded(
    r"(?<![\w-])(?:etätyö\w*|etänä|täysin etä\w*|remote(?:[- ]first|ly| work| role| position)?|"
    r"work from (?:anywhere|home)|fully remote|distansarbete\w*|på distans|hemifrån|"
    r"distans\w*|kotoa käsin)(?!\w)",
    re.IGNORECASE,
)
LOCATION_LABEL = compile_guarded(
    r"(?im)^\s*(?:sijainti|työpaikka|työskentelypaikka|paikkakunta|location|place of work|"
    r"ort|placering|arbetsort|stationeringsort)\s*:\s*\S+"
)
ADDRESS = compile_guarded(
    r"(?<!\w)[A-ZÄÖÅ][\w-]*(?:katu|tie|kuja|polku|väylä|kaari|gatan|gata|vägen|väg|gränd|"
    r"street|road|avenue)\s+\d+|(?<!\d)\d{5}\s+[A-ZÄÖÅ][a-zäöå]+"
)
EMAIL = compile_guarded(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = compile_guarded(
    r"(?<![\d.,/])(?:\+\d{2,3}[ -]?(?:\(0\)[ -]?)?\d{1,3}|\(?0\d{1,3}\)?)"
    r"(?:[ -]?\d{2,4}){2,4}(?!\d|[.,]\d)"
)
# A lookahead, so that "Manager Niko Laaksonen" yields both "Manager Niko" and "Niko Laaksonen".
_NAME = r"[A-ZÄÖÅÉÜ][a-zäöåéüë'’]+(?:-[A-ZÄÖÅ][a-zäöåéü]+)?"
PERSON = compile_guarded(rf"(?<![\w-])(?=({_NAME})\s({_NAME})(?![\w-]))")
GENERIC_MAILBOX = frozenset(
    str.split(
        "rekry rekrytointi recruitment recruiting recruit careers career jobs job work hr info "
        "toimitus toimisto office contact hello apply talent people team sales myynti "
        "asiakaspalvelu support service rekrytering jobb ansokan ansökan kontakt hakemukset "
        "hakemus applications tyopaikat tyot admin noreply no-reply mail posti"
    )
)
CONTACT_WINDOW = 160
# Second words that make a capitalised pair an organisation, not a person.
NOT_PERSON_WORD = frozenset(
    str.split(
        "Oy Oyj Ab Abp AB Ltd Inc Group Team Tiimi HR Rekry Services Palvelut Center Centre "
        "Keskus Kommun Stad Kaupunki Kunta"
    )
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


# Employers named without a legal form: a brand before a hiring verb ("Skärgårdsbyte (Åbo)
# söker", "Nordlight Labs is looking"), in a headline "Designer @ Fjordbyte", "we at X", or a
# name built on a business noun ("Café Aalto", "Pisara Robotics", "Sparbanken X").
_BRAND = r"[A-ZÄÖÅ][\w&'’.-]*(?:[ -][A-ZÄÖÅ&][\w&'’.-]*){0,3}"
NOT_BRAND = frozenset(
    str.split(
        "This That It We You Our Your The A An He She They Pay Salary Work Job Role Team Apply "
        "Se Tämä Me Sinä Te Työ Palkka Haku Tehtävä Det Den Vi Du Ni Lön Jobbet Arbetet "
        "Tjänsten Looking Join Hi Hello Hei Moi Hej Interviews Applications Everyone Each "
        "Haastattelut Hakemukset Intervjuer Ansökningar Kysy Lisätietoja Contact Kontakt "
        "Questions Frågor Posted Hae Ansök Sök Send Skicka Lähetä Tarjoamme Odotamme Vi Hos "
        "Meillä Sinulla Olet Du You If Jos Om När When As Som In I At On Every Kaikki Alla"
    )
)
MONTH_OR_DAY = frozenset(
    str.split(
        "january february march april may june july august september october november december "
        "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun "
        "januari februari mars maj juni juli augusti måndag tisdag onsdag torsdag fredag"
    )
)
HIRING_VERB = compile_guarded(
    r"(?<![\w-])(?:etsii|hakee|palkkaa|rekrytoi|tarvitsee|on\s+(?:\w+\s+){0,3}(?:yritys|yhtiö|"
    r"ketju|toimisto|ravintola|kahvila|kauppa|liike|pankki|klinikka|studio|tiimi)|"
    r"is (?:hiring|looking|recruiting|seeking|growing)|are (?:hiring|looking|recruiting)|"
    r"seeks|needs|wants|hires|is an?\s+(?:\w+\s+){0,3}(?:company|firm|agency|studio|startup|"
    r"clinic|chain|bank|restaurant|café|shop|store|team)|söker|rekryterar|behöver|anställer|"
    r"är\s+(?:\w+\s+){0,3}(?:företag|bolag|byrå|kedja|restaurang|kafé|butik|bank|klinik|"
    r"studio|team))(?![\w-])"
)
# Anchored at the end of the text before a hiring verb: "Skärgårdsbyte (Åbo) söker".
NAME_BEFORE = compile_guarded(rf"(?<![\w-])(?P<name>{_BRAND})(?:\s*\([^)\n]{{0,40}}\))?,?\s+$")
AT_BRAND = compile_guarded(rf"(?:@\s*|(?<![\w-])(?:we at|me|vi på|vi vid)\s+)(?P<name>{_BRAND})")
BUSINESS_NAME = compile_guarded(
    r"(?i:café|cafe|kahvila|ravintola|restaurang|restaurant|pizzeria|hotel(?:li|l)?|baari|"
    r"apteekki|apotek|klinikka|clinic|sparbanken|andelsbanken|välfärdsområdet i|"
    r"hyvinvointialue|leipomo|bageri|bakery|kauppa|butik)(?:-\w+)?\s+[A-ZÄÖÅ][\w-]+"
    r"|(?<![\w-])[A-ZÄÖÅ][\w-]+\s+(?:Labs?|Robotics|Games|Software|Systems|Studios?|Group|"
    r"Bank|Andelsbank|Sparbank|Säästöpankki|Agency|Partners|Solutions|Technologies|Tech|Media|"
    r"Energy|Health|Logistics|Consulting|Design|Digital|Analytics|Ventures)(?![\w-])"
)


# A name that opens a paragraph or sentence as the subject of a present-tense verb: "Kelo
# builds …", "Hemskydd Väst Ab säljer …", "Keski-Suomen Talohuolto tekee …". The verb is read
# by its form (English -s, Swedish -r, Finnish third person in a long vowel), not from a list.
SUBJECT_NAME = compile_guarded(
    rf"(?:^|(?<=\n)|(?<=[.!?] ))\s*(?P<name>{_BRAND})\s+(?:(?:also|now|today|nyt|myös|också|"
    r"nu)\s+)?(?P<verb>[a-zäöå]{2,}(?:s|r)|is|has|är|har|on|myy|"
    r"[a-zäöå]+(?:aa|ää|ee|ii|oo|uu|yy|öö))\b"
)
# "Join Kelo as …", "Head of People at Brightfield", "Utvecklare till Fjällkod i Åbo".
JOIN_NAME = compile_guarded(
    r"(?<![\w-])(?:[Jj]oin|[Gg]å med i|[Ww]e(?:'re| are)|[Vv]i är|[Mm]e olemme)\s+"
    rf"(?P<name>{_BRAND})"
)
ROLE_AT_NAME = compile_guarded(
    rf"(?<=[\w)])\s+(?:at|hos|till|på|for)\s+(?P<name>{_BRAND})(?=\s*(?:[,.!(·|–—-]|\bi\b|\bin\b|$))",
    re.MULTILINE,
)


def _plausible_name(name: str, text: str, *, lowercase_seen: bool = True) -> bool:
    """A capitalised name that is not a common word, a place, a person or a month.

    ``lowercase_seen`` also rejects a one-word name that occurs in lower case elsewhere.
    """
    first = name.split()[0]
    if first in NOT_BRAND or first in first_names():
        return False
    # An English gerund opening a line or sentence ("Training webinars | 20 %") is no name.
    if " " not in name and first.endswith("ing") and first[:1].isupper():
        return False
    # A place alone is no employer; a place that starts a longer name may be ("Vantaa Care
    # Home Kotiranta").
    if places().fullmatch(first) and " " not in name:
        return False
    if first.lower() in MONTH_OR_DAY or CLIENT.match(name):
        return False
    # Finnish possessive suffixes: "Asiakkaamme on …", "Tiimimme etsii …" name no one.
    if first.lower().endswith(("mme", "nne")):
        return False
    # A sentence-initial common noun ("Interviews take …") also occurs in lower case.
    return not (
        lowercase_seen
        and " " not in name
        and re.search(rf"(?<!\w){re.escape(first.lower())}(?!\w)", text)
    )


def _positional_names(text: str) -> list[Span]:
    spans = []
    for m in SUBJECT_NAME.finditer(text):
        if _plausible_name(m.group("name"), text):
            spans.append(m.span("name"))
    title_end = text.find("\n") if "\n" in text else len(text)
    byline_start = text.rstrip().rfind("\n") + 1
    for pattern in (JOIN_NAME, ROLE_AT_NAME):
        for m in pattern.finditer(text):
            # "at X"/"till X" names the employer only in a headline or a byline (the last
            # line: "Tero Hämäläinen, Logistics Manager at Varastopiste").
            if pattern is ROLE_AT_NAME and title_end < m.start() < byline_start:
                continue
            if _plausible_name(m.group("name"), text):
                spans.append(m.span("name"))
    return spans


def _brand_spans(text: str) -> list[Span]:
    spans = [m.span() for m in BUSINESS_NAME.finditer(text)]
    spans += _positional_names(text)
    for verb in HIRING_VERB.finditer(text):
        start = max(0, verb.start() - 80)
        m = NAME_BEFORE.search(text, start, verb.start())
        if m and _plausible_name(m.group("name"), text, lowercase_seen=False):
            spans.append(m.span("name"))
    for m in AT_BRAND.finditer(text):
        if m.group("name").split()[0] not in NOT_BRAND:
            spans.append(m.span("name"))
    return spans


def organisation_spans(text: str) -> list[Span]:
    spans = [m.span() for m in LEGAL_FORM.finditer(text)]
    spans += [m.span() for m in PUBLIC_BODY.finditer(text)]
    spans += [m.span() for m in EMPLOYER_LABEL.finditer(text)]
    spans += _brand_spans(text)
    return sorted(spans)


def has_organisation(text: str) -> bool:
    """Whether any organisation is named; the cheap shapes are tried first."""
    return bool(
        LEGAL_FORM.search(text)
        or PUBLIC_BODY.search(text)
        or EMPLOYER_LABEL.search(text)
        or _brand_spans(text)
    )


# "Asiakkaamme tuntevat meidät" (our customers know us) is no agency's client: a mention
# counts when the rest of its sentence hires for the client or describes it as a business.
CLIENT_CONTEXT = compile_guarded(
    r"(?<![\w-])(?:\w*(?:yritys|yrityksen|yhtiö\w*|organisaatio\w*|liike|liikkeen|ketju\w*|"
    r"konserni\w*|tehdas|tehtaan|toimisto\w*|företag\w*|bolag\w*|kedja\w*|koncern\w*|"
    r"byrå\w*|fabrik\w*|company|companies|firm|organi[sz]ation|business|chain|group|startup|"
    r"scale-up|employer|työnantaja\w*|arbetsgivare)|"
    r"etsi\w*|hake\w*|haemme|rekrytoi\w*|palkkaa|tarvitse\w*|söker|rekryter\w*|behöver|"
    r"anställ\w*|hir\w*|look\w* for|recruit\w*|seek\w*|needs?|on behalf|räkning|puolesta)(?![\w-])",
    re.IGNORECASE,
)


# Forms that say "for the client" hire for it whatever the sentence: "asiakkaallemme",
# "för vår kunds räkning", "on behalf of our client".
FOR_CLIENT = compile_guarded(r"(?i:asiakkaalle|asiakasyritykselle|toimeksiantajalle|för|åt|on|for)")


def _client_sentence(text: str, m: re.Match[str]) -> bool:
    if FOR_CLIENT.match(m.group()):
        return True
    ends = [i for i in (text.find("\n", m.end()), text.find(". ", m.end())) if i >= 0]
    return bool(CLIENT_CONTEXT.search(text, m.end(), min(ends, default=len(text))))


def unnamed_client(text: str) -> Span | None:
    """The span of "our client" when an agency hires for a client it does not name."""
    mentions = [m for m in CLIENT.finditer(text) if _client_sentence(text, m)]
    if not mentions:
        return None
    orgs = organisation_spans(text)
    first = None
    for m in mentions:
        # A client named right after the mention ("asiakasyrityksemme X Oy:n") is named.
        if any(m.end() <= s <= m.end() + 60 for s, _ in orgs):
            return None
        first = first or m.span()
    if first is None or AGENCY_IS_EMPLOYER.search(text):
        return None
    return first


def _surname(text: str, m: re.Match[str], emails: list[str]) -> bool:
    """A place name that is a person's surname: "Hanna Salo", "Jenny Kallio, 040 …"."""
    before = re.search(r"([A-ZÄÖÅ][a-zäöå]+)\s+$", text[max(0, m.start() - 30) : m.start()])
    if not before:
        return False
    if before.group(1) in first_names() or any(_fold(m.group()) in e for e in emails):
        return True
    return bool(REACH_AFTER.match(text[m.end() : m.end() + 30]))


def _emails(text: str) -> list[re.Match[str]]:
    """Addresses, read only in the lines that hold an "@" (an address never spans lines, and
    the pattern would otherwise read every word to its end looking for one)."""
    found: list[re.Match[str]] = []
    at = text.find("@")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        found.extend(EMAIL.finditer(text, start, end))
        at = text.find("@", end)
    return found


def _place_named(text: str) -> bool:
    emails = [_fold(e.group().split("@", 1)[0]) for e in _emails(text)]
    for m in places().finditer(text):
        if _surname(text, m, emails):
            continue
        return True
    return False


# Remote work for some days of the week does not say where the rest of the week is spent.
PARTIAL_REMOTE = compile_guarded(
    r"(?<!\w)(?:hybrid\w*|\d+\s*(?:days?|päivä\w*|pv|dag\w*)|(?:one|two|three|four|a few|some|"
    r"yksi|yhden|kaksi|kolme|neljä|pari|muutam\w*|en|ett|två|tre|fyra|några)\s+(?:\w+\s+)?"
    r"(?:days?|päivä\w*|dag\w*|etä\w*)|etäpäiv\w*|etätyöpäiv\w*|distansdag\w*|remote days?|"
    r"osittain|osittaise\w*|partly|partially|delvis|ajoittain|sometimes|ibland|occasional\w*|"
    r"satunnai\w*)(?!\w)",
    re.IGNORECASE,
)


def _fully_remote(text: str) -> bool:
    for m in REMOTE.finditer(text):
        start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start())) + 1
        ends = [i for i in (text.find("\n", m.end()), text.find(". ", m.end())) if i >= 0]
        if not PARTIAL_REMOTE.search(text, start, min(ends, default=len(text))):
            return True
    return False


def has_place(text: str) -> bool:
    return bool(
        _place_named(text)
        or _fully_remote(text)
        or LOCATION_LABEL.search(text)
        or ADDRESS.search(text)
    )


# A name whose given name is not in the list is still a person when a role stands right
# before it ("kommunikationschef Jenny Grönroos", "recruiter Ada Ng") or a phone number or
# email right after it ("Jenny Grönroos, tfn 040 …").
ROLE_BEFORE = compile_guarded(
    r"(?:\b[a-zäöå][\w-]*(?:chef|ledare|ansvarig|päällikkö|johtaja|vastaava|esihenkilö|"
    r"koordinaattori|sihteeri|asiantuntija|rektor|rehtori|manager|lead|director|officer|"
    r"recruiter|coordinator|partner|specialist|consultant|konsult|konsultti|föreståndare|"
    r"mästare|mestari|yrittäjä|företagare|founder|owner|ägare|omistaja))\s*:?\s*$"
)
REACH_AFTER = compile_guarded(
    r"^\s*[,(–-]?\s*(?:(?:puh|p|tel|tfn|phone|mob|gsm|email|e-mail|sähköposti|e-post)\.?:?\s*)?"
    r"(?:\+\d|0\d|[\w.+-]+@)"
)


GIVEN_THEN_REACH = compile_guarded(
    rf"(?<![\w-])({_NAME})\s*[,:]?\s*(?:(?:puh|p|tel|tfn|phone|mob)\.?:?\s*)?(?=\+\d|0\d|[\w.+-]+@)"
)


def _is_person(first: str, last: str, emails: list[str]) -> bool:
    if first in first_names():
        return True
    folded = _fold(last)
    return any(folded in e for e in emails)


def _placed_as_person(text: str, m: re.Match[str]) -> bool:
    if ROLE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return True
    return bool(REACH_AFTER.match(text[m.end(2) : m.end(2) + 30]))


def personal_email(address: str) -> bool:
    local = _fold(address.split("@", 1)[0])
    parts = [p for p in re.split(r"[._-]", local) if p]
    return len(parts) >= 2 and all(p.isalpha() and p not in GENERIC_MAILBOX for p in parts)


def contact_person(text: str) -> bool:
    """A named person with a phone number or an email address near the name."""
    emails = _emails(text)
    if any(personal_email(m.group()) for m in emails):
        return True
    # A generic address ("jobb@…") reaches the person only in the same sentence: "Närmare
    # uppgifter ger Karin Wikström. Skicka ansökan till jobb@…" names nobody to write to.
    generic = [m.span() for m in emails]
    reach = generic + [m.span() for m in PHONE.finditer(text)]
    if not reach:
        return False
    folded = [_fold(m.group()) for m in emails]
    # A given name alone right before a number or address ("Hae: Minna 040 775 3321").
    for m in GIVEN_THEN_REACH.finditer(text):
        if m.group(1) in first_names():
            return True
    for m in PERSON.finditer(text):
        if (
            LEGAL_FORM.match(text, m.start())
            or BUSINESS_NAME.match(text, m.start())
            or m.group(2) in NOT_PERSON_WORD
        ):
            continue
        if not (_is_person(m.group(1), m.group(2), folded) or _placed_as_person(text, m)):
            continue
        end = m.end(2)
        for s, e in reach:
            if not -CONTACT_WINDOW < s - end < CONTACT_WINDOW:
                continue
            if (s, e) in generic and SENTENCE_BREAK.search(text, min(end, e), max(s, m.start())):
                continue
            return True
    return False


SENTENCE_BREAK = compile_guarded(r"[.!?](?:\s|$)")
