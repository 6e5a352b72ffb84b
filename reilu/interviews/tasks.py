from django_tasks import task

from reilu.interviews import services


@task()
def remind_interviewers() -> int:
    """Interviewers who have not confirmed their preparation by the day before are reminded."""
    return services.remind_unprepared()
