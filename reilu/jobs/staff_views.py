import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.forms import BaseForm, BaseFormSet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reilu.adcheck import Finding
from reilu.employers.access import recruiting_orgs
from reilu.employers.models import Membership
from reilu.employers.staff import StaffRequest, recruiter_required
from reilu.jobs import forms, services
from reilu.jobs.forms import (
    DutyFormSet,
    OrganizationSettingsForm,
    PostingForm,
    QuestionFormSet,
    StageFormSet,
    formset_rows,
    question_filled,
    question_rows,
)
from reilu.jobs.models import DutyShare, Posting, Question, Stage
from reilu.jobs.requirements import requirement_lines
from reilu.jobs.rules import publish_problems
from reilu.refusals import refusal_shown
from reilu.rules import PublishRefused, RuleError


def staff_posting(request: HttpRequest, pk: int) -> Posting:
    return get_object_or_404(
        Posting.objects.select_related("organization"),
        pk=pk,
        organization__in=recruiting_orgs(request.user),
    )


def home(request: HttpRequest) -> HttpResponseBase:
    """The recruiter's start page; interviewers go straight to their interviews."""
    from django.contrib.auth.views import redirect_to_login

    from reilu.employers.access import member_orgs

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not recruiting_orgs(request.user).exists() and member_orgs(request.user).exists():
        return redirect("interviews:home")
    return _recruiter_home(request)


@recruiter_required
def _recruiter_home(request: StaffRequest) -> HttpResponse:
    postings = list(
        Posting.objects.filter(organization=request.org)
        .annotate(
            active=Count("applications", filter=Q(applications__outcome="active")),
            total=Count("applications"),
        )
        .order_by("state", "-created_at")
    )
    return render(
        request,
        "jobs/staff/home.html",
        {"postings": postings, "orgs": recruiting_orgs(request.user).order_by("name")},
    )


@require_POST
@recruiter_required
def switch_org(request: StaffRequest) -> HttpResponse:
    chosen = request.POST.get("org")
    org = recruiting_orgs(request.user).filter(pk=chosen).first() if chosen is not None else None
    if org is None:
        raise Http404
    request.session["org"] = org.pk
    return redirect("staff:home")


def _editor(request: StaffRequest, posting: Posting | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    language = (get_language() or "fi")[:2]
    # A new posting starts with the employer's choice of an anonymous first review.
    initial = {"language": language, "anonymous_review": request.org.anonymous_first_review}
    form = PostingForm(data, instance=posting, initial=None if posting else initial)
    # A bound formset gets no `initial` (see formset_rows): the rows on the page are the truth.
    duty_initial = stage_initial = question_initial = None
    if data is None and posting is not None:
        duty_initial, stage_initial = forms.duty_initial(posting), forms.stage_initial(posting)
        question_initial = forms.question_initial(posting)
    elif data is None:
        stage_initial = services.default_stages(language, request.org.default_promise_days)
    duties = DutyFormSet(data, prefix="duties", initial=duty_initial)
    stages = StageFormSet(data, prefix="stages", initial=stage_initial)
    # Questions tie to the requirement lines of the ad as it stands on the page.
    stated = (
        data.get("requirements", "")
        if data is not None
        else (posting.requirements if posting else "")
    )
    questions = QuestionFormSet(
        data,
        prefix="questions",
        initial=question_initial,
        form_kwargs={"requirements": requirement_lines(stated)},
    )
    refusal: RuleError | None = None
    held = set()
    if posting is not None:
        held = {str(pk) for pk in posting.applications.values_list("stage_id", flat=True)}
    for row in stages:
        # Such a row offers no "Remove": applications must keep their stage.
        row.holds_applications = str(row["id"].value()) in held
    sent = data is not None
    if sent and all([f.is_valid() for f in (form, duties, stages, questions)]):
        fields = dict(form.cleaned_data)
        duty_rows, stage_rows = formset_rows(duties), formset_rows(stages)
        question_list = question_rows(questions)
        try:
            if posting is None:
                posting = services.posting_create(
                    organization=request.org,
                    user=request.user,
                    data=fields,
                    duties=duty_rows,
                    stages=stage_rows,
                    questions=question_list,
                )
            else:
                services.posting_update(
                    posting=posting,
                    data=fields,
                    duties=duty_rows,
                    stages=stage_rows,
                    questions=question_list,
                )
        except RuleError as exc:
            # The service stored nothing (one transaction); the page keeps what was typed
            # and its summary names what refused it.
            refusal = exc
        else:
            if "publish" in request.POST:
                return _publish(request, posting)
            messages.success(request, _("Saved."))
            return redirect("staff:posting_edit", pk=posting.pk)
    from reilu.jobs.adcheck import check_ad, editor_score

    # The sidebar judges what is on the page: after a refused save that is the submitted form
    # (the form has already copied its fields onto the posting), not what the database holds.
    probe = posting or Posting(organization=request.org)
    if data is not None and posting is None:
        # The form has copied its valid fields onto its own new instance: judge those.
        probe = form.instance
        probe.organization = request.org
    duty_objs: list[DutyShare] | None
    stage_objs: list[Stage] | None
    if data is not None:
        duty_objs, stage_objs = _submitted(duties, stages)
    elif posting:
        duty_objs, stage_objs = None, None
    else:
        # A new posting's form offers the default stages: the gate counts one.
        duty_objs, stage_objs = [], [Stage()]
    asked = _questions_on_page(questions, posting)
    problems = publish_problems(
        probe, duties=duty_objs, stages=stage_objs, questions=[q for q, _ in asked]
    )
    report = check_ad(probe, duty_objs)
    question_findings = _show_question_findings(probe, asked)
    error_items = _error_items(form, duties, stages, questions) if sent else []
    if refusal is not None:
        error_items = _refusal_items(refusal, form, asked) + error_items
    return render(
        request,
        "jobs/staff/edit.html",
        {
            "posting": posting,
            "form": form,
            "duties": duties,
            "stages": stages,
            "questions": questions,
            "stages_locked": bool(held),
            "problems": problems,
            "error_items": error_items,
            "error_lead": (
                _("The changes were not saved:") if posting else _("The posting was not saved:")
            )
            if refusal is not None
            else "",
            "warnings": [f for f in report.findings if f.severity != "error"],
            "score": editor_score(report, question_findings),
        },
        status=400 if request.method == "POST" else 200,
    )


def _refusal_items(
    refusal: RuleError, form: BaseForm, asked: list[tuple[Question, BaseForm]]
) -> list[tuple[str, str]]:
    """A service's refusal of the save as summary items (field id, message): each problem of
    the publish gate linked to its field, or to the text of the question it is about."""
    if not isinstance(refusal, PublishRefused):
        return [("", refusal.message)]
    items = []
    for problem in refusal.problems:
        field_id = ""
        if match := re.fullmatch(r"questions-(\d+)", problem.field):
            n = int(match[1])
            if n < len(asked):
                field_id = asked[n][1]["text"].id_for_label
        elif problem.field in form.fields:
            field_id = form[problem.field].id_for_label
        items.append((field_id, problem.message))
    return items


def _error_items(form: BaseForm, *formsets: BaseFormSet) -> list[tuple[str, str]]:
    """Every error on the editor's page as (field id, message), in the page's order."""
    items = [("", str(e)) for e in form.non_field_errors()]
    items += [(field.id_for_label, str(e)) for field in form for e in field.errors]
    for formset in formsets:
        items += [("", str(e)) for e in formset.non_form_errors()]
        for row in formset:
            items += [("", str(e)) for e in row.non_field_errors()]
            items += [(field.id_for_label, str(e)) for field in row for e in field.errors]
    return items


@recruiter_required
def posting_new(request: StaffRequest) -> HttpResponse:
    return _editor(request, None)


@recruiter_required
def posting_edit(request: StaffRequest, pk: int) -> HttpResponse:
    return _editor(request, staff_posting(request, pk))


def _publish(request: StaffRequest, posting: Posting) -> HttpResponse:
    with refusal_shown(request) as refused:
        services.posting_publish(posting=posting)
    if refused:
        return redirect("staff:posting_edit", pk=posting.pk)
    messages.success(request, _("Published. The ad is now visible on the careers site."))
    return redirect("staff:board", pk=posting.pk)


@require_POST
@recruiter_required
def posting_publish(request: StaffRequest, pk: int) -> HttpResponse:
    return _publish(request, staff_posting(request, pk))


@require_POST
@recruiter_required
def posting_close(request: StaffRequest, pk: int) -> HttpResponse:
    posting = staff_posting(request, pk)
    with transaction.atomic():
        services.posting_close(posting=posting)
    messages.success(request, _("The posting is closed for new applications."))
    return redirect("staff:board", pk=posting.pk)


@require_POST
@recruiter_required
def adcheck_live(request: StaffRequest) -> HttpResponse:
    """The editor's live check: the publish gate and the ad checker on the unsaved form."""
    from reilu.jobs.adcheck import check_ad, check_questions, editor_score

    form = PostingForm(request.POST)
    form.is_valid()
    posting = Posting(organization=request.org)
    for field, value in form.cleaned_data.items():
        setattr(posting, field, value)
    duty_objs, stage_objs = _submitted(
        DutyFormSet(request.POST, prefix="duties"), StageFormSet(request.POST, prefix="stages")
    )
    if not stage_objs and "stages-TOTAL_FORMS" not in request.POST:
        stage_objs = [Stage(name="x")]
    questions = QuestionFormSet(
        request.POST,
        prefix="questions",
        form_kwargs={"requirements": requirement_lines(request.POST.get("requirements", ""))},
    )
    questions.is_valid()
    asked = [q for q, _row in _questions_on_page(questions, None)]
    problems = publish_problems(posting, duties=duty_objs, stages=stage_objs, questions=asked)
    report = check_ad(posting, duty_objs)
    score = editor_score(report, check_questions(posting, asked))
    warnings = [f for f in report.findings if f.severity != "error"]
    # The sidebar of a live ad must not invite to "publish" what is already published.
    shown = {"state": request.POST.get("posting_state", "")}
    return render(
        request,
        "jobs/staff/_adcheck.html",
        {"problems": problems, "warnings": warnings, "score": score, "posting": shown},
    )


def _questions_on_page(
    questions: BaseFormSet, posting: Posting | None
) -> list[tuple[Question, BaseForm]]:
    """The questions the editor's rows hold (unsaved), each with its row, in order."""
    if not questions.is_bound:
        rows = [f for f in questions.forms if f.initial.get("text")]
        return [(Question(**_question_fields(f.initial)), f) for f in rows]
    asked = []
    for row in questions.forms:
        data = getattr(row, "cleaned_data", None) or {}
        if not data.get("DELETE") and question_filled(data) and data.get("kind"):
            asked.append((Question(**_question_fields(data)), row))
    return asked


def _question_fields(values: dict) -> dict:
    return {k: values.get(k) or "" for k in ("text", "kind", "choices", "requirement", "knockout")}


def _show_question_findings(
    posting: Posting, asked: list[tuple[Question, BaseForm]]
) -> list[list[Finding]]:
    """Give each question row the checker's findings on it (code and message), to show;
    returns them, in order."""
    from reilu.jobs.adcheck import check_questions

    found = check_questions(posting, [q for q, _ in asked])
    for (_question, row), findings in zip(asked, found, strict=True):
        row.findings = findings  # type: ignore[attr-defined]
    return found


def _submitted(duties: BaseFormSet, stages: BaseFormSet) -> tuple[list[DutyShare], list[Stage]]:
    """Unsaved duties and stages from the editor's rows, for the publish gate and the checker."""
    duty_rows = formset_rows(duties) if duties.is_valid() else []
    stage_rows = formset_rows(stages) if stages.is_valid() else []
    return (
        [DutyShare(duty=d["duty"], percent=d["percent"]) for d in duty_rows],
        [Stage(name=s["name"]) for s in stage_rows],
    )


@recruiter_required
def org_settings(request: StaffRequest) -> HttpResponse:
    """The employer's own settings (issue 19: the anonymous first review of new postings).
    Every recruiter sees them; only the employer's owners may change them."""
    org = request.org
    may_edit = Membership.objects.filter(
        organization=org, user=request.user, role=Membership.Role.OWNER
    ).exists()
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    form = OrganizationSettingsForm(
        request.POST if request.method == "POST" else None, instance=org
    )
    if not may_edit:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        services.organization_settings_update(organization=org, data=form.cleaned_data)
        messages.success(request, _("Saved. New postings start with these settings."))
        return redirect("staff:org_settings")
    return render(
        request,
        "jobs/staff/org_settings.html",
        {"form": form, "org": org, "may_edit": may_edit},
        status=400 if request.method == "POST" else 200,
    )
