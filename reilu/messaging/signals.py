"""What delivery tells the rest of messaging, so the outbox does not import who listens.

Both are sent inside the transaction that marks the message failed, with `message`.
"""

from django.dispatch import Signal

# A message whose staff are alerted on failure could not be delivered after every retry.
delivery_failed = Signal()
# A message cannot be sent as stored (e.g. a line break in a header); it fails at once.
message_malformed = Signal()
