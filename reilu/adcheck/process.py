"""What an ad says about the work and the hiring process: deadline, timeline, duties, roles."""

from __future__ import annotations

import re

from . import verbs
from .ad import Ad, Span
from .firstchars import compile_guarded


def _ci(pattern: str) -> re.Pattern[str]:
    return compile_guarded(rf"(?<![\w-])(?=\w)(?:{pattern})", re.IGNORECASE)


# An activity noun that names a role ("installation manager", "försäljningschef") is a title.
NOT_ROLE = (
    r"\s*(?:manager|director|lead|supervisor|coordinator|specialist|team|engineer|technician|"
    r"chef|ledare|ansvarig|samordnare|päällikkö|johtaja|esihenkilö|vastaava|koordinaattori|"
    r"asiantuntija|tiimi)"
)
# The start of a line, also after indentation or Markdown emphasis ("  Kassatyö …", "**Cleaning").
LS = r"(?:(?<=\n)|(?<=\n )|(?<=\n  )|(?<=\n   )|(?<=\n    )|(?<=\*\*)|(?<=__)|^)"
# Decoration around a heading: Markdown marks, quotes, emoji, a closing colon.
DECORATION = compile_guarded(r"^[\s#*_>=~`|]*(?:[^\w\s\d(\-–—•·]+\s*)?|[\s#*_=~`|:]+$")


def _content_start(text: str, start: int, end: int) -> int:
    """Where a line's words begin, after indentation and Markdown marks."""
    line = text[start:end]
    return start + len(line) - len(line.lstrip(" \t*_#>"))


def undecorated(line: str) -> str:
    """A heading line without Markdown marks or a leading emoji: "### **Tehtävät** 🛠" ."""
    return DECORATION.sub("", line)


DEADLINE_STRONG = _ci(
    r"hakuaika\w*|haku päättyy|viimeinen hakupäivä|hakemukset\s+(?:\w+\s+){0,3}mennessä|"
    r"deadline|closing date|(?:applications?|proposals?|submissions?) close\w*|"
    r"apply (?:by|before|no later)|"
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
    r"\w*haastattel\w*|\w*intervju\w*|\w*interview\w*|valinn\w*|valinta\w*|valitaan|"
    r"päätö\w*|päätetään|ensimmäiset tapaamiset|"
    r"interview\w*|decision\w*|decide\w*|shortlist\w*|trial shifts?|assessment\w*|"
    r"(?:intro|video|phone|first|short) calls?|calls? with|(?:job )?offers? by|an offer|"
    r"meet the team|on-site day|puhelu\w*|videopuhelu\w*|tapaami\w*|koeleipo\w*|koepäiv\w*|"
    r"samtal\w*|träff\w*|"
    # A call-back promise with a time: "Soitamme takaisin kahden päivän sisällä".
    r"soitamme|soitetaan|otamme (?:sinuun )?yhteyttä|call (?:you |everyone |all \w+ )?back|"
    r"ringer (?:upp|tillbaka|vi)|ringer alla|"
    r"intervju\w*|beslut\w*|urval\w*|provdag\w*|"
    # A reply with a time is a timeline too: "Expect a reply within 10 days".
    r"repl(?:y|ies)|answers?|responses?|hear (?:back|from us)|vastau\w*|vastaamme|kuulet|"
    r"svar(?:ar|et)?|besked|återkomm\w*|"
    # How long the process takes: "Koko valintaprosessi kestää noin kaksi viikkoa".
    r"(?:recruitment|hiring|selection|application|interview)\s+process|(?:the whole|the|our) "
    r"process|rekryteringsprocess\w*|urvalsprocess\w*|processen|valintaprosess\w*|"
    r"rekrytointiprosess\w*|hakuprosess\w*|prosessi|"
    r"pick\w*|choos\w*|select\w*|valits\w*|valitsem\w*|väljer|välja"
)
INFORM = {
    "fi": _ci(
        r"ilmoit\w*|vastaamme|vastataan|vastauksen|vastaus\w*|soitamme|soitetaan|otamme yhteyttä|"
        r"olemme yhteydessä|kerromme|tiedotamme|saa(?:t|vat)? tiedon|kuulet meistä|"
        r"palaamme asiaan|olemme sinuun yhteydessä|otamme sinuun yhteyttä|kutsu(?:mme|taan)"
    ),
    "en": _ci(
        r"hears? (?:from us|back)|(?:answer|reply|response) to (?:all|every)|"
        r"(?:receives?|gets?) (?:an? )?(?:answer|reply|response|decision)|"
        r"(?:we|we'll|will be|are|is)\s+(?:\w+\s+){0,3}(?:inform\w*|notif\w*|repl\w*|answer\w*|"
        r"get(?:ting)? back|respond\w*|contact\w*|in touch|call\w*)|"
        r"let (?:you|everyone|all applicants|every applicant|all candidates) know"
    ),
    "sv": _ci(
        r"meddela\w*|besked|återkomm\w*|höra av oss|får (?:ett )?svar|svar till|"
        r"vi\s+(?:\w+\s+){0,3}(?:svara\w*|kontakta\w*|ringa\w*|ringer|tar kontakt|hör av oss)|"
        r"hör vi av oss|tar vi kontakt"
    ),
}
APPLICANTS = {
    "fi": _ci(
        r"hakij\w*|kaikille|jokaiselle|jokaiseen|kaikkiin|kuulet|saat|sinulle|sinuun|valitu\w*|"
        r"valitt\w*|ehdokk\w*"
    ),
    "en": _ci(r"applicants?|everyone|every (?:candidate|one)|candidates?|you\b"),
    "sv": _ci(r"sökande|alla|var och en|dig\b|du\b"),
}
# Words that name the applicants in any language (not "you": customers are addressed too).
APPLICANTS_ANY = _ci(
    r"hakij\w*|ehdokk\w*|haastattel\w*|applicants?|candidates?|interview\w*|sökande|"
    r"kandidat\w*|intervju\w*|ansök\w*|hakemu\w*|applications?"
)
DUTY_HEADING = _ci(
    r"(?:työ)?tehtäv\w*|työnkuva\w*|toimenkuva\w*|mitä teet|mitä työ sisältää|työsi sisältää|"
    r"työhösi kuuluu|tehtäviisi kuuluu|työtehtäviisi kuuluu|vastuualue\w*|tehtävässäsi|"
    r"työssäsi|tässä tehtävässä|"
    r"(?:your |key |main |the |daily )*(?:tasks|duties|responsibilities|role|week|day|job)\b|"
    r"what you(?:'ll| will)(?: \w+)? do|what (?:the job|the role|you) (?:involves|includes)|"
    r"about the (?:role|job)|in this role|job description|day[- ]to[- ]day|a typical (?:day|week)|"
    r"(?:dina |huvudsakliga )?(?:arbets)?uppgifter|arbetsbeskrivning|om tjänsten|om rollen|"
    r"i rollen|tjänstens innehåll|vad du (?:kommer att )?gör\w*|ansvarsområden|"
    r"som \w+ (?:hos oss|kommer du|på \w+)|i arbetet ingår|rollen|"
    r"(?:your |the |our )?mission|ditt uppdrag|missiosi|tehtäväsi"
)
DUTY_PROSE = _ci(
    r"vastaat\b|tehtäviisi kuuluu|työhösi kuuluu|tehtävänäsi on|pääasiallisena tehtävänäsi|"
    # A headline that sums the work up: "Help our team close the books – that's the job."
    r"(?:that's|that is) (?:the|your) (?:job|role|work)\s*[.!]|"
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
# Any short run of symbols opens a list item: "-", "•", "▪", "→", "📌", "✔️" …, not a currency,
# a bracket or a quote.
SYMBOL_BULLET = r"[^\w\s€$£(\"'“”«]{1,3}"
# Items are marked by symbols, numbers or letters: "- …", "2. …", "a) …".
BULLET = compile_guarded(rf"^\s*(?:{SYMBOL_BULLET}|\d+[.)]|[a-h]\))\s+")
LEADER_TITLE = _ci(
    r"tiiminvetäj\w*|tiiminjohtaj\w*|tiimiesihenkilö\w*|\w*päällik\w*|\w*esihenkilö\w*|"
    r"\w*esimie\w*|\w*johtaja\w*|aluevastaava\w*|"
    r"(?:\w+ )?(?:leader|manager|supervisor|director|head of|chief)\b|team lead\b|"
    r"teamledare|gruppledare|arbetsledare|försäljningsledare|\w*chef\b|\w*ledare\b|"
    r"(?:område|region|distrikt)s?ansvarig\w*"
)
DOOR_TO_DOOR = _ci(
    r"ovelta ovelle|ovelta-ovelle|ovimyyn\w*|door[- ]to[- ]door|on (?:their|the) doorstep|"
    r"(?:från )?dörr till dörr|dörrförsälj\w*|hemförsälj\w*|telemarket\w*|puhelinmyyn\w*|"
    r"street sales|katumyyn\w*|face-to-face sales|kotimyyn\w*|"
    r"street (?:fundraising|marketing)|on the streets?\b|face-to-face fundraising|f2f\b|"
    r"telefonförsälj\w*|phone sales|telesales|telefonsälj\w*|"
    r"knock\w* on doors|door-knocking|knacka\w* (?:på )?dörr\w*|ständimyyn\w*|"
    r"kauppakeskusmyyn\w*|gallerieförsälj\w*|"
    r"monter\w* i köpcentr\w*|mall stands?|katuvarainhankin\w*|gatuvärv\w*"
)
PERCENT = compile_guarded(r"(?<![\d,.])(\d{1,3})\s?%")
LEADING = _ci(
    r"johd\w*|johta\w*|valmenn\w*|esihenk\w*|vetämi\w*|perehdy\w*|lead\w*|manag\w*|"
    r"supervis\w*|coach\w*|onboard\w*|ledarskap\w*|leda|leder|coacha\w*|introducera\w*|"
    r"ledning\w*|förman\w*|esimiestyö\w*"
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


# A promise to the employer's customers ("jokainen asiakas saa vastauksen samana päivänä")
# is about its service, not the hiring. Only customers in general: an agency's "client"
# ("asiakkaamme päättää viikolla 12") is the employer, and its decision is the hiring's.
CUSTOMERS = _ci(
    r"(?:jokai\w+|kaikki\w*)\s+asiak\w*|(?:every|all|our)\s+customers?|"
    r"(?:varje|alla|våra)\s+kund\w*|(?:every|each)\s+patient|(?:jokai\w+|kaikki\w*)\s+potila\w*"
)


def _hiring_event(text: str, s: int, e: int) -> bool:
    sentence = text[s:e]
    return bool(TIMELINE_EVENT.search(sentence)) and not (
        CUSTOMERS.search(sentence) and not APPLICANTS_ANY.search(sentence)
    )


def has_timeline(ad: Ad) -> bool:
    text = ad.text
    timed = {ad.sentence_at(d.start) for d in ad.dates}
    if any(_hiring_event(text, s, e) for s, e in timed):
        return True
    timed = {ad.sentence_at(start) for start, _ in ad.relative_dates} - timed
    if any(_hiring_event(text, s, e) for s, e in timed):
        return True
    inform, applicants = INFORM[ad.lang], APPLICANTS[ad.lang]
    for s, e in ad.sentences:
        m = inform.search(text, s, e)
        if m and applicants.search(text, s, e):
            return True
    return False


# Duties are written in many shapes: under a heading, as a labelled line ("Tasks: ..."),
# as bullets or arrows, as a weekday schedule, or as prose that tells the reader what they
# will do ("Vastaat ...", "Du säljer ...", "You'll build ..."). Any one of them is enough.
DUTY_LABEL = _ci(
    r"(?:your |main |key |daily )?(?:tasks|duties|work|job|the job|the work|the role|"
    r"responsibilities|role|your week|your day|your (?:typical |working )?(?:shifts?|days|weeks)|"
    r"a typical (?:day|shift|week))\s*[:–-]|(?:(?:työ)?vuorosi|dina (?:pass|skift))\s*[:–-]|"
    r"(?:työ|työsi|tehtävät|tehtäväsi|työtehtävät|työnkuva|toimenkuva)\s*[:–-]|"
    r"(?:arbetet|uppgifter|dina uppgifter|arbetsuppgifter|arbetsbeskrivning|uppdraget)\s*[:–-]|"
    r"(?:jobbet|arbetet|tjänsten|rollen) i korthet\s*[:–-]|"
    r"(?:the )?(?:job|role|work) in (?:short|brief|a nutshell)\s*[:–-]|"
    r"what you(?:'ll| will|'d| would) do\s*:|tehtävä\s*:|role\s*:|"
    r"(?:the )?scope(?: of (?:the )?(?:role|job|work))?\s*:|(?:key )?accountabilities\s*:"
)
# What follows a label when it gives the terms, not the work: "The role: 60 % part-time".
TERMS_REST = compile_guarded(
    r"\s*(?:\d|part-time|full-time|permanent|fixed-term|temporary|osa-aikai|kokoaikai|"
    r"vakituinen|määräaikai|toistaiseksi|heltid|deltid|tills vidare|visstid|fast anställning)",
    re.IGNORECASE,
)
NOT_DUTY_INTRO = _ci(
    r".*(?:looking for|someone who|who you are|we (?:hope|expect|offer)|offers?\b|require|"
    r"qualifications|you have|you are|benefits|perks|tarjoamme|odotamme|edellytämme|toivomme|"
    r"olet\b|sinulla on|edut|meillä saat|vi erbjuder|vi önskar|krav|du har|du är|vi söker|"
    r"hos oss får du|vi förutsätter|vad vi|hoppas|hope|toivo|önska|wish|expect|"
    # "Etsimme sinua, jolla on", "Vi söker dig som har", "someone who has": requirements.
    r"jolla on|jolta löytyy|etsimme sinua|haemme sinua|som har|who has|who have|"
    r"why (?:join|work|us)|in it for you|varför (?:oss|jobba|söka)|miksi (?:meille|meillä|me))"
)
LIST_ITEM = compile_guarded(
    rf"^\s*(?:[-–—*•·→➡▶►✅✔☑👉🔹🔸]|{SYMBOL_BULLET}(?=\s)|\d+[.)]|[a-h]\)\s)\s*\S"
)
# A line that opens with a weekday (full or abbreviated) and a separator: "Ti – lounas",
# "Måndag: beställningar", "Mon: plan shoots". The separator is part of the pattern so that
# an abbreviation ("mån") cannot cut a full name ("Måndag") short.
WEEKDAY = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*|ma|ti|ke|to|pe|la|su|maanantai\w*|tiistai\w*|"
    r"keskiviikko\w*|torstai\w*|perjantai\w*|lauantai\w*|sunnuntai\w*|"
    r"(?:mån|tis|ons|tors|fre|lör|sön)(?:dag\w*)?)\.?"
)
# A range of days may lead ("Tuesday to Thursday — …", "Ti–to: …"), and an em dash separates.
WEEKDAY_LINE = _ci(rf"{WEEKDAY}(?:\s*(?:to|till|until|[–-])\s*{WEEKDAY})?\s*[–—:-]\s*\w")
LIST_INTRO = _ci(
    r"you(?:'d| would)(?: be)?|you(?:'ll| will)(?: be)?|what you(?:'d| would| will|'ll) do|"
    r"teet|työssäsi|pääset|du kommer att|du får|hos oss"
)
# A line that names the job, the work or the reader's day ("Så här ser jobbet ut:", "Työsi
# koostuu kolmesta osasta:", "A typical week:") introduces duties unless it introduces
# requirements or benefits (NOT_DUTY_INTRO).
WORK_NOUN = _ci(
    r"jobs?\b|jobbet|work\b|role\b|rollen|arbetet|uppdraget|vardag\w*|dag(?:en|ar)?\b|"
    r"days?\b|weeks?\b|vecka\b|veckan|työ\w*|tehtäv\w*|päiv\w*|viiko\w*|viikko\w*|arki\w*|"
    r"roolis\w*|"
    # The hire's projects or sites: "Projektisi vuonna 2027:", "Dina projekt:", "Projects
    # waiting for you:".
    r"projekt\w*|projects?\b|kohtee\w*|kohteesi|hankke\w*|uppdrag\w*|assignments?\b"
)
FI_TASK = (
    r"vastaat|teet|hoidat|toimit|myyt|ajat|käännät|opetat|johdat|suunnittelet|kirjoitat|tapaat|soitat|"
    r"palvelet|rakennat|kehität|testaat|ohjaat|autat|huolehdit|kuvaat|editoit|koodaat|asennat|"
    r"korjaat|siivoat|valmistat|laadit|koordinoit|esittelet|tarkastat|neuvot|haastattelet|"
    r"keräät|pakkaat|kuormaat|kartoitat|seuraat|raportoit|analysoit|ylläpidät|toteutat|"
    r"järjestät|perehdytät|valvot|tuotat|markkinoit|huollat|käsittelet|lasket|kirjaat|ratkaiset|"
    r"koulutat|leivot|paistat|tarjoilet|otat vastaan|kierrät|päivystät|työskentelet|hallinnoit|"
    r"luot|osallistut|tuet|avustat|etsit|solmit|valmistelet|hankit|vastaanotat|hoivaat|"
    r"mittaat|tutkit|selvität|päivität|ylläpidät|dokumentoit|ohjelmoit|suunnittelet|"
    r"tapaat|jaat|toimitat|lastaat|puret|kokoat|maalaat|rakennat|hitsaat|sorvaat|mittaat"
)
SV_TASK = (
    r"ansvarar|säljer|besöker|svarar|sköter|leder|planerar|undervisar|översätter|tar emot|"
    r"räknar|serverar|checkar|går runt|driver|träffar|filmar|redigerar|fotograferar|rapporterar|"
    r"bygger|utvecklar|testar|granskar|hjälper|tar hand om|arbetar|jobbar|samordnar|koordinerar|"
    r"hanterar|utför|levererar|kör|städar|lagar|bakar|plockar|packar|lastar|installerar|"
    r"reparerar|designar|skriver|kartlägger|presenterar|handlägger|utreder|gör|deltar|stöder|"
    r"vårdar|behandlar|kontaktar|ringer|bokar|ordnar|håller|tar fram|skapar|analyserar|"
    r"underhåller|uppdaterar|programmerar|kodar|felsöker|administrerar|vägleder|instruerar|"
    r"introducerar|förbereder|genomför|följer upp|dokumenterar|mäter|monterar|svetsar"
)
EN_TASK = (
    r"build|develop|design|teach|plan|serve|prepare|maintain|coordinate|sell|install|repair|"
    r"care for|drive|deliver|answer|handle|manage|run|write|edit|test|support|help|lead|"
    r"coach|visit|meet|call|present|negotiate|analy[sz]e|report|organi[sz]e|own|work on|"
    r"take care of|look after|clean|cook|load|pick|pack|operate|process|update|"
    r"onboard|train|recruit|review|shoot|photograph|translate|code|program|monitor|"
    r"document|measure|assemble|weld|paint|treat|assess|advise|guide|book|schedule|"
    r"prospect|pitch|present|close|respond|resolve|investigate|create|produce|publish|"
    r"set up|configure|deploy|pair|collect|count|stock|fill|spend (?:most|your|about|\d)|"
    r"work (?:at|in|on|as|shifts|the|with (?:customers|patients|children|clients))|"
    r"go (?:from )?door to door|go (?:around|from house)|"
    r"keep (?:the )?(?:books|accounts|records|track)"
)
SECOND_PERSON_TASK = {
    "fi": _ci(
        rf"(?:{FI_TASK})\b|tehtävänäsi on|tehtäviisi kuulu\w*|työhön kuulu\w*|"
        r"työ sisältää|työhösi kuulu\w*|"
        r"työ on (?!(?:\w*vuoro|osa-?aika|kokoaika|kausi|keikka|ilta|yö|viikonloppu|etä|lähi|"
        r"vakitui|toistaiseksi|määräaikai|"
        # What the work is like, not what it is: "Työ on vaihtelevaa ja meno reipasta".
        r"vaihtelev|monipuoli|mielenkiintoi|haastav|palkitsev|itsenäi|vastuullis|mukav|hausk|"
        r"kiinnostav|mielekä|antoisa|vauhdik|reipas|tärke|merkityksellis|innostav|luova|"
        r"sosiaalis|fyysis|rauhallis|kiireis)\w*\b)\S+(?:-\S+)? ?\w*(?:a|ä|ta|tä)\b|"
        # The role as an infinitive: "Rooli on ownata arkkitehtuuri", "Tehtäväsi on kehittää".
        r"(?:rooli|tehtävä|pesti)(?:si|nsa)?\s+on\s+[a-zäöå]+(?:a|ä)\s+[a-zäöå]|"
        r"työsi on|työ käsittää|työtä tehdään|"
        r"(?:työ|tehtävä|rooli|pesti|homma)\w*\s+(?:on\s+\S+\s+ja\s+)?"
        r"(?:painottuu|keskittyy|koostuu|käsittää)|"
        r"(?:arke|päivä|viikko|työpäivä|työviikko|työ|tehtävä|rooli)si\s+(?:koostuu|sisältää|"
        r"muodostuu|pitää sisällään|täyttyy)|"
        r"pääse[te]\s+(?:(?:meillä|myös|heti|itse|täällä|tässä työssä|työssä)\s+)?"
        r"(?!(?:teke|työskentele|kehitty|oppi|etene|kasva|vaikutta|nautti|kouluttautu)m)"
        r"\w+m(?:aan|ään)|"
        # "Työ on pääosin asiakkaiden neuvomista": the work named by an action noun.
        r"(?:työ|työsi|tehtävä|tehtäväsi|tehtävät|työnkuva|rooli)\s+(?:on|ovat)\s+"
        r"(?:\w+\s+){0,3}\w+m(?:ista|istä)\b|"
        r"(?:tehtäv|työnkuv|toimenkuv|työhö|työtehtäv|rooliin|pestii|vastuualu|vastuullesi|"
        r"vastuisiisi)\w*\s+"
        r"(?:kuulu\w*|sisälty\w*|on|ovat)\b|"
        rf"(?:(?<=[.:!,] )|{LS})(?:\w+(?:en|ten|jen)\s+)?\w*(?:palvelu|myynti|siivous|"
        r"keräily|pakkaus|kuljetus|paisto|tarjoilu|kassatyö|hyllytys|asennus|huolto|hoito|opetus|"
        r"suunnittelu|kehitys|ohjelmointi|testaus|raportointi|laskenta|kirjanpito|neuvonta|"
        r"koordinointi|johtaminen|ylläpito|valmistus|leipominen|ruoanlaitto|lastaus|"
        r"vastaanotto|jakelu)(?:a|ä|ta|tä)?\b(?!\s+(?-i:[A-ZÄÖÅ]))"
    ),
    "sv": _ci(
        r"du\s+(?:kommer (?:att\s+)?|ska\s+)?(?:också\s+|främst\s+|även\s+)?"
        # "Du skriver god svenska" is a skill ("Du undervisar svenska" a task).
        r"(?!skriver\s+(?:(?:mycket\s+)?(?:god|bra|flytande|utmärkt|felfri|korrekt)\s+)?"
        rf"(?:svenska|finska|engelska)\b)(?:{SV_TASK})\b|"
        r"(?:arbetet|jobbet|tjänsten|uppdraget|rollen)\s+(?:består|omfattar|innefattar|"
        r"inkluderar|innebär|"
        r"(?:är|sker)(?!\s+(?:i\s+|på\s+)?(?:\w*skift\w*|\w*tid\b|heltid|deltid|tills vidare|"
        r"visstid\w*|periodarbete|ett vikariat|distans))|handlar|går ut på|fokuserar)|"
        r"i (?:arbetet|jobbet|tjänsten|uppdraget|rollen) ingår|"
        # As Finnish "Väitöskirjatyö perustuu …": "Avhandlingsarbetet bygger på fältförsök".
        r"(?:\w*arbetet|projektet|avhandlingen)\s+(?:bygger på|baseras på|undersöker)|"
        r"dina (?:arbets)?uppgifter|(?:arbets)?uppgifterna\s+(?:omfattar|består|innefattar|är|"
        r"inkluderar|innebär)|"
        r"(?:din|ditt) (?:vardag|dag|vecka|arbetsdag|arbetsvecka|jobb|arbete|roll|uppdrag)\s+"
        r"(?:består|innehåller|handlar|fylls)|"
        rf"(?:{SV_TASK}|står|går|sitter)\s+du\b|(?:är|blir)\s+(?:arbetet|jobbet)\b|"
        r"kommer du (?:främst |huvudsakligen |också )?(?:att )?\w+|"
        r"(?:ditt|ditt huvudsakliga) (?:jobb|arbete|uppdrag|ansvar|ansvarsområde) (?:är|blir) att|"
        r"dina (?:arbets)?(?:dagar|veckor)\s+(?:består|innehåller|handlar|fylls|går ut på)|"
        r"din (?:uppgift|roll) (?:är|blir) att|uppgiften är att|"
        r"(?:ditt|ditt främsta|ditt viktigaste) mål (?:är|blir) att|"
        r"(?:vardagen|arbetsdagen|arbetsdagarna|dagarna|arbetsveckan|veckan)\s+(?:består|"
        r"innehåller|handlar|fylls|går ut på|präglas)|"
        rf"(?:(?<=[.:!,] )|{LS})(?:\w+\s+)?(?:plockning|packning|städning|försäljning|"
        r"kundservice|kundtjänst|montering|lastning|lossning|servering|matlagning|bakning|"
        r"leverans\w*|utkörning|kassaarbete|lagerarbete|underhåll|reparation\w*|"
        r"installation\w*|undervisning|vård|omsorg|rådgivning|bokföring|löneräkning|"
        rf"programmering|testning|planering|projektledning)\b(?!\s+(?-i:[A-ZÅÄÖ])|{NOT_ROLE})"
    ),
    "en": _ci(
        rf"you(?:'ll| will| would|'d)?\s+(?:also\s+|mainly\s+|mostly\s+|then\s+)?"
        rf"(?:be\s+)?(?:{EN_TASK})(?:s|es|ing)?\b|"
        r"(?:most|much|half|part) of your (?:day|time|week|working)|"
        r"your (?:job|work|role|day|week|working day|mission|(?:main |first |key )?(?:goal|aim|"
        r"objective|target|focus)) (?:is|will be|consists|involves|"
        r"includes|revolves|is made up)|"
        r"(?:the|this) (?:job|role|work|position) (?:involves|includes|consists|is (?:all )?about|"
        r"focuses on|centres on|centers on)|you're (?:the (?:first )?(?:person|one) who|"
        r"the first person|responsible for|in charge of)|"
        r"in practice you|work:|"
        r"(?:(?<=\n)|^)\s*(?:[-–•*]\s*)?(?:responsible for|in charge of)\b|"
        rf"(?:(?<=[.:!,&] )|{LS})(?:{EN_TASK})ing\b|"
        rf"(?:(?<=[.:!,] )|{LS})(?:(?!(?:we|you|they|i|us)\s)\w+\s+)?(?:deliver(?:y|ies)|"
        r"cleaning|customer service|"
        r"installation|maintenance|repairs?|teaching|nursing|cooking|bookkeeping|payroll|"
        rf"programming|testing|picking|packing|loading|serving)\b(?!\s+(?-i:[A-Z])|{NOT_ROLE})"
    ),
}


# Finnish impersonal and subject forms: "Väitöskirjatyö perustuu kenttämittauksiin", "Päivät
# kuluvat keräilyssä", "Tavoitteenasi on kasvattaa …". Kept apart from SECOND_PERSON_TASK
# and run only when one of its verbs occurs (FI_WORK_FORM_HINT): the open compound prefix
# (\w*työ) would otherwise be tried at every word of every ad.
FI_WORK_FORM = _ci(
    r"(?<![\w-])(?!työsuhde|työaika|työpaikka|työterveys)\w*(?:työ|tehtävä)\w*\s+"
    r"(?:perustuu|rakentuu)\b|"
    r"(?:päivä|työpäivä|viikko|työviikko|arki)(?:t|si|si\s+ja\s+\w+)?\s+"
    r"(?:kuluu|kuluvat|täyttyy|täyttyvät|menevät|menee)\b|"
    r"tavoit(?:teenasi|teesi)\s+on\b"
)
FI_WORK_FORM_HINT = _ci(r"perustuu|rakentuu|kulu|täytty|mene|tavoit")


# A list introduced by what the new hire will do: "Vi söker en servitris som kommer att:",
# "We need someone who will:", "Haemme henkilöä, joka tulee:". It overrides the "we are
# looking for" that otherwise introduces requirements.
TASK_CLAUSE = _ci(
    r"(?:som|who|joka|jonka)\s+(?:\w+\s+)?(?:kommer att|ska|will|'ll|tulee)\b|"
    r"(?:who|som|joka)\s+(?:will|'ll)?\s*(?:be responsible|ansvarar|vastaa)"
)


# A line that opens with a time of day: "klo 6.00 kuormien purku", "07.00 rapport",
# "6 am – open the kitchen". Hours and minutes, or "klo"/"kl."/"at" before the hour, so that a
# date ("10.3.") or a count ("3 years") is not read as a time.
TIME_LINE = compile_guarded(
    r"(?:(?:klo|kl\.?|at)\s*\d{1,2}(?:[.:]\d{2})?|\d{1,2}[.:]\d{2}|\d{1,2}\s*(?:am|pm))"
    r"(?:\s*[–-]\s*\d{1,2}(?:[.:]\d{2})?)?\s*(?:am|pm)?\s*[–—:-]?\s*[^\W\d_]",
    re.IGNORECASE,
)


def _schedule(ad: Ad) -> bool:
    """A weekday schedule or a run-down of the day by the clock: three lines or more."""
    text = ad.text
    days = times = 0
    for start, end in ad.lines:
        at = _content_start(text, start, end)
        if WEEKDAY_LINE.match(text, at):
            days += 1
        elif TIME_LINE.match(text, at):
            times += 1
    return days >= 3 or times >= 3


def _listed_tasks(ad: Ad) -> bool:
    """Two or more list items right after a line that introduces what the reader will do."""
    text = ad.text
    lines = ad.lines
    for i, (start, end) in enumerate(lines):
        raw = text[start:end].strip()
        heading = ad.is_heading((start, end))
        colon = raw.rstrip("*_ ").endswith(":")
        if not (heading or colon):
            continue
        line = undecorated(raw)
        intro = (heading and DUTY_HEADING.match(line)) or (
            colon
            and (
                TASK_CLAUSE.search(line)
                or (
                    (LIST_INTRO.search(line) or WORK_NOUN.search(line))
                    and not NOT_DUTY_INTRO.match(line)
                )
            )
        )
        if not intro:
            continue
        items = [s for s in lines[i + 1 : i + 6] if LIST_ITEM.match(text[s[0] : s[1]])]
        if len(items) >= 2:
            return True
    return _lowercase_items(ad)


# A lower-case list item that states a requirement or a perk: "erfarenhet av …", "kokemusta
# …", "a friendly team", "free parking".
NOT_ACTIVITY = compile_guarded(
    r"(?:erfarenhet|kunskap\w*|goda?|gott|bra|utmärkt\w*|flytande|examen|körkort|intresse\w*|"
    r"kokemus\w*|osaami\w*|hyvä\w*|erinomai\w*|sujuva\w*|tutkin\w*|ajokortti\w*|"
    r"kielitaito\w*|valmius\w*|experience|knowledge|good|excellent|fluent|strong|solid|degree|"
    r"licen[cs]e|driving|an?|the|free|lunch|flexible)\b"
)


# An English list item that gives an order: "* Build accessible interfaces", "- Ship small
# changes every day" (a task verb, capitalised, then its object in lower case).
EN_IMPERATIVE = compile_guarded(rf"(?!own\s)(?:{EN_TASK}|ship|fix|improve)\s+[a-z]")


def _lowercase_items(ad: Ad) -> bool:
    """A run of list items written as activities ("→ building ...", "- grundvård ...") or
    as English orders ("* Build …", "* Ship …")."""
    text = ad.text
    run: list[str] = []
    intro = ""
    for start, end in [*ad.lines, (len(text), len(text))]:
        line = text[start:end]
        m = LIST_ITEM.match(line)
        if m:
            run.append(line[m.end() - 1 :].strip())
            continue
        lowercase = sum(1 for item in run if item[:1].islower() and not NOT_ACTIVITY.match(item))
        orders = sum(
            1
            for item in run
            if item[:1].isupper() and EN_IMPERATIVE.match(item[:1].lower() + item[1:])
        )
        if (lowercase >= 2 or orders >= 2) and not NOT_DUTY_INTRO.match(intro):
            return True
        run, intro = [], line.strip()
    return False


# Activities listed as gerunds after a colon: "Think: fixing bikes, chatting with customers
# and keeping the workshop tidy." Nouns in -ing (fields of work, perks, times of day) are not.
GERUND_LIST = compile_guarded(
    r":\s*(?!NOT)([a-z]{2,}ing)\b[^.\n:]*?(?:,|\band\b)\s+(?:and\s+)?(?!NOT)([a-z]{2,}ing)\b".replace(
        "NOT",
        r"(?:morning|evening|during|\w*thing|spring|string|parking|training|housing|funding|"
        r"clothing|catering|lighting|heating|offering|feeling|ceiling|wedding|setting|opening|"
        r"pricing|marketing|engineering|accounting|banking|consulting|recruiting|nursing|"
        r"shipping|sibling|being|king|ring|wing)\b",
    )
)


def _gerund_list(ad: Ad) -> bool:
    text = ad.text
    for m in GERUND_LIST.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not NOT_DUTY_INTRO.match(text, line_start, m.start()):
            return True
    return False


JOB_HEADING = _ci(
    r"(?:.*\s)?(?:job|jobbet|jobb|role|rollen|gig|work|arbetet|uppdraget|position|tjänsten|"
    r"pesti\w*|homma\w*|työn kuvaus|työ lyhyesti|työ|tehtävä\w*|vastuu\w*|ansvar\w*|arkesi)"
    r"(?:\W|$)"
)


def _job_heading(line: str) -> bool:
    return bool(JOB_HEADING.match(line)) and not NOT_DUTY_INTRO.match(line)


LABEL_REST = compile_guarded(
    r"\s*(?:include|includes|are|involve|involves|är|omfattar|ovat|kuuluu|kuuluvat|sisältää)?"
    r"\s*[:–-]\s*\S",
    re.IGNORECASE,
)


def _labelled_line(ad: Ad) -> bool:
    """A duty heading with its content on the same line: "Ansvarsområden: reskontra, …"."""
    text = ad.text
    for start, end in ad.lines:
        start = _content_start(text, start, end)
        m = DUTY_HEADING.match(text, start, end)
        rest = m and LABEL_REST.match(text, m.end(), end)
        if rest and not TERMS_REST.match(text, rest.end() - 1, end):
            return True
    return False


# Work written as a table of shares: "Kirjanpito | 50 %", "Truckkörning – 60 %",
# "Onboarding new customers | 40 %". Two or more such rows are a list of duties.
SHARE_ROW = compile_guarded(r"\s*[^\W\d_][^|\n]{2,80}?\s*(?:\||–|—|-|:|\t)\s*\d{1,3}\s?%\s*$")
# The tasks named as a subject: "Responsibilities include …", "Uppgifterna omfattar …",
# "Undervisningen omfattar …" (an activity noun, read by its suffix, that covers something).
DUTY_SUBJECT = _ci(
    r"(?:(?:the |main |key |core |daily )*"
    r"(?:tasks|duties|responsibilities|work|deliverables)(?: of the "
    r"(?:role|job|position))?\s+(?:include|includes|are|cover|covers|consist|involve|involves)\b)|"
    r"(?:(?!anställ|utbild|förmån|ersättn)\w*(?:uppgift|uppgifter|uppgifterna|ansvaret|arbetet|"
    r"ning|ningen|ering|eringen|tion|tionen)\s+(?:omfattar|innefattar|inkluderar|består av|"
    r"innebär)\b)|"
    r"(?:(?:tehtävä|tehtävät|tehtäväsi|työtehtävät|työtehtäväsi|työnkuva|työnkuvasi|"
    r"vastuualue|vastuualueesi|vastuut|vastuusi|työ|työsi)\s+(?:kattaa|kattavat|sisältää|"
    r"sisältävät|käsittää|käsittävät)\b)"
)
# A fragment naming the work as an action noun (read by its suffix) with its object:
# "Toimistojen ja käytävien siivous.", "Distribution av livsmedel till butiker",
# "Delivery of parcels in Espoo". Nouns about the hiring itself are left out.
FI_ACTION_FRAGMENT = compile_guarded(
    r"(?:^|(?<=[.!:] )|(?<=\n))\s*(?:[A-ZÄÖÅ]?[a-zäöå-]+(?:n|en|jen|ten|den|in)\s+(?:ja\s+)?)"
    r"{1,3}(?P<noun>[a-zäöå-]+(?:us|ys|minen|nta|ntä|ily|ely|ilu|elu|ely|ttely|purku|hoito|"
    r"huolto|myynti|opetus))(?=\s*(?:[.,;]|$|\sja\s|\n))",
    re.MULTILINE,
)
SV_EN_ACTION_FRAGMENT = compile_guarded(
    r"(?:^|(?<=[.!:] )|(?<=\n))\s*(?P<noun>[A-ZÅÄÖ][a-zåäö]+(?:ning|tion|ering|ing|ery|ment|"
    r"ance))\s+(?:av|of)\s+[a-zåäö]",
    re.MULTILINE,
)
NOT_ACTION = compile_guarded(
    r"(?i:palkkaus|hakemus|haastattelu|koulutus|kokemus|perehdytys|valinta|tutkinto|"
    r"osaaminen|henkilökunta|työsuhde|hinta|kanta|ansök|rekryter|intervju|lön|ersättning|"
    r"application|recruitment|knowledge|proof|understanding|payment|meeting|training|"
    r"beginning|morning|evening|ending|reimbursement|settlement)"
    # Finnish nouns of a quality, not an action: "mahdollisuus", "ystävällisyys".
    r"|\w*(?:uus|yys)$"
)


def _share_table(ad: Ad) -> bool:
    text = ad.text
    rows = sum(1 for s, e in ad.lines if "%" in text[s:e] and SHARE_ROW.match(text, s, e))
    return rows >= 2


def _action_fragment(ad: Ad) -> bool:
    # The title says nothing about duties; in a one-line ad it is the first sentence.
    title_end = min(ad.lines[0][1], ad.sentences[0][1]) if ad.lines else 0
    for pattern in (FI_ACTION_FRAGMENT, SV_EN_ACTION_FRAGMENT):
        for m in pattern.finditer(ad.text, title_end):
            if not NOT_ACTION.match(m.group("noun")):
                return True
    return False


# Words that make an introducing line about the work even where it also names requirements
# or perks ("Who you are and what you'll do").
DUTY_WORDS = _ci(
    r"tehtäv\w*|työnkuva\w*|vastaat|teet\b|duties|tasks|responsibilit\w*|you(?:'ll| will) do|"
    r"uppgift\w*|ansvar\w*|gör\b|what the (?:job|role) (?:is|involves)"
)


_SECTION = (
    r"(?:benefits|perks|we offer|what we offer|enjoy|in it for you|why (?:join|work)|"
    r"values|requirements|qualifications|you have|we expect|"
    r"tarjoamme|meillä saat|odotamme|edellytämme|toivomme|sinulla on|arvo(?:mme|t)\b|"
    r"(?:meille|meillä) on tärkeää|"
    r"vi erbjuder|hos oss får du|vi förutsätter|vi önskar|vi söker dig som|du har|krav|"
    r"vi tror på|viktigt för oss)"
)
# A line that opens a section of perks, values or requirements.
SECTION_INTRO = _ci(r".*" + _SECTION)
# The same words anywhere: an ad without any of them has no such section to blank.
SECTION_WORDS = _ci(_SECTION)


def _without_offers(ad: Ad) -> Ad:
    """The ad with its sections of requirements, perks and values blanked out: a perk such
    as "You'll spend two paid days volunteering" or "Du får ta med dig bröd hem" reads like
    a task but is none. A section is what follows a line that introduces one ("We offer",
    "What you'll enjoy:", "Meille on tärkeää"): its list items, or its paragraph up to the
    first blank line. Offsets are kept, so spans found in the result hold for the ad."""
    text = ad.text
    if not SECTION_WORDS.search(text):
        return ad
    cut: list[tuple[int, int]] = []
    section = False
    blank = False
    for m in LINE_WITH_END.finditer(text):
        start, end = m.start(), m.end("line")
        raw = text[start:end].strip()
        if not raw:
            blank = True
            continue
        intro = ad.is_heading((start, end)) or raw.rstrip("*_ ").endswith(":")
        if intro and not LIST_ITEM.match(raw):
            line = undecorated(raw)
            section = bool(SECTION_INTRO.match(line)) and not (
                DUTY_WORDS.search(line) or TASK_CLAUSE.search(line)
            )
            blank = False
            continue
        if section and (LIST_ITEM.match(raw) or not blank):
            cut.append((start, end))
            blank = False
            continue
        section = False
    if not cut:
        return ad
    parts, at = [], 0
    for start, end in cut:
        parts.append(text[at:start])
        parts.append(" " * (end - start))
        at = end
    parts.append(text[at:])
    return Ad("".join(parts), ad.lang)


LINE_WITH_END = re.compile(r"(?P<line>[^\n]*)(?:\n|$)")


def has_duties(ad: Ad) -> bool:
    ad = _without_offers(ad)
    text = ad.text
    lines = ad.lines
    for i, span in enumerate(lines):
        if not ad.is_heading(span):
            continue
        line = undecorated(text[span[0] : span[1]].strip())
        if not (DUTY_HEADING.match(line) or _job_heading(line)):
            continue
        body = lines[i + 1 : i + 6]
        bullets = [s for s in body if BULLET.match(text[s[0] : s[1]])]
        if len(bullets) >= 2 or (body and len(text[body[0][0] : body[0][1]]) >= 80):
            return True
    if DUTY_PROSE.search(text) or _schedule(ad) or _listed_tasks(ad) or verbs.tells_duties(ad):
        return True
    if _share_table(ad) or DUTY_SUBJECT.search(text) or _action_fragment(ad):
        return True
    for s, e in lines:
        label = DUTY_LABEL.match(text, _content_start(text, s, e))
        if label and not TERMS_REST.match(text, label.end(), e):
            return True
    if _labelled_line(ad) or _gerund_list(ad):
        return True
    # Every language's phrasing counts: bilingual ads and a mis-guessed language are common.
    # A match on the title itself ("Customer Service Advisor") says nothing about duties.
    title_end = lines[0][1] if lines else 0
    patterns = [*SECOND_PERSON_TASK.values()]
    if FI_WORK_FORM_HINT.search(text):
        patterns.append(FI_WORK_FORM)
    return any(
        m.start() >= title_end or m.end() < title_end and m.start() > 0
        for pattern in patterns
        for m in pattern.finditer(text)
    )


def work_shares(ad: Ad) -> tuple[int | None, int | None]:
    """(leadership %, field-sales %) stated in the text, when stated.

    Each share is read with the words that lead up to it, back to the previous share in the
    same sentence: "leading the team (60 %), sales and costs (25 %)" is two shares.
    """
    lead = field = None
    previous_end = 0
    matches = list(PERCENT.finditer(ad.text))
    for i, m in enumerate(matches):
        s, e = ad.sentence_at(m.start())
        before = ad.text[max(s, previous_end) : m.start()]
        following = matches[i + 1].start() if i + 1 < len(matches) else e
        after = ad.text[m.end() : min(e, following)]
        previous_end = m.end()
        share = int(m.group(1))
        # Words before the share name it ("sales (25 %)"); if none do, words after ("90 % of
        # your time is spent in the field").
        for clause in (before, after):
            if LEADING.search(clause):
                lead = max(lead or 0, share)
                break
            if FIELD.search(clause):
                field = max(field or 0, share)
                break
    return lead, field


def few_leadership_hours(ad: Ad) -> bool:
    for m in FEW_HOURS.finditer(ad.text):
        s, e = ad.sentence_at(m.start())
        if LEADING.search(ad.text, s, e):
            return True
    return False
