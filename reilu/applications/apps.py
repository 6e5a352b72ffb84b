from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "reilu.applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        # Models can be imported only once the apps are loaded (Django app loading).
        from django.db.models.signals import post_delete

        from reilu.applications import freshness, letters, mail, status_page
        from reilu.applications.models import Application
        from reilu.applications.personal_data import ApplicationSubjects
        from reilu.messaging.alerts import register_contact
        from reilu.messaging.signals import messages_changed
        from reilu.messaging.texts import register_letters
        from reilu.privacy.registry import register_subjects

        register_letters(letters.LETTERS, letters.PLACEHOLDERS, letters.sample_values)
        register_subjects(ApplicationSubjects())
        register_contact("applications.application", mail.contact_of)
        post_delete.connect(
            mail.messages_delete, sender=Application, dispatch_uid="applications.messages"
        )
        post_delete.connect(
            status_page.pages_delete, sender=Application, dispatch_uid="applications.pages"
        )
        # Mail about an application is part of its status page (the list and its states).
        messages_changed.connect(freshness.about_changed, dispatch_uid="applications.freshness")
