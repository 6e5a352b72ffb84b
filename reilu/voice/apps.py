from collections.abc import Iterable
from typing import Any

from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "reilu.voice"

    def ready(self) -> None:
        from reilu.applications.signals import process_ended
        from reilu.messaging.texts import register_letters
        from reilu.privacy.registry import register_personal_data
        from reilu.voice.letters import LETTERS
        from reilu.voice.personal_data import erase_survey, export_survey

        register_letters(LETTERS)

        process_ended.connect(_invite, dispatch_uid="voice.survey_invitation")
        register_personal_data("survey", export_fn=export_survey, erase_fn=erase_survey)


def _invite(sender: object, application_ids: Iterable[int], outcome: str, **kwargs: Any) -> None:
    from reilu.voice.services import surveys_invite

    surveys_invite(application_ids=application_ids, outcome=outcome)
