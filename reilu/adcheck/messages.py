"""Finding messages in fi, sv and en; each says what is wrong and how to fix it."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "missing-employer": {
        "fi": "Ilmoituksesta ei selviä, mikä organisaatio palkkaa. Kerro työnantajan nimi, "
        "myös silloin kun rekrytoit asiakkaalle.",
        "sv": "Annonsen säger inte vilken organisation som anställer. Ange arbetsgivarens namn, "
        "även när ni rekryterar åt en kund.",
        "en": "The ad does not say which organisation is hiring. Name the employer, also when "
        "you recruit on behalf of a client.",
    },
    "missing-location": {
        "fi": "Työn sijainti puuttuu. Kerro paikkakunta tai osoite, tai kerro että työ on "
        'etätyötä (esim. "etätyö, koko Suomi").',
        "sv": "Arbetsorten saknas. Ange ort eller adress, eller skriv att arbetet sker på "
        'distans (t.ex. "distansarbete, hela Finland").',
        "en": "No work location. Give the town or address, or state that the job is remote "
        '(e.g. "remote, anywhere in Finland").',
    },
    "missing-contact": {
        "fi": "Ilmoituksessa ei ole nimettyä yhteyshenkilöä. Lisää henkilön nimi ja puhelinnumero "
        "tai sähköpostiosoite; pelkkä rekry@-osoite ei riitä.",
        "sv": "Annonsen saknar en namngiven kontaktperson. Lägg till personens namn och "
        "telefonnummer eller e-postadress; en allmän adress räcker inte.",
        "en": "No named contact person. Add a person's name with a phone number or email "
        "address; a generic mailbox such as jobs@ is not enough.",
    },
    "missing-salary": {
        "fi": "Palkkaa ei kerrota. Lisää palkka tai palkkahaarukka euroina, esim. "
        '"3 200–3 800 €/kk" (EU:n palkka-avoimuusdirektiivi 2023/970, 5 art.).',
        "sv": "Lönen anges inte. Lägg till lön eller lönespann i euro, t.ex. "
        '"2 900–3 300 €/mån" (EU:s lönetransparensdirektiv 2023/970, art. 5).',
        "en": 'No pay is given. Add the pay or a pay range, e.g. "€3,200–3,800 per month" '
        "(EU Pay Transparency Directive 2023/970, Art. 5).",
    },
    "vague-salary": {
        "fi": "Palkka mainitaan ilman lukua ({quote}). Kerro palkkahaarukka euroina, esim. "
        '"3 200–3 800 €/kk".',
        "sv": "Lönen nämns utan belopp ({quote}). Ange ett lönespann i euro, t.ex. "
        '"2 900–3 300 €/mån".',
        "en": "Pay is mentioned without a figure ({quote}). State a pay range, e.g. "
        '"€3,200–3,800 per month".',
    },
    "salary-history-question": {
        "fi": "Ilmoitus kysyy hakijan nykyistä tai aiempaa palkkaa ({quote}). Poista kysymys: "
        "EU-direktiivi 2023/970 (5 art. 2 kohta) kieltää palkkahistorian kysymisen.",
        "sv": "Annonsen frågar efter nuvarande eller tidigare lön ({quote}). Ta bort frågan: "
        "EU-direktivet 2023/970 (art. 5.2) förbjuder frågor om lönehistorik.",
        "en": "The ad asks for current or previous pay ({quote}). Remove the question: EU "
        "Directive 2023/970 (Art. 5(2)) forbids asking about pay history.",
    },
    "salary-expectation-request": {
        "fi": "Ilmoitus pyytää palkkatoivetta kertomatta palkkahaarukkaa ({quote}). Kerro "
        "haarukka ensin, tai poista pyyntö.",
        "sv": "Annonsen ber om löneanspråk utan att ange ett lönespann ({quote}). Ange spannet "
        "först eller ta bort frågan.",
        "en": "The ad asks for a salary expectation without giving a range ({quote}). State the "
        "range first, or drop the request.",
    },
    "missing-deadline": {
        "fi": 'Hakuaikaa ei ole. Kerro viimeinen hakupäivä, esim. "Hakuaika päättyy '
        '31.1.2027 klo 16".',
        "sv": 'Sista ansökningsdag saknas. Ange t.ex. "Sök senast 31.1.2027".',
        "en": 'No application deadline. Add one, e.g. "Apply by 31 January 2027".',
    },
    "missing-process-timeline": {
        "fi": "Ilmoitus ei kerro, milloin haastattelut tai valinnat tehdään tai miten hakijoille "
        'ilmoitetaan. Lisää aikataulu, esim. "Haastattelut viikolla 5, kaikille vastataan '
        '12.2. mennessä".',
        "sv": "Annonsen säger inte när intervjuer eller beslut sker eller hur sökande får "
        'besked. Lägg till en tidsplan, t.ex. "Intervjuer vecka 5, alla får besked senast '
        '12.2".',
        "en": "Nothing on when interviews or decisions happen or how applicants hear back. "
        'Add a timeline, e.g. "Interviews in week 5; everyone hears from us by 12 February".',
    },
    "gendered-title": {
        "fi": 'Tehtävänimike "{quote}" on sukupuolittunut. Käytä neutraalia nimikettä, '
        'esim. "{neutral}".',
        "sv": 'Titeln "{quote}" är könsbunden. Använd en könsneutral titel, t.ex. "{neutral}".',
        "en": 'The job title "{quote}" is gender-specific. '
        'Use a neutral title such as "{neutral}".',
    },
    "gender-coded-wording": {
        "fi": "Ilmoituksessa on paljon {gender}ksi koodattuja sanoja ({words}). Kuvaa "
        "tehtävän vaatimuksia konkreettisesti luonteenpiirteiden sijaan.",
        "sv": "Annonsen staplar {gender} kodade ord ({words}). Beskriv vad arbetet kräver "
        "konkret i stället för personlighetsdrag.",
        "en": "The ad stacks {gender}-coded words ({words}). Describe what the job requires "
        "in concrete terms instead of personality traits.",
    },
    "age-requirement": {
        "fi": "Ikään viittaava ilmaus ({quote}). Poista ikäraja tai ikään viittaava kuvaus; "
        "kerro tarvittava osaaminen.",
        "sv": "Åldersrelaterat uttryck ({quote}). Ta bort åldersgränsen eller åldersbeskrivningen "
        "och beskriv den kompetens som behövs.",
        "en": "Age-related wording ({quote}). Remove the age limit or age-coded description "
        "and describe the skills needed.",
    },
    "native-speaker-requirement": {
        "fi": "Ilmoitus vaatii äidinkieltä ({quote}). Kerro vaadittu kielitaidon taso, esim. "
        '"erinomainen suomen kielen taito" tai "vähintään C1".',
        "sv": "Annonsen kräver ett modersmål ({quote}). Ange den språknivå som behövs, t.ex. "
        '"utmärkta kunskaper i svenska" eller "minst C1".',
        "en": "The ad asks for a native speaker ({quote}). State the language level needed "
        'instead, e.g. "excellent English (C1 or above)".',
    },
    "title-inflation": {
        "fi": 'Nimike "{quote}" lupaa esihenkilötyötä, mutta työ on pääosin {reason}. Käytä '
        'työtä kuvaavaa nimikettä (esim. "myyjä") tai kerro johtamistyön osuus.',
        "sv": 'Titeln "{quote}" lovar ledarskap, men arbetet är främst {reason}. Använd en '
        'titel som beskriver arbetet (t.ex. "säljare") eller ange ledarskapets andel.',
        "en": 'The title "{quote}" promises leadership, but the job is mainly {reason}. Use a '
        'title that describes the work (e.g. "sales representative") or state the share of '
        "leadership time.",
    },
    "commission-only-pay": {
        "fi": "Palkka on pelkkää provisiota ({quote}). Kerro taattu peruspalkka tai realistinen "
        "ansiohaarukka euroina.",
        "sv": "Lönen är enbart provision ({quote}). Ange en garanterad grundlön eller ett "
        "realistiskt lönespann i euro.",
        "en": "Pay is commission only ({quote}). State a guaranteed base pay or a realistic "
        "earnings range in euros.",
    },
    "missing-duties": {
        "fi": "Ilmoituksessa ei ole konkreettisia työtehtäviä. Lisää tehtävälista, mielellään "
        'työajan osuuksin (esim. "asiakastapaamiset, noin 50 %").',
        "sv": "Annonsen saknar konkreta arbetsuppgifter. Lägg till en lista, gärna med andel "
        'av arbetstiden (t.ex. "kundmöten, cirka 50 %").',
        "en": "No concrete duties. Add a list of tasks, ideally with their share of working "
        'time (e.g. "customer meetings, about 50%").',
    },
}
GENDER = {
    "fi": {"m": "maskuliinise", "f": "feminiinise"},
    "sv": {"m": "maskulint", "f": "feminint"},
    "en": {"m": "masculine", "f": "feminine"},
}
REASONS = {
    "field": {"fi": "kenttämyyntiä", "sv": "fältförsäljning", "en": "field sales"},
    "door": {
        "fi": "ovelta ovelle -myyntiä",
        "sv": "dörrförsäljning",
        "en": "door-to-door sales",
    },
    "commission": {
        "fi": "provisiopalkkaista myyntiä",
        "sv": "provisionsbaserad försäljning",
        "en": "commission-paid sales",
    },
    "little": {
        "fi": "muuta kuin johtamista (johtamisen osuus on pieni)",
        "sv": "annat än ledarskap (ledarskapets andel är liten)",
        "en": "other work than leading (little leadership time)",
    },
}


def message(code: str, lang: str, **values: str) -> str:
    template = MESSAGES[code].get(lang) or MESSAGES[code]["en"]
    if "gender" in values:
        values["gender"] = GENDER.get(lang, GENDER["en"])[values["gender"]]
    if "reason" in values:
        values["reason"] = REASONS[values["reason"]].get(lang, REASONS[values["reason"]]["en"])
    values.setdefault("quote", "")
    try:
        text = template.format(**values)
    except KeyError:
        text = template
    return text.replace(" ()", "")
