"""The job seeker's home: one account, signed in by email, across every employer.

Signing in is the talent gallery's (reilu.talent.auth: a one-time link or code by mail);
these pages add what the seeker has at every employer on this Reilu: their applications,
their tasks, their data. Status links keep working without an account.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.exceptions import Ratelimited

from reilu.applications.documents import takes_documents
from reilu.applications.models import DocumentRequest, ThreadMessage
from reilu.applications.thread import clean_text, question_ask, question_limit_reached
from reilu.applications.views import (
    THREAD_NOTICE,
    apply_page,
    document_sent,
    question_sent,
    thread_notice,
)
from reilu.errors import private_response
from reilu.form_addresses import back_on_get
from reilu.jobs.models import Posting
from reilu.limits import rate_limited
from reilu.rules import RuleError
from reilu.seekers import selectors, services
from reilu.seekers.forms import QuickApplyForm
from reilu.seekers.selectors import TaskKind
from reilu.talent import auth
from reilu.talent.models import Profile

# Where a task's or an application's button leads, under a fresh status link.
TARGETS = {
    "status": "applications:status",
    TaskKind.BOOK: "interviews:book",
    TaskKind.MOVE: "interviews:book",
    TaskKind.FEEDBACK: "interviews:feedback",
    TaskKind.SURVEY: "voice:status_survey",
}


@auth.seeker_required
def home(request: HttpRequest) -> HttpResponse:
    seeker = request.seeker  # type: ignore[attr-defined]
    tasks = selectors.tasks_of(seeker)
    context = {
        "seeker": seeker,
        "applications": list(selectors.applications_of(seeker)),
        "tasks": tasks,
        "task_count": selectors.task_count(tasks),
        "profile": Profile.objects.filter(seeker=seeker).first(),
        "open_applications": seeker.open_applications.select_related("organization"),
        "searches": seeker.saved_searches.filter(unsubscribed_at__isnull=True),
        "job_alerts": selectors.job_alerts_of(seeker),
    }
    return private_response(render(request, "seekers/home.html", context))


@auth.seeker_required
def tasks(request: HttpRequest) -> HttpResponse:
    found = selectors.tasks_of(request.seeker)  # type: ignore[attr-defined]
    context = {"tasks": found, "task_count": selectors.task_count(found)}
    return private_response(render(request, "seekers/tasks.html", context))


@auth.seeker_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    app = selectors.application_of(request.seeker, pk)  # type: ignore[attr-defined]
    if app is None:
        raise Http404
    context = selectors.application_detail(app)
    context.update(thread_notice=thread_notice(request), inline_notices=THREAD_NOTICE)
    return private_response(render(request, "seekers/application.html", context))


def _application_page(anchor: str) -> Callable[..., str]:
    def page(request: HttpRequest, pk: int, doc_pk: int | None = None) -> str:
        app = selectors.application_of(request.seeker, pk)  # type: ignore[attr-defined]
        if app is None:
            raise Http404
        if doc_pk is not None:
            get_object_or_404(DocumentRequest, pk=doc_pk, application=app)
        return reverse("seekers:application", args=[app.pk]) + anchor

    return page


@auth.seeker_required
@back_on_get(_application_page("#thread"))
@rate_limited("thread", method="POST")  # the same counter as the status page's form
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    """A question to the contact person of one of the seeker's applications: the status
    page's rules (reilu.applications.views.ask). A refused text comes back on the
    application's page with the reason and the text kept (400)."""
    app = selectors.application_of(request.seeker, pk)  # type: ignore[attr-defined]
    if app is None:
        raise Http404
    text = request.POST.get("text", "")
    try:
        clean_text(text)
        if question_limit_reached(app):
            raise Ratelimited
        question_ask(application=app, text=text, via=ThreadMessage.Via.PAGE)
    except RuleError as exc:
        context = selectors.application_detail(app)
        context.update(thread_error=str(exc), thread_text=text)
        return private_response(render(request, "seekers/application.html", context, status=400))
    question_sent(request, app)
    return redirect(reverse("seekers:application", args=[app.pk]) + "#thread")


@auth.seeker_required
@back_on_get(_application_page("#documents"))
@rate_limited("apply", method="POST")  # the same counter as the status page's upload
def document_upload(request: HttpRequest, pk: int, doc_pk: int) -> HttpResponse:
    """Send a document one of the seeker's applications was asked for: the status page's
    rules (reilu.applications.views.document_upload). A refused file comes back on the
    application's page with the reason (400); anyone else's request is 404."""
    app = selectors.application_of(request.seeker, pk)  # type: ignore[attr-defined]
    if app is None:
        raise Http404
    document = get_object_or_404(DocumentRequest, pk=doc_pk, application=app)
    error, notice = document_sent(request, app, document)
    if error:
        context = selectors.application_detail(app)
        context.update(doc_error=error, doc_error_for=document.pk)
        status = 400 if document.is_waiting and takes_documents(app) else 409
        return private_response(render(request, "seekers/application.html", context, status=status))
    # To the top, where the notice is (reilu.applications.views.document_upload).
    messages.success(request, notice)
    return redirect("seekers:application", pk=app.pk)


@auth.seeker_required
@require_POST
def go(request: HttpRequest, pk: int, target: str) -> HttpResponse:
    """Open one of the seeker's applications on its own pages (the status page, booking,
    feedback, survey) with a fresh status link: the account acts through the same pages and
    rules as the link in the mail."""
    if target not in TARGETS:
        raise Http404
    raw = services.status_link_issue(seeker=request.seeker, pk=pk)  # type: ignore[attr-defined]
    if raw is None:
        raise Http404
    response = redirect(reverse(TARGETS[target], kwargs={"token": raw}))
    response["Referrer-Policy"] = "same-origin"
    return response


@auth.seeker_required
def export(request: HttpRequest) -> HttpResponse:
    data = services.account_export(request.seeker)  # type: ignore[attr-defined]
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="reilu-my-account.zip"'
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response)


@auth.seeker_required
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    seeker = request.seeker  # type: ignore[attr-defined]
    error = ""
    status = 200
    if request.method == "POST":
        if request.POST.get("confirm") == "yes":
            services.account_erase(seeker)
            auth.sign_out(request)
            return private_response(render(request, "seekers/erased.html"))
        error = _("Tick the box to confirm that you want your account and data erased.")
        status = 400
    context = {
        "error": error,
        "applications": services.erasable_applications(seeker),
        "profile": Profile.objects.filter(seeker=seeker).first(),
        "open_applications": seeker.open_applications.select_related("organization"),
        "searches": seeker.saved_searches.all(),
        "job_alerts": services.all_job_alerts(seeker),
    }
    return private_response(render(request, "seekers/erase.html", context, status=status))


@auth.seeker_required
@require_http_methods(["GET", "POST"])
@rate_limited("apply", method="POST")
def quick_apply(request: HttpRequest, slug: str) -> HttpResponse:
    """Apply from the account: the public form's flow (applications.views.apply_page) with
    the account's address and, from the profile or else the newest earlier application, the
    name, phone and language (selectors.apply_prefill); the page says which."""
    seeker = request.seeker  # type: ignore[attr-defined]
    posting = get_object_or_404(
        Posting.objects.select_related("organization"), slug=slug, state=Posting.State.PUBLISHED
    )
    profile = Profile.objects.filter(seeker=seeker).first()
    prefill = selectors.apply_prefill(seeker, profile)

    def form_class(*args: Any, **kwargs: Any) -> QuickApplyForm:
        return QuickApplyForm(*args, profile=profile, email=seeker.email, **kwargs)

    context = {"quick": True, "filled_from": prefill.source, "earlier": prefill.earlier}
    response = apply_page(
        request, posting, form_class=form_class, initial=prefill.initial, context=context
    )
    return private_response(response)
