from django_tasks import task

from reilu.talent import auth, saved_searches, services


@task()
def sweep() -> dict:
    """Expire old contact requests, handle lapsed open-application promises, mail new jobs,
    delete expired sign-in links."""
    return {
        "requests_expired": services.contact_requests_expire(),
        "open_lapsed": services.open_applications_sweep(),
        "saved_search_mails": saved_searches.notify_new_postings(),
        "signin_links_deleted": auth.tokens_sweep(),
    }
