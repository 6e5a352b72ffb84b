from typing import TYPE_CHECKING

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from reilu.employers.models import Organization


class JobsConfig(AppConfig):
    name = "reilu.jobs"
    verbose_name = _("Job postings")

    def ready(self) -> None:
        from reilu.privacy.registry import register_public_employers

        register_public_employers(publishing_employers)


def publishing_employers() -> "QuerySet[Organization]":
    """Employers with a published posting: the privacy page lists their notices."""
    from reilu.employers.models import Organization
    from reilu.jobs.models import Posting

    return Organization.objects.filter(postings__state=Posting.State.PUBLISHED).distinct()
