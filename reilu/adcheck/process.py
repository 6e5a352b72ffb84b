"""What an ad says about the work and the hiring process: deadline, timeline, duties, roles."""

from __future__ import annotations

import re

from .ad import Ad, Span


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?=\w)(?:{pattern})", re.IGNORECASE)


DEADLINE_STRONG = _ci(
    r"hakuaika\w*|haku päättyy|viimeinen hakupäivä|hakemukset\s+(?:\w+\s+){0,3}mennessä|"
    r"deadline|closing date|applications? close|apply (?:by|before|no later)|"
    r"sista ansökningsdag\w*|ansökningstiden|sök senast|ansökan senast"
)
DEADLINE_KEY = {
    "fi": _ci(r"hakemu\w*|hae\b|haku\b|hakea|hakuun|lähetä|cv(?:\b|:)|ansioluettelo\w*"),
    "en": _ci(r"apply\b|applications?\b|send\b|submit\w*|cv\b|résumé|resume\b"),
    "sv": _ci(r"ansök\w*|sök\b|skicka|cv\b|meritförteckning"),
}
NOT_DEADLINE = _ci(
    r"alka\w*|alkaen|aloit\w*|päätty\w* työsuhde|määräaikai\w*|sijaisuu\w*|asti\b|"
    r"start\w*|begin\w*|until\b|fixed-term|contract|börja\w*|inleds|tillträd\w*|visstid\w*|"
    r"vikariat\w*|haastattel\w*|interview\w*|intervju\w*|päätö\w*|valinn\w*|decision\w*|"
    r"beslut\w*|besked"
)
TIMELINE_EVENT = _ci(
    r"haastattel\w*|valinn\w*|valinta\w*|valitaan|päätö\w*|päätetään|ensimmäiset tapaamiset|"
    r"interview\w*|decision\w*|decide\w*|shortlist\w*|trial shifts?|assessment\w*|"
    r"intervju\w*|beslut\w*|urval\w*|provdag\w*"
)
INFORM = {
    "fi": _ci(
        r"ilmoit\w*|vastaamme|vastataan|vastauksen|soitamme|soitetaan|otamme yhteyttä|"
        r"olemme yhteydessä|kerromme|tiedotamme|saa(?:t|vat)? tiedon|kuulet meistä"
    ),
    "en": _ci(
        r"hear (?:from us|back)|receive (?:an? )?(?:answer|reply|response|decision)|"
        r"(?:we|we'll|will be|are|is)\s+(?:\w+\s+){0,3}(?:inform\w*|notif\w*|repl\w*|answer\w*|"
        r"get(?:ting)? back|respond\w*|contact\w*|in touch|call\w*)"
    ),
    "sv": _ci(
        r"meddela\w*|besked|återkomm\w*|höra av oss|"
        r"vi\s+(?:\w+\s+){0,3}(?:svara\w*|kontakta\w*|ringa\w*|ringer)"
    ),
}
APPLICANTS = {
    "fi": _ci(r"hakij\w*|kaikille|jokaiselle|jokaiseen|kaikkiin"),
    "en": _ci(r"applicants?|everyone|every (?:candidate|one)|all candidates|each candidate|you\b"),
    "sv": _ci(r"sökande|alla|var och en|dig\b"),
}
DUTY_HEADING = _ci(
    r"(?:työ)?tehtäv\w*|työnkuva\w*|toimenkuva\w*|mitä teet|mitä työ sisältää|työsi sisältää|"
    r"työhösi kuuluu|tehtäviisi kuuluu|työtehtäviisi kuuluu|vastuualue\w*|tehtävässäsi|"
    r"työssäsi|tässä tehtävässä|"
    r"(?:your |key |main |the |daily )*(?:tasks|duties|responsibilities|role|week|day|job)\b|"
    r"what you(?:'ll| will)(?: \w+)? do|what (?:the job|the role|you) (?:involves|includes)|"
    r"about the (?:role|job)|in this role|job description|day[- ]to[- ]day|a typical (?:day|week)|"
    r"(?:dina |huvudsakliga )?(?:arbets)?uppgifter|arbetsbeskrivning|om tjänsten|om rollen|"
    r"i rollen|tjänstens innehåll|vad du (?:kommer att )?gör\w*|ansvarsområden|"
    r"som \w+ (?:hos oss|kommer du|på \w+)|i arbetet ingår|rollen"
)
DUTY_PROSE = _ci(
    r"vastaat\b|tehtäviisi kuuluu|työhösi kuuluu|tehtävänäsi on|pääasiallisena tehtävänäsi|"
    r"työtehtäviisi kuulu\w*|työ sisältää|"
    r"you(?:'ll| will) be (?:in charge of|responsible for)|you are responsible for|"
    r"your (?:main |key |daily )?(?:tasks|duties|responsibilities) (?:include|are|will be)|"
    r"you(?:'ll| will) spend|the (?:job|role|work) (?:involves|includes|consists)|"
    r"you(?:'ll| will) (?:visit|handle|manage|run|build|develop|design|teach|plan|serve|"
    r"prepare|maintain|coordinate|sell|install|repair|care for|drive|deliver)\b|"
    r"du ansvarar för|du kommer att ansvara|i tjänsten ingår|i arbetet ingår|"
    r"dina arbetsuppgifter (?:är|består)|arbetet består av|"
    r"du kommer (?:främst |huvudsakligen )?att (?:arbeta med|sälja|besöka|ansvara|undervisa|"
    r"leda|planera|utveckla|sköta)"
)
BULLET = re.compile(r"^\s*(?:[-–—*•·]|\d+[.)])\s+")
LEADER_TITLE = _ci(
    r"tiiminvetäj\w*|tiiminjohtaj\w*|tiimiesihenkilö\w*|\w*päällik\w*|\w*esihenkilö\w*|"
    r"\w*esimie\w*|\w*johtaja\w*|aluevastaava\w*|"
    r"(?:\w+ )?(?:leader|manager|supervisor|director|head of|chief)\b|team lead\b|"
    r"teamledare|gruppledare|arbetsledare|försäljningsledare|\w*chef\b|\w*ledare\b"
)
DOOR_TO_DOOR = _ci(
    r"ovelta ovelle|ovelta-ovelle|ovimyyn\w*|door[- ]to[- ]door|on (?:their|the) doorstep|"
    r"(?:från )?dörr till dörr|dörrförsälj\w*|hemförsälj\w*|telemarket\w*|puhelinmyyn\w*|"
    r"street sales|katumyyn\w*|face-to-face sales|kotimyyn\w*"
)
PERCENT = re.compile(r"(?<![\d,.])(\d{1,3})\s?%")
LEADING = _ci(
    r"johd\w*|johta\w*|valmenn\w*|esihenk\w*|vetämi\w*|perehdy\w*|lead\w*|manag\w*|"
    r"supervis\w*|coach\w*|onboard\w*|ledarskap\w*|leda|leder|coacha\w*|introducera\w*"
)
FIELD = _ci(
    r"kenttä\w*|in the field|field\b|myynti\w*|myyt\w*|asiakaskäyn\w*|visit\w*|sales\b|sell\w*|"
    r"försälj\w*|sälj\w*|kundbesök\w*|fältet"
)
FEW_HOURS = _ci(
    r"(?:pari|muutama|muutaman|yksi|kaksi|kolme|\d)\s+tunti\w*|"
    r"(?:a )?(?:couple of|few|one|two|three|\d) hours?|(?:ett par|några|en|två|tre|\d) timm\w*"
)


def deadline_span(ad: Ad) -> Span | None:
    text = ad.text
    for d in ad.dates:
        if d.kind != "date":
            continue
        start, end = ad.sentence_at(d.start)
        sentence = text[start:end]
        if DEADLINE_STRONG.search(sentence):
            return d.start, d.end
        before = text[max(start, d.start - 80) : d.start]
        if DEADLINE_KEY[ad.lang].search(sentence) and not NOT_DEADLINE.search(before):
            return d.start, d.end
    return None


def has_timeline(ad: Ad) -> bool:
    text = ad.text
    timed = {ad.sentence_at(d.start) for d in ad.dates}
    if any(TIMELINE_EVENT.search(text[s:e]) for s, e in timed):
        return True
    inform, applicants = INFORM[ad.lang], APPLICANTS[ad.lang]
    for s, e in ad.sentences:
        m = inform.search(text, s, e)
        if m and applicants.search(text, s, e):
            return True
    return False


def has_duties(ad: Ad) -> bool:
    text = ad.text
    lines = ad.lines
    for i, span in enumerate(lines):
        line = text[span[0] : span[1]].strip()
        if not (ad.is_heading(span) and DUTY_HEADING.match(line)):
            continue
        body = lines[i + 1 : i + 6]
        bullets = [s for s in body if BULLET.match(text[s[0] : s[1]])]
        if len(bullets) >= 2 or (body and len(text[body[0][0] : body[0][1]]) >= 80):
            return True
    return bool(DUTY_PROSE.search(text))


def leadership_title(title: str) -> bool:
    return bool(LEADER_TITLE.search(title))


def work_shares(ad: Ad) -> tuple[int | None, int | None]:
    """(leadership %, field-sales %) stated in the text, when stated."""
    lead = field = None
    for m in PERCENT.finditer(ad.text):
        s, e = ad.sentence_at(m.start())
        sentence = ad.text[s:e]
        share = int(m.group(1))
        if LEADING.search(sentence):
            lead = max(lead or 0, share)
        elif FIELD.search(sentence):
            field = max(field or 0, share)
    return lead, field


def few_leadership_hours(ad: Ad) -> bool:
    for m in FEW_HOURS.finditer(ad.text):
        s, e = ad.sentence_at(m.start())
        if LEADING.search(ad.text, s, e):
            return True
    return False
