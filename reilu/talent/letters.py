"""The talent gallery's wording: mail to seekers and to employers' staff.

gettext texts with %(name)s placeholders, filled in the reader's language where they are
sent (reilu.talent.services, reilu.talent.saved_searches).
"""

from django.utils.translation import gettext_lazy as _

ALL_JOBS = _("all jobs")
DRAFT_BODY = _(
    "Hello %(name)s,\n\nwhen you applied for %(posting)s you agreed to join the "
    "Reilu talent gallery. We drafted a profile from your application. It is "
    "hidden: no employer sees it until you check it and choose to publish it.\n\n"
    "Sign in with your email address here: %(link)s"
)
DRAFT_SUBJECT = _("Your talent profile is ready for you to check")
OPEN_ANSWER_APPLY = _("Apply here: %(url)s")
OPEN_ANSWER_BODY = _("Hello,\n\n%(employer)s answered:\n\n%(reply)s\n\n%(link)s")
OPEN_ANSWER_SUBJECT = _("%(employer)s answered your open application")
OPEN_LATE_BODY = _(
    "Hello,\n\n%(employer)s promised to answer your open application by "
    "%(missed)s and has not done so yet. We are sorry. %(contact)s now has "
    "until %(date)s, and we will tell you again if that date passes too.\n\n"
    "%(link)s"
)
OPEN_LATE_STAFF_BODY = _(
    "The answer to an open application was promised by %(missed)s. The "
    "applicant was told of the delay and promised %(date)s. Answer: %(url)s"
)
OPEN_LATE_STAFF_SUBJECT = _("An open application is waiting past its promised date")
OPEN_LATE_SUBJECT = _("We are late with your open application to %(employer)s")
OPEN_RECEIVED_BODY = _(
    "Hello,\n\n%(employer)s received your open application. %(contact)s will "
    "answer you by %(date)s. Follow it here: %(link)s"
)
OPEN_RECEIVED_SUBJECT = _("Your open application to %(employer)s")
OPEN_TO_STAFF_SUBJECT = _("New open application")
REMOTE = _("remote")
REQUEST_ABOUT_POSTING = _(" about %(posting)s")
REQUEST_ACCEPTED_BODY = _(
    "%(name)s accepted your contact request. Their contact details are on "
    "the request page: %(link)s"
)
REQUEST_ACCEPTED_SUBJECT = _("%(name)s accepted your contact request")
REQUEST_BODY = _(
    "Hello %(name)s,\n\n%(employer)s found your talent profile and would like to "
    "get in touch%(about)s. Their message:\n\n%(message)s\n\n"
    "Your contact details are shared only if you accept. Answer by %(date)s: "
    "%(link)s"
)
REQUEST_DECLINED_BODY = _(
    "Thank you for your interest. %(name)s has decided not to take up your "
    "contact request this time. Their details stay private; please do not "
    "try to reach them another way."
)
REQUEST_DECLINED_SUBJECT = _("Your contact request to %(name)s")
REQUEST_EXPIRED_BODY = _(
    "Your contact request to %(name)s was not answered in 14 days and has "
    "expired. Their details stay private."
)
REQUEST_EXPIRED_SUBJECT = _("Your contact request to %(name)s expired")
REQUEST_SUBJECT = _("%(employer)s would like to contact you")
SAVED_SEARCH_BODY = _(
    "Hello,\n\n%(employer)s published a job that matches your saved search "
    '"%(search)s": %(posting)s, %(place)s. Pay: %(pay)s.\n\n%(url)s\n\n'
    "Stop these messages with one click: %(unsubscribe)s"
)
SAVED_SEARCH_SUBJECT = _("New job for your search: %(posting)s")
SIGNIN_BODY = _(
    "Hello,\n\nsign in to your Reilu account with this link. It works once, "
    "for %(hours)s hours:\n%(link)s\n\n"
    "Reading this on another device? Type this code on the sign-in page instead. "
    "It works for %(minutes)s minutes:\n\n%(code)s\n\n"
    "If you did not ask for it, ignore this message."
)
SIGNIN_SUBJECT = _("Your sign-in link and code for Reilu")
