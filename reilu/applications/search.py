"""Find a candidate across every posting of the employers a recruiter works for.

A recruiter who gets a call knows a name, an email address or a phone number. Names and
addresses match case-insensitively word by word; phone numbers match however they were
written (spaces, dashes, +358 or a leading 0), because both sides are reduced to digits in
the national form before comparing.
"""

import re
from typing import TYPE_CHECKING

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Replace

from reilu.applications.anonymity import hidden_q
from reilu.applications.models import Application
from reilu.employers.access import recruiting_orgs

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

PAGE_SIZE = 25
MIN_LENGTH = 2
_PHONE = re.compile(r"^\+?[\d\s().-]{5,}$")


def phone_key(text: str) -> str:
    """The digits of a Finnish phone number in national form: +358 40 1 → 0401."""
    digits = re.sub(r"\D", "", text)
    if text.strip().startswith("+358") or text.strip().startswith("00358"):
        digits = "0" + digits.removeprefix("00").removeprefix("358")
    return digits


def _stored_phone_key() -> F | Replace:
    # The same reduction as phone_key(), in SQL (SQLite and PostgreSQL alike).
    expr: F | Replace = F("phone")
    for char in (" ", "-", "(", ")", ".", "\u00a0"):
        expr = Replace(expr, Value(char), Value(""))
    expr = Replace(expr, Value("+358"), Value("0"))
    return expr


def candidate_search(*, user: "User | AnonymousUser", query: str) -> QuerySet[Application]:
    query = " ".join(query.split())[:200]
    # Who is in an anonymous first review must not be found by who they are (issue 19).
    found = Application.objects.filter(
        posting__organization__in=recruiting_orgs(user), erased_at__isnull=True
    ).exclude(hidden_q())
    if len(query) < MIN_LENGTH:
        return found.none()
    if _PHONE.match(query) and len(phone_key(query)) >= 5:
        found = found.alias(phone_key=_stored_phone_key()).filter(
            phone_key__contains=phone_key(query)
        )
    else:
        for word in query.split():
            found = found.filter(Q(name__icontains=word) | Q(email__icontains=word))
    return found.select_related("posting__organization", "stage").order_by("-created_at", "-id")


def candidate_search_page(
    *, user: "User | AnonymousUser", query: str, page: str | int | None
) -> Page:
    return Paginator(candidate_search(user=user, query=query), PAGE_SIZE).get_page(page)
