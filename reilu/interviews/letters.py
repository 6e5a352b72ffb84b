"""The interviews area's wording: the letters to candidates an employer may reword, and
the fixed mail to interviewers and contact persons.

Rendered by reilu.messaging.texts.render with the placeholders of reilu.applications.letters;
registered from InterviewsConfig.ready(). Below them, the fixed wording of the calendar
invitations, the interviewers' mail and the feedback to-do: gettext texts with %(name)s
placeholders, filled in the reader's language where they are sent.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

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
    "interview_cancelled_ended": Letter(
        label=_("Interview time cancelled: the application has ended"),
        subject=_("Your interview time was cancelled: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "as your application for {posting} is no longer in process, the interview time "
            "below is cancelled. If it is in your calendar, this message removes it.\n\n"
            "{note}Your status page has the details:\n{status_url}"
        ),
    ),
    "feedback_booked": Letter(
        label=_("Feedback call booked"),
        subject=_("Your feedback call: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "thank you for booking a feedback call about your application for {posting}. "
            "Here are the details; the calendar invitation is attached.\n\n{note}"
            "If the time no longer suits you, you can move or cancel it on your status "
            "page:\n{status_url}"
        ),
    ),
    "feedback_cancelled": Letter(
        label=_("Feedback call cancelled"),
        subject=_("Your feedback call was cancelled: {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "the feedback call below about {posting} is now cancelled.\n\n{note}"
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

NO_SCORECARDS = _("No scorecards were submitted; the criteria were:")
FIRST_REVIEW_HEADING = _("In the first review of the application:")
CRITERION_MEAN = ngettext_lazy(
    "%(criterion)s: %(mean)s / 5 (%(count)s rating)",
    "%(criterion)s: %(mean)s / 5 (%(count)s ratings)",
    "count",
)
FEEDBACK_TASK_SUBJECT_ONE = _("Feedback call to give: %(name)s, %(posting)s")
FEEDBACK_TASK_SUBJECT_MANY = _("Feedback calls to give: %(count)s candidates, %(posting)s")
FEEDBACK_TASK_MORE = _("…and %(count)s more on the feedback page.")
FEEDBACK_TASK_BODY = _(
    "These candidates reached the interviews and were not chosen. They were offered a "
    "personal feedback call, and may book one of your feedback times. Talk through "
    "what decided the choice, along the evaluation criteria:\n\n%(summary)s\n\n"
    "Mark each call done when you have given the feedback:\n%(link)s\n"
)
PREPARATION_REMINDER_SUBJECT = _("Reminder: read %(name)s's application before the interview")
PREPARATION_REMINDER_BODY = _(
    "You interview %(name)s for %(posting)s soon, and you have not yet "
    "confirmed that you read the application. It takes a few minutes:\n%(link)s"
    "\n\n%(details)s\n"
)
WHEN = _("When: %(when)s")
WHERE = _("Where: %(place)s")
VIDEO_LINK = _("Video link: %(url)s")
PROGRAMME = _("Programme:")
YOU_WILL_MEET = _("You will meet: %(names)s")
FEEDBACK_CALL_SUMMARY = _("Feedback call: %(posting)s")
INTERVIEW_SUMMARY = _("Interview: %(posting)s, %(employer)s")
STAFF_CANCELLED_SUBJECT = _("Cancelled: %(name)s, %(posting)s")
STAFF_CANCELLED_INTRO = _("This time is cancelled, or you are no longer on it.")
STAFF_INVITATION_SUBJECT = _("Interview: %(name)s, %(posting)s")
STAFF_FEEDBACK_SUBJECT = _("Feedback call: %(name)s, %(posting)s")
STAFF_FEEDBACK_INTRO = _(
    "You give this candidate a feedback call. The application and the interviewers' "
    "ratings are here:"
)
STAFF_INVITATION_INTRO = _(
    "You are an interviewer. Please read the application before the interview and confirm it here:"
)
