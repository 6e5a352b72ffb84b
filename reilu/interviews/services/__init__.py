"""Every change in the interviews area, one module per concern; import from the module.

slots, booking (with the calendar invitations it sends), preparation, scorecards,
feedback_calls. Shared by the HTML views, the API and the worker. Messages go through the
outbox in the same transaction as the change; calendar files travel as MessageAttachment
rows. Reads are in reilu.interviews.selectors.
"""
