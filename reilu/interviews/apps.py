from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "reilu.interviews"
    verbose_name = _("Interviews")

    def ready(self):
        from reilu.applications.signals import process_ended
        from reilu.interviews import receivers

        process_ended.connect(receivers.offer_feedback_calls, dispatch_uid="interviews.feedback")
