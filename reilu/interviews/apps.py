from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    name = "reilu.interviews"
