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
        from django.db.models.signals import post_delete, post_save

        from reilu.employers.models import Organization
        from reilu.jobs.models import Posting
        from reilu.jobs.pages import list_changed, posting_deleted
        from reilu.privacy.registry import register_public_employers

        register_public_employers(publishing_employers)
        # The stored job pages and list pages (reilu.jobs.pages): every save or deletion of
        # a posting or an employer is a new list version; a deleted posting's stored pages
        # go with it.
        for model in (Posting, Organization):
            post_save.connect(list_changed, sender=model, dispatch_uid=f"list-save-{model}")
            post_delete.connect(list_changed, sender=model, dispatch_uid=f"list-del-{model}")
        post_delete.connect(posting_deleted, sender=Posting, dispatch_uid="job-pages-delete")


def publishing_employers() -> "QuerySet[Organization]":
    """Employers with a published posting: the privacy page lists their notices."""
    from reilu.employers.models import Organization
    from reilu.jobs.models import Posting

    return Organization.objects.filter(postings__state=Posting.State.PUBLISHED).distinct()
