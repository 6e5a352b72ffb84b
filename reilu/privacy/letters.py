"""The privacy area's wording: the weekly notice to owners of the erasures to come."""

from django.utils.translation import gettext_lazy as _

ERASURE_NOTICE_SUBJECT = _("Candidate data to be erased within 14 days: %(count)s")
ERASURE_NOTICE_INTRO = _(
    "The personal data of these candidates will be erased as the retention period of %(org)s ends:"
)
ERASURE_NOTICE_LIST = _("See the list: %(url)s")
