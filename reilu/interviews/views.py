"""Pages of the interviews area; each parses input and calls services or selectors."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from reilu.applications.anonymity import shown
from reilu.applications.cv import cv_response
from reilu.applications.staff_views import staff_application
from reilu.applications.tokens import application_for_token, link_language
from reilu.employers.access import recruiting_orgs
from reilu.employers.staff import current_org, recruiter_required
from reilu.errors import private_response
from reilu.interviews import selectors, series
from reilu.interviews.criteria import criteria_for
from reilu.interviews.forms import CriteriaForm, ScorecardForm, SlotForm
from reilu.interviews.models import Booking, FeedbackCall, Preparation, Purpose, Scorecard, Slot
from reilu.interviews.services import feedback_calls
from reilu.interviews.services import slots as slot_services
from reilu.interviews.services.booking import booking_book, booking_cancel, can_book_interview
from reilu.interviews.services.feedback_calls import (
    criteria_summary,
    feedback_choose_written,
    feedback_decline,
)
from reilu.interviews.services.preparation import preparation_confirm
from reilu.interviews.services.scorecards import criteria_set, scorecard_submit, scores_final
from reilu.jobs.staff_views import staff_posting
from reilu.refusals import refusal_shown

REPORT_DAYS = 365


# --- Staff ---------------------------------------------------------------------------------


@login_required
def home(request):
    """My interviews (every member), and for recruiters the employer's interview work."""
    org = current_org(request)
    context = {
        "mine": selectors.my_interviews(request.user, timezone.now() - dt.timedelta(days=1)),
        "org": org,
    }
    if org is not None:
        context["postings"] = org.postings.exclude(state="draft").order_by("-created_at")[:100]
    return render(request, "interviews/staff/home.html", context)


@require_http_methods(["GET", "POST"])
@recruiter_required
def slots(request, pk):
    posting = staff_posting(request, pk)
    members = selectors.member_choices(posting.organization)
    form = SlotForm(request.POST or None, members=members)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            with refusal_shown(
                request, form=form, field={"bad_part": "parts", "part_outside": "parts"}
            ) as refused:
                created = series.slot_series_create(
                    posting=posting,
                    times=series.series_times(
                        first_day=data["day"],
                        last_day=data["last_day"],
                        start=data["start"],
                        end=data["end"],
                        length=data["length"],
                        pause=data["pause"] or 0,
                        weekends=data["weekends"],
                    ),
                    parts=data["part_list"],
                    purpose=data["purpose"],
                    location=data["location"],
                    video_url=data["video_url"],
                    interviewer_ids=[int(i) for i in data["interviewers"]],
                    actor=request.user,
                )
            if not refused:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s time is published for booking.",
                        "%(count)s times are published for booking.",
                        len(created),
                    )
                    % {"count": len(created)},
                )
                return redirect("interviews:slots", pk=posting.pk)
        status = 400
    rows = (
        Slot.objects.filter(posting=posting, ends_at__gte=timezone.now() - dt.timedelta(days=30))
        .prefetch_related("parts", "interviewers")
        .prefetch_related("bookings__application")
        .order_by("starts_at")[:300]
    )
    slot_rows = []
    for slot in rows:
        active = [b for b in slot.bookings.all() if b.state == Booking.State.ACTIVE]
        slot_rows.append({"slot": slot, "booking": active[0] if active else None})
    return render(
        request,
        "interviews/staff/slots.html",
        {"posting": posting, "form": form, "rows": slot_rows},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@recruiter_required
def slot_delete(request, pk):
    """GET asks once ("cannot be undone"); POST deletes. A booked time is never deleted."""
    slot = get_object_or_404(
        Slot.objects.select_related("posting"),
        pk=pk,
        organization__in=recruiting_orgs(request.user),
    )
    if request.method == "GET":
        booking = (
            slot.bookings.filter(state=Booking.State.ACTIVE).select_related("application").first()
        )
        return render(
            request, "interviews/staff/slot_delete.html", {"slot": slot, "booking": booking}
        )
    with refusal_shown(request) as refused:
        slot_services.slot_delete(slot=slot)
    if not refused:
        messages.success(request, _("The time is removed."))
    return redirect("interviews:slots", pk=slot.posting_id)


@require_http_methods(["GET", "POST"])
@recruiter_required
def criteria(request, pk):
    posting = staff_posting(request, pk)
    current = criteria_for(posting)
    form = CriteriaForm(request.POST or None, initial={"lines": "\n".join(c.text for c in current)})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            with refusal_shown(request, form=form, field="lines") as refused:
                criteria_set(posting=posting, lines=form.cleaned_data["lines"].splitlines())
            if not refused:
                messages.success(request, _("The evaluation criteria are saved."))
                return redirect("interviews:criteria", pk=posting.pk)
        status = 400
    return render(
        request, "interviews/staff/criteria.html", {"posting": posting, "form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
@login_required
def prepare(request, pk):
    """What an interviewer reads before the interview, and the confirmation that they did."""
    app = selectors.interviewer_application(request.user, pk)
    assigned = selectors.is_assigned(request.user, app)
    if request.method == "POST":
        if preparation_confirm(application=app, user=request.user):
            messages.success(request, _("Thank you. You are marked as prepared."))
        else:
            messages.info(request, _("You have no upcoming interview with this candidate."))
        return redirect("interviews:prepare", pk=app.pk)
    mine = app.bookings.filter(
        state=Booking.State.ACTIVE, preparations__interviewer=request.user
    ).select_related("slot")
    confirmed = not Preparation.objects.filter(
        interviewer=request.user,
        booking__application=app,
        booking__state=Booking.State.ACTIVE,
        confirmed_at__isnull=True,
    ).exists()
    return private_response(
        render(
            request,
            "interviews/staff/prepare.html",
            {
                "app": app,
                "posting": app.posting,
                "criteria": criteria_for(app.posting),
                "bookings": mine,
                "assigned": assigned,
                "confirmed": assigned and confirmed,
            },
        )
    )


@login_required
def cv(request, pk):
    app = selectors.interviewer_application(request.user, pk)
    if not app.cv:
        raise Http404
    # The interviewer's view of the CV is an access like staff's download: audited.
    return private_response(cv_response(request, owner=app, organization=app.posting.organization))


@require_http_methods(["GET", "POST"])
@login_required
def scorecard(request, pk):
    app = selectors.interviewer_application(request.user, pk)
    may_rate = selectors.is_assigned(request.user, app)
    own = Scorecard.objects.filter(
        application=app, interviewer=request.user, kind=Scorecard.Kind.INTERVIEW
    ).first()
    initial = {r.criterion_id: (r.score, r.notes) for r in own.ratings.all()} if own else {}
    form = ScorecardForm(
        request.POST or None, criteria=criteria_for(app.posting), initial_ratings=initial
    )
    status = 200
    if request.method == "POST":
        if not may_rate:
            raise Http404
        if form.is_valid():
            with refusal_shown(request, form=form) as refused:
                scorecard_submit(application=app, interviewer=request.user, ratings=form.ratings())
            if not refused:
                messages.success(request, _("Your scorecard is saved."))
                return redirect("interviews:scorecard", pk=app.pk)
        status = 400
    show = selectors.can_see_ratings(request.user, app)
    others: QuerySet[Scorecard] | list[Scorecard] = []
    if show:
        others = (
            Scorecard.objects.filter(
                application=app, submitted_at__isnull=False, kind=Scorecard.Kind.INTERVIEW
            )
            .exclude(interviewer=request.user)
            .select_related("interviewer")
            .prefetch_related("ratings__criterion")
        )
    return private_response(
        render(
            request,
            "interviews/staff/scorecard.html",
            {
                "app": app,
                "form": form,
                "may_rate": may_rate,
                "own": own,
                "final": bool(own and own.submitted_at) and scores_final(app, request.user),
                "show": show,
                "aggregate": selectors.scorecard_aggregate(app) if show else [],
                "others": others,
            },
            status=status,
        )
    )


@recruiter_required
def feedback_list(request):
    calls = list(selectors.open_feedback_calls(request.org))
    for call in calls:
        call.summary = criteria_summary(call.application, call.application.posting.language)
    return render(request, "interviews/staff/feedback.html", {"calls": calls})


@require_POST
@recruiter_required
def feedback_done(request, pk):
    call = get_object_or_404(FeedbackCall, pk=pk, organization__in=recruiting_orgs(request.user))
    with refusal_shown(request) as refused:
        feedback_calls.feedback_done(call=call, actor=request.user)
    if not refused:
        messages.success(request, _("Marked done. Thank you for calling."))
    return redirect("interviews:feedback_list")


@recruiter_required
def report(request):
    now = timezone.now()
    return render(
        request,
        "interviews/staff/report.html",
        {
            "prep": selectors.preparation_shares(request.org, now),
            "feedback": selectors.feedback_shares(
                request.org, now - dt.timedelta(days=REPORT_DAYS)
            ),
            "days": REPORT_DAYS,
        },
    )


# --- Candidates ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def book(request, token):
    app = application_for_token(token)
    link_language(request, app)
    if request.method == "POST":
        slot_id = request.POST.get("slot", "")
        with refusal_shown(request) as refused:
            booking_book(application=app, slot_id=int(slot_id) if slot_id.isdigit() else 0)
        if refused:
            return redirect("interviews:book", token=token)
        messages.success(request, _("Your time is booked. The invitation is on its way."))
        return redirect("applications:status", token=token)
    booking = app.bookings.filter(purpose=Purpose.INTERVIEW, state="active").first()
    return private_response(
        render(
            request,
            "interviews/book.html",
            {
                "app": app,
                "token": token,
                "booking": booking,
                "bookable": can_book_interview(app),
                "slots": list(selectors.open_slots(app)),
            },
        )
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """A booked time is cancelled after a confirmation page, as withdrawing is: one tap on
    a phone must not lose a time that may be gone when the candidate looks again."""
    app = application_for_token(token)
    link_language(request, app)
    asked = request.POST.get("purpose") or request.GET.get("purpose")
    purpose = Purpose.FEEDBACK if asked == "feedback" else Purpose.INTERVIEW
    if request.method == "GET":
        booking = (
            Booking.objects.filter(application=app, purpose=purpose, state=Booking.State.ACTIVE)
            .select_related("slot")
            .first()
        )
        if booking is None:
            return redirect("applications:status", token=token)
        response = render(
            request,
            "interviews/cancel.html",
            {
                "app": app,
                "token": token,
                "booking": booking,
                "feedback": purpose == Purpose.FEEDBACK,
            },
        )
        response["Referrer-Policy"] = "same-origin"
        return private_response(response)
    with refusal_shown(request) as refused:
        booking_cancel(application=app, purpose=purpose)
    if not refused:
        messages.success(request, _("Your time is cancelled."))
    return redirect("applications:status", token=token)


@require_http_methods(["GET", "POST"])
def feedback(request, token):
    app = application_for_token(token)
    link_language(request, app)
    call = FeedbackCall.objects.filter(application=app).select_related("booking__slot").first()
    if call is None:
        raise Http404
    if request.method == "POST":
        choice = request.POST.get("choice", "")
        with refusal_shown(request) as refused:
            if choice == "written":
                feedback_choose_written(application=app)
                messages.success(request, _("You will get a written summary."))
            elif choice == "decline":
                feedback_decline(application=app)
                messages.success(request, _("Thank you for letting us know."))
            elif choice.isdigit():
                booking_book(application=app, slot_id=int(choice), purpose=Purpose.FEEDBACK)
                messages.success(request, _("Your feedback call is booked."))
            else:
                messages.error(request, _("Choose a time or another option."))
                return redirect("interviews:feedback", token=token)
        if refused:
            return redirect("interviews:feedback", token=token)
        return redirect("applications:status", token=token)
    return private_response(
        render(
            request,
            "interviews/feedback.html",
            {
                "app": app,
                "token": token,
                "call": call,
                "slots": list(selectors.open_slots(app, Purpose.FEEDBACK)),
            },
        )
    )


@recruiter_required
def first_review(request, pk):
    """The structured first review (issue 19): each requirement of the ad is a criterion,
    scored 1–5 once by each reviewer, blind: the others' scores show only after one's own."""
    app = staff_application(request, pk)
    own = Scorecard.objects.filter(
        application=app, interviewer=request.user, kind=Scorecard.Kind.FIRST_REVIEW
    ).first()
    scored = bool(own and own.submitted_at)
    form = ScorecardForm(request.POST or None, criteria=criteria_for(app.posting))
    status = 200
    if request.method == "POST":
        if scored or form.is_valid():
            with refusal_shown(request, form=form) as refused:
                scorecard_submit(
                    application=app,
                    interviewer=request.user,
                    ratings={} if scored else form.ratings(),
                    kind=Scorecard.Kind.FIRST_REVIEW,
                )
            if not refused:
                messages.success(request, _("Your first-review scores are saved."))
                return redirect("interviews:first_review", pk=app.pk)
        status = 400
    kind = Scorecard.Kind.FIRST_REVIEW
    show = selectors.can_see_ratings(request.user, app, kind)
    return private_response(
        render(
            request,
            "interviews/staff/first_review.html",
            {
                "app": app,
                "form": form,
                "scored": scored,
                "show": show,
                "aggregate": selectors.scorecard_aggregate(app, kind) if show else [],
                "reviewers": Scorecard.objects.filter(
                    application=app, kind=kind, submitted_at__isnull=False
                ).count(),
                "cover_letter": shown(app.cover_letter, app),
            },
            status=status,
        )
    )
