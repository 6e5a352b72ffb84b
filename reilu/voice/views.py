from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from reilu.applications.tokens import application_for_token, link_language
from reilu.employers.staff import recruiter_required
from reilu.errors import private_response
from reilu.jobs.staff_views import staff_posting
from reilu.refusals import refusal_shown
from reilu.rules import RuleError
from reilu.voice import analytics, services
from reilu.voice.forms import HideForm, ReplyForm, ReportForm, SurveyForm
from reilu.voice.models import SurveyInvitation, SurveyResponse
from reilu.voice.selectors.figures import MIN_BASIS
from reilu.voice.selectors.public_scorecard import published_scorecard
from reilu.voice.selectors.reviews import public_reviews, report_queue


def _survey_page(request, invitation: SurveyInvitation, status_token: str | None):
    app = invitation.application
    link_language(request, app)
    context: dict[str, object] = {
        "invitation": invitation,
        "posting": app.posting,
        "org": app.posting.organization,
        "status_token": status_token,
    }
    if app.erased_at is not None:
        # Erased: the link answers nothing and takes nothing, and says why.
        return private_response(
            render(
                request, "voice/survey_gone.html", {**context, "gone": services.GONE}, status=410
            )
        )
    if invitation.is_used:
        status = 409 if request.method == "POST" else 200
        if request.method == "POST":
            context["refused"] = _("This survey has already been answered. Thank you!")
        return private_response(render(request, "voice/survey_done.html", context, status=status))
    form = SurveyForm(
        request.POST if request.method == "POST" else None,
        reached_interview=invitation.reached_interview,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.survey_answer(
                invitation=invitation,
                recommend=data["recommend"],
                ad_matched=data.get("ad_matched"),
                knew_status=data["knew_status"],
                comment=data["comment"],
                publish=data["publish"],
            )
        except RuleError as exc:
            context["refused"] = str(exc)
            return private_response(render(request, "voice/survey_done.html", context, status=409))
        messages.success(request, _("Thank you! Your answer was saved."))
        return redirect(request.path)
    context["form"] = form
    status = 400 if request.method == "POST" else 200
    return private_response(render(request, "voice/survey.html", context, status=status))


@require_http_methods(["GET", "POST"])
def survey(request, token):
    invitation = services.invitation_resolve(token)
    if invitation is None:
        raise Http404
    return _survey_page(request, invitation, None)


@require_http_methods(["GET", "POST"])
def status_survey(request, token):
    app = application_for_token(token)
    invitation = get_object_or_404(
        SurveyInvitation.objects.select_related("application__posting__organization", "stage"),
        application=app,
    )
    return _survey_page(request, invitation, token)


def _public_review(slug: str, pk: int) -> SurveyResponse:
    review = get_object_or_404(
        SurveyResponse.objects.select_related("organization"),
        pk=pk,
        organization__slug=slug,
        publish=True,
        hidden_at=None,
    )
    if not review.is_review:
        raise Http404
    return review


@require_http_methods(["GET", "POST"])
def report(request, slug, pk):
    review = _public_review(slug, pk)
    form = ReportForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusal_shown(request, form=form) as refused:
                services.review_report(
                    review=review,
                    address=request.META.get("REMOTE_ADDR", ""),
                    reason=form.cleaned_data["reason"],
                )
            if refused:
                status = 429
            else:
                messages.success(request, _("Thank you. The employer and we will look at it."))
                return redirect("employer", slug=slug)
        else:
            status = 400
    return render(
        request,
        "voice/report.html",
        {"review": review, "org": review.organization, "form": form},
        status=status,
    )


# Staff -------------------------------------------------------------------------------


def _staff_review(request, pk) -> SurveyResponse:
    return get_object_or_404(SurveyResponse, pk=pk, organization=request.org)


@recruiter_required
def reviews(request):
    return render(
        request,
        "voice/staff/reviews.html",
        {
            "org": request.org,
            "queue": report_queue(request.org),
            "reviews": public_reviews(request.org, limit=100),
            "min_basis": MIN_BASIS,
            "reply_form": ReplyForm(),
            "hide_form": HideForm(),
        },
    )


@require_POST
@recruiter_required
def review_reply(request, pk):
    review = _staff_review(request, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a reply first."))
        return redirect("voice:reviews")
    with refusal_shown(request) as refused:
        services.review_reply(
            review=review,
            organization=request.org,
            text=form.cleaned_data["text"],
            author=request.user,
        )
    if not refused:
        messages.success(request, _("Your reply is public under the review."))
    return redirect("voice:reviews")


@require_POST
@recruiter_required
def review_hide(request, pk):
    review = _staff_review(request, pk)
    form = HideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A reason is required to hide a review."))
        return redirect("voice:reviews")
    services.review_hide(
        review=review,
        organization=request.org,
        reason=form.cleaned_data["reason"],
        actor=request.user,
    )
    messages.success(request, _("The review is hidden; the reason is kept on record."))
    return redirect("voice:reviews")


@require_POST
@recruiter_required
def review_keep(request, pk):
    review = _staff_review(request, pk)
    services.reports_dismiss(review=review, organization=request.org)
    messages.success(request, _("The review stays visible."))
    return redirect("voice:reviews")


@recruiter_required
def employer_analytics(request):
    org = request.org
    return render(
        request,
        "voice/staff/analytics.html",
        {
            "org": org,
            "posting": None,
            "postings": org.postings.order_by("-created_at")[:50],
            "charts": analytics.charts(organization=org),
            "figures": published_scorecard(org),
        },
    )


@recruiter_required
def posting_analytics(request, pk):
    posting = staff_posting(request, pk)
    return render(
        request,
        "voice/staff/analytics.html",
        {
            "org": posting.organization,
            "posting": posting,
            "charts": analytics.charts(organization=posting.organization, posting=posting),
        },
    )
