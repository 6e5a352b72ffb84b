from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_ratelimit.exceptions import Ratelimited

from reilu.applications import services
from reilu.applications.documents import document_upload as upload_document
from reilu.applications.documents import takes_documents
from reilu.applications.forms import ApplyForm, DocumentUploadForm, StatusLinksForm
from reilu.applications.models import Application, DocumentRequest, ThreadMessage
from reilu.applications.pending import pending_carry, pending_find, pending_forget
from reilu.applications.status_links import status_links_send
from reilu.applications.status_page import status_etag, status_part
from reilu.applications.thread import (
    clean_text,
    max_chars,
    question_ask,
    question_limit_reached,
)
from reilu.applications.tokens import application_for_token, link_language
from reilu.form_addresses import back_on_get
from reilu.jobs.alerts import alert_subscribe
from reilu.jobs.models import Posting
from reilu.jobs.views import PUBLIC_STATES
from reilu.limits import over_limit_for, rate_limited
from reilu.privacy.notices import current_notice
from reilu.privacy.services import record_notice_acceptance
from reilu.rules import DuplicateApplication, RuleError


@require_http_methods(["GET", "POST"])
@rate_limited("apply", method="POST")
def apply(request, slug):
    posting = get_object_or_404(
        Posting.objects.select_related("organization"), slug=slug, state=Posting.State.PUBLISHED
    )
    return apply_page(request, posting)


FormFactory = Callable[..., ApplyForm]


def apply_page(
    request: HttpRequest,
    posting: Posting,
    *,
    form_class: FormFactory = ApplyForm,
    initial: dict[str, Any] | None = None,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The apply form, its errors and its submit: one flow for the public form and a
    signed-in seeker's quick apply (reilu.seekers), which passes its own form class (an
    ApplyForm) and the profile's values as `initial`."""
    if not posting.is_open:
        return render(request, "applications/closed.html", {"posting": posting}, status=410)
    language = (get_language() or posting.language)[:2]
    notice = current_notice(posting.organization)
    raw_pending = request.POST.get("cv_token", "")
    kept = pending = None
    if request.method == "POST" and raw_pending:
        pending = pending_find(request=request, posting=posting, raw=raw_pending)
        if pending is not None and request.POST.get("cv_discard"):
            pending_forget(request=request, pending=pending, raw=raw_pending)
            pending = None
    form = form_class(
        request.POST or None,
        request.FILES or None,
        initial={"language": language, "privacy_notice_version": notice.version, **(initial or {})},
        pending=pending,
        questions=posting.questions.all(),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                app, _raw = form.submit(posting)
            except DuplicateApplication:
                return render(
                    request, "applications/duplicate.html", {"posting": posting}, status=409
                )
            except RuleError:
                return render(request, "applications/closed.html", {"posting": posting}, status=410)
            finally:
                if pending is not None:
                    # The kept copy has served (or lost) its purpose either way.
                    if data.get("cv"):
                        data["cv"].close()
                    pending_forget(request=request, pending=pending, raw=raw_pending)
            record_notice_acceptance(application=app, version=data.get("privacy_notice_version"))
            if data.get("job_alert"):
                alert_subscribe(
                    organization=posting.organization,
                    email=data["email"],
                    language=data["language"],
                )
            return redirect("applications:thanks", slug=posting.slug)
        status = 400
        kept = pending_carry(
            request=request, posting=posting, form=form, pending=pending, raw=raw_pending
        )
    return render(
        request,
        "applications/apply.html",
        {
            "posting": posting,
            "form": form,
            "kept_cv": kept,
            "notice_text": notice.text(language),
            "notice_version": notice.version,
            **(context or {}),
        },
        status=status,
    )


def thanks(request, slug):
    # Only where the job page itself is public: a draft's title must not leak from here.
    posting = get_object_or_404(
        Posting.objects.select_related("organization"), slug=slug, state__in=PUBLIC_STATES
    )
    return render(request, "applications/thanks.html", {"posting": posting})


@require_http_methods(["GET", "POST"])
@rate_limited("status_links", method="POST")
def status_links(request):
    """Lost your status link? The answer is the same whether or not the address is known."""
    form = StatusLinksForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            email = form.cleaned_data["email"]
            # Over the per-address limit nothing more is sent, but the answer stays the same.
            if not over_limit_for(request, "status_links_address", email):
                language = (get_language() or "fi")[:2]
                status_links_send(email=email, language=language)
            return render(request, "applications/status_links_sent.html", {"email": email})
        return render(request, "applications/status_links.html", {"form": form}, status=400)
    return render(request, "applications/status_links.html", {"form": form})


def status(request, token):
    app = application_for_token(token, request=request, tell_expired=True)
    language = link_language(request, app)
    csrf = get_token(request)
    # A notice waiting to be shown (e.g. after withdrawing) is not in the validator: such a
    # response is always sent in full.
    tag = None
    if not len(get_messages(request)):
        tag = status_etag(app, language, token, request.META.get("CSRF_COOKIE", ""))
    response = get_conditional_response(request, etag=tag) if tag else None
    if response is None:
        part = status_part(app, language)
        values = {"token": token, "csrf": csrf}
        if part.has("interviews"):
            values["interviews"] = render_to_string(
                "interviews/_status_panel.html", {"app": app, "token": token}, request=request
            )
        values["thread_notice"] = thread_notice(request)
        body = mark_safe(part.fill(values))  # noqa: S308 - rendered by our own templates
        response = render(
            request, "applications/status.html", {"body": body, "inline_notices": THREAD_NOTICE}
        )
    if tag:
        response["ETag"] = tag
    # The address is a key: never send it on to other sites, never let a shared cache keep
    # it. The browser may keep its own copy but asks each time (no-cache), so a repeat
    # visit is a 304. (Not "no-referrer": browsers then send "Origin: null" and CSRF
    # refuses the page's forms.)
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ["Cookie", "Accept-Language"])
    return response


@require_http_methods(["GET", "POST"])
def withdraw(request, token):
    app = application_for_token(token, request=request, tell_expired=True)
    link_language(request, app)
    if request.method == "POST":
        try:
            services.application_withdraw(application=app)
        except RuleError:
            messages.info(request, _("This application is no longer in process."))
        else:
            messages.success(request, _("Your application is withdrawn."))
        return redirect("applications:status", token=token)
    response = render(request, "applications/withdraw.html", {"app": app, "token": token})
    response["Referrer-Policy"] = "same-origin"
    return response


@require_http_methods(["POST"])
def subscribe_alerts(request, token):
    app = application_for_token(token, request=request, tell_expired=True)
    link_language(request, app)
    alert_subscribe(organization=app.posting.organization, email=app.email, language=app.language)
    messages.success(
        request, _("We sent you an email. Confirm there, and you will hear of new openings.")
    )
    return redirect("applications:status", token=token)


def _status_thread(request: HttpRequest, token: str) -> str:
    application_for_token(token, request=request, tell_expired=True)
    return reverse("applications:status", args=[token]) + "#thread"


def _status_documents(request: HttpRequest, token: str, pk: int) -> str:
    app = application_for_token(token, request=request, tell_expired=True)
    get_object_or_404(DocumentRequest, pk=pk, application=app)
    return reverse("applications:status", args=[token]) + "#documents"


@back_on_get(_status_thread)
@rate_limited("thread", method="POST")
def ask(request, token):
    """A question to the contact person from the status page. A refused text comes back on
    a page of its own with the reason and the text kept (400)."""
    app = application_for_token(token, request=request, tell_expired=True)
    link_language(request, app)
    text = request.POST.get("text", "")
    try:
        clean_text(text)
        if question_limit_reached(app):
            raise Ratelimited
        question_ask(application=app, text=text, via=ThreadMessage.Via.PAGE)
    except RuleError as exc:
        response = render(
            request,
            "applications/ask.html",
            {"app": app, "token": token, "error": str(exc), "text": text, "max": max_chars()},
            status=400,
        )
        response["Referrer-Policy"] = "same-origin"
        return response
    question_sent(request, app)
    return redirect(reverse("applications:status", args=[token]) + "#thread")


# The notice after a question is shown in the conversation, where the page lands (#thread):
# at the top of the page it would be out of a phone's view.
THREAD_NOTICE = "thread"


def question_sent(request: HttpRequest, app: Application) -> None:
    messages.success(
        request,
        _("Your message is on its way to %(name)s. The answer comes by email and on this page.")
        % {"name": app.contact_name},
        extra_tags=THREAD_NOTICE,
    )


def thread_notice(request: HttpRequest) -> str:
    """The notices to show inside the conversation (the page's frame leaves them out when
    rendered with inline_notices=THREAD_NOTICE)."""
    notes = [m for m in get_messages(request) if THREAD_NOTICE in m.extra_tags.split()]
    return render_to_string("applications/_thread_notice.html", {"notes": notes})


def document_sent(
    request: HttpRequest, app: Application, document: DocumentRequest
) -> tuple[str, str]:
    """Take the candidate's file for `document` (the status page's and the account's forms).
    Returns ("", notice) when sent, or (error, "") with the reason; nothing is stored then."""
    form = DocumentUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return str(form.errors["file"][0]), ""
    try:
        upload_document(document=document, upload=form.cleaned_data["file"])
    except RuleError as exc:
        return exc.message, ""
    return "", str(_("Thank you: %(name)s has your document.") % {"name": app.contact_name})


@back_on_get(_status_documents)
@rate_limited("apply", method="POST")  # uploads share the apply form's counter
def document_upload(request, token, pk):
    """The candidate sends a document asked for, from the status page. A refused file comes
    back on a page of its own with the reason (400); another application's request is 404."""
    app = application_for_token(token, request=request, tell_expired=True)
    link_language(request, app)
    document = get_object_or_404(DocumentRequest, pk=pk, application=app)
    error, notice = document_sent(request, app, document)
    if error:
        response = render(
            request,
            "applications/document_upload.html",
            {
                "app": app,
                "token": token,
                "documents": [document],
                "takes_documents": takes_documents(app),
                "upload_limit_mb": settings.REILU_MAX_UPLOAD_BYTES // 1_048_576,
                "doc_error": error,
                "doc_error_for": document.pk,
            },
            status=400 if document.is_waiting and takes_documents(app) else 409,
        )
        response["Referrer-Policy"] = "same-origin"
        return response
    # To the top of the page, where the notice is: at the section it would be out of sight
    # on a phone (the section itself shows the document sent).
    messages.success(request, notice)
    return redirect("applications:status", token=token)
