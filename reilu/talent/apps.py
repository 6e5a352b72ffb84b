from django.apps import AppConfig


class TalentConfig(AppConfig):
    name = "reilu.talent"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from reilu.applications.models import Application
        from reilu.talent.signals import draft_profile_on_consent

        post_save.connect(
            draft_profile_on_consent, sender=Application, dispatch_uid="talent_draft_profile"
        )
