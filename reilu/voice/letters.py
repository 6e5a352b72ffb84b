"""The voice area's wording: the letters to candidates an employer may reword.

Rendered by reilu.messaging.texts.render with the placeholders of reilu.applications.letters;
registered from VoiceConfig.ready().
"""

from django.utils.translation import gettext_lazy as _

from reilu.messaging.texts import Letter

LETTERS = {
    # {status_url} is the candidate's own survey link here.
    "survey_invitation": Letter(
        label=_("Survey after the process"),
        subject=_("How did we do? {posting}"),
        body=_(
            "Hello {first_name},\n\n"
            "your process for {posting} at {employer} has ended. Would you tell us how it "
            "went for you? A few quick ratings and a comment if you wish, about two "
            "minutes. We see the answers only together with others, never with your name, "
            "and you decide whether your comment may be shown publicly.\n\n{status_url}\n\n"
            "Thank you for the time you gave us."
        ),
    ),
}
