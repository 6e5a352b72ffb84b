"""Listeners to the hiring loop's signals."""

from reilu.interviews.services.feedback_calls import feedback_offer


def offer_feedback_calls(sender, application_ids, outcome, **kwargs) -> None:
    """Interviewed candidates who were not chosen are offered a personal feedback call."""
    feedback_offer(application_ids=application_ids, outcome=outcome)
