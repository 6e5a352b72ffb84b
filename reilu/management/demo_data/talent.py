"""Demo talent-gallery seekers (each chose who sees the profile) and open-application settings."""

from typing import Any, TypedDict


class ProfileSpec(TypedDict):
    email: str
    language: str
    visibility: str
    data: dict[str, Any]
    skills: list[str]
    languages: list[tuple[str, str]]


PROFILES: list[ProfileSpec] = [
    {
        "email": "helmi.laaksonen@example.fi",
        "language": "fi",
        "visibility": "public",
        "data": {
            "name": "Helmi Laaksonen",
            "headline": "Sosionomi (AMK), aikuissosiaalityö ja työllisyyspalvelut",
            "expertise": "Palveluohjaus, verkostotyö, työkyvyn tuki",
            "bio": "Olen työskennellyt kuusi vuotta aikuissosiaalityössä ja kaksi vuotta "
            "työllisyyspalveluissa. Etsin tiimiä, jossa asiakkaalle on aikaa.",
            "region": "uusimaa",
            "remote": False,
            "availability": "1m",
        },
        "skills": ["palveluohjaus", "verkostotyö", "motivoiva haastattelu"],
        "languages": [("fi", "native"), ("sv", "B1"), ("en", "B2")],
    },
    {
        "email": "samuel.okafor@example.com",
        "language": "en",
        "visibility": "public",
        "data": {
            "name": "Samuel Okafor",
            "headline": "Python developer: Django, PostgreSQL, open data APIs",
            "expertise": "Web services, APIs, automated testing",
            "bio": "Five years of building public-sector web services. I like small teams, "
            "code review and documentation that people actually read.",
            "region": "pirkanmaa",
            "remote": True,
            "availability": "3m",
        },
        "skills": ["python", "django", "postgresql", "rest api"],
        "languages": [("en", "C2"), ("fi", "A2")],
    },
    {
        "email": "linnea.holm@example.fi",
        "language": "sv",
        "visibility": "public",
        "data": {
            "name": "Linnea Holm",
            "headline": "Tillgänglighetsexpert (WCAG), testar med skärmläsare",
            "expertise": "Tillgänglighetsgranskning, utbildning, användartester",
            "bio": "Jag granskar webbtjänster enligt WCAG 2.2 och utbildar team i "
            "tillgänglig design. Jag arbetar gärna på distans.",
            "region": "pohjanmaa",
            "remote": True,
            "availability": "now",
        },
        "skills": ["wcag", "saavutettavuus", "nvda", "voiceover"],
        "languages": [("sv", "native"), ("fi", "C1"), ("en", "C1")],
    },
    {
        "email": "oskari.rantala@example.fi",
        "language": "fi",
        "visibility": "employers",
        "data": {
            "name": "Oskari Rantala",
            "headline": "Kaupan vuorovastaava, kuusi vuotta päivittäistavarakaupassa",
            "expertise": "Vuorojen johtaminen, kassatäsmäytys, tilaukset",
            "bio": "Olen vastannut ilta- ja viikonloppuvuoroista ja perehdyttänyt uusia "
            "myyjiä. Näkyvissä vain kirjautuneille työnantajille.",
            "region": "uusimaa",
            "remote": False,
            "availability": "1m",
        },
        "skills": ["asiakaspalvelu", "työvuorosuunnittelu", "hygieniapassi"],
        "languages": [("fi", "native"), ("en", "B1")],
    },
]

# Employers that accept open applications, by slug: who answers and within how many days.
OPEN_APPLICATIONS = {
    "koodiosuus": {
        "accepts": True,
        "promise_days": 14,
        "contact_name": "Laura Nieminen",
        "contact_email": "laura@koodiosuus.example",
        "message": "We hire a few developers and designers a year. Tell us what you would "
        "like to build with us; we answer every open application within two weeks.",
    },
    "ruokakauppa": {
        "accepts": True,
        "promise_days": 7,
        "contact_name": "Jari Salo",
        "contact_email": "jari@pihlaja.example",
        "message": "Kesä- ja sijaistarpeet tulevat usein yllättäen. Kerro, milloin voit tehdä "
        "töitä, niin palaamme asiaan viikon sisällä.",
    },
}
