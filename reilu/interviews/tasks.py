from django_tasks import task

from reilu.interviews.services.preparation import remind_unprepared


@task()
def remind_interviewers() -> int:
    """Interviewers who have not confirmed their preparation by the day before are reminded."""
    return remind_unprepared()
