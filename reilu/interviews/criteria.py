"""The posting's evaluation criteria, derived from its requirements on first use.

Apart from the services because reads need them too (the scorecard aggregate), and reads
never import services.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.interviews.models import Criterion
from reilu.jobs.models import Posting
from reilu.jobs.requirements import requirement_lines


def criteria_for(posting: Posting) -> list[Criterion]:
    """The posting's evaluation criteria; the first call derives them from its requirements."""
    existing = list(posting.criteria.all())
    if existing:
        return existing
    lines = requirement_lines(posting.requirements)
    if not lines:
        with override(posting.language):
            lines = [str(_("Overall fit for the job"))]
    with transaction.atomic():
        Posting.objects.select_for_update().filter(pk=posting.pk).first()
        if not posting.criteria.exists():
            Criterion.objects.bulk_create(
                Criterion(posting=posting, position=i, text=t) for i, t in enumerate(lines)
            )
    return list(posting.criteria.all())
