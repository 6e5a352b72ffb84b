"""Dates and money the way each language writes them (1.2.2027, 3 200 €), and which language
a reader is shown."""

import datetime as dt
from decimal import Decimal
from typing import Any, Protocol

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language, pgettext

NBSP = "\u00a0"
_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def fmt_date(value: dt.date | None, language: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    language = (language or get_language() or "en")[:2]
    if language == "en":
        return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"
    # Finnish and Finland-Swedish both write day.month.year without leading zeros.
    return f"{value.day}.{value.month}.{value.year}"


def fmt_number(value: Decimal | int | float | None, language: str | None = None) -> str:
    if value is None:
        return ""
    language = (language or get_language() or "en")[:2]
    value = Decimal(value)
    decimals = 0 if value == value.to_integral_value() else 2
    text = f"{value:,.{decimals}f}"
    if language == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


Number = Decimal | int | float


class Pay(Protocol):
    """What fmt_pay reads (a posting)."""

    pay_min: Decimal | None
    pay_max: Decimal | None
    pay_currency: str
    pay_period: str


def fmt_money(value: Number | None, currency: str = "EUR", language: str | None = None) -> str:
    symbol = {"EUR": "€", "SEK": "kr", "USD": "$"}.get(currency, currency)
    return f"{fmt_number(value, language)}{NBSP}{symbol}"


def fmt_pay(posting: Pay, language: str | None = None) -> str:
    if posting.pay_min is None or posting.pay_max is None:
        return ""
    low = fmt_number(posting.pay_min, language)
    high = fmt_money(posting.pay_max, posting.pay_currency, language)
    period = {
        "HOUR": pgettext("pay", "per hour"),
        "MONTH": pgettext("pay", "per month"),
        "YEAR": pgettext("pay", "per year"),
    }.get(posting.pay_period, "")
    if posting.pay_min == posting.pay_max:
        return f"{high} {period}"
    return f"{low}–{high} {period}"


def chosen_language(request: Any) -> str | None:
    """The language the visitor chose on the site (the language switcher's cookie), or None
    when nothing was chosen and the page's language comes only from the browser's
    Accept-Language."""
    code = (request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) or "")[:2]
    return code if code in {c for c, _name in settings.LANGUAGES} else None


def use_language(request: Any, language: str) -> str:
    """Show the rest of this request in `language` (the page, its messages and the
    Content-Language header the locale middleware sets on the answer)."""
    translation.activate(language)
    request.LANGUAGE_CODE = translation.get_language()
    return language
