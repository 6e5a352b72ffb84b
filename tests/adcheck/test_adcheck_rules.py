"""Unit tests per rule, on small made-up ads in fi, sv and en."""

from reilu.adcheck import CODES, check

FI_BASE = """Kirjanpitäjä

Tilipalvelu Aamurusko Oy, Oulu

Tehtävät
- pk-yritysten kirjanpito ja arvonlisäverotus
- tilinpäätösten valmistelu

Palkka 2 900–3 400 €/kk kokemuksen mukaan.

Lisätietoja antaa talousjohtaja Kaisa Lindroos, puh. 044 555 1234.

Hae 28.2.2027 mennessä. Haastattelut pidetään viikolla 10, ja ilmoitamme kaikille hakijoille
valinnasta maaliskuun loppuun mennessä.
"""
EN_BASE = """Customer Success Specialist

Nordlys Analytics Ltd · Turku

What you'll do
- Onboard new customers and run training sessions
- Answer support tickets together with our product team

Pay: €3,400–3,900 per month.

Contact: Head of Customer Success Maria Holm, maria.holm@example.com, +358 40 555 7788.

Apply by 12 March 2027. Interviews in week 12; we will tell every applicant the outcome by
2 April 2027.
"""
SV_BASE = """Lagerarbetare till Vanda

Nordkran Logistik Ab söker lagerarbetare till vår terminal i Vanda.

Arbetsuppgifter
- plockning och packning
- truckkörning

Lön 14,50 €/timme enligt kollektivavtalet.

Närmare uppgifter ger lagerchef Mikael Berg, tfn 050 111 2233.

Sista ansökningsdag är 20.2.2027. Intervjuerna hålls vecka 9 och alla sökande får besked
senast 12.3.2027.
"""


def codes(text: str) -> set[str]:
    return set(check(text).codes)


def test_it_finds_nothing_in_clean_ads_of_each_language():
    assert codes(FI_BASE) == set()
    assert codes(EN_BASE) == set()
    assert codes(SV_BASE) == set()


def test_it_flags_an_agency_ad_for_an_unnamed_client():
    text = EN_BASE.replace(
        "Nordlys Analytics Ltd · Turku",
        "Talentbridge Ltd recruits on behalf of our client, a software house in Turku.",
    )
    report = check(text)
    found = [f for f in report.findings if f.code == "missing-employer"]
    assert found and text[found[0].start : found[0].end] == "on behalf of our client"


def test_it_accepts_an_agency_that_is_itself_the_employer():
    text = FI_BASE.replace(
        "Tilipalvelu Aamurusko Oy, Oulu",
        "Henkilöstöpalvelu Kuura Oy hakee asiakkaalleen kirjanpitäjää Ouluun. "
        "Työnantajanasi toimii Henkilöstöpalvelu Kuura Oy.",
    )
    assert "missing-employer" not in codes(text)


def test_it_flags_an_ad_without_any_organisation():
    assert "missing-employer" in codes(EN_BASE.replace("Nordlys Analytics Ltd · ", ""))


def test_it_flags_missing_location_and_accepts_a_remote_statement():
    no_place = FI_BASE.replace(", Oulu", "")
    assert "missing-location" in codes(no_place)
    assert "missing-location" not in codes(
        no_place.replace("Tehtävät", "Etätyö, koko Suomi\n\nTehtävät")
    )
    assert "missing-location" not in codes(FI_BASE.replace("Oulu", "Lahdessa"))


def test_it_wants_a_named_person_with_phone_or_email():
    generic = FI_BASE.replace(
        "Lisätietoja antaa talousjohtaja Kaisa Lindroos, puh. 044 555 1234.",
        "Lisätietoja: haku@example.org",
    )
    assert "missing-contact" in codes(generic)
    name_only = EN_BASE.replace(", maria.holm@example.com, +358 40 555 7788", "")
    assert "missing-contact" in codes(name_only)
    team_phone = EN_BASE.replace(
        "Head of Customer Success Maria Holm, maria.holm@example.com, +358 40 555 7788",
        "our HR team, 040 555 7788",
    )
    assert "missing-contact" in codes(team_phone)
    # A name, then a generic address in the next sentence: nobody to write to by name.
    apart = SV_BASE.replace(
        "Närmare uppgifter ger lagerchef Mikael Berg, tfn 050 111 2233.",
        "Närmare uppgifter ger lagerchef Mikael Berg. Skicka ansökan till jobb@example.fi.",
    )
    assert "missing-contact" in codes(apart)
    together = SV_BASE.replace(
        "Närmare uppgifter ger lagerchef Mikael Berg, tfn 050 111 2233.",
        "Närmare uppgifter ger lagerchef Mikael Berg, jobb@example.fi.",
    )
    assert "missing-contact" not in codes(together)


def test_it_separates_missing_and_vague_salary():
    no_pay = EN_BASE.replace("Pay: €3,400–3,900 per month.", "")
    assert codes(no_pay) >= {"missing-salary"} and "vague-salary" not in codes(no_pay)
    vague = EN_BASE.replace("Pay: €3,400–3,900 per month.", "We offer a competitive salary.")
    assert "vague-salary" in codes(vague) and "missing-salary" not in codes(vague)
    fi_vague = FI_BASE.replace(
        "Palkka 2 900–3 400 €/kk kokemuksen mukaan.", "Palkka sopimuksen mukaan."
    )
    assert "vague-salary" in codes(fi_vague)
    sv_vague = SV_BASE.replace(
        "Lön 14,50 €/timme enligt kollektivavtalet.", "Lön enligt överenskommelse."
    )
    assert "vague-salary" in codes(sv_vague)


def test_it_does_not_count_budgets_or_discounts_as_pay():
    text = EN_BASE.replace(
        "Pay: €3,400–3,900 per month.", "A €1,500 yearly training budget and a 20% staff discount."
    )
    assert "missing-salary" in codes(text)
    fi = FI_BASE.replace(
        "Palkka 2 900–3 400 €/kk kokemuksen mukaan.",
        "Kilometrikorvaus 0,57 €/km ja 600 € kertakorvaus.",
    )
    assert "missing-salary" in codes(fi)


def test_it_counts_hourly_lesson_and_board_fees_as_pay():
    for pay in ("€14.20 per hour", "€35 per 45-minute lesson", "The annual board fee is €40,000"):
        text = EN_BASE.replace("Pay: €3,400–3,900 per month.", pay + ".")
        assert not codes(text) & {"missing-salary", "vague-salary"}, pay


def test_it_flags_commission_only_pay_instead_of_a_salary_code():
    text = FI_BASE.replace(
        "Palkka 2 900–3 400 €/kk kokemuksen mukaan.",
        "Palkkaus on täysin provisiopohjainen: 50 € jokaisesta kaupasta.",
    )
    found = codes(text)
    assert "commission-only-pay" in found
    assert not found & {"missing-salary", "vague-salary"}
    base_plus = EN_BASE.replace(
        "Pay: €3,400–3,900 per month.", "A competitive base salary plus commission."
    )
    assert "commission-only-pay" not in codes(base_plus)


def test_it_flags_pay_history_questions_but_not_promises():
    asks = EN_BASE + "\nPlease state your current salary in your application.\n"
    assert "salary-history-question" in codes(asks)
    promise = EN_BASE + "\nWe won't ask for your current or previous salary.\n"
    assert "salary-history-question" not in codes(promise)
    assert "salary-history-question" in codes(FI_BASE + "\nKerro hakemuksessa nykyinen palkkasi.\n")
    assert "salary-history-question" in codes(SV_BASE + "\nAnge din nuvarande lön i ansökan.\n")


def test_it_flags_salary_wishes_only_without_a_range():
    wish = "\nKerro hakemuksessasi palkkatoiveesi.\n"
    assert "salary-expectation-request" not in codes(FI_BASE + wish)
    no_range = FI_BASE.replace("Palkka 2 900–3 400 €/kk kokemuksen mukaan.", "") + wish
    assert {"salary-expectation-request", "missing-salary"} <= codes(no_range)


def test_it_reads_deadlines_and_ignores_open_ended_and_contract_dates():
    no_deadline = EN_BASE.replace(
        "Apply by 12 March 2027.", "Applications are open until we find the right person."
    )
    assert "missing-deadline" in codes(no_deadline)
    contract = FI_BASE.replace(
        "Hae 28.2.2027 mennessä.", "Haku on auki toistaiseksi. Sijaisuus kestää 30.6.2027 asti."
    )
    assert "missing-deadline" in codes(contract)
    assert "missing-deadline" not in codes(
        FI_BASE.replace("Hae 28.2.2027 mennessä.", "Hakuaika päättyy 15.1.2027 klo 16.")
    )
    sv = SV_BASE.replace("Sista ansökningsdag är 20.2.2027.", "Sök senast 15 februari 2027.")
    assert "missing-deadline" not in codes(sv)
    sv_now = SV_BASE.replace("Sista ansökningsdag är 20.2.2027.", "Skicka din ansökan redan i dag.")
    assert "missing-deadline" in codes(sv_now)


def test_it_wants_a_process_timeline_or_a_reply_promise():
    silent = EN_BASE.replace(
        "Interviews in week 12; we will tell every applicant the outcome by\n2 April 2027.", ""
    )
    assert "missing-process-timeline" in codes(silent)
    promise = silent + "\nWe reply to every applicant within five working days.\n"
    assert "missing-process-timeline" not in codes(promise)
    looking_forward = SV_BASE.replace(
        "Intervjuerna hålls vecka 9 och alla sökande får besked\nsenast 12.3.2027.",
        "Vi ser fram emot att höra av dig!",
    )
    assert "missing-process-timeline" in codes(looking_forward)


def test_it_flags_gendered_titles_with_a_neutral_alternative():
    cases = [
        (FI_BASE.replace("Kirjanpitäjä\n", "Myyntimies\n", 1), "myyjä"),
        (FI_BASE.replace("Kirjanpitäjä\n", "Palomies, pelastuslaitos\n", 1), "pelastaja"),
        (EN_BASE.replace("Customer Success Specialist", "Chairman of the Board"), "chair"),
        (EN_BASE.replace("Customer Success Specialist", "Waitress (part-time)"), "server"),
        (SV_BASE.replace("Lagerarbetare till Vanda", "Servitris till Vanda"), "servitör"),
    ]
    for text, neutral in cases:
        found = [f for f in check(text).findings if f.code == "gendered-title"]
        assert found and neutral in found[0].message
        assert found[0].start == 0


def test_a_finnish_compound_in_mies_is_gendered_with_a_derived_alternative():
    text = FI_BASE.replace("Kirjanpitäjä\n", "Trukkimiehiä Vantaalle\n", 1)
    found = [f for f in check(text).findings if f.code == "gendered-title"]
    assert found and '"trukkityöntekijä"' in found[0].message
    assert (found[0].start, found[0].end) == (0, len("Trukkimiehiä"))
    # Named beside the other form, it is not flagged.
    paired = FI_BASE.replace("Kirjanpitäjä\n", "Varastomies / varastonainen\n", 1)
    assert "gendered-title" not in codes(paired)


def test_a_promise_to_customers_is_no_process_timeline():
    silent = FI_BASE.replace(
        "Haastattelut pidetään viikolla 10, ja ilmoitamme kaikille hakijoille\nvalinnasta "
        "maaliskuun loppuun mennessä.",
        "",
    )
    customers = silent + "\nJokainen asiakas saa meiltä vastauksen samana päivänä.\n"
    assert "missing-process-timeline" in codes(customers)
    applicants = silent + "\nJokainen hakija saa meiltä vastauksen samana päivänä.\n"
    assert "missing-process-timeline" not in codes(applicants)
    # An agency's client is the employer: its decision date is the hiring's timeline.
    client = silent + "\nAsiakkaamme tekee valintapäätöksen 31.3.2027 mennessä.\n"
    assert "missing-process-timeline" not in codes(client)


def test_pure_commission_and_knocking_on_doors_in_swedish():
    text = SV_BASE.replace("Lagerarbetare till Vanda", "Områdesansvarig – Åbo").replace(
        "Lön 14,50 €/timme enligt kollektivavtalet.",
        "Du kommer att knacka dörr i villaområden. Lön: ren provision, 25 % av avtalets värde.",
    )
    found = codes(text)
    assert {"commission-only-pay", "title-inflation"} <= found
    assert "missing-salary" not in found and "vague-salary" not in found


def test_seventh_round_gaps_age_ranges_chambermaids_and_closing_proposals():
    ages = EN_BASE + "\nThe perfect adventure for 18–30-year-olds!\n"
    assert "age-requirement" in codes(ages)
    children = EN_BASE + "\nOur group has 12 children, 3–5-year-olds.\n"
    assert "age-requirement" not in codes(children)
    title = EN_BASE.replace("Customer Success Specialist", "Chambermaids and Receptionists")
    assert "gendered-title" in codes(title)
    closing = EN_BASE.replace("Apply by 12 March 2027.", "Proposals close: 12 March 2027.")
    assert "missing-deadline" not in codes(closing)


def test_it_ignores_a_gendered_word_outside_the_title():
    text = FI_BASE + "\nHaastattelijana toimii tiiminvetäjä ja entinen lehtimies Kari.\n"
    assert "gendered-title" not in codes(text)


def test_it_needs_heavy_stacking_for_gender_coded_wording():
    one = EN_BASE + "\nYou are competitive and supportive.\n"
    assert "gender-coded-wording" not in codes(one)
    stacked = (
        EN_BASE + "\nYou are an aggressive, fearless and dominant closer who is driven to win.\n"
    )
    assert "gender-coded-wording" in codes(stacked)
    fi = FI_BASE + "\nEtsimme lämmintä, hellää ja myötätuntoista hoivaajaa, joka on herkkä.\n"
    assert "gender-coded-wording" in codes(fi)
    sv = SV_BASE + "\nDu är omtänksam, lyhörd, varm och empatisk.\n"
    assert "gender-coded-wording" in codes(sv)


def test_it_flags_age_wording_but_not_childrens_ages():
    assert "age-requirement" in codes(FI_BASE + "\nEtsimme nuorta ja energistä tyyppiä.\n")
    assert "age-requirement" in codes(FI_BASE + "\nHaemme alle 30-vuotiasta kirjanpitäjää.\n")
    assert "age-requirement" in codes(EN_BASE + "\nJoin our young team of 20-somethings!\n")
    assert "age-requirement" in codes(SV_BASE + "\nVi söker dig som är ung och driven.\n")
    kids = FI_BASE + "\nTyöskentelet 3–5-vuotiaiden ryhmässä.\n"
    assert "age-requirement" not in codes(kids)
    experience = EN_BASE + "\nOver 20 years of experience in the field is not required.\n"
    assert "age-requirement" not in codes(experience)


def test_it_flags_native_speaker_demands_but_not_traps():
    assert "native-speaker-requirement" in codes(EN_BASE + "\nYou are a native English speaker.\n")
    assert "native-speaker-requirement" in codes(FI_BASE + "\nÄidinkielenäsi on suomi.\n")
    assert "native-speaker-requirement" in codes(SV_BASE + "\nDu har svenska som modersmål.\n")
    traps = [
        FI_BASE.replace("Kirjanpitäjä\n", "Äidinkielen ja kirjallisuuden lehtori\n", 1),
        EN_BASE + "\nYou know cloud-native services and React Native.\n",
        EN_BASE + "\nYou do not need to be a native speaker.\n",
    ]
    for text in traps:
        assert "native-speaker-requirement" not in codes(text)


def test_it_flags_inflated_leadership_titles_on_field_sales():
    door = FI_BASE.replace("Kirjanpitäjä\n", "Tiiminvetäjä\n", 1) + (
        "\nMyyt sähkösopimuksia ovelta ovelle. Tiimin vetämiseen on varattu pari tuntia viikossa.\n"
    )
    assert "title-inflation" in codes(door)
    field = EN_BASE.replace("Customer Success Specialist", "Sales Team Leader") + (
        "\nAround 85% of your time is spent in the field visiting customers.\n"
    )
    assert "title-inflation" in codes(field)
    real = EN_BASE.replace("Customer Success Specialist", "Shift Supervisor") + (
        "\nAbout 70% of your time is spent leading your team of twelve.\n"
    )
    assert "title-inflation" not in codes(real)


def test_it_ignores_a_leadership_title_held_by_the_contact_person():
    text = (
        FI_BASE.replace("talousjohtaja", "tiiminvetäjä") + "\nMyyt puhelimitse ja ovelta ovelle.\n"
    )
    assert "title-inflation" not in codes(text)


def test_it_flags_ads_without_concrete_duties():
    vague = EN_BASE.replace(
        "What you'll do\n- Onboard new customers and run training sessions\n"
        "- Answer support tickets together with our product team\n",
        "Every day is different and you will make a real impact.\n",
    )
    assert "missing-duties" in codes(vague)
    prose = vague + "\nYou will be responsible for onboarding new customers.\n"
    assert "missing-duties" not in codes(prose)


def test_it_gives_messages_in_the_ads_language():
    no_pay = {
        "fi": FI_BASE.replace("Palkka 2 900–3 400 €/kk kokemuksen mukaan.", ""),
        "sv": SV_BASE.replace("Lön 14,50 €/timme enligt kollektivavtalet.", ""),
        "en": EN_BASE.replace("Pay: €3,400–3,900 per month.", ""),
    }
    words = {"fi": "Palkkaa", "sv": "Lönen", "en": "No pay"}
    for lang, text in no_pay.items():
        report = check(text)
        assert report.language == lang
        assert [f.message for f in report.findings if f.code == "missing-salary"][0].startswith(
            words[lang]
        )


def test_it_uses_the_declared_severities_and_scores():
    report = check("Myyntimies")
    assert all(f.severity == CODES[f.code] for f in report.findings)
    assert CODES["missing-salary"] == "error" and CODES["gendered-title"] == "warning"
    assert 0 <= report.score < 100
    assert check(FI_BASE).score == 100


def test_pay_stated_only_as_commission_figures_is_commission_only():
    # No commission-only wording: the pay is a sum per sale, or a share of each sale.
    per_sale = FI_BASE.replace(
        "Palkka 2 900–3 400 €/kk kokemuksen mukaan.",
        "Ansiot: 45 € jokaisesta solmitusta sopimuksesta.",
    )
    assert "commission-only-pay" in check(per_sale).codes
    assert "missing-salary" not in check(per_sale).codes
    share = EN_BASE.replace("Pay: €3,400–3,900 per month.", "You earn 10% of every sale.")
    assert "commission-only-pay" in check(share).codes
    assert not {"missing-salary", "vague-salary"} & set(check(share).codes)


def test_a_fixed_salary_with_a_commission_share_is_not_commission_only():
    text = EN_BASE.replace(
        "Pay: €3,400–3,900 per month.", "Pay: €2,400 per month plus 5% of every sale."
    )
    assert "commission-only-pay" not in check(text).codes
