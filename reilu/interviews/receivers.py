"""Listeners to the hiring loop's signals."""

from reilu.interviews.services.booking import future_interviews_cancel
from reilu.interviews.services.feedback_calls import feedback_offer


def offer_feedback_calls(sender, application_ids, outcome, **kwargs) -> None:
    """Interviewed candidates who were not chosen are offered a personal feedback call."""
    feedback_offer(application_ids=application_ids, outcome=outcome)


def cancel_future_interviews(sender, application_ids, outcome, **kwargs) -> None:
    """A decided, withdrawn or cancelled application's interview still to come is cancelled
    (the QA found a declined candidate's interview left booked, the interviewers expecting
    them)."""
    future_interviews_cancel(application_ids)
