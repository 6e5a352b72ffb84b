"""The jobs area's wording: mail to job-alert subscribers.

Filled with %(name)s values in the subscriber's language by reilu.messaging.texts.compose.
"""

from django.utils.translation import gettext_lazy as _

ALERT_CONFIRM = (
    _("Confirm: news of openings at %(employer)s"),
    _(
        "Hello,\n\nsomeone, hopefully you, asked to hear by email when %(employer)s "
        "publishes new openings. Confirm here:\n%(link)s\n\n"
        "If it was not you, ignore this message and nothing more will be sent."
    ),
)
NEW_OPENING = (
    _("New opening at %(employer)s: %(posting)s"),
    _(
        "Hello,\n\n%(employer)s has a new opening: %(posting)s, %(place)s.\n"
        "Pay: %(pay)s. Apply by %(deadline)s.\n\n%(url)s\n\n"
        "You get these messages because you asked for them. Unsubscribe with one "
        "click: %(unsubscribe)s"
    ),
)
# The place of a posting without one.
REMOTE = _("remote")
