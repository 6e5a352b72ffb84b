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
FI_CANDIDATE = re.compile(r"[a-zäöå]{3,}[aeiouyäö]t")
# A plural noun, an agent noun or a third-person verb form, never a second-person verb.
FI_NOT_VERB_SHAPE = re.compile(
    r"(?:ijat|ijät|vat|vät|ukset|ykset|set|mat|mät|jat|jät|elut|elyt|ilut|ilyt|ulut|iot|nnit|"
    r"uudet|yydet)$"
)
# What follows a noun subject: a finite verb ("ovat", "alkavat", "antaa", "pidetään").
FI_FINITE_NEXT = re.compile(
    r"(?:on|ovat|ei|eivät|oli|olivat|\w+(?:vat|vät|[td](?:aan|ään)|aa|ää|ee|ii|oo|uu|yy|öö))$"
)
# One fronted word before the verb: an adverbial ("Työssäsi", "Aamuisin", "Lisäksi").
FI_FRONT = re.compile(
    r"\w+(?:ssa|ssä|ssasi|ssäsi|lla|llä|na|nä|sti|isin|ttain|ttäin)|lisäksi|myös|sinä|"
    r"nyt|usein|sitten|sen jälkeen|ensin|välillä|tarvittaessa",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w'’-]+")


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
            and not FI_FINITE_NEXT.fullmatch(following.lower())
        ):
            return True
    return False


SV_SUBJECT_VERB = re.compile(
    r"(?<![\w-])(?:du|Du)\s+(?:också\s+|främst\s+|även\s+|ofta\s+|sedan\s+|själv\s+|dessutom\s+)?"
    r"(?P<verb>[a-zåäö]{2,}r)\b"
)
# The future: "Du kommer (att) jobba med …", "Du ska planera …".
SV_FUTURE = re.compile(
    r"(?<![\w-])(?:du|Du)\s+(?:kommer\s+(?:att\s+)?|ska\s+)(?:också\s+|främst\s+|även\s+)?"
    r"(?P<verb>[a-zåäö]{2,}a)\b"
)
SV_NOT_TASK_INFINITIVE = frozenset(
    str.split("ha vara bli trivas lära kunna vilja behöva gilla känna tycka tro passa växa")
)
SV_VERB_SUBJECT = re.compile(r"(?<![\w-])(?P<verb>[a-zåäö]{3,}r)\s+du\b")
SV_NOT_SUBORDINATE = re.compile(r"(?:\b(?:om|när|innan|eftersom|då|som|att|ifall)\s+)$")


def _swedish(sentence: str) -> bool:
    if sentence.endswith("?"):
        return False
    for m in SV_SUBJECT_VERB.finditer(sentence):
        if m.group("verb") not in SV_NOT_TASK and not SV_NOT_SUBORDINATE.search(
            sentence[: m.start()]
        ):
            return True
    for m in SV_FUTURE.finditer(sentence):
        if m.group("verb") not in SV_NOT_TASK_INFINITIVE:
            return True
    for m in SV_THIRD_PERSON.finditer(sentence):
        if m.group("verb").lower() not in SV_NOT_TASK:
            return True
    # Inverted after a fronted phrase: "Hos oss betjänar du …", "I rollen ansvarar du …".
    for m in SV_VERB_SUBJECT.finditer(sentence):
        if m.start() > 0 and m.group("verb") not in SV_NOT_TASK:
            return True
    return False


EN_YOU_VERB = re.compile(
    r"(?<![\w'-])you(?:'ll| will|'d| would)?\s+(?:also\s+|mainly\s+|mostly\s+|then\s+|"
    r"often\s+|usually\s+|regularly\s+|primarily\s+|help\s+|get\s+to\s+)?(?:be\s+)?"
    r"(?P<verb>[a-z]+)\s+(?P<next>[\w'’-]+)",
    re.IGNORECASE,
)
EN_CONDITION = re.compile(
    r"\b(?:if|when|whether|once|before|after|where|as|that|who|than|thank|unless|while|"
    r"whatever|hope|think|believe|know|what)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


# "We need a support person who'll answer salon owners …", "The successful candidate will
# prepare …": the future tells the task.
EN_WHO_WILL = re.compile(
    r"(?<![\w'-])(?:who|candidate|person|hire|applicant|jobholder)(?:'ll| will)\s+"
    r"(?:also\s+|mainly\s+)?(?:be\s+)?(?P<verb>[a-z]+)\s",
    re.IGNORECASE,
)
# "Personen vi söker ansvarar för …", "Den som anställs kommer att …".
SV_THIRD_PERSON = re.compile(
    r"(?<![\w-])(?:personen|den (?:vi söker|som anställs|anställda)|vår nya \w+)\s+"
    r"(?:vi söker\s+)?(?:kommer att\s+|ska\s+)?(?P<verb>[a-zåäö]{3,}r)\b",
    re.IGNORECASE,
)


def _english(sentence: str) -> bool:
    if sentence.endswith("?"):
        return False
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


def tells_duties(ad: Ad) -> bool:
    """A second-person present-tense sentence about a task, in any of the three languages.

    Every language is tried: bilingual ads and a mis-guessed language are common. The title
    line says nothing about duties and is skipped.
    """
    sentences = _sentences(ad)[1:]
    return any(_finnish(s) or _swedish(s) or _english(s) for s in sentences)
