"""Application questions checked like the ad (fi, sv, en): plain Python, no Django.

A question may not ask what the law keeps out of hiring (pay history, EU Directive 2023/970
Art. 5(2); age, family, pregnancy, health, religion, ethnic origin, union membership:
Finland's Non-Discrimination Act 1325/2014 and Act on the Protection of Privacy in Working
Life 759/2004 §3; nationality, unless a job-related requirement is stated; a photo). Those
are errors and block publishing. A question that relates to no stated requirement gets a
warning: ask what the job needs.

Questions are short and often written in another language than the ad, so every question
is read against the patterns of all three languages; the advice is in the reader's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .report import ERROR, WARNING, Finding

# Code -> severity. The codes are documented in docs/adcheck.md.
QUESTION_CODES: dict[str, str] = {
    "question-pay-history": ERROR,
    "question-age": ERROR,
    "question-family": ERROR,
    "question-pregnancy": ERROR,
    "question-health": ERROR,
    "question-religion": ERROR,
    "question-ethnic-origin": ERROR,
    "question-union": ERROR,
    "question-nationality": ERROR,
    "question-photo": ERROR,
    "question-unrelated": WARNING,
}

_W = r"[\wåäöÅÄÖ-]*"  # the rest of an inflected word

PATTERNS: dict[str, list[str]] = {
    "question-pay-history": [
        # en
        r"\b(current|present|previous|last|prior|former|existing|latest)\s+(\w+\s+){0,2}"
        r"(salary|salaries|pay|wages?|compensation|earnings|income)\b",
        r"\bsalary\s+history\b",
        r"\bpay\s*slips?\b",
        r"\bhow\s+much\s+(do|did)\s+you\s+(currently\s+)?(earn|make|get\s+paid)\b",
        r"\bwhat\s+(do|did)\s+you\s+(currently\s+)?earn\b",
        r"\bwhat\s+(are|were)\s+you\s+(currently\s+)?(paid|earning)\b",
        # the pay noun first: "your salary in your previous job", "what was your pay"
        r"\b(salary|pay|wages?|compensation|earnings|income)\s+(\w+\s+){0,3}"
        r"(previous|last|prior|former|current|present|latest)\s+"
        r"(job|employer|role|position|workplace|company|post)\b",
        r"\bwhat\s+was\s+your\s+(\w+\s+)?(salary|pay|wages?|income|compensation)\b",
        # fi
        rf"\b(nykyi|tämänhetki|edelli|viimei|aiem|entis|nyky){_W}\s+({_W}\s+){{0,2}}"
        r"(palkka|palkkasi|palkkaa|palkkaasi|palkan|palkkatasosi|palkkatasoa|kuukausipalkka|"
        r"kuukausipalkkasi|tuntipalkka|tuntipalkkasi|ansiot|ansiosi|ansiotasosi|tulot|tulosi|"
        r"tulotasosi)\b",
        rf"\bpalkka(historia|todistu|laskel|kuit){_W}",
        r"\b(paljonko|kuinka\s+paljon|mitä)\s+(\w+\s+)?(ansaitset|ansaitsit|tienaat|tienasit)\b",
        rf"\bpalkkasi\s+(nyt|tällä\s+hetkellä|nykyisessä|edellisessä){_W}",
        rf"\b(palk|ansio){_W}\s+({_W}\s+){{0,2}}(edellis|aiemm|nykyis|viimeis|entis){_W}\s+"
        rf"(työ|tehtäv|toime|virka|virassa){_W}",
        # sv
        rf"\b(nuvarande|tidigare|senaste|förra|föregående|nuvarand|aktuell){_W}\s+"
        rf"({_W}\s+){{0,2}}(lön|lönen|löner|lönenivå|ersättning|ersättningen|inkomst|"
        r"inkomsten|inkomster|månadslön|månadslönen|timlön|timlönen)\b",
        rf"\blöne(historik|specifikation|besked){_W}",
        r"\bhur\s+mycket\s+(tjänar|tjänade)\s+du\b",
        r"\bvad\s+(tjänar|tjänade)\s+du\b",
        rf"\b(lön|lönen|ersättning|ersättningen|inkomst|inkomsten)\s+({_W}\s+){{0,3}}"
        rf"(förra|tidigare|nuvarande|senaste|föregående){_W}\s+"
        rf"(jobb|arbetsgivar|tjänst|anställning|arbetsplats|befattning){_W}",
        r"\bvad\s+var\s+din\s+(\w+\s+)?(lön|ersättning|inkomst)\b",
    ],
    "question-age": [
        r"\b(your\s+age|age\s*\?|how\s+old|year\s+of\s+birth|date\s+of\s+birth|birth\s*year|"
        r"birthday|when\s+were\s+you\s+born|born\s+in|what\s+age)\b",
        r"\bage\b",
        r"\b(ikä|ikäsi|iän|ikää|iältä|iältäsi|ikääsi|ikäryhmä\w*)\b",
        rf"\b(syntymävuo|syntymäai|syntymäpäiv|syntymäpäivä){_W}",
        r"\b(kuinka|miten)\s+vanha\b",
        # "Minkä ikäinen olet?"; a compound ("täysi-ikäinen", "samanikäinen") is not this
        rf"(?<![-\w])ikäi{_W}",
        r"\bvuonna\s+syntyn",
        r"\bmilloin\s+olet\s+syntynyt\b",
        rf"\b(ålder|åldern|födelseår|födelsedatum|födelsedag){_W}",
        r"\bhur\s+gammal\b",
        r"\bnär\s+är\s+du\s+född\b",
        r"\bfödd\s+(år|\d)",
    ],
    "question-family": [
        r"\b(do|have)\s+you\s+(have|got)\s+(any\s+)?(children|kids|a\s+family)\b",
        r"\byour\s+(children|kids|spouse|husband|wife|partner|family\s+situation)\b",
        r"\b(are\s+you|you\s+are)\s+(married|single|divorced|engaged|in\s+a\s+relationship)\b",
        r"\b(marital|family|relationship)\s+(status|situation|plans)\b",
        r"\bplan(s|ning)?\s+(to|on)\s+(have|having|start|starting)\s+(a\s+)?"
        r"(family|children|kids|baby)\b",
        r"\bchildcare\s+arrangements?\b",
        rf"\b(lapsia|lapsesi|lapsiasi|lapsenhoi|lastenhoi){_W}",
        rf"\b(perhetilan|perhesuhte|perheenlisäy|perhesuunnit|siviilisääty|naimisi|puolisosi|"
        rf"perheesi|avioliit|seurustel){_W}",
        rf"\b(har\s+du\s+barn|dina\s+barn|civilstånd|familjeplaner|familjesituation|"
        rf"barnomsorg|skaffa\s+barn|din\s+(make|maka|partner|sambo)|är\s+du\s+gift){_W}",
    ],
    "question-pregnancy": [
        r"\b(pregnan\w*|expecting\s+a\s+(baby|child)|maternity\s+leave|paternity\s+leave|"
        r"parental\s+leave)\b",
        rf"\b(raska|odotatko\s+lasta|äitiysvapa|isyysvapa|vanhempainvapa|perhevapa){_W}",
        rf"\b(gravid|väntar\s+du\s+barn|föräldraledig|mammaledig|pappaledig){_W}",
    ],
    "question-health": [
        r"\b(your\s+health|health\s+(problems?|issues?|conditions?|status)|"
        r"(any|a|chronic)\s+(illness(es)?|diseases?|disabilit(y|ies)|medical\s+conditions?)|"
        r"sick\s+(leave|days)|medications?|diagnos\w*|mental\s+health|are\s+you\s+disabled|"
        r"(do|have)\s+you\s+(have|got)\s+(a|any)\s+disabilit(y|ies))\b",
        rf"\b(terveydentil|terveytesi|terveysongelm|sairauksi|sairaus|sairastat|sairauslom|"
        rf"sairaspoissa|vamma|lääkity|diagnoo|mielenterv|pitkäaikaissair){_W}",
        rf"\b(hälsotillstånd|din\s+hälsa|hälsoproblem|sjukdom|sjukskriv|sjukfrånvaro|"
        rf"funktionsneds|funktionshind|handikapp|medicinering|diagnos){_W}",
    ],
    "question-religion": [
        r"\b(religion|religious|your\s+faith|church\s+member\w*|belong\s+to\s+a\s+church|"
        r"do\s+you\s+pray|worship)\b",
        rf"\b(uskonto|uskontosi|uskontokun|uskonnolli|vakaumuksesi|kirkkoon\s+kuulu|"
        rf"kuulutko\s+kirkkoon|rukoile){_W}",
        rf"\b(religion|religiös|trosuppfattning|tillhör\s+du\s+(svenska\s+)?kyrkan|din\s+tro\b){_W}",
    ],
    "question-ethnic-origin": [
        r"\b(ethnic\w*|race|racial|skin\s+colou?r|ancestry)\b",
        rf"\b(etnin|etnis|rotu|rotusi|ihonvä|syntyperä|alkuperäsi|etninen\s+alkuperä){_W}",
        r"\b(etnisk\w*|etnicitet\w*|ras|rasbakgrund|hudfärg\w*|härkomst\w*|"
        r"etniskt\s+ursprung)\b",
    ],
    "question-union": [
        r"\b((trade|labou?r)\s+)?union\s+(member\w*|dues|activit\w*)\b",
        r"\bmember\s+of\s+(a|any)\s+((trade|labou?r)\s+)?union\b",
        r"\b(trade|labou?r)\s+unions?\b",
        rf"\b(ammattiliit|ammattiyhdisty|liiton\s+jäsen|liittoon\s+kuulu|kuulutko\s+liittoon|"
        rf"työttömyyskassa){_W}",
        rf"\b(fackförbund|fackligt|facket|fackmedlem|medlem\s+i\s+fack|a-kassa){_W}",
    ],
    "question-nationality": [
        r"\b(nationality|citizenship|citizen|where\s+are\s+you\s+from|country\s+of\s+origin|"
        r"passport)\b",
        rf"\b(kansalaisuu|kansalainen|mistä\s+olet\s+kotoisin|synnyinmaa){_W}",
        r"\b(passi|passisi|passin)\b",
        rf"\b(medborgarskap|nationalitet|medborgare|varifrån\s+kommer\s+du|ursprungsland)"
        rf"{_W}",
        r"\bpass\b",
    ],
    "question-photo": [
        r"\b(photo|photos|photograph|selfie|headshot|pic|picture\s+of\s+(yourself|you)|"
        r"your\s+picture)\b",
        rf"\b(valokuva|valokuvan|valokuvasi|valokuvia|kasvokuva|profiilikuva|kuvasi|"
        rf"kuva\s+itsestäsi|kuvan\s+itsestäsi){_W}",
        r"\b(foto|fotot|bild\s+på\s+dig|porträttbild|porträttfoto|ansiktsbild)\b",
    ],
}

# Not about the person: health care as a field of work, photography as a skill, the EU.
EXCEPTIONS: dict[str, list[str]] = {
    "question-health": [
        r"\b(health\s*care|healthcare|health\s+and\s+safety|occupational\s+health)\b",
        rf"\b(terveydenhuol|työterveys|terveysala|sairaanhoi|sairaala){_W}",
        rf"\b(hälso-\s+och\s+sjukvård|sjukvård|sjukhus|företagshälsovård){_W}",
    ],
    "question-age": [r"\b(legal\s+age|of\s+age\s+to|täysi-ikäi\w*|myndig\w*)\b"],
    "question-union": [
        r"\beuropean\s+union\b",
        r"\beuroopan\s+unioni\w*",
        r"\beuropeiska\s+unionen\b",
    ],
    "question-photo": [r"\b(photograph(y|er|ers|ic)|valokuvaaj\w*|valokuvau\w*|fotograf\b)"],
}

_COMPILED = {
    code: [re.compile(p, re.IGNORECASE) for p in patterns] for code, patterns in PATTERNS.items()
}
_EXCEPT = {
    code: [re.compile(p, re.IGNORECASE) for p in patterns] for code, patterns in EXCEPTIONS.items()
}

# Words that say nothing about what a question is about, for the relation to requirements.
_STOP_WORDS = """
    what which when where who whom whose why how many much long does have your you with
    that this there their from into about would could should will shall please tell give
    describe briefly years year also some any other more most than them they been being
    able well good kind sort ever already currently still
    onko oletko sinulla sinun sinä mikä mitkä mitä millainen millaista kuinka montako
    paljonko milloin missä miten miksi kerro kuvaile lyhyesti vuotta vuosia vuoden
    voitko haluatko olisitko osaatko pystytkö hallitsetko tunnetko
    vilken vilka vilket vad varför hur många mycket länge när berätta beskriv kort
    eller också något några dina ditt dina finns kan du har är att med för inte
    """
_STOP = set(_STOP_WORDS.split())
_WORD = re.compile(r"[a-zåäöéü0-9+#]{3,}", re.IGNORECASE)
_STEM = 5


def _stems(text: str) -> set[str]:
    return {
        w.lower()[:_STEM] for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) >= 3
    }


def related(question: str, requirements: Iterable[str]) -> bool:
    """Whether the question shares a content word (by its first letters) with a requirement."""
    own = _stems(question)
    return any(own & _stems(line) for line in requirements)


def _matches(code: str, text: str) -> re.Match[str] | None:
    for pattern in _COMPILED[code]:
        found = pattern.search(text)
        if found and not any(p.search(text) for p in _EXCEPT.get(code, [])):
            return found
    return None


MESSAGES: dict[str, dict[str, str]] = {
    "question-pay-history": {
        "fi": "Kysymys koskee nykyistä tai aiempaa palkkaa. Sitä ei saa kysyä (EU:n "
        "palkka-avoimuusdirektiivi 2023/970, 5 art. 2 kohta): poista kysymys. Voit kysyä "
        "palkkatoivetta, kun ilmoituksessa on palkkahaarukka.",
        "sv": "Frågan gäller nuvarande eller tidigare lön. Den får inte ställas (EU:s "
        "lönetransparensdirektiv 2023/970, art. 5.2): ta bort frågan. Ni kan fråga om "
        "löneanspråk när annonsen anger ett lönespann.",
        "en": "The question asks about current or previous pay. It may not be asked (EU Pay "
        "Transparency Directive 2023/970, Art. 5(2)): remove the question. You may ask for "
        "pay expectations when the ad states a pay range.",
    },
    "question-age": {
        "fi": "Kysymys koskee ikää tai syntymävuotta. Ikä ei saa vaikuttaa valintaan "
        "(yhdenvertaisuuslaki): poista kysymys. Jos työ vaatii täysi-ikäisyyttä, kysy sitä.",
        "sv": "Frågan gäller ålder eller födelseår. Ålder får inte påverka valet "
        "(diskrimineringslagen): ta bort frågan. Kräver arbetet myndighetsålder, fråga om det.",
        "en": "The question asks about age or year of birth. Age may not affect the choice "
        "(Non-Discrimination Act): remove the question. If the job requires being of legal "
        "age, ask that.",
    },
    "question-family": {
        "fi": "Kysymys koskee perhetilannetta tai perhesuunnitelmia. Niitä ei saa kysyä "
        "(tasa-arvolaki, yhdenvertaisuuslaki): poista kysymys. Kysy tarvittaessa, sopivatko "
        "työajat.",
        "sv": "Frågan gäller familjesituation eller familjeplaner. De får inte efterfrågas "
        "(jämställdhetslagen, diskrimineringslagen): ta bort frågan. Fråga vid behov om "
        "arbetstiderna passar.",
        "en": "The question asks about family status or plans. They may not be asked "
        "(Equality Act, Non-Discrimination Act): remove the question. If it matters, ask "
        "whether the working hours suit the candidate.",
    },
    "question-pregnancy": {
        "fi": "Kysymys koskee raskautta tai perhevapaita. Sitä ei saa kysyä (tasa-arvolaki): "
        "poista kysymys.",
        "sv": "Frågan gäller graviditet eller familjeledighet. Den får inte ställas "
        "(jämställdhetslagen): ta bort frågan.",
        "en": "The question asks about pregnancy or family leave. It may not be asked "
        "(Equality Act): remove the question.",
    },
    "question-health": {
        "fi": "Kysymys koskee terveydentilaa. Terveystietoja ei kysytä hakulomakkeella "
        "(laki yksityisyyden suojasta työelämässä): poista kysymys. Jos työ asettaa "
        "terveysvaatimuksia, ne arvioi työterveyshuolto.",
        "sv": "Frågan gäller hälsotillstånd. Hälsouppgifter efterfrågas inte i ansökan "
        "(lagen om integritetsskydd i arbetslivet): ta bort frågan. Hälsokrav bedöms av "
        "företagshälsovården.",
        "en": "The question asks about health. Health data is not asked on an application "
        "(Act on the Protection of Privacy in Working Life): remove the question. Health "
        "requirements of a job are assessed by occupational health care.",
    },
    "question-religion": {
        "fi": "Kysymys koskee uskontoa tai vakaumusta. Sitä ei saa kysyä "
        "(yhdenvertaisuuslaki): poista kysymys.",
        "sv": "Frågan gäller religion eller övertygelse. Den får inte ställas "
        "(diskrimineringslagen): ta bort frågan.",
        "en": "The question asks about religion or belief. It may not be asked "
        "(Non-Discrimination Act): remove the question.",
    },
    "question-ethnic-origin": {
        "fi": "Kysymys koskee etnistä alkuperää. Sitä ei saa kysyä (yhdenvertaisuuslaki): "
        "poista kysymys. Kielitaitoa voi kysyä, jos työ sitä vaatii.",
        "sv": "Frågan gäller etniskt ursprung. Den får inte ställas (diskrimineringslagen): "
        "ta bort frågan. Språkkunskaper kan efterfrågas om arbetet kräver dem.",
        "en": "The question asks about ethnic origin. It may not be asked (Non-Discrimination "
        "Act): remove the question. Language skills may be asked when the job needs them.",
    },
    "question-union": {
        "fi": "Kysymys koskee ammattiliiton jäsenyyttä. Sitä ei saa kysyä "
        "(yhdenvertaisuuslaki, työsopimuslaki): poista kysymys.",
        "sv": "Frågan gäller medlemskap i fackförbund. Den får inte ställas "
        "(diskrimineringslagen, arbetsavtalslagen): ta bort frågan.",
        "en": "The question asks about trade union membership. It may not be asked "
        "(Non-Discrimination Act, Employment Contracts Act): remove the question.",
    },
    "question-nationality": {
        "fi": "Kysymys koskee kansalaisuutta tai alkuperämaata. Kysy sen sijaan "
        "työnteko-oikeudesta, tai kerro vaatimuksissa työhön liittyvä peruste "
        "kansalaisuusvaatimukselle (esim. lakisääteinen turvallisuustehtävä).",
        "sv": "Frågan gäller medborgarskap eller ursprungsland. Fråga i stället om rätten "
        "att arbeta, eller ange i kraven ett arbetsrelaterat skäl till kravet på "
        "medborgarskap (t.ex. en lagstadgad säkerhetsuppgift).",
        "en": "The question asks about nationality or country of origin. Ask about the right "
        "to work instead, or state a job-related reason for a citizenship requirement in the "
        "requirements (e.g. a security post that requires it by law).",
    },
    "question-photo": {
        "fi": "Kysymys pyytää valokuvaa. Kuva kertoo iästä, sukupuolesta ja alkuperästä, "
        "jotka eivät saa vaikuttaa valintaan: poista kysymys.",
        "sv": "Frågan ber om ett foto. Ett foto visar ålder, kön och ursprung, som inte får "
        "påverka valet: ta bort frågan.",
        "en": "The question asks for a photo. A photo shows age, gender and origin, which may "
        "not affect the choice: remove the question.",
    },
    "question-unrelated": {
        "fi": "Kysymys ei liity mihinkään ilmoituksen vaatimukseen. Kysy vain sitä, mitä työ "
        "edellyttää, tai lisää vaatimus ilmoitukseen.",
        "sv": "Frågan hör inte ihop med något av annonsens krav. Fråga bara det som arbetet "
        "kräver, eller lägg till kravet i annonsen.",
        "en": "The question relates to none of the ad's requirements. Ask only what the job "
        "needs, or add the requirement to the ad.",
    },
}


def question_message(code: str, reader: str) -> str:
    return MESSAGES[code].get(reader) or MESSAGES[code]["en"]


def check_question(
    text: str,
    *,
    choices: Sequence[str] = (),
    requirements: Sequence[str] = (),
    tied: bool = False,
    reader: str = "en",
) -> list[Finding]:
    """The findings on one application question, its choices read with it.

    `requirements` are the ad's requirement lines; `tied` says the question is tied to one
    of them. A nationality question is allowed when a stated requirement is about
    nationality; a question that shares no word with any requirement (and is not tied to
    one) is a warning.
    """
    whole = " ".join([text, *choices])
    findings: list[Finding] = []
    for code in PATTERNS:
        found = _matches(code, whole)
        if found is None:
            continue
        if code == "question-nationality" and any(
            _matches("question-nationality", line) for line in requirements
        ):
            continue
        start, end = (found.start(), found.end()) if found.end() <= len(text) else (None, None)
        findings.append(
            Finding(code, QUESTION_CODES[code], question_message(code, reader), start, end)
        )
    if not findings and not tied and not related(whole, requirements):
        code = "question-unrelated"
        findings.append(Finding(code, WARNING, question_message(code, reader)))
    return findings


# --- Evaluation against the labelled examples (``make eval-adcheck``) ---------------------

QUESTIONS_FILE = Path(__file__).resolve().parents[2] / "tests" / "adcheck" / "questions.json"


@dataclass(frozen=True)
class Example:
    text: str
    language: str
    codes: tuple[str, ...]
    requirements: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()


def load_examples(path: Path = QUESTIONS_FILE) -> list[Example]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [
        Example(
            text=r["text"],
            language=r["language"],
            codes=tuple(r["codes"]),
            requirements=tuple(r.get("requirements", ())),
            choices=tuple(r.get("choices", ())),
        )
        for r in rows
    ]


def evaluate_examples(examples: Sequence[Example]) -> tuple[dict[str, list[int]], list[str]]:
    """Per code [TP, FP, FN], and a line per example the checker got wrong."""
    scores = {code: [0, 0, 0] for code in QUESTION_CODES}
    wrong = []
    for example in examples:
        got = {
            f.code
            for f in check_question(
                example.text, choices=example.choices, requirements=example.requirements
            )
        }
        expected = set(example.codes)
        for code, score in scores.items():
            score[0] += code in got and code in expected
            score[1] += code in got and code not in expected
            score[2] += code in expected and code not in got
        if got != expected:
            wrong.append(
                f"[{example.language}] {example.text!r}: expected {sorted(expected) or '-'}, "
                f"got {sorted(got) or '-'}"
            )
    return scores, wrong


def report_examples(path: Path = QUESTIONS_FILE) -> str:
    """The evaluation of the application-question examples as a Markdown table."""
    examples = load_examples(path)
    scores, wrong = evaluate_examples(examples)
    languages = sorted({e.language for e in examples})
    rows = [
        f"## application questions ({len(examples)} examples, {', '.join(languages)})",
        "",
        "| code | TP | FP | FN | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    total = [0, 0, 0]
    for code, (tp, fp, fn) in scores.items():
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        rows.append(f"| {code} | {tp} | {fp} | {fn} | {precision:.2f} | {recall:.2f} |")
    tp, fp, fn = total
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    rows.append(f"| all codes | {tp} | {fp} | {fn} | {precision:.2f} | {recall:.2f} |")
    rows += ["", "Mismatches: none" if not wrong else "Mismatches:", *wrong, ""]
    return "\n".join(rows)
