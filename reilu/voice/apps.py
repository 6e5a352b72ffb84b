from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "reilu.voice"

    def ready(self):
        from reilu.applications.signals import process_ended

        process_ended.connect(_invite, dispatch_uid="voice.survey_invitation")


def _invite(sender, application_ids, outcome, **kwargs):
    from reilu.voice.services import surveys_invite

    surveys_invite(application_ids=application_ids, outcome=outcome)
