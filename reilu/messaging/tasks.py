from django_tasks import task

from reilu.messaging import outbox


@task()
def deliver_outbox() -> int:
    outbox.release_stale_claims()
    return outbox.deliver_all()
