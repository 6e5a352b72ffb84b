"""Listeners to the hiring loop's signals."""

from reilu.interviews import services


def offer_feedback_calls(sender, application_ids, outcome, **kwargs) -> None:
    """Interviewed candidates who were not chosen are offered a personal feedback call."""
    services.feedback_offer(application_ids=application_ids, outcome=outcome)
