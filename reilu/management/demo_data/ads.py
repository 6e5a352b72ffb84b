"""Demo ad texts: each posting's description and requirements, written for that job."""

ADS = {
    "Sosiaaliohjaaja, työllisyyspalvelut": (
        "Järvenpään kaupungin työllisyyspalvelut hakee sosiaaliohjaajaa vakituiseen "
        "työsuhteeseen. Tuet työnhakijoita, joiden tiellä töihin on muutakin kuin työpaikan "
        "puute: asuminen, raha-asiat, terveys tai arjen hallinta. Tapaat asiakkaita "
        "toimistolla ja tarvittaessa kotikäynneillä, arvioit palvelutarpeen yhdessä "
        "asiakkaan kanssa ja ohjaat hänet sopiviin palveluihin.\n\n"
        "Noin neljännes työajasta on verkostotyötä hyvinvointialueen sosiaalityön, Kelan ja "
        "järjestöjen kanssa. Kirjaat asiakastyön asiakastietojärjestelmään. Työaika on "
        "arkisin klo 8–16, ja tiimissä on kuusi sosiaaliohjaajaa ja kaksi "
        "työllisyyskoordinaattoria.",
        "Sosionomin (AMK) tutkinto tai muu sosiaaliohjaajan kelpoisuus\n"
        "Laillistus sosiaalihuollon ammattihenkilöksi (Terhikki)\n"
        "Kokemus aikuissosiaalityöstä tai työllisyyspalveluista on eduksi\n"
        "Hyvä suomen kielen taito",
    ),
    "Varhaiskasvatuksen opettaja": (
        "Haemme varhaiskasvatuksen opettajaa Järvenpään kaupungin Satulinnan päiväkotiin "
        "3–5-vuotiaiden ryhmään. Vastaat ryhmän pedagogisesta suunnittelusta, toteutuksesta "
        "ja arvioinnista yhdessä tiimisi kanssa (opettaja ja kaksi lastenhoitajaa).\n\n"
        "Laadit lasten varhaiskasvatussuunnitelmat yhdessä huoltajien kanssa ja käyt "
        "vasu-keskustelut. Viikossa on viisi tuntia suunnitteluaikaa, joka on merkitty "
        "työvuorolistaan. Päiväkoti on auki arkisin klo 6.30–17.",
        "Kasvatustieteen kandidaatin tutkinto, johon sisältyvät varhaiskasvatuksen opettajan "
        "opinnot (varhaiskasvatuslaki 540/2018)\n"
        "Rikostaustaote nähtäväksi ennen työn alkua\n"
        "Hyvä suomen kielen taito",
    ),
    "Kesätyöntekijä, puistot": (
        "Järvenpään kaupungin viheralueyksikkö palkkaa ensi kesäksi puistojen "
        "kesätyöntekijöitä kesäkuun alusta elokuun puoliväliin. Työhön kuuluu istutusten "
        "kitkemistä ja kastelua, nurmikon leikkaamista, roskien keräämistä ja "
        "leikkipuistojen siistimistä.\n\n"
        "Puistossa asukkaat kysyvät usein neuvoa, joten ystävällinen ote on tärkeä. Työ "
        "tehdään pareittain tai pienissä ryhmissä arkisin klo 7–15.15. Saat työvaatteet, "
        "suojavarusteet ja perehdytyksen koneiden turvalliseen käyttöön.",
        "Halu tehdä ulkotyötä kaikissa säissä\n"
        "B-ajokortti on eduksi, mutta ei vaatimus\n"
        "Suomen kielen perustaito (työkieli on suomi)",
    ),
    "Backend developer (Python)": (
        "Koodiosuus builds digital services for Finnish municipalities and wellbeing "
        "services counties: room booking, permit applications and open data APIs, all of "
        "it open source. As a backend developer you join a team of five working on Django "
        "and PostgreSQL services.\n\n"
        "Most of your week goes to writing and reviewing code. About a fifth is design "
        "with the team and our customers, and the rest is helping the developers of "
        "municipalities who build on our APIs. We meet at our Helsinki office in Kalasatama "
        "two days a week and work remotely the rest.",
        "Experience of building web services with Python (Django, FastAPI or similar)\n"
        "Good command of SQL and relational databases, ideally PostgreSQL\n"
        "Automated tests and code review as part of everyday work\n"
        "Good English; Finnish is a plus, not a must",
    ),
    "Accessibility specialist": (
        "Our services are used by everyone, including people who use screen readers, "
        "switch devices or magnification. As our accessibility specialist you audit our "
        "services against WCAG 2.2 AA and the Finnish Act on the Provision of Digital "
        "Services, and write findings the teams can act on.\n\n"
        "Around a third of your time goes to training our designers and developers in "
        "accessible practice, and a fifth to tooling: automated checks in our build "
        "pipeline and accessible components in our shared library. The job is fully "
        "remote within Finland; the team meets in Helsinki twice a year.",
        "Hands-on experience of accessibility audits (WCAG 2.1 or 2.2)\n"
        "Testing with screen readers such as NVDA, JAWS or VoiceOver\n"
        "HTML, CSS and ARIA; some JavaScript is a plus\n"
        "Good English; Finnish is a plus, not a must",
    ),
    "Ohjelmistokehittäjä, frontend": (
        "Koodiosuuden Tampereen tiimi kehittää kuntien asukkaille verkkopalveluja, kuten "
        "tilavarauksia ja sähköistä asiointia. Frontend-kehittäjänä rakennat "
        "käyttöliittymiä Reactilla ja TypeScriptillä.\n\n"
        "Viidesosa työajasta kuluu käytettävyystestaukseen yhdessä palvelumuotoilijan ja "
        "oikeiden käyttäjien kanssa, ja dokumentoit komponentit yhteiseen "
        "komponenttikirjastoon. Tampereen keskustan toimistolla olemme kahtena päivänä "
        "viikossa.",
        "Kokemusta käyttöliittymäkehityksestä (React, TypeScript tai vastaava)\n"
        "Saavutettavuuden perusteet (WCAG)\n"
        "Hyvä suomen kielen taito ja englannin lukutaito",
    ),
    "Myyjä, osa-aikainen": (
        "Lähikauppa Pihlaja on keravalainen lähikauppa, jossa asiakkaat tunnetaan "
        "nimeltä. Haemme osa-aikaista myyjää, 20–25 tuntia viikossa. Vuorot ovat arkisin "
        "iltaisin klo 15–21 ja joka toinen viikonloppu.\n\n"
        "Palvelet asiakkaita kassalla, hyllytät tuotteita ja teet tilauksia sekä huolehdit "
        "myymälän siisteydestä. Työvuorolista on tiedossa kolme viikkoa etukäteen, ja "
        "perehdytämme sinut kassalle ja tilauksiin.",
        "Asiakaspalvelun kokemus on eduksi, mutta perehdytämme työhön\n"
        "Hygieniapassi tai valmius suorittaa se (maksamme kokeen)\n"
        "Hyvä suomen kielen taito",
    ),
    "Vuoropäällikkö": (
        "Vuoropäällikkönä johdat kaupan aamu- tai iltavuoroa. Jaat työt 4–6 hengen "
        "vuorolle, perehdytät uusia myyjiä ja ratkaiset asiakkaiden ja työntekijöiden "
        "kysymykset vuoron aikana.\n\n"
        "Noin puolet työajasta on vuoron johtamista ja työnjakoa, kolmasosa asiakaspalvelua "
        "kassalla ja myymälässä, ja vuoron lopuksi täsmäytät kassat. Esihenkilösi on "
        "kauppias, ja vuoropäälliköt sopivat vuorolistat keskenään kolmeksi viikoksi "
        "kerrallaan.",
        "Kokemusta vähittäiskaupasta; esihenkilö- tai vuorovastaavakokemus on eduksi\n"
        "Hygieniapassi tai valmius suorittaa se\n"
        "Hyvä suomen kielen taito",
    ),
    "Shop assistant (English-speaking)": (
        "Lähikauppa Pihlaja is a neighbourhood grocery shop in Kerava. Many of our "
        "customers speak English, so we are looking for a part-time shop assistant who "
        "serves customers in English and picks up Finnish shop phrases with us.\n\n"
        "You work 15–20 hours a week, mostly Saturday and Sunday shifts, at the checkout "
        "and stocking shelves. We train you on the till and the shelves, and a "
        "Finnish-speaking colleague is always on the same shift.",
        "Good spoken English\n"
        "Friendly customer service; shop experience is a plus, not a must\n"
        "Hygiene passport (hygieniapassi) or willingness to take the test; we pay for it",
    ),
}
