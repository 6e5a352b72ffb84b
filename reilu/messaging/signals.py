"""What messaging tells its listeners, so the outbox does not import who listens.

delivery_failed and message_malformed are sent inside the transaction that marks the
message failed, with `message`. messages_changed is sent with `about`, the (about_type,
about_id) pairs of messages that were queued, changed state or were erased, in the same
transaction as the change or right after its commit (never before), so an area that shows
its messages (a candidate's status page) can render anew.
"""

from collections.abc import Iterable

from django.dispatch import Signal

# A message whose staff are alerted on failure could not be delivered after every retry.
delivery_failed = Signal()
# A message cannot be sent as stored (e.g. a line break in a header); it fails at once.
message_malformed = Signal()
# Messages about these rows were queued, changed state or were erased.
messages_changed = Signal()


def tell_changed(about: Iterable[tuple[str, int | None]]) -> None:
    pairs = sorted({(about_type, about_id) for about_type, about_id in about if about_id})
    if pairs:
        messages_changed.send("messaging", about=pairs)
