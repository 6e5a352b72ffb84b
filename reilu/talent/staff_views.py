"""Staff pages of the talent gallery; every query is scoped to request.org."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from reilu.applications.cv import cv_response
from reilu.employers.staff import recruiter_required
from reilu.limits import rate_limited
from reilu.refusals import refusal_shown
from reilu.talent import selectors
from reilu.talent.forms import ContactRequestForm, OpenReplyForm, OpenSettingsForm, SearchForm
from reilu.talent.models import ContactRequest, OpenApplication
from reilu.talent.services.contact_requests import contact_request_send
from reilu.talent.services.open_applications import open_application_answer, open_settings_save
from reilu.talent.services.profiles import profile_view_record


@recruiter_required
def search(request):
    form = SearchForm(request.GET or None)
    page = selectors.search_page(
        form.query(), audience=selectors.Audience.EMPLOYERS, page=request.GET.get("page", 1)
    )
    return render(request, "talent/staff/search.html", {"form": form, "page": page})


@recruiter_required
@require_http_methods(["GET", "POST"])
@rate_limited("contact", method="POST")
def profile(request, public_id):
    found = selectors.profile_for(public_id, audience=selectors.Audience.EMPLOYERS)
    if found is None:
        raise Http404
    form = ContactRequestForm(request.POST or None, organization=request.org)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusal_shown(request, form=form) as refused:
                contact_request_send(
                    profile=found,
                    organization=request.org,
                    user=request.user,
                    message=form.cleaned_data["message"],
                    posting=form.cleaned_data["posting"],
                )
            if refused.error:
                status = 429 if refused.error.code == "limit" else 409
            else:
                messages.success(request, _("Your request is sent. We will tell you the answer."))
                return redirect("talent:staff_profile", public_id=found.public_id)
        else:
            status = 400
    else:
        profile_view_record(profile=found, organization=request.org, user=request.user)
    accepted = selectors.accepted_request(found, request.org)
    context = {
        "profile": found,
        "form": form,
        "accepted": accepted,
        "pending": ContactRequest.objects.filter(
            profile=found, organization=request.org, state=ContactRequest.State.PENDING
        ).exists(),
    }
    return render(request, "talent/staff/profile.html", context, status=status)


@recruiter_required
def profile_cv(request, public_id):
    # The profile's own visibility first: a seeker who hides the profile takes the CV with
    # it, also from an employer whose contact request they accepted earlier.
    found = selectors.profile_for(public_id, audience=selectors.Audience.EMPLOYERS)
    if found is None or not found.cv or selectors.accepted_request(found, request.org) is None:
        raise Http404
    return cv_response(request, owner=found, organization=request.org)


@recruiter_required
def requests(request):
    rows = (
        ContactRequest.objects.filter(organization=request.org)
        .select_related("profile__seeker", "posting")
        .order_by("-created_at")[:300]
    )
    return render(request, "talent/staff/requests.html", {"rows": rows})


@recruiter_required
def open_inbox(request):
    rows = (
        OpenApplication.objects.filter(organization=request.org)
        .select_related("seeker__profile")
        .order_by("state", "promised_by")[:300]
    )
    return render(request, "talent/staff/open_inbox.html", {"rows": rows})


@recruiter_required
@require_http_methods(["GET", "POST"])
def open_detail(request, pk):
    app = get_object_or_404(
        OpenApplication.objects.select_related("seeker__profile", "invited_to"),
        pk=pk,
        organization=request.org,
    )
    form = OpenReplyForm(request.POST or None, organization=request.org)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusal_shown(request, form=form) as refused:
                open_application_answer(
                    open_application=app,
                    decision=form.cleaned_data["decision"],
                    reply=form.cleaned_data["reply"],
                    posting=form.cleaned_data["posting"],
                )
            if refused:
                status = 409
            else:
                messages.success(request, _("Your answer is sent."))
                return redirect("talent:staff_open_detail", pk=app.pk)
        else:
            status = 400
    profile = getattr(app.seeker, "profile", None)
    context = {"app": app, "profile": profile, "form": form, "events": app.events.all()}
    return render(request, "talent/staff/open_detail.html", context, status=status)


@recruiter_required
@require_http_methods(["GET", "POST"])
def open_settings(request):
    config = selectors.open_settings_for(request.org)
    form = OpenSettingsForm(request.POST or None, instance=config)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusal_shown(request, form=form) as refused:
                open_settings_save(organization=request.org, data=form.cleaned_data)
            if not refused:
                messages.success(request, _("Saved."))
                return redirect("talent:staff_open_settings")
        status = 400
    return render(request, "talent/staff/open_settings.html", {"form": form}, status=status)
