"""Saved job searches: mail new matching postings once, one-click unsubscribe (RFC 8058)."""

import datetime as dt
import re
from decimal import Decimal

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import override

from reilu.fold import fold
from reilu.jobs.models import Posting
from reilu.messaging.queue import message_queue
from reilu.talent import letters
from reilu.talent.models import SavedSearch, ScanMark
from reilu.talent.regions import region_words

SALT = "reilu.saved-search"
SCAN = "saved-searches"
# Postings published just before the last run may commit after it: look back a little.
OVERLAP = dt.timedelta(minutes=10)
MONTHLY = {"MONTH": Decimal(1), "HOUR": Decimal(160), "YEAR": Decimal(1) / Decimal(12)}


def sign(search: SavedSearch) -> str:
    return signing.dumps({"s": search.pk, "p": "unsubscribe"}, salt=SALT, compress=True)


def unsign(value: str) -> SavedSearch | None:
    try:
        data = signing.loads(value, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("p") != "unsubscribe":
        return None
    pk = data.get("s")
    if pk is None:
        return None
    return SavedSearch.objects.filter(pk=pk).first()


def unsubscribe_link(search: SavedSearch) -> str:
    return f"{settings.BASE_URL}/talent/searches/unsubscribe/{sign(search)}/"


def unsubscribe_headers(search: SavedSearch) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_link(search)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def monthly_pay(posting: Posting) -> Decimal | None:
    top = posting.pay_max or posting.pay_min
    if top is None:
        return None
    return top * MONTHLY.get(posting.pay_period, Decimal(1))


def matches(search: SavedSearch, posting: Posting) -> bool:
    # Folded like the job list's search: "myyja" matches "Myyjä".
    text = fold(" ".join((posting.title, posting.description, posting.requirements)))
    for word in re.findall(r"[^\W_]+", fold(search.keywords)):
        if word not in text:
            return False
    if search.remote and posting.remote == Posting.Remote.NO:
        return False
    if search.region and posting.remote != Posting.Remote.FULL:
        place = posting.location.lower()
        if not any(word in place for word in region_words(search.region)):
            return False
    if search.pay_at_least:
        pay = monthly_pay(posting)
        if pay is None or pay < search.pay_at_least:
            return False
    return True


def notify_new_postings(now: dt.datetime | None = None) -> int:
    """Scan postings published since the last run; one mail per search and posting."""
    now = now or timezone.now()
    mark = ScanMark.objects.filter(name=SCAN).first()
    since = (mark.last_run if mark else now - dt.timedelta(days=1)) - OVERLAP
    postings = list(
        Posting.objects.select_related("organization").filter(
            state=Posting.State.PUBLISHED, published_at__gt=since, published_at__lte=now
        )[:500]
    )
    searches = SavedSearch.objects.filter(unsubscribed_at__isnull=True).select_related("seeker")
    queued = 0
    for search in searches.iterator():
        for posting in postings:
            if matches(search, posting):
                queued += _queue(search, posting)
    ScanMark.objects.update_or_create(name=SCAN, defaults={"last_run": now})
    return queued


def _queue(search: SavedSearch, posting: Posting) -> int:
    from reilu.formatting import fmt_pay

    language = search.seeker.language
    with override(language):
        subject = letters.SAVED_SEARCH_SUBJECT % {"posting": posting.title}
        body = letters.SAVED_SEARCH_BODY % {
            "employer": posting.organization.name,
            "search": search.keywords or str(letters.ALL_JOBS),
            "posting": posting.title,
            "place": posting.location or str(letters.REMOTE),
            "pay": fmt_pay(posting, language),
            "url": f"{settings.BASE_URL}{posting.get_absolute_url()}",
            "unsubscribe": unsubscribe_link(search),
        }
    with transaction.atomic():
        created = message_queue(
            organization=posting.organization,
            kind="talent_saved_search",
            alert_staff_on_failure=False,
            to_email=search.seeker.email,
            subject=subject,
            body=body,
            language=language,
            dedupe_key=f"saved-search:{search.pk}:{posting.pk}",
            also_about=[search.seeker],
            headers=unsubscribe_headers(search),
        )
    return int(created is not None)
