from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from reilu.messaging.models import Message


def _dev_only() -> None:
    if not settings.REILU_DEV_MAILBOX:
        raise Http404


def mailbox(request: HttpRequest) -> HttpResponse:
    """Development mailbox: every message the outbox holds, for newcomers without SMTP."""
    _dev_only()
    return render(
        request,
        "messaging/mailbox.html",
        {"mail": Message.objects.order_by("-created_at", "-id")[:200]},
    )


def mailbox_message(request: HttpRequest, pk: int) -> HttpResponse:
    _dev_only()
    return render(
        request, "messaging/mailbox_message.html", {"m": get_object_or_404(Message, pk=pk)}
    )
