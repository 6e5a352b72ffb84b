from django import template

from reilu import formatting

register = template.Library()


@register.filter
def date_local(value):
    return formatting.fmt_date(value)


@register.filter
def money(value, currency="EUR"):
    return formatting.fmt_money(value, currency)


@register.filter
def pay(posting):
    return formatting.fmt_pay(posting)
