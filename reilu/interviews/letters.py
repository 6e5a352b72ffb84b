"""The interviews area's wording: the letters to candidates an employer may reword.

Rendered by reilu.messaging.texts.render with the placeholders of reilu.applications.letters;
registered from InterviewsConfig.ready().
"""

from django.utils.translation import gettext_lazy as _

from reilu.messaging.texts import Letter

LETTERS = {
    "interview_booked": Letter(
        label=_("Interview time booked"),
        subject=_("Your interview time: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "thank you for booking a time for your interview for {posting}. Here are the "
            "details; the calendar invitation is attached.\n\n{note}"
            "If the time no longer suits you, you can move or cancel it on your status "
            "page:\n{status_url}"
        ),
    ),
    "interview_cancelled": Letter(
        label=_("Interview time cancelled"),
        subject=_("Your interview time was cancelled: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "the interview time below for {posting} is now cancelled.\n\n{note}"
            "You can book a new time on your status page while times are open:\n{status_url}"
        ),
    ),
    "feedback_offer": Letter(
        label=_("Feedback call offered"),
        subject=_("Would you like feedback on your interview? {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "you reached the interviews for {posting}, and I would like to tell you "
            "personally what decided the choice. You can book a short feedback call at a "
            "time that suits you, or ask for a written summary instead:\n{status_url}\n\n"
            "{note}There is no obligation: if you do not want feedback, you can say so "
            "on the same page."
        ),
    ),
}
