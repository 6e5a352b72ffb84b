from django.conf import settings


def site(request):
    return {"dev_mailbox": settings.REILU_DEV_MAILBOX, "base_url": settings.BASE_URL}
