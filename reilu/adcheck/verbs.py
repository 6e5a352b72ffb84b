"""Sentences that tell the reader what they will do, recognised by the verb's form.

Ads write duties as second-person statements in the present tense ("Vastaat …", "Du
betjänar …", "You treat …") far more often than with any fixed verb. Instead of listing
duty verbs, these detectors read the form of the verb — the Finnish second person ends in a
vowel and -t, the Swedish present tense in -r, the English "you" is followed by a bare verb —
and reject the few verbs that state a requirement, a wish or a benefit rather than a task
(olet, osaat, saat; är, har, får; are, have, get …). Finnish plural nouns share the -t ending
("Haastattelut pidetään …"), so a Finnish candidate also needs a sentence position and a
following word that a verb has and a noun subject does not.

A lemmatiser (simplemma) would tell verbs from nouns by dictionary, but its Finnish data
takes seconds to load in every process; the endings and positions here cost microseconds.
"""

from __future__ import annotations

import re

from .ad import Ad
from .firstchars import compile_guarded

# Verbs that describe the person, a wish or what they get, not a task.
FI_NOT_TASK = frozenset(
    str.split(
        "olet osaat haluat saat voit pääset tunnet puhut viihdyt nautit koet arvostat tiedät "
        "ymmärrät omaat hallitset innostut syttyt sovellut sovit löydät tarvitset pidät "
        "etsit kaipaat unelmoit halusit olit teit sait kuulut lähetät haet hait liität "
        "kerrot ilmoitat mainitset muistat tutustut innostut motivoidut jaksat uskallat "
        "ehdit jäät kasvat opit kehityt pärjäät kiinnostut"
    )
)
SV_NOT_TASK = frozenset(
    str.split(
        "är har kan vill får ska skall behöver gillar tycker brinner talar känner förstår bor "
        "söker önskar tror blir passar delar värdesätter uppskattar ser hör vet kommer lär "
        "klarar behärskar besitter saknar fyller uppfyller älskar drömmer letar undrar "
        "ansöker skickar bifogar berättar lockas motiveras trivs drivs tilltalas erbjuds "
        "mår växer utvecklas vågar orkar hinner bär står sitter går"
    )
)
EN_NOT_TASK = frozenset(
    str.split(
        "are were am have has had can could may might must should shall need needs want wish "
        "like love enjoy thrive know speak hold bring get receive gain feel value share "
        "understand join become see hear fit do don't did already probably also apply send "
        "submit earn grow learn think believe consider prefer dream hope sound fancy master "
        "possess agree excel live come go got take be been being will would the a an not "
        "never too who report meet match qualify recognise recognize identify work"
    )
)
FI_CANDIDATE = compile_guarded(r"[a-zäöå]{3,}[aeiouyäö]t")
# A plural noun, an agent noun or a third-person verb form, never a second-person verb.
FI_NOT_VERB_SHAPE = compile_guarded(
    r"(?:ijat|ijät|vat|vät|ukset|ykset|set|mat|mät|jat|jät|elut|elyt|ilut|ilyt|ulut|iot|nnit|"
    r"uudet|yydet)$"
)
# What follows a noun subject: a finite verb ("ovat", "alkavat", "antaa", "pidetään").
FI_FINITE_NEXT = compile_guarded(
    r"(?:on|ovat|ei|eivät|oli|olivat|\w+(?:vat|vät|[td](?:aan|ään)|aa|ää|ee|ii|oo|uu|yy|öö))$"
)
# One fronted word before the verb: an adverbial ("Työssäsi", "Aamuisin", "Lisäksi").
FI_FRONT = compile_guarded(
    r"\w+(?:ssa|ssä|ssasi|ssäsi|lla|llä|na|nä|sti|isin|ttain|ttäin)|lisäksi|myös|sinä|"
    r"nyt|usein|sitten|sen jälkeen|ensin|välillä|tarvittaessa",
    re.IGNORECASE,
)
WORD = compile_guarded(r"[\w'’-]+")
# Swedish and English words that never follow a Finnish verb: "möjlighet att jobba",
# "Erfarenhet av äldreomsorg" are Swedish nouns in -het, not Finnish second-person verbs.
FI_NOT_AFTER = frozenset(
    str.split("att av och är i på med för till som om eller the of and to in for with is")
)


def _sentences(ad: Ad) -> list[str]:
    return [ad.text[s:e].strip() for s, e in ad.sentences]


def _finnish(sentence: str) -> bool:
    words = WORD.findall(sentence)
    if len(words) < 4:  # "Haastattelut viikolla 8.": a note, not a duty
        return False
    for i in (0, 1):
        if i >= len(words) - 1:
            return False
        if i == 1 and not FI_FRONT.fullmatch(words[0]):
            return False
        verb, following = words[i], words[i + 1]
        if sentence[sentence.find(verb) + len(verb) :].startswith(":"):
            continue
        low = verb.lower()
        if (
            FI_CANDIDATE.fullmatch(low)
            and low not in FI_NOT_TASK
            and not FI_NOT_VERB_SHAPE.search(low)
            and following[:1].islower()
            and not low.endswith("het")
            and following.lower() not in FI_NOT_AFTER
            # A Swedish present tense follows a noun in -et ("Arbetet sker i treskift");
            # a Finnish word never ends in -r.
            and not following.endswith("r")
            and not FI_FINITE_NEXT.fullmatch(following.lower())
        ):
            return True
    return False


SV_SUBJECT_VERB = compile_guarded(
    r"(?<![\w-])(?:du|Du)\s+(?:också\s+|främst\s+|även\s+|ofta\s+|sedan\s+|själv\s+|dessutom\s+)?"
    r"(?P<verb>[a-zåäö]{2,}r)\b"
)
# The future: "Du kommer (att) jobba med …", "Du ska planera …".
SV_ADVERB = (
    r"(?:också|främst|även|bland annat|bl\.\s?a\.|till exempel|t\.\s?ex\.|framför allt|dessutom)"
)
SV_FUTURE = compile_guarded(
    rf"(?<![\w-])(?:du|Du)\s+(?:kommer\s+(?:{SV_ADVERB}\s+)?(?:att\s+)?|ska\s+)"
    rf"(?:{SV_ADVERB}\s+)?(?P<verb>[a-zåäö]{{2,}}a)\b"
)
SV_NOT_TASK_INFINITIVE = frozenset(
    str.split(
        "ha vara bli trivas lära kunna vilja behöva gilla känna tycka tro passa växa uppfylla "
        "inneha besitta behärska tala"
    )
)
# "Du får forma …", "Hos oss får du ta hand om …": "får" with an infinitive is the task the
# reader gets to do (as Finnish "pääset …maan"); with a noun or an adjective it is a benefit
# ("Du får flexibla arbetstider"). The infinitive is told by what follows it: an object's
# determiner, a preposition or a particle, which never follow an adjective.
SV_GET_TO = compile_guarded(
    r"(?<![\w-])(?:du får|får du)\s+(?:också\s+|även\s+|själv\s+|direkt\s+)?"
    r"(?P<verb>[a-zåäö]{1,}a)\s+(?P<next>[a-zåäö]+)\b",
    re.IGNORECASE,
)
SV_OBJECT_START = frozenset(
    str.split(
        "hela alla vår våra vårt ditt din dina egna en ett de det den med på i för till av "
        "om hand emot fram upp ut nya flera olika kunder kundernas"
    )
)
# "du får bygga upp ditt nätverk", "… utveckla din kompetens": what the reader gains.
SV_GAIN = compile_guarded(
    r"(?<![\w-])(?:ditt|din|dina)\s+(?:\w+\s+)?(?:nätverk|kunskap\w*|kompetens|erfarenhet\w*|"
    r"karriär|färdighet\w*|CV)\b",
    re.IGNORECASE,
)
SV_GENERIC_WORK = frozenset(str.split("jobba arbeta verka syssla göra prova"))
SV_VERB_SUBJECT = compile_guarded(r"(?<![\w-])(?P<verb>[a-zåäö]{3,}r)\s+du\b")
SV_SKILL_VERBS = frozenset(str.split("skriver läser pratar"))
SV_LANGUAGE_SKILL = compile_guarded(
    r"\s+(?:(?:mycket\s+)?(?:god|bra|flytande|utmärkt|felfri|korrekt)\s+)?"
    r"(?:svenska|finska|engelska|tyska|ryska|franska|spanska)\b",
    re.IGNORECASE,
)
SV_NOT_SUBORDINATE = compile_guarded(r"(?:\b(?:om|när|innan|eftersom|då|som|att|ifall)\s+)$")


def _swedish(sentence: str) -> bool:
    if sentence.endswith("?"):
        return False
    for m in SV_SUBJECT_VERB.finditer(sentence):
        if m.group("verb") not in SV_NOT_TASK and not SV_NOT_SUBORDINATE.search(
            sentence[: m.start()]
        ):
            # "Du skriver god svenska": a skill, not a task ("Du undervisar svenska" is one).
            if m.group("verb") in SV_SKILL_VERBS and SV_LANGUAGE_SKILL.match(sentence, m.end()):
                continue
            return True
    for m in SV_FUTURE.finditer(sentence):
        if m.group("verb") not in SV_NOT_TASK_INFINITIVE:
            return True
    for m in SV_THIRD_PERSON.finditer(sentence):
        if m.group("verb").lower() not in SV_NOT_TASK:
            return True
    for m in SV_THIRD_FUTURE.finditer(sentence):
        if m.group("verb").lower() not in SV_NOT_TASK_INFINITIVE:
            return True
    for m in SV_GET_TO.finditer(sentence):
        verb = m.group("verb").lower()
        # "Du får jobba med spännande uppdrag" names no task, as Finnish "pääset
        # työskentelemään" does not.
        if verb in SV_GENERIC_WORK or verb in SV_NOT_TASK_INFINITIVE:
            continue
        if m.group("next").lower() in SV_OBJECT_START and not SV_GAIN.search(
            sentence, m.end(), m.end() + 40
        ):
            return True
    # Inverted after a fronted phrase: "Hos oss betjänar du …", "I rollen ansvarar du …".
    for m in SV_VERB_SUBJECT.finditer(sentence):
        if m.start() > 0 and m.group("verb") not in SV_NOT_TASK:
            return True
    return False


EN_YOU_VERB = compile_guarded(
    r"(?<![\w'-])you(?:'ll| will|'d| would)?\s+(?:also\s+|mainly\s+|mostly\s+|then\s+|"
    r"often\s+|usually\s+|regularly\s+|primarily\s+|help\s+|get\s+to\s+)?(?:be\s+)?"
    r"(?P<verb>[a-z]+)\s+(?P<next>[\w'’-]+)",
    re.IGNORECASE,
)
EN_CONDITION = compile_guarded(
    r"\b(?:if|when|whether|once|before|after|where|as|that|who|than|thank|unless|while|"
    r"whatever|hope|think|believe|know|what)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# "We need a support person who'll answer salon owners …", "The successful candidate will
# prepare …": the future tells the task.
EN_WHO_WILL = compile_guarded(
    r"(?<![\w'-])(?:who|candidate|person|hire|applicant|jobholder)(?:'ll| will)\s+"
    r"(?:also\s+|mainly\s+)?(?:be\s+)?(?P<verb>[a-z]+)\s",
    re.IGNORECASE,
)
# "Personen vi söker ansvarar för …", "Den som anställs kommer att …".
SV_THIRD_PERSON = compile_guarded(
    r"(?<![\w-])(?:personen|den (?:vi söker|som anställs|anställda|valda)|vår nya \w+|"
    r"den nya \w+|tjänsteinnehavaren|befattningshavaren|arbetstagaren)\s+"
    r"(?:vi söker\s+)?(?:kommer att\s+|ska\s+)?(?P<verb>[a-zåäö]{3,}r)\b",
    re.IGNORECASE,
)
# The same subjects in the future: "Den vi söker kommer att sköta …", "Den nya medarbetaren
# kommer främst att sköta utfodringen".
SV_THIRD_FUTURE = compile_guarded(
    r"(?<![\w-])(?:personen|den (?:vi söker|som anställs|anställda|valda)|vår nya \w+|"
    r"den nya \w+|tjänsteinnehavaren|befattningshavaren|arbetstagaren)\s+"
    rf"(?:kommer\s+(?:{SV_ADVERB}\s+)?att|ska)\s+(?:{SV_ADVERB}\s+)?(?P<verb>[a-zåäö]{{2,}}a)\b",
    re.IGNORECASE,
)


# What the reader would have done in a past month: "Last month you would have taken the
# children skating; planned and led a project …". The participle names the task.
EN_WOULD_HAVE = compile_guarded(
    r"(?<![\w'-])you(?:'d| would) have\s+(?:also\s+|already\s+)?(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)
EN_NOT_TASK_PARTICIPLE = frozenset(
    str.split("been had got gotten liked loved enjoyed wanted known seen heard felt thought")
)


def _english(sentence: str) -> bool:
    if sentence.endswith("?"):
        return False
    for m in EN_WOULD_HAVE.finditer(sentence):
        if m.group("verb").lower() not in EN_NOT_TASK_PARTICIPLE:
            return True
    for m in EN_WHO_WILL.finditer(sentence):
        if m.group("verb").lower() not in EN_NOT_TASK:
            return True
    for m in EN_YOU_VERB.finditer(sentence):
        verb, following = m.group("verb").lower(), m.group("next").lower()
        if verb in EN_NOT_TASK or verb.endswith(("ly", "ed")) or verb.endswith("'s"):
            continue
        # "You communicate well", "you write fluently": a skill, not a task.
        if following in {"well", "fluently", "clearly", "independently"} or following.endswith(
            "ly"
        ):
            continue
        # "you'll make a difference": a promise about the job, not a task in it.
        if verb == "make" and following in {"a", "an"}:
            continue
        if EN_CONDITION.search(sentence[: m.start()]):
            continue
        return True
    return False


# A relative clause on the advertised person tells the task by its verb form: "looking for a
# coordinator who plans our campaigns", "söker en controller som tar hand om bokslutet". The
# verb is read by its form (English third person -s, Swedish present -r); verbs that state a
# trait or a wish are rejected as above ("who loves people", "som har erfarenhet").
EN_WHO_VERB = compile_guarded(
    r"(?<![\w'-])who\s+(?:also\s+|then\s+)?(?P<verb>[a-z]{3,}s)\s+(?P<next>[\w'’-]+)",
    re.IGNORECASE,
)
SV_SOM_VERB = compile_guarded(
    r"(?<![\w-])som\s+(?:också\s+|även\s+|sedan\s+)?(?P<verb>[a-zåäö]{2,}r)\s+(?P<next>[\w-]+)"
)
SV_SOM_NOT_TASK = frozenset(str.split("finns gäller krävs behövs ingår hör"))
# A phrase between "som" and its verb: "en servicetekniker som tillsammans med en kollega
# åker ut till verken". The verb is the first word in -r that does not follow a determiner
# (a noun in -r would: "med våra kunder").
SV_SOM_PHRASE_VERB = compile_guarded(
    r"(?<![\w-])som\s+(?:tillsammans med|med|i|på|under|efter|inom|för|utöver|förutom)\s+"
    r"(?P<phrase>(?:[\w-]+\s+){0,3}?)(?P<verb>[a-zåäö]{3,}r)\b"
)
SV_DETERMINER = frozenset(
    str.split("en ett de den det våra vår vårt sina sin sitt alla flera många andra nya")
)
# After "looking for" a relative clause describes the new hire; elsewhere ("customers who
# buys …") it may describe anyone, so the clause must follow a hiring phrase.
HIRING = compile_guarded(
    r"(?<![\w-])(?:look\w* for|seek\w*|hir\w*|recruit\w*|need\w*|want\w*|söker|letar efter|"
    r"rekryterar|anställer|behöver|etsi\w*|hae\w*|hakee|rekrytoi\w*|tarvitse\w*|palkkaa\w*)"
    r"(?![\w-])",
    re.IGNORECASE,
)
# Finnish: "etsimme automaatioasentajaa, joka vastaa asennuksista"; the verb is read by its
# third-person form (a long vowel at the end).
FI_JOKA_VERB = compile_guarded(
    r"(?<![\w-])joka\s+(?:myös\s+|lisäksi\s+|ensisijaisesti\s+)?(?P<verb>[a-zäöå]{3,})\b"
)


EN_IRREGULAR = {"has": "have", "does": "do", "goes": "go", "says": "say"}
# Traits a relative clause states rather than tasks: "who cares about quality".
EN_TRAIT = frozenset(
    str.split("care dare seem stay remain belong live happen fit thrive love like enjoy want")
)


def _en_third_person(verb: str) -> str | None:
    """The bare form of an English third-person verb ("plans" → "plan"), or None."""
    low = verb.lower()
    if low in EN_IRREGULAR:
        return EN_IRREGULAR[low]
    if low.endswith(("ss", "us", "is", "'s")):
        return None
    if low.endswith("ies"):
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "xes", "sses", "zes", "oes")):
        return low[:-2]
    return low[:-1]


def _relative_task(sentence: str) -> bool:
    hiring = HIRING.search(sentence)
    if not hiring:
        return False
    for m in EN_WHO_VERB.finditer(sentence, hiring.end()):
        bare = _en_third_person(m.group("verb"))
        following = m.group("next").lower()
        if (
            bare
            and bare not in EN_NOT_TASK
            and bare not in EN_TRAIT
            and not following.endswith("ly")
            and following != "well"
        ):
            return True
    for m in FI_JOKA_VERB.finditer(sentence, hiring.end()):
        verb = m.group("verb")
        if FI_THIRD_PERSON.fullmatch(verb) and verb not in FI_NOT_TASK_3:
            return True
    for m in SV_SOM_VERB.finditer(sentence, hiring.end()):
        verb = m.group("verb")
        if verb not in SV_NOT_TASK and verb not in SV_SOM_NOT_TASK:
            # "som tar ansvar" is a trait; "som tar hand om / emot / fram" a task.
            if verb == "tar" and m.group("next") not in {"hand", "emot", "fram"}:
                continue
            return True
    for m in SV_SOM_PHRASE_VERB.finditer(sentence, hiring.end()):
        words = m.group("phrase").split()
        verb = m.group("verb")
        if verb in SV_NOT_TASK or verb in SV_SOM_NOT_TASK:
            continue
        if words and words[-1].lower() in SV_DETERMINER:
            continue
        return True
    return False


# The advertised role as the subject of a present-tense verb: "The Chairman leads the
# board's work", "Socialhandledaren stöder familjer", "Ympäristötarkastaja valvoo …". The
# subject is a word of the title line; the verb is read by its form.
FI_THIRD_PERSON = compile_guarded(r"[a-zäöå]{2,}(?:aa|ää|ee|oo|öö|uu|yy|ii|[^aeiouyäö]oi)")
FI_NOT_TASK_3 = frozenset(
    str.split(
        "saa osaa haluaa tuntee pääsee voi puhuu viihtyy nauttii tarvitsee ymmärtää hallitsee "
        "kuuluu omaa arvostaa pitää innostuu ottaa sopeutuu löytää motivoituu syttyy haaveilee "
        "etsii hakee"
    )
)
# The new hire named in the third person: "Valittu henkilö vastaa …", "Uusi kollegamme
# hoitaa …" (English and Swedish forms are in EN_WHO_WILL and SV_THIRD_PERSON).
FI_HIRE_SUBJECT = compile_guarded(
    r"(?<![\w-])(?:valittu|valittava|tehtävään valittu|uusi)\s+(?:henkilö|hakija|työntekijä|"
    r"kollega\w*|tiimiläi\w*)\s+(?:myös\s+)?(?P<verb>[a-zäöå]{3,})\b",
    re.IGNORECASE,
)


# "Valittava henkilö raportoi toimitusjohtajalle ja vastaa …": the verb after "ja" too.
FI_AND_VERB = compile_guarded(r"\s(?:ja|sekä)\s+(?P<verb>[a-zäöå]{3,})\b")


def _fi_task_3(verb: str) -> bool:
    return bool(FI_THIRD_PERSON.fullmatch(verb)) and verb not in FI_NOT_TASK_3


def _finnish_hire_subject(sentence: str) -> bool:
    for m in FI_HIRE_SUBJECT.finditer(sentence):
        if _fi_task_3(m.group("verb")):
            return True
        if any(_fi_task_3(v.group("verb")) for v in FI_AND_VERB.finditer(sentence, m.end())):
            return True
    return False


HIRING_3 = frozenset(str.split("hakee etsii palkkaa söker rekryterar anställer seeks hires needs"))


def _role(title: str) -> str | None:
    """The title's first word when it names a role, lower-cased; None for a brand.

    A role is a common noun and also occurs in lower case in the ad; a brand at the head of
    the title ("Fjordbyte …") is always capitalised. With an article ("The Chairman leads")
    the capitalised form is accepted too, by ``_role_subject``.
    """
    title_words = WORD.findall(title)
    if not title_words or len(title_words[0]) < 4:
        return None
    return title_words[0].lower()


def _role_subject(role: str, lower_seen: bool, sentence: str) -> bool:
    tokens = WORD.findall(sentence[:80])
    article = bool(tokens) and tokens[0].lower() in {"the", "our", "this"}
    start = 1 if article else 0
    if len(tokens) < start + 3 or not (article or lower_seen):
        return False
    subject, verb = tokens[start].lower(), tokens[start + 1]
    # The subject is the title's first word, or its Swedish definite form ("handledaren").
    if not (subject == role or (subject.startswith(role) and len(subject) - len(role) <= 3)):
        return False
    if verb.lower() in HIRING_3:
        return False
    low = verb.lower()
    if verb[:1].isupper():
        return False
    bare = _en_third_person(low) if low.endswith("s") else None
    if bare and bare not in EN_NOT_TASK:
        return True
    if low.endswith("r") and low not in SV_NOT_TASK and len(low) > 3:
        return True
    return bool(FI_THIRD_PERSON.fullmatch(low)) and low not in FI_NOT_TASK_3


# Time spent on the work: "Your days are spent guiding groups", "you spend most of the
# week visiting farms", "Päiväsi kuluu asiakkaiden parissa".
SPENT = compile_guarded(
    r"(?<![\w-])(?:(?:is|are|will be|get)\s+spent|spend\w*\s+(?:\w+\s+){0,5}?)\s*"
    r"[a-z]+ing\b",
    re.IGNORECASE,
)


# The team the hire joins named with its work: "Our platform team of five owns the
# clusters", "Tiimimme vastaa kirjanpidosta", "Vårt löneteam ansvarar för …". The verbs are
# listed: a team that "grows", "consists of" or "supports you" says nothing about the work.
TEAM_WORK = compile_guarded(
    r"(?<![\w-])(?:\w*team|\w*tiimi\w*|\w*teamet|\w*gruppen|\w*ryhmä\w*)"
    r"(?:\s+of\s+\w+(?:\s+\w+)?)?\s+(?:also\s+|myös\s+|också\s+)?"
    r"(?:owns|runs|handles|builds|maintains|develops|operates|manages|designs|delivers|"
    r"is responsible for|is in charge of|takes care of|looks after|"
    r"vastaa|vastaavat|hoitaa|hoitavat|huolehtii|huolehtivat|ylläpitää|kehittää|kehittävät|"
    r"rakentaa|rakentavat|tuottaa|tuottavat|toteuttaa|toteuttavat|"
    r"ansvarar|sköter|hanterar|driver|bygger|utvecklar|underhåller|levererar|tar hand om)\b"
    r"(?!\s+(?:you|your|sinua|dig)\b)",
    re.IGNORECASE,
)
# The team named with any verb of its work, read by its form: "Tiimi kerää päivittäin 4 000
# tilausriviä", "Our warehouse team of 12 receives, sorts and ships …". Verbs that say how
# big the team is, where it sits or how it treats the reader are not its work.
TEAM_VERB = compile_guarded(
    r"(?<![\w-])(?P<team>\w*team|\w*tiimi|\w*teamet|\w*gruppen|\w*ryhmä)"
    r"(?:\s+of\s+\w+(?:\s+\w+)?)?\s+(?:also\s+|myös\s+|också\s+|päivittäin\s+|daily\s+)?"
    r"(?P<verb>[a-zäöå]{3,})\b(?:\s+(?P<next>[\w-]+))?",
    re.IGNORECASE,
)
TEAM_NOT_WORK = frozenset(
    str.split(
        "kasvaa odottaa toivottaa koostuu muodostuu sijaitsee työskentelee tukee auttaa "
        "vahvistuu laajenee istuu consists includes welcomes grows looks sits works supports "
        "helps awaits counts comprises values believes cares loves består växer sitter "
        "arbetar jobbar stöder hjälper väntar välkomnar"
    )
)
READER = frozenset(str.split("you your sinua sinut sinulle dig dej er"))
# A team that receives goods or holds stock is at work; "you receive" is a perk.
TEAM_EN_NOT_TASK = EN_NOT_TASK - {"receive", "hold", "bring", "report", "meet"}


def _team_work(sentence: str) -> bool:
    if TEAM_WORK.search(sentence):
        return True
    for m in TEAM_VERB.finditer(sentence):
        team, verb = m.group("team").lower(), m.group("verb").lower()
        if verb in TEAM_NOT_WORK or (m.group("next") or "").lower() in READER:
            continue
        # The verb's form is read in the team word's language: "team player" is no verb.
        if team.endswith("team"):
            bare = _en_third_person(verb) if verb.endswith("s") else None
            if bare and bare not in TEAM_EN_NOT_TASK and bare not in EN_TRAIT:
                return True
        elif team.endswith(("tiimi", "ryhmä")):
            if FI_THIRD_PERSON.fullmatch(verb) and verb not in FI_NOT_TASK_3:
                return True
        elif verb.endswith("r") and verb not in SV_NOT_TASK and len(verb) > 3:
            return True
    return False


# The person who holds the job now, in the first person: "I spend most of my time behind the
# espresso machine", "Jag återställer lösenord …". Two such clauses are needed: one alone
# may be a contact person's "I answer questions on weekdays".
EN_I_VERB = compile_guarded(
    r"(?<![\w'-])I\s+(?:also\s+|usually\s+|mostly\s+|often\s+|then\s+)?"
    r"(?P<verb>[a-z]{2,})\s+(?P<next>[\w'’-]+)"
)
SV_JAG_VERB = compile_guarded(
    r"(?<![\w-])(?:[Jj]ag\s+(?:också\s+|ofta\s+|sedan\s+)?(?P<verb>[a-zåäö]{2,}r)|"
    r"(?P<inverted>[a-zåäö]{3,}r)\s+jag)\b"
)
FI_MINA_VERB = compile_guarded(
    r"(?<![\w-])(?:[Mm]inä|[Mm]ä)\s+(?:myös\s+|usein\s+)?(?P<verb>[a-zäöå]{2,}n)\b"
)
FI_NOT_TASK_1 = frozenset(str.split("olen voin osaan haluan toivon uskon tiedän pidän"))


# "If I …", "I hope I …": not what the person does. A time phrase ("After lunch I bake …") is.
I_CONDITION = compile_guarded(
    r"\b(?:if|whether|unless|hope|think|believe|know|that|what)\s+(?:\w+\s+)?$", re.IGNORECASE
)


def _first_person(sentence: str) -> int:
    """How many first-person task clauses the sentence has."""
    found = 0
    for m in EN_I_VERB.finditer(sentence):
        verb = m.group("verb")
        if verb in EN_NOT_TASK or verb.endswith(("ly", "ed")) or m.group("next") == "forward":
            continue
        if not I_CONDITION.search(sentence[: m.start()]):
            found += 1
    for m in SV_JAG_VERB.finditer(sentence):
        verb = m.group("verb") or m.group("inverted")
        if verb not in SV_NOT_TASK and (m.group("verb") or m.start() > 0):
            found += 1
    for m in FI_MINA_VERB.finditer(sentence):
        found += m.group("verb").lower() not in FI_NOT_TASK_1
    return found


# TEAM_WORK's open prefix (\w*team) is costly; it runs only on sentences naming a team.
TEAM_HINT = compile_guarded(r"team|tiimi|grupp|ryhmä", re.IGNORECASE)
# The advertised role in the future: "The postdoc will develop methods …". The subject is a
# word of the title or its short form ("postdoc" of "Postdoctoral"), so "The interviews will
# take place …" is not read as a task.
EN_SUBJECT_WILL = compile_guarded(
    r"(?<![\w'-])(?:the|our|this|the new|our new)\s+(?P<subject>[a-z-]{4,})(?:'ll|\s+will)\s+"
    r"(?:also\s+|mainly\s+|primarily\s+)?(?P<verb>[a-z]+)\b",
    re.IGNORECASE,
)


def _title_subject_will(title_words: list[str], sentence: str) -> bool:
    for m in EN_SUBJECT_WILL.finditer(sentence):
        subject, verb = m.group("subject").lower(), m.group("verb").lower()
        if verb in EN_NOT_TASK:
            continue
        if any(w.startswith(subject) or subject.startswith(w) for w in title_words):
            return True
    return False


# The work in the Finnish passive: "puistoissa haravoidaan, kitketään ja kastellaan", "ajon
# aikana seurataan lämpötiloja ja kirjataan ne". Three different verbs are needed, and the
# passives of the hiring, the pay and the terms do not count.
FI_PASSIVE = compile_guarded(r"(?<![\w-])[a-zäöå]{3,}[tdlnr](?:aan|ään)\b")
FI_NOT_WORK_PASSIVE = frozenset(
    str.split(
        "haastatellaan valitaan ilmoitetaan maksetaan tarjotaan toivotaan edellytetään "
        "arvostetaan odotetaan otetaan käsitellään pidetään vaaditaan tehdään lähetetään "
        "palkataan haetaan etsitään katsotaan aloitetaan soitetaan kutsutaan toteutetaan "
        "järjestetään perehdytetään koulutetaan tuetaan annetaan kerrotaan sovitaan "
        "noudatetaan sovelletaan määritellään määrätään täytetään jätetään liitetään "
        "pyydetään huomioidaan hyväksytään voidaan saadaan ollaan tarvitaan halutaan "
        "tiedotetaan vastataan"
    )
)


def _finnish_passive_work(text: str) -> bool:
    verbs = {m.group().lower() for m in FI_PASSIVE.finditer(text)}
    return len(verbs - FI_NOT_WORK_PASSIVE) >= 3


# The role's work named with the title: "Scenmästarens uppdrag …", "The doctoral researcher's
# work forms the core …", "Senior Cloud Engineerin rooli on ownata …".
ROLE_OF = compile_guarded(
    r"(?:'s|s|ns|ens|n|in)\s+(?:work|job|role|duties|tasks|mission|uppdrag|ansvar\w*|uppgift\w*|"
    r"arbete|roll|rooli|tehtävä\w*|työ|vastuu\w*)\b",
    re.IGNORECASE,
)


def _role_of_title(title_words: list[str], text: str) -> bool:
    low = text.lower()
    for word in title_words:
        start = 0
        while (i := low.find(word, start)) >= 0:
            start = i + len(word)
            if i > 0 and low[i - 1].isalnum():
                continue
            if ROLE_OF.match(text, start):
                return True
    return False


def tells_duties(ad: Ad) -> bool:
    """A second-person present-tense sentence about a task, in any of the three languages.

    Every language is tried: bilingual ads and a mis-guessed language are common. The title
    line says nothing about duties and is skipped.
    """
    sentences = _sentences(ad)[1:]
    role = _role(ad.title[0])
    lower_seen = bool(role and re.search(rf"(?<!\w){re.escape(role)}", ad.text))
    title_words = [w.lower() for w in WORD.findall(ad.title[0]) if len(w) >= 4]
    if any(
        _finnish(s)
        or _swedish(s)
        or _english(s)
        or _relative_task(s)
        or _finnish_hire_subject(s)
        or bool(role and _role_subject(role, lower_seen, s))
        or SPENT.search(s)
        or (TEAM_HINT.search(s) is not None and _team_work(s))
        or _title_subject_will(title_words, s)
        for s in sentences
    ):
        return True
    body = ad.text[ad.lines[1][0] :] if len(ad.lines) > 1 else ""
    if _finnish_passive_work(body) or _role_of_title(title_words, body):
        return True
    return sum(_first_person(s) for s in sentences) >= 2
