from django import template
from django.utils import timezone

from reilu.interviews import selectors
from reilu.interviews.models import Booking, FeedbackCall, Purpose
from reilu.interviews.selectors import first_review_state
from reilu.interviews.services.booking import can_book_interview
from reilu.jobs.models import Stage

register = template.Library()


@register.inclusion_tag("interviews/_status_panel_body.html")
def interviews_status_panel(app, token):
    """The candidate's interview and feedback-call panel on their status page.

    Bookings exist only from the interview stage on, and feedback calls only after a
    rejection, so an early application costs this panel no queries at all.
    """
    early = app.is_active and app.stage.kind in (Stage.Kind.RECEIVED, Stage.Kind.SCREENING)
    bookings = {}
    if not early:
        bookings = {
            b.purpose: b
            for b in app.bookings.filter(state=Booking.State.ACTIVE)
            .select_related("slot")
            .prefetch_related("slot__parts")
        }
    bookable = can_book_interview(app)
    call = None
    if app.outcome == app.Outcome.REJECTED:
        call = FeedbackCall.objects.filter(application=app).first()
    return {
        "app": app,
        "token": token,
        "interview": bookings.get(Purpose.INTERVIEW),
        "feedback_booking": bookings.get(Purpose.FEEDBACK),
        "bookable": bookable,
        "open_count": selectors.open_slots(app).count() if bookable else 0,
        "call": call,
    }


@register.inclusion_tag("interviews/_staff_panel_body.html", takes_context=True)
def interviews_staff_panel(context, app):
    """Bookings, preparation and scorecards on the recruiter's application page."""
    bookings = list(
        app.bookings.select_related("slot")
        .prefetch_related("preparations__interviewer")
        .order_by("-created_at")[:10]
    )
    user = context["request"].user
    show = selectors.can_see_ratings(user, app)
    return {
        "app": app,
        "bookings": bookings,
        "now": timezone.now(),
        "show": show,
        "aggregate": selectors.scorecard_aggregate(app) if show else [],
        "call": FeedbackCall.objects.filter(application=app).first(),
        "first_review": first_review_state(user, app),
    }
