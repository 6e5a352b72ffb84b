from functools import wraps

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reilu.employers.models import Membership
from reilu.employers.staff import recruiter_required
from reilu.errors import LinkExpired, LinkNotFound, private_response, too_many_requests
from reilu.formatting import chosen_language, use_language
from reilu.limits import rate_limited
from reilu.privacy import services
from reilu.privacy.forms import NoticeForm
from reilu.privacy.models import AuditEvent, ErasureRecord
from reilu.privacy.notices import current_notice
from reilu.privacy.registry import subjects
from reilu.privacy.retention import erase_due_at, upcoming_erasures


def ratelimited(request, exception=None):
    """429 in the user's language: JSON for the API and for clients that ask for it."""
    message = _("Too many requests. Please wait a moment and try again.")
    if request.path.startswith("/api/") or "json" in request.headers.get("Accept", ""):
        response = JsonResponse({"detail": message}, status=429)
    else:
        return too_many_requests(request, message)
    response["Retry-After"] = "60"
    return response


def _candidate_app(token):
    app, expired = subjects().by_token(token)
    if expired:
        raise LinkExpired
    if app is None:
        raise LinkNotFound
    return app


@rate_limited("status")
def export(request, token):
    app = _candidate_app(token)
    data = services.application_export(application=app)
    response = HttpResponse(data, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="reilu-my-data-{stamp}.zip"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)


@require_http_methods(["GET", "POST"])
@rate_limited("status")
def erase(request, token):
    app = _candidate_app(token)
    # Like the status page it is reached from: the application's language unless the
    # visitor chose one (reilu.applications.tokens.link_language).
    use_language(request, chosen_language(request) or app.language)
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            services.application_erase(application=app, reason=ErasureRecord.Reason.CANDIDATE)
            return redirect("privacy:erased")
        error = _("Tick the box to confirm that you want your data erased.")
    response = render(
        request,
        "privacy/erase.html",
        {"app": app, "token": token, "error": error},
        status=400 if error else 200,
    )
    return private_response(response)


def erased(request):
    return render(request, "privacy/erased.html")


def owner_required(view):
    """A recruiter_required view that only the employer's owners may open (404 otherwise)."""

    @wraps(view)
    @recruiter_required
    def wrapper(request, *args, **kwargs):
        if not Membership.objects.filter(
            user=request.user, organization=request.org, role=Membership.Role.OWNER
        ).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@owner_required
def audit_log(request):
    events = AuditEvent.objects.filter(organization=request.org).select_related("actor")
    action = request.GET.get("action", "")
    if action in AuditEvent.Action.values:
        events = events.filter(action=action)
    actor = request.GET.get("actor", "").strip()
    if actor:
        events = events.filter(actor_label__icontains=actor)
    object_id = request.GET.get("object", "").strip()
    if object_id:
        events = events.filter(object_id=object_id[:40])
    since, until = (
        parse_date_safe(request.GET.get("since")),
        parse_date_safe(request.GET.get("until")),
    )
    if since:
        events = events.filter(created_at__date__gte=since)
    if until:
        events = events.filter(created_at__date__lte=until)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "privacy/staff/audit.html",
        {
            "page": page,
            "actions": AuditEvent.Action.choices,
            "filters": {
                "action": action,
                "actor": actor,
                "object": object_id,
                "since": since,
                "until": until,
            },
            "query": query.urlencode(),
        },
    )


def parse_date_safe(value):
    try:
        return parse_date(value or "")
    except ValueError:
        return None


@owner_required
def erasures(request):
    apps = list(upcoming_erasures(request.org)[:500])
    rows = [(a, erase_due_at(a)) for a in apps]
    records = ErasureRecord.objects.filter(organization=request.org)[:20]
    return render(request, "privacy/staff/erasures.html", {"rows": rows, "records": records})


@require_http_methods(["GET", "POST"])
@owner_required
def notice_edit(request):
    current = current_notice(request.org)
    initial = {f"text_{lang}": current.text(lang) for lang in ("fi", "sv", "en")}
    form = NoticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.notice_publish(
            organization=request.org,
            texts={lang: data[f"text_{lang}"] for lang in ("fi", "sv", "en")},
            actor=request.user,
        )
        return redirect("privacy:notice")
    return render(
        request,
        "privacy/staff/notice.html",
        {"form": form, "current": current},
        status=400 if form.errors else 200,
    )
