from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reilu.employers.models import Organization

# A row a message may be about, or its (model label, primary key) pair.
About = models.Model | tuple[str, int]


def about_key(obj: About) -> tuple[str, int]:
    """The generic reference to a row: its model's label and its primary key (a pair given
    as such is returned as it is)."""
    if isinstance(obj, tuple):
        return obj
    return obj._meta.label_lower, obj.pk


class MessageQuerySet(models.QuerySet["Message"]):
    def about(self, obj: About) -> "MessageQuerySet":
        """The messages about `obj` (any model row)."""
        about_type, about_id = about_key(obj)
        return self.filter(about_type=about_type, about_id=about_id)

    def about_any(
        self, model: type[models.Model] | str, ids: Iterable[int] | models.QuerySet[Any, Any]
    ) -> "MessageQuerySet":
        """The messages about any of the rows of `model` (a model or its label, e.g.
        "applications.application") with the given primary keys; `ids` may be a subquery."""
        label = model if isinstance(model, str) else model._meta.label_lower
        return self.filter(about_type=label, about_id__in=ids)


class Message(models.Model):
    """The outbox: one row per email, written in the transaction of the change behind it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Delivered to the mail server")
        FAILED = "failed", _("Could not be delivered")

    # Empty only for mail that belongs to no employer (a talent-gallery sign-in link).
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    # Whom the message is about, as a generic reference (e.g. "applications.application", 7):
    # messaging knows no domain model. The area that owns the row finds its messages by it
    # (Message.objects.about(row)) and deletes them with the row.
    about_type = models.CharField(max_length=60, blank=True)
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=40)
    # Mail to a candidate about their application: when it cannot be delivered, the
    # employer's staff are told (and it counts for the spacing of follow-ups and the
    # candidate's own list of messages). Mail to staff, seekers and subscribers: False.
    alert_staff_on_failure = models.BooleanField(default=True)
    language = models.CharField(max_length=2)
    to_email = models.EmailField()
    reply_to = models.EmailField(blank=True)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    # One message per recipient and cause: a retried service call cannot queue it twice.
    dedupe_key = models.CharField(max_length=200, unique=True)
    message_id = models.CharField(max_length=200, unique=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state="pending"),
                name="message_due",
            ),
            models.Index(
                fields=["claimed_at"], condition=Q(state="sending"), name="message_claimed"
            ),
            models.Index(fields=["about_type", "about_id", "created_at"], name="message_about"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to_email} ({self.state})"


class MessageTemplate(models.Model):
    """An employer's own wording for one kind of message in one language."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="message_templates"
    )
    kind = models.CharField(max_length=40)
    language = models.CharField(max_length=2)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "language"], name="one_template_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.kind} ({self.language})"


def employer_templates(organization: Organization | None) -> dict[tuple[str, str], tuple[str, str]]:
    return {
        (t.kind, t.language): (t.subject, t.body)
        for t in MessageTemplate.objects.filter(organization=organization)
    }


def person_ref(obj: About) -> str:
    """The reference to a person-holding row that a message is about, e.g. 'talent.seeker:7'.

    Generic on purpose: messaging knows no domain model, and a reference outlives the row
    (an erased application keeps its id), so erasure and export find messages by it.
    """
    about_type, about_id = about_key(obj)
    return f"{about_type}:{about_id}"


class MessageAbout(models.Model):
    """One person a message concerns, whoever received it: the candidate of an application,
    a talent seeker, a job-alert subscriber. A batch to staff has one row per candidate."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="about")
    ref = models.CharField(max_length=80)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "ref"], name="one_about_per_ref")]
        indexes = [models.Index(fields=["ref"], name="message_about_ref")]

    def __str__(self) -> str:
        return self.ref


class MessageAttachment(models.Model):
    """A file sent with an outbox message, e.g. an interview's calendar invitation."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=200)
    content = models.TextField()

    def __str__(self) -> str:
        return self.filename
