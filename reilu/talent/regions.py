"""Finland's regions (maakunnat) and their main towns, for profiles and job matching."""

from django.utils.translation import gettext_lazy as _

REGIONS = [
    ("uusimaa", _("Uusimaa"), ("helsinki", "espoo", "vantaa", "porvoo", "lohja", "hyvinkää")),
    ("varsinais-suomi", _("Southwest Finland"), ("turku", "salo", "raisio", "kaarina")),
    ("satakunta", _("Satakunta"), ("pori", "rauma")),
    ("kanta-hame", _("Kanta-Häme"), ("hämeenlinna", "riihimäki", "forssa")),
    ("pirkanmaa", _("Pirkanmaa"), ("tampere", "nokia", "ylöjärvi", "kangasala")),
    ("paijat-hame", _("Päijät-Häme"), ("lahti", "heinola")),
    ("kymenlaakso", _("Kymenlaakso"), ("kouvola", "kotka", "hamina")),
    ("etela-karjala", _("South Karelia"), ("lappeenranta", "imatra")),
    ("etela-savo", _("South Savo"), ("mikkeli", "savonlinna")),
    ("pohjois-savo", _("North Savo"), ("kuopio", "iisalmi", "varkaus")),
    ("pohjois-karjala", _("North Karelia"), ("joensuu",)),
    ("keski-suomi", _("Central Finland"), ("jyväskylä", "äänekoski", "jämsä")),
    ("etela-pohjanmaa", _("South Ostrobothnia"), ("seinäjoki", "lapua")),
    ("pohjanmaa", _("Ostrobothnia"), ("vaasa", "vasa", "jakobstad", "pietarsaari")),
    ("keski-pohjanmaa", _("Central Ostrobothnia"), ("kokkola", "karleby")),
    ("pohjois-pohjanmaa", _("North Ostrobothnia"), ("oulu", "raahe", "kuusamo")),
    ("kainuu", _("Kainuu"), ("kajaani",)),
    ("lappi", _("Lapland"), ("rovaniemi", "kemi", "tornio")),
    ("ahvenanmaa", _("Åland"), ("mariehamn", "maarianhamina")),
]

REGION_CHOICES = [(code, label) for code, label, _towns in REGIONS]


def region_words(code: str) -> tuple[str, ...]:
    """Words that name the region in a posting's free-text location."""
    for region, label, towns in REGIONS:
        if region == code:
            return (str(label).lower(), region.replace("-", " "), *towns)
    return ()
