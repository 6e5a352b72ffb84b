from django_tasks import task

from reilu.talent import auth, saved_searches
from reilu.talent.services.contact_requests import contact_requests_expire
from reilu.talent.services.open_applications import open_applications_sweep


@task()
def sweep() -> dict:
    """Expire old contact requests, handle lapsed open-application promises, mail new jobs,
    delete expired sign-in links."""
    return {
        "requests_expired": contact_requests_expire(),
        "open_lapsed": open_applications_sweep(),
        "saved_search_mails": saved_searches.notify_new_postings(),
        "signin_links_deleted": auth.tokens_sweep(),
    }
