"""Language detection, money parsing and date finding."""

import datetime as dt

import pytest

from reilu.adcheck.dates import find_dates
from reilu.adcheck.language import detect
from reilu.adcheck.money import find_amounts, parse_number, pay_groups


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Haemme kokenutta kirjanpitäjää tiimiimme. Työ on kokoaikainen ja sijaitsee Oulussa.",
            "fi",
        ),
        (
            "Vi söker en redovisningsekonom till vårt kontor i Vasa. Tjänsten är på heltid.",
            "sv",
        ),
        ("We are looking for an experienced accountant to join our office in Oulu.", "en"),
        ("Myyntimies", "fi"),
        ("", "en"),
    ],
)
def test_it_detects_the_language(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("3 200", 3200.0),
        ("3 456,18", 3456.18),
        ("5,200", 5200.0),
        ("12.90", 12.9),
        ("2800", 2800.0),
    ],
)
def test_it_parses_number_notations(raw, value):
    assert parse_number(raw) == value


@pytest.mark.parametrize(
    ("text", "low", "high", "currency", "period"),
    [
        ("Palkka 3 200–3 800 €/kk", 3200, 3800, "EUR", "MONTH"),
        ("tuntipalkka 16,50 €/h", 16.5, 16.5, "EUR", "HOUR"),
        ("palkka 2800 e/kk", 2800, 2800, "EUR", "MONTH"),
        ("palkka 45 000–55 000 €/vuosi", 45000, 55000, "EUR", "YEAR"),
        ("Salary €5,200–6,400 per month", 5200, 6400, "EUR", "MONTH"),
        ("lön 32 000 kr/mån", 32000, 32000, "SEK", "MONTH"),
        ("SEK 30 000 per month", 30000, 30000, "SEK", "MONTH"),
        ("EUR 4,000 per month", 4000, 4000, "EUR", "MONTH"),
        ("€34–38 per 45-minute lesson", 34, 38, "EUR", "LESSON"),
        ("The board fee is €40,000", 40000, 40000, "EUR", None),
    ],
)
def test_it_parses_pay_figures(text, low, high, currency, period):
    (amount,) = find_amounts(text)
    assert (amount.low, amount.high, amount.currency, amount.period) == (
        low,
        high,
        currency,
        period,
    )
    assert amount.kind == "pay"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("henkilökohtainen koulutusbudjetti, 1 500 € vuodessa", "nonpay"),
        ("a €1,200 yearly learning budget", "nonpay"),
        ("kilometrikorvaus 0,57 €/km", "nonpay"),
        ("800 € kertakorvaus kotitoimistoon", "nonpay"),
        ("annual revenue of €140 million", "nonpay"),
        ("personalrabatt och ett presentkort på 50 €", "nonpay"),
        ("saat 45 € jokaisesta solmitusta sopimuksesta", "commission"),
        ("€150 for every signed contract", "commission"),
    ],
)
def test_it_tells_other_sums_from_pay(text, kind):
    assert [a.kind for a in find_amounts(text)] == [kind]


def test_it_ignores_numbers_without_currency():
    assert find_amounts("5 vuoden kokemus, 30 % alennus, 40 h/vko, puh. 040 123 4567") == []


def test_it_finds_collective_agreement_pay_groups():
    text = "Palkkaus KVTES:n mukaan, vaativuusryhmä 4."
    (span,) = pay_groups(text)
    assert text[span[0] : span[1]] == "vaativuusryhmä 4"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Hakuaika päättyy 15.1.2027 klo 16.", dt.date(2027, 1, 15)),
        ("Hakemukset 22.1.2027 mennessä", dt.date(2027, 1, 22)),
        ("Apply by 31 January 2027", dt.date(2027, 1, 31)),
        ("Apply by January 31, 2027", dt.date(2027, 1, 31)),
        ("Sök senast 15.2.2027", dt.date(2027, 2, 15)),
        ("Sök senast 29 januari 2027", dt.date(2027, 1, 29)),
        ("Hae 15. tammikuuta 2027 mennessä", dt.date(2027, 1, 15)),
    ],
)
def test_it_finds_dates(text, value):
    assert [d.value for d in find_dates(text) if d.kind == "date"] == [value]


def test_it_finds_weeks_and_relative_limits():
    kinds = [
        d.kind for d in find_dates("Haastattelut viikolla 5; we reply within five working days")
    ]
    assert kinds == ["week", "relative"]
