"""The public job list's search: filters, sort orders and diacritic-blind matching.

Text is matched against folded copies kept on the rows (`Posting.search_key`,
`Posting.location_key`, `Organization.name_key`), so "myyja" finds "Myyjä" with one plain
LIKE on SQLite and PostgreSQL alike, without a database extension and without reading
postings into Python. The list is filtered, ordered and paginated by the database.
"""

from django.db.models import Case, DecimalField, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reilu.fold import fold
from reilu.jobs.models import Posting

SORTS = {
    "newest": _("Newest first"),
    "deadline": _("Deadline soonest"),
    "pay": _("Highest pay"),
}
# Hours in a working month, to compare hourly pay with monthly and yearly pay.
HOURS_A_MONTH = 160
MAX_WORDS = 8


def open_postings() -> QuerySet[Posting]:
    today = timezone.localdate()
    return Posting.objects.filter(state=Posting.State.PUBLISHED).filter(
        Q(apply_by__isnull=True) | Q(apply_by__gte=today)
    )


def job_search(
    *,
    q: str = "",
    location: str = "",
    remote: str = "",
    employment_type: str = "",
    language: str = "",
    sort: str = "newest",
) -> QuerySet[Posting]:
    postings = open_postings().select_related("organization")
    # Every word must be found in the title, the employer's name or the place, in any order:
    # "python developer" finds "Backend developer (Python)", "frontend tampere" a Tampere job.
    for word in fold(q).split()[:MAX_WORDS]:
        postings = postings.filter(
            Q(search_key__contains=word)
            | Q(organization__name_key__contains=word)
            | Q(location_key__contains=word)
        )
    if location := fold(location).strip():
        postings = postings.filter(location_key__contains=location)
    if remote in Posting.Remote.values:
        postings = postings.filter(remote=remote)
    if employment_type in Posting.EmploymentType.values:
        postings = postings.filter(employment_type=employment_type)
    if language in Posting.Language.values:
        postings = postings.filter(language=language)
    return sorted_postings(postings, sort)


def sorted_postings(postings: QuerySet[Posting], sort: str) -> QuerySet[Posting]:
    if sort == "deadline":
        return postings.order_by(F("apply_by").asc(nulls_last=True), "-published_at", "-id")
    if sort == "pay":
        top = Coalesce("pay_max", "pay_min")
        monthly = Case(
            When(pay_period=Posting.PayPeriod.HOUR, then=top * Value(HOURS_A_MONTH)),
            When(pay_period=Posting.PayPeriod.YEAR, then=top / Value(12)),
            default=top,
            output_field=DecimalField(max_digits=14, decimal_places=2),
        )
        return postings.annotate(monthly_pay=monthly).order_by(
            F("monthly_pay").desc(nulls_last=True), "-published_at", "-id"
        )
    return postings.order_by("-published_at", "-created_at", "-id")
