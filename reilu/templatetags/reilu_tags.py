import datetime as dt

from django import template

from reilu import formatting

register = template.Library()


@register.filter
def date_local(value: dt.date | None) -> str:
    return formatting.fmt_date(value)


@register.filter
def money(value: formatting.Number | None, currency: str = "EUR") -> str:
    return formatting.fmt_money(value, currency)


@register.filter
def pay(posting: formatting.Pay) -> str:
    return formatting.fmt_pay(posting)
