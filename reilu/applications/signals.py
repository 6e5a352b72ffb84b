"""Signals other areas listen to, so the hiring loop does not import them."""

from django.dispatch import Signal

# Sent inside the transaction that ended a process (hired, rejected, withdrawn, cancelled),
# with `application_ids` (list[int]) and `outcome` (str). Receivers queue their own work
# (survey invitations, feedback-call offers) in the same transaction.
process_ended = Signal()
