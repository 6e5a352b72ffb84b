"""Duties written in the shapes found in ads from outside the tuning set (issue 15): each
shape counts as duties, and the look-alikes that state a trait, a benefit or the employment
terms do not."""

import pytest

from reilu.adcheck import check
from reilu.adcheck.entities import contact_person, has_organisation, unnamed_client
from tests.adcheck.test_adcheck_rules import EN_BASE, FI_BASE, SV_BASE

DUTIES = {
    "fi": "Tehtävät\n- pk-yritysten kirjanpito ja arvonlisäverotus\n- tilinpäätösten valmistelu\n",
    "en": "What you'll do\n- Onboard new customers and run training sessions\n"
    "- Answer support tickets together with our product team\n",
    "sv": "Arbetsuppgifter\n- plockning och packning\n- truckkörning\n",
}
BASE = {"fi": FI_BASE, "en": EN_BASE, "sv": SV_BASE}


def without_duties(lang: str, instead: str) -> str:
    text = BASE[lang].replace(DUTIES[lang], instead + "\n")
    assert text != BASE[lang]
    return text


def missing_duties(lang: str, instead: str) -> bool:
    return "missing-duties" in check(without_duties(lang, instead), language=lang).codes


def test_the_bases_without_duties_are_flagged():
    for lang in BASE:
        assert missing_duties(lang, "Tervetuloa! Välkommen! Welcome!")


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # A table of work shares.
        ("fi", "Tehtävä | Osuus\nKirjanpito | 60 %\nPalkanlaskenta | 40 %"),
        ("sv", "Uppgift – andel\nTruckkörning – 70 %\nInventering – 30 %"),
        ("en", "Area | Share of time\nCustomer calls | 50 %\nOnboarding | 50 %"),
        # The tasks as a subject.
        ("en", "Responsibilities include running payroll and keeping personnel records."),
        ("sv", "Undervisningen omfattar kurser i matematik och fysik."),
        ("fi", "Tehtäväsi sisältää kirjanpitoa ja tilinpäätöksiä."),
        # An action noun with its object.
        ("fi", "Toimistojen ja käytävien siivous."),
        ("sv", "Distribution av livsmedel till butiker."),
        ("en", "Delivery of parcels in the Espoo area."),
        # A relative clause on the new hire.
        ("en", "We are looking for a coordinator who plans our campaigns with the agency."),
        ("sv", "Vi söker nu en controller som tar hand om månadsbokslutet."),
        ("fi", "Etsimme asentajaa, joka vastaa linjojen asennuksista ja käyttöönotoista."),
        # The new hire in the third person.
        ("fi", "Valittu henkilö vastaa taloyhtiöiden huollosta ja tekee vikakorjauksia."),
        # Time spent on the work.
        ("en", "Your days are spent guiding groups of guests in the forest."),
        # A list introduced by what the new hire will do, after "we are looking for".
        ("sv", "Vi söker en servitris som kommer att:\n- ta emot gäster\n- servera mat"),
    ],
)
def test_a_duty_shape_counts_as_duties(lang, shape):
    assert not missing_duties(lang, shape)


def test_the_role_as_subject_counts_but_a_brand_as_subject_does_not():
    board = EN_BASE.replace("Customer Success Specialist", "Chairman of the Board").replace(
        DUTIES["en"], "The Chairman leads the board's work and prepares its agenda.\n"
    )
    assert "missing-duties" not in check(board).codes
    brand = EN_BASE.replace("Customer Success Specialist", "Fjordbyte: Chairman").replace(
        DUTIES["en"], "Fjordbyte makes a booking app for hair salons.\n"
    )
    assert "missing-duties" in check(brand).codes


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        ("en", "We are looking for someone who speaks Finnish and cares about quality."),
        ("en", "We are looking for a person who has a driving licence."),
        ("sv", "Vi söker dig som tar ansvar och har körkort."),
        ("fi", "Etsimme henkilöä, joka osaa ruotsia ja haluaa oppia uutta."),
        # An activity noun in a company name ("Tilipalvelu Aamurusko Oy") is no duty.
        ("fi", "Siivouspalvelu Kirkas Oy on kasvava yritys."),
        ("sv", "Anställningen omfattar 37,5 timmar i veckan."),
        ("fi", "Tarjoamme autoedun käyttömahdollisuuden."),
        ("en", "Knowledge of Excel is an advantage."),
        ("en", "Work starts at the beginning of March."),
    ],
)
def test_a_look_alike_is_not_duties(lang, shape):
    assert missing_duties(lang, shape)


def test_our_customers_are_not_an_agencys_unnamed_client():
    text = "Urheilutalo Kärki Oy, Turku. Asiakkaamme tuntevat meidät hyvästä palvelusta."
    assert unnamed_client(text) is None
    agency = (
        "Asiakkaamme on tamperelainen rakennusliike, joka tekee asuntotuotantoa Pirkanmaalla.\n"
        "Lisätietoja antaa konsultti Jani Ahonen, RakennusRekry Oy."
    )
    assert unnamed_client(agency) is not None
    en = "Our client, a fast-growing fintech company in Helsinki, is looking for a specialist."
    assert unnamed_client(en) is not None


def test_a_place_before_a_hiring_verb_is_no_employer():
    assert not has_organisation("A growing company in Helsinki is looking for a specialist.")
    assert has_organisation("Johanna Berg | VD på Skärgårdsfrakt")
    assert has_organisation("Nurse wanted\n\nAnna Holm, Head Nurse at Kotikallio")


def test_a_given_name_right_before_a_number_is_a_contact():
    assert contact_person("Hae 15.1. mennessä: Minna 040 775 3321 / Puhdas Pinta Oy.")
    assert not contact_person("Hae 15.1. mennessä: 040 775 3321 / Puhdas Pinta Oy.")
    assert not contact_person("Soita: Rekry 040 775 3321.")


# Third round (issue 15): shapes from 60 blind-written tuning ads.
@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # Finnish passive and impersonal forms.
        ("fi", "Työssä pääsee hoitamaan kaupungin puistoja ja viheralueita."),
        ("fi", "Väitöskirjatyö perustuu kenttämittauksiin ja aineiston analyysiin."),
        ("fi", "Päivät kuluvat tilausten keräilyssä ja kuormien lastauksessa."),
        # Goals and outcomes.
        ("fi", "Tavoitteenasi on kasvattaa asiakaskuntaamme Pohjois-Pohjanmaalla."),
        ("sv", "Ditt mål är att varje order når kunden i tid."),
        ("en", "Your goal is to double the number of partner bakeries by the end of 2027."),
        # A list of the hire's projects.
        ("fi", "Projektisi vuonna 2027:\n• As Oy Kuunsilta, runkovaihe\n• Koulun peruskorjaus"),
        ("sv", "Dina projekt 2027:\n– Radhusbolaget Kvarnbacken, stomme\n– Näse skola, renovering"),
        # The team the hire joins, named with its work.
        ("en", "Our platform team of five owns the Kubernetes clusters and the on-call rota."),
        ("sv", "Vårt löneteam ansvarar för löneutbetalningar till kundföretagen."),
        # The role in the future tense, by a word of the title.
        ("en", "The specialist will prepare the monthly usage reports for each customer."),
        # Swedish "får" with an infinitive, and a phrase inside a relative clause.
        ("sv", "Du får forma hela användarupplevelsen i vår nya app."),
        ("sv", "Hos oss får du ta hand om bokföringen för ett trettiotal företag."),
        ("sv", "Vi söker en tekniker som tillsammans med en kollega åker ut till verken."),
        ("sv", "Vardagen består av att hålla kontakt med arrangörerna och följa upp budgetar."),
        # A labelled line about the shifts.
        ("en", "Your shifts: prepping sauces in the afternoon and the grill station at dinner."),
    ],
)
def test_a_third_round_duty_shape_counts_as_duties(lang, shape):
    assert not missing_duties(lang, shape)


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # Swedish nouns in -het look like Finnish second-person verbs.
        ("sv", "Vi önskar möjlighet att jobba kvällar och helger."),
        ("sv", "Erfarenhet av äldreomsorg är en fördel."),
        # "får" with generic work or with a benefit.
        ("sv", "Hos oss får du jobba med spännande och varierande uppdrag."),
        ("sv", "Du får flexibla arbetstider och en bra lön."),
        # A team that looks after the hire, a team's size, the contract's basis.
        ("en", "Our team of ten takes care of your onboarding."),
        ("fi", "Tiimimme koostuu kahdeksasta ammattilaisesta."),
        ("fi", "Työsuhde perustuu hankerahoitukseen."),
        # A future sentence whose subject is not the role.
        ("en", "The interviews will take place in the spring."),
        # A relative clause whose "verb" is a noun after a determiner.
        ("sv", "Vi söker en säljare som med våra kunder skapar förtroende."),
    ],
)
def test_a_third_round_look_alike_is_not_duties(lang, shape):
    assert missing_duties(lang, shape)


def test_a_call_back_promise_with_a_time_is_a_timeline():
    silent = EN_BASE.replace(
        "Interviews in week 12; we will tell every applicant the outcome by\n2 April 2027.", ""
    )
    assert "missing-process-timeline" in check(silent).codes
    fi = silent + "\nSoitamme takaisin kahden päivän sisällä.\n"
    assert "missing-process-timeline" not in check(fi).codes
    no_time = silent + "\nSoita meille, niin otamme yhteyttä.\n"
    assert "missing-process-timeline" in check(no_time).codes


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # "Pääset" with an adverbial before the verb of the work.
        ("fi", "Pääset meillä suunnittelemaan pihoja, laskemaan tarjouksia ja ohjaamaan ryhmää."),
        # The work named by an action noun in the partitive, with an adverb between.
        ("fi", "Työ on pääosin asiakkaiden neuvomista puhelimessa ja sähköpostitse."),
        # "Dina dagar består av …", "Ditt ansvar blir att …".
        ("sv", "Dina dagar består av plockning av order och lastning av bilar."),
        ("sv", "Ditt ansvar blir att leda byggplatsmöten och följa upp tidtabeller."),
        # A weekday schedule with ranges of days and em dashes.
        (
            "en",
            "What a week looks like:\nMonday — planning posts\n"
            "Tuesday to Thursday — moderating our Discord\nFriday — writing the weekly report",
        ),
        # Unheaded bullets that give orders.
        ("en", "* Build accessible interfaces\n* Ship small changes every day\n* Fix bugs"),
        # Gerunds after a colon.
        ("en", "Think: fixing bikes, chatting with customers and keeping the workshop tidy."),
    ],
)
def test_a_fourth_round_shape_counts_as_duties(lang, shape):
    assert not missing_duties(lang, shape)


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # Growing in the job is a benefit, not the work.
        ("fi", "Meillä pääset kehittymään ammatissasi ja saat kattavan perehdytyksen."),
        # Lower-case requirement bullets after "Etsimme sinua, jolla on".
        ("fi", "Etsimme sinua, jolla on\n- kokemusta alalta\n- hyvät vuorovaikutustaidot"),
        # Requirement bullets that open with a capitalised verb-like word.
        ("en", "You have\n- Own car and a driving licence\n- Plan B in mind"),
        ("en", "- Own car and a driving licence\n- Own laptop for remote days"),
        # Gerund nouns after a colon: fields of work and perks.
        ("en", "Background in: marketing, engineering and accounting."),
        ("en", "On site: parking, catering, housing and a gym."),
        # Gerunds after a colon that names perks.
        ("en", "Perks: sailing, climbing and skiing trips."),
        # A role that is "important" is not a task.
        ("sv", "Ditt ansvar är stort och din roll viktig."),
    ],
)
def test_a_fourth_round_look_alike_is_not_duties(lang, shape):
    assert missing_duties(lang, shape)


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # Items lettered a), b), c) under a heading.
        ("en", "Tasks & responsibilities\na) monthly closing\nb) VAT returns\nc) annual accounts"),
        # "… i korthet:" and "… in short:" labels.
        ("sv", "Jobbet i korthet: lunchmatlagning, beställningar och egenkontroll."),
        ("en", "The job in short: sorting parcels, loading vans and checking deliveries."),
        # The hours named first, the work after "ja painottuu".
        ("fi", "Työ on kolmivuorotyötä ja painottuu lääkehoitoon ja potilaiden ohjaukseen."),
        # Swedish nouns in -et as the subject of a present tense.
        ("sv", "Jobbet innefattar byggande av kulisser och transport till spelplatserna."),
        ("sv", "Avhandlingsarbetet bygger på fältförsök vid forskningsstationen på Korpo."),
    ],
)
def test_a_fifth_round_shape_counts_as_duties(lang, shape):
    assert not missing_duties(lang, shape)


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # The hours or the contract, not the work.
        ("fi", "Työ on kolmivuorotyötä ja työsuhde on toistaiseksi voimassa oleva."),
        ("sv", "Arbetet sker i treskift och anställningen är tills vidare."),
        ("sv", "Arbetet är på heltid."),
        # Perks listed after "Why join us?".
        ("en", "Why join us?\n- a friendly team of 20\n- free parking\n- lunch benefit"),
        # Requirement bullets after a line that does not say they are requirements.
        (
            "sv",
            "Vasa Mjukvaruhus Ab söker en testare.\n👉 erfarenhet av testautomation\n"
            "👉 goda kunskaper i svenska och engelska",
        ),
    ],
)
def test_a_fifth_round_look_alike_is_not_duties(lang, shape):
    assert missing_duties(lang, shape)


# Sixth round (issue 15): shapes from 36 blind-written tuning ads.
@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # A run-down of the day by the clock.
        ("fi", "Aamuvuoro:\nklo 6.00 kuormien purku\nklo 7.30 hyllytys\nklo 9.00 keräily"),
        ("sv", "En dag:\n07.00 rapport\n09.30 hembesök\n13.00 dokumentation"),
        ("en", "Your shift:\n6 am open the kitchen\n8 am breakfast service\n11:30 lunch prep"),
        # The person in the job now, in the first person (two clauses).
        ("en", '"I spend my mornings at the espresso machine. After lunch I bake the buns."'),
        ("sv", "”Jag återställer lösenord och en gång i månaden åker jag till Mariehamn.”"),
        # What the reader would have done last month.
        ("en", "Last month you would have planned a project on the weather with the children."),
        # The team named with its work, in any verb.
        ("en", "Our warehouse team of 12 receives, sorts and ships 3,000 orders a day."),
        ("fi", "Lähtevän tavaran tiimi kerää päivittäin 4 000 tilausriviä."),
        # Swedish future with an adverbial; a Finnish area of responsibility; a scope line.
        ("sv", "Du kommer bland annat att knacka dörr i villaområden."),
        ("fi", "Vastuualueeseesi kuuluu kokousten valmistelu ja pöytäkirjojen laatiminen."),
        ("en", "Scope: door-to-door visits to homeowners; signing installation contracts."),
        # A headline that sums up the work.
        ("en", "Help our finance team close the books every month – that's the job."),
    ],
)
def test_a_sixth_round_duty_shape_counts_as_duties(lang, shape):
    assert not missing_duties(lang, shape)


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # Perks and values that read like tasks, in their own sections.
        (
            "en",
            "What you'll enjoy\n- You'll spend two paid days a year volunteering.\n"
            "- You'll work flexible hours.",
        ),
        (
            "sv",
            "Vi erbjuder\n- Du får ta med dig färskt bröd hem varje fredag.\n- fast anställning",
        ),
        (
            "fi",
            "Meille on tärkeää\n- avoimuus: kaikki luvut ovat nähtävillä\n"
            "- oppiminen: perjantait ovat kehittymisaikaa",
        ),
        ("en", "Our values\nWe build things to last. We repair before we replace."),
        # A role line that gives only the terms.
        ("en", "The role: 60 % part-time, fixed-term until 31 December 2027."),
        # Team words that are not a team at work.
        ("en", "We are looking for a team player with a driving licence."),
        ("en", "Questions: Team Manager Linda Wikström."),
        # One first-person line may be a contact person's.
        ("en", "Questions? I answer them on weekdays."),
    ],
)
def test_a_sixth_round_look_alike_is_not_duties(lang, shape):
    assert missing_duties(lang, shape)


# Seventh round (issue 15): shapes from 36 more blind-written tuning ads.
@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # The work in the Finnish passive, three different verbs.
        ("fi", "Puistoissa haravoidaan, kitketään istutuksia ja kastellaan kesäkukkia."),
        # The hire in the third person with a second verb after "ja".
        ("fi", "Valittava henkilö raportoi toimitusjohtajalle ja vastaa taloushallinnosta."),
        # The role as an infinitive.
        ("fi", "Insinöörin rooli on ownata arkkitehtuuri ja sparrata tiimejä."),
        # Swedish formal and third-person subjects, also in the future.
        ("sv", "Tjänsteinnehavaren ansvarar för undervisningen i årskurserna 7–9."),
        ("sv", "Den vi söker kommer att sköta barnens dagliga omsorg."),
        ("sv", "Den nya medarbetaren kommer främst att sköta utfodringen."),
        # The title's work named in the genitive.
        ("en", "The specialist's work forms the core of our second work package."),
        # Deliverables of a freelance project.
        ("en", "The deliverables are time-coded subtitle files translated from English."),
        # Teaching a language is a task.
        ("sv", "Du undervisar svenska två kvällar i veckan."),
    ],
)
def test_a_seventh_round_duty_shape_counts_as_duties(lang, shape):
    assert not missing_duties(lang, shape)


@pytest.mark.parametrize(
    ("lang", "shape"),
    [
        # What the work is like, not what it is.
        ("fi", "Työ on vaihtelevaa ja meno reipasta."),
        # Requirements and gains in the future or with "får".
        ("sv", "Du ska vara medlem i banken och du ska uppfylla kraven."),
        ("sv", "Som praktikant får du bygga upp ditt nätverk inom kultursektorn."),
        ("sv", "Du skriver god svenska och klarar dig på finska."),
        # Passives of the hiring and the pay.
        ("fi", "Hakemukset käsitellään, haastatellaan viikolla 9 ja valitaan maaliskuussa."),
    ],
)
def test_a_seventh_round_look_alike_is_not_duties(lang, shape):
    assert missing_duties(lang, shape)
