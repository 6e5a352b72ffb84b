"""Saved job searches a seeker keeps: create and unsubscribe (mailing: talent.saved_searches)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from reilu.rules import RuleError
from reilu.talent.models import SavedSearch, Seeker


def saved_search_create(
    *, seeker: Seeker, keywords: str, region: str, remote: bool, pay_at_least: int | None
) -> SavedSearch:
    if SavedSearch.objects.filter(seeker=seeker, unsubscribed_at__isnull=True).count() >= 10:
        raise RuleError("limit", _("You can keep at most 10 saved searches."))
    return SavedSearch.objects.create(
        seeker=seeker,
        keywords=keywords.strip()[:200],
        region=region,
        remote=remote,
        pay_at_least=pay_at_least,
    )


def saved_search_unsubscribe(search: SavedSearch) -> None:
    SavedSearch.objects.filter(pk=search.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
