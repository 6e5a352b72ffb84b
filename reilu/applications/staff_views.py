from csp.decorators import csp_replace, csp_update
from django.contrib import messages
from django.http import Http404, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from reilu.applications import documents, services, uploads
from reilu.applications.anonymity import audit_first_view, shown
from reilu.applications.attention import attention
from reilu.applications.board import board_page
from reilu.applications.cv import cv_response, file_response
from reilu.applications.cv_text import READABLE, extract_text
from reilu.applications.forms import DocumentRequestForm
from reilu.applications.models import Application, DocumentRequest, ThreadMessage, erased_marker
from reilu.applications.search import MIN_LENGTH, candidate_search_page
from reilu.applications.selectors import application_thread
from reilu.applications.thread import max_chars, thread_answer, unanswered_questions
from reilu.employers.access import recruiting_orgs
from reilu.employers.models import Membership
from reilu.employers.staff import recruiter_required
from reilu.form_addresses import back_on_get
from reilu.jobs.models import Stage
from reilu.jobs.staff_views import staff_posting
from reilu.messaging.models import Message
from reilu.messaging.queue import message_retry
from reilu.privacy.models import AuditEvent
from reilu.privacy.services import audit_record
from reilu.refusals import refusal_shown
from reilu.rules import RuleError


def staff_application(request, pk) -> Application:
    return get_object_or_404(
        Application.objects.select_related("posting__organization", "stage"),
        pk=pk,
        posting__organization__in=recruiting_orgs(request.user),
    )


@recruiter_required
# The CV preview frame. (django-csp types a view as taking the request only.)
@csp_update({"frame-src": ["'self'"]})  # type: ignore[arg-type]
def detail(request, pk):
    app = staff_application(request, pk)
    return _detail_page(request, app)


def _detail_page(
    request,
    app: Application,
    *,
    answer_error: str = "",
    answer_text: str = "",
    doc_form: DocumentRequestForm | None = None,
):
    audit_record(
        organization=app.posting.organization,
        action=AuditEvent.Action.VIEW_APPLICATION,
        obj=app,
        actor=request.user,
    )
    audit_first_view(app, request.user)
    events = app.events.select_related("stage", "actor").order_by("created_at", "id")

    def kept(text: str) -> str:
        # An erased application's texts are gone: say so rather than show an empty line.
        return text or (erased_marker() if app.is_erased else text)

    sent = []
    for m in app.messages.order_by("created_at", "id"):
        to_candidate = app.identity_hidden and m.to_email == app.email
        to = app.pseudonym if to_candidate else m.to_email
        sent.append((m, kept(shown(m.subject, app)), kept(shown(m.body, app)), kept(to)))
    return render(
        request,
        "applications/staff/detail.html",
        {
            "app": app,
            "posting": app.posting,
            "stages": list(app.posting.stages.all()),
            "events": [(e, shown(e.text, app)) for e in events],
            "sent": sent,
            "cover_letter": shown(app.cover_letter, app),
            "cv_readable": app.cv_type in READABLE,
            "answers": [(a, shown(a.shown(), app)) for a in app.answers.all()],
            "thread": [(m, kept(shown(m.event.text, app))) for m in application_thread(app)],
            "thread_max": max_chars(),
            "answer_error": answer_error,
            "answer_text": answer_text,
            "documents": [
                (d, documents.state(d), kept(shown(d.what, app)), shown(d.note, app))
                for d in documents.requests_of(app)
            ],
            "takes_documents": documents.takes_documents(app),
            "doc_form": doc_form or DocumentRequestForm(prefix="doc"),
        },
        status=400 if answer_error or (doc_form is not None and doc_form.errors) else 200,
    )


def _application_page(anchor: str):
    def page(request, pk) -> str:
        return reverse("staff:application", args=[staff_application(request, pk).pk]) + anchor

    return page


# A refused request shows the application's page, CV preview frame included.
@recruiter_required
@back_on_get(_application_page("#documents"))
@csp_update({"frame-src": ["'self'"]})  # type: ignore[arg-type]
def document_request(request, pk):
    """Ask the candidate for a document. Errors, and a refusal by the application's state,
    come back on the application's page with what was typed (400)."""
    app = staff_application(request, pk)
    form = DocumentRequestForm(request.POST, prefix="doc")
    if not form.is_valid():
        return _detail_page(request, app, doc_form=form)
    data = form.cleaned_data
    with refusal_shown(request, form=form) as refused:
        documents.document_request(
            application=app,
            what=data["what"],
            note=data["note"],
            due=data["due"],
            actor=request.user,
        )
    if refused:
        return _detail_page(request, app, doc_form=form)
    messages.success(
        request,
        _("Requested. The candidate gets an email and can send the file from their page."),
    )
    return redirect(reverse("staff:application", args=[app.pk]) + "#documents")


def _staff_document(request, pk, doc_pk) -> tuple[Application, DocumentRequest]:
    app = staff_application(request, pk)
    document = get_object_or_404(DocumentRequest, pk=doc_pk, application=app)
    return app, document


@require_POST
@recruiter_required
def document_cancel(request, pk, doc_pk):
    app, document = _staff_document(request, pk, doc_pk)
    with refusal_shown(request) as refused:
        documents.document_cancel(document=document, actor=request.user)
    if not refused:
        if documents.takes_documents(app):
            messages.success(
                request,
                _("The request is cancelled. The candidate is told by mail and on the page."),
            )
        else:
            messages.success(request, _("The request is cancelled. The candidate's page says so."))
    return redirect(reverse("staff:application", args=[app.pk]) + "#documents")


@recruiter_required
def document_download(request, pk, doc_pk):
    """A received document, for the employer's staff only: refused during an anonymous first
    review like the CV file (it may show who the candidate is); every download audited."""
    app, document = _staff_document(request, pk, doc_pk)
    if not document.file:
        raise Http404
    if app.identity_hidden:
        return render(
            request,
            "applications/staff/document_hidden.html",
            {"app": app, "posting": app.posting},
            status=403,
        )
    audit_record(
        organization=app.posting.organization,
        action=AuditEvent.Action.DOWNLOAD_DOCUMENT,
        obj=app,
        actor=request.user,
    )
    return file_response(document.file, document.file_name, document.file_type)


# A refused answer shows the application's page, CV preview frame included.
@recruiter_required
@back_on_get(_application_page("#thread"))
@csp_update({"frame-src": ["'self'"]})  # type: ignore[arg-type]
def answer(request, pk):
    """Staff write to the candidate in the application's conversation; a refused text comes
    back on the application's page with the reason and the text kept (400)."""
    app = staff_application(request, pk)
    text = request.POST.get("text", "")
    try:
        thread_answer(
            application=app, text=text, actor=request.user, via=ThreadMessage.Via.WORKSPACE
        )
    except RuleError as exc:
        return _detail_page(request, app, answer_error=str(exc), answer_text=text)
    messages.success(request, _("Sent. The candidate gets it by email and on their status page."))
    return redirect(reverse("staff:application", args=[app.pk]) + "#thread")


def _cv_response(request, pk, *, inline: bool) -> HttpResponseBase:
    """The CV as a download, or inline for the in-page preview: one access check, one audit.
    During an anonymous first review the file is refused: it shows who the candidate is."""
    app = staff_application(request, pk)
    if not app.cv or (inline and app.cv_type != uploads.PDF):
        raise Http404
    if app.identity_hidden:
        return render(
            request,
            "applications/staff/cv_hidden.html",
            {"app": app, "posting": app.posting},
            status=403,
        )
    return cv_response(request, owner=app, organization=app.posting.organization, inline=inline)


@recruiter_required
def cv_download(request, pk):
    return _cv_response(request, pk, inline=False)


# Only a PDF previews inline: browsers show it in their own sandboxed viewer, while other
# types would be offered as a download anyway. The application page may frame it; nothing
# else may, and the page's other CSP rules stay as they are.
@recruiter_required
@xframe_options_sameorigin
# django-csp types a view as taking the request only.
@csp_replace({"frame-ancestors": ["'self'"], "object-src": ["'self'"]})  # type: ignore[arg-type]
def cv_preview(request, pk):
    return _cv_response(request, pk, inline=True)


@recruiter_required
def cv_text(request, pk):
    """The CV's text in the page; masked while the candidate's identity is hidden. Every
    opening is written to the audit log."""
    app = staff_application(request, pk)
    if not app.cv:
        raise Http404
    text = None
    if app.cv_type in READABLE:
        with app.cv.open("rb") as file:
            text = extract_text(file, app.cv_type)
    audit_record(
        organization=app.posting.organization,
        action=AuditEvent.Action.VIEW_CV_TEXT,
        obj=app,
        actor=request.user,
    )
    audit_first_view(app, request.user)
    return render(
        request,
        "applications/staff/cv_text.html",
        {
            "app": app,
            "posting": app.posting,
            "text": shown(text, app) if text else text,
            "readable": app.cv_type in READABLE,
        },
    )


@require_POST
@recruiter_required
def move(request, pk):
    app = staff_application(request, pk)
    target = request.POST.get("to", "next")
    to_stage = None
    if target != "next":
        to_stage = Stage.objects.filter(
            posting=app.posting, pk=target if target.isdigit() else 0
        ).first()
        if to_stage is None:
            raise Http404
    try:
        services.application_move(
            application=app,
            actor=request.user,
            to_stage=to_stage,
            note=request.POST.get("note", "")[:2000],
        )
    except RuleError as exc:
        if request.htmx:
            return render(
                request, "applications/staff/_error.html", {"error": str(exc)}, status=409
            )
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Moved. The candidate has been told."))
        app.refresh_from_db(fields=["revealed_at"])
        # The mover sees the name on the page that answers the move.
        audit_first_view(app, request.user)
    if request.htmx:
        return board_page(request, app.posting)
    return redirect("staff:application", pk=app.pk)


@require_POST
@recruiter_required
def note(request, pk):
    app = staff_application(request, pk)
    text = request.POST.get("text", "").strip()[:5000]
    if text:
        services.application_add_note(application=app, text=text, actor=request.user)
        messages.success(
            request,
            _(
                "Note saved. It is not on the candidate's status page, but it is in their "
                "copy of their data if they ask for it."
            ),
        )
    else:
        messages.error(request, _("The note is empty."))
    return redirect("staff:application", pk=app.pk)


@require_POST
@recruiter_required
def promise(request, pk):
    import datetime as dt

    app = staff_application(request, pk)
    try:
        day = dt.date.fromisoformat(request.POST.get("promised_by", ""))
        services.application_set_promise(
            application=app,
            promised_by=day,
            note=request.POST.get("note", "")[:2000],
            actor=request.user,
        )
    except ValueError:
        messages.error(request, _("Give a valid date."))
    except RuleError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The new date is on the candidate's status page."))
    return redirect("staff:application", pk=app.pk)


def _board_page(request, pk) -> str:
    return reverse("staff:board", args=[staff_posting(request, pk).pk])


# The preview is a page at this address: the language switch there comes back with a GET.
@recruiter_required
@back_on_get(_board_page)
def decide(request, pk):
    """Decide on the selected candidates: first a preview, then the confirmed decision."""
    posting = staff_posting(request, pk)
    outcome = request.POST.get("outcome")
    if outcome not in (Application.Outcome.REJECTED, Application.Outcome.HIRED):
        messages.error(request, _("Choose whether to hire or decline."))
        return redirect("staff:board", pk=posting.pk)
    selected = Application.objects.filter(
        posting=posting,
        outcome=Application.Outcome.ACTIVE,
        pk__in=[int(i) for i in request.POST.getlist("ids") if i.isdigit()],
    ).select_related("posting__organization", "stage")
    whole_stages = [int(i) for i in request.POST.getlist("stage_all") if i.isdigit()]
    if whole_stages:
        selected = selected | Application.objects.filter(
            posting=posting, outcome=Application.Outcome.ACTIVE, stage_id__in=whole_stages
        ).select_related("posting__organization", "stage")
    ids = list(selected.values_list("pk", flat=True))
    if not ids:
        messages.error(request, _("Select at least one candidate."))
        return redirect("staff:board", pk=posting.pk)
    if "preview" in request.POST:
        # From the preview page: a note per candidate language.
        notes = {
            lang: request.POST.get(f"note_{lang}", "").strip()[:2000]
            for lang in services.NOTE_LANGUAGES
        }
    else:
        note = request.POST.get("note", "").strip()[:2000]
        notes = services.board_notes(selected, posting.language, note)
    notes = {lang: text for lang, text in notes.items() if text}
    if request.POST.get("confirm") != "yes":
        groups = services.decision_groups(selected, outcome, notes)
        return render(
            request,
            "applications/staff/decide.html",
            {
                "posting": posting,
                "ids": ids,
                "count": len(ids),
                "outcome": outcome,
                "groups": groups,
            },
        )
    count = services.applications_decide(
        organization=posting.organization,
        application_ids=ids,
        outcome=outcome,
        notes=notes,
        actor=request.user,
    )
    messages.success(
        request,
        ngettext(
            "%(count)s candidate decided. The personal message is on its way.",
            "%(count)s candidates decided. Their personal messages are on their way.",
            count,
        )
        % {"count": count},
    )
    return redirect("staff:board", pk=posting.pk)


@recruiter_required
def attention_view(request):
    context = attention(request.org)
    context["questions"] = unanswered_questions(request.org)
    return render(request, "applications/staff/attention.html", context)


@require_POST
@recruiter_required
def set_contact(request, pk):
    app = staff_application(request, pk)
    member = (
        Membership.objects.filter(
            organization=app.posting.organization, pk=request.POST.get("member", "0") or 0
        )
        .exclude(role=Membership.Role.INTERVIEWER)
        .select_related("user")
        .first()
    )
    if member is None:
        messages.error(request, _("Choose a person from your organisation."))
        return redirect("staff:attention")
    user = member.user
    with refusal_shown(request) as refused:
        services.application_set_contact(
            application=app,
            name=user.get_full_name() or user.email,
            email=user.email,
            phone=request.POST.get("phone", "")[:40],
            actor=request.user,
        )
    if not refused:
        messages.success(request, _("The candidate has been told who their contact person is now."))
    if request.POST.get("next") == "detail":
        return redirect("staff:application", pk=app.pk)
    return redirect("staff:attention")


@require_POST
@recruiter_required
def retry_message(request, pk):
    mine = Message.objects.filter(pk=pk, organization__in=recruiting_orgs(request.user))
    if not message_retry(mine):
        raise Http404
    messages.success(request, _("The message is queued again."))
    return redirect("staff:attention")


@require_POST
@recruiter_required
def posting_cancel(request, pk):
    posting = staff_posting(request, pk)
    if posting.state == posting.State.CANCELLED:
        raise Http404
    count = services.posting_cancel(
        posting=posting, note=request.POST.get("note", "").strip()[:2000], actor=request.user
    )
    messages.success(
        request,
        _("The recruitment is cancelled. %(count)s candidates are being told.") % {"count": count},
    )
    return redirect("staff:board", pk=posting.pk)


@recruiter_required
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    page = candidate_search_page(user=request.user, query=query, page=request.GET.get("page"))
    return render(
        request,
        "applications/staff/search.html",
        {
            "query": query,
            "page": page,
            "too_short": 0 < len(query) < MIN_LENGTH,
            "many_orgs": recruiting_orgs(request.user).count() > 1,
        },
    )
