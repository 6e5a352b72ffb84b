from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "reilu.interviews"
    verbose_name = _("Interviews")

    def ready(self) -> None:
        from reilu.applications.signals import process_ended
        from reilu.interviews import receivers
        from reilu.interviews.letters import LETTERS
        from reilu.messaging.texts import register_letters

        register_letters(LETTERS)

        from reilu.applications.board import register_board_score
        from reilu.interviews.selectors import first_review_score

        register_board_score(first_review_score)

        process_ended.connect(receivers.offer_feedback_calls, dispatch_uid="interviews.feedback")
        process_ended.connect(
            receivers.cancel_future_interviews, dispatch_uid="interviews.cancel_future"
        )

        from reilu.interviews.personal_data import erase_interviews, export_interviews
        from reilu.privacy.registry import register_personal_data

        register_personal_data("interviews", export_fn=export_interviews, erase_fn=erase_interviews)
