from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from reilu.jobs import alerts


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, signed: str) -> HttpResponse:
    alert = alerts.unsign(signed, "confirm", max_age=alerts.CONFIRM_MAX_AGE)
    if alert is None:
        raise Http404
    # Confirm only on POST: mail scanners open links, people press buttons.
    if request.method == "POST":
        alerts.alert_confirm(alert)
        alert.refresh_from_db()
    return render(request, "jobs/alert_confirm.html", {"alert": alert, "signed": signed})


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without a session or CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, signed: str) -> HttpResponse:
    alert = alerts.unsign(signed, "unsubscribe")
    if alert is None:
        raise Http404
    if request.method == "POST":
        alerts.alert_unsubscribe(alert)
        alert.refresh_from_db()
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
    return render(request, "jobs/alert_unsubscribe.html", {"alert": alert, "signed": signed})
