"""Interview slots and bookings, interviewer preparation, scorecards and feedback calls."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from reilu.applications.models import Application
from reilu.employers.models import Organization
from reilu.jobs.models import Posting


class Purpose(models.TextChoices):
    INTERVIEW = "interview", _("Interview")
    FEEDBACK = "feedback", _("Feedback call")


class Slot(models.Model):
    """A bookable unit of time: one interview, or an interview day of several parts.

    An interview day (e.g. two interviews and a decision talk) is booked as one unit; its
    parts are SlotPart rows inside the slot's start and end.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="slots")
    purpose = models.CharField(max_length=10, choices=Purpose.choices, default=Purpose.INTERVIEW)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=300, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="interview_slots", verbose_name=_("interviewers")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="slot_order"
            ),
            models.CheckConstraint(
                condition=~Q(location="") | ~Q(video_url=""), name="slot_has_place"
            ),
        ]
        indexes = [models.Index(fields=["posting", "purpose", "starts_at"], name="slot_posting")]

    def __str__(self) -> str:
        return f"{self.posting} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_day(self) -> bool:
        return len(self.parts.all()) > 1


class SlotPart(models.Model):
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="parts")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("part"), max_length=200)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["position", "starts_at"]

    def __str__(self) -> str:
        return self.title


class Booking(models.Model):
    """A candidate's hold on a slot; one row per booking, kept (with its UID) across moves."""

    class State(models.TextChoices):
        ACTIVE = "active", _("Booked")
        # "Peruttu"/"Inställd": a time called off, not a process broken off.
        CANCELLED = "cancelled", pgettext_lazy("booking", "Cancelled")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="bookings")
    slot = models.ForeignKey(Slot, on_delete=models.PROTECT, related_name="bookings")
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slot__starts_at", "id"]
        constraints = [
            # Double booking is impossible: one active booking per slot …
            models.UniqueConstraint(
                fields=["slot"], condition=Q(state="active"), name="one_active_booking_per_slot"
            ),
            # … and one active booking per application and purpose.
            models.UniqueConstraint(
                fields=["application", "purpose"],
                condition=Q(state="active"),
                name="one_active_booking_per_application",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} @ {self.slot}"

    @property
    def is_active(self) -> bool:
        return self.state == self.State.ACTIVE


class Preparation(models.Model):
    """An interviewer's confirmation that they read the application before the interview."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="preparations")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preparations"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["booking", "interviewer"], name="one_preparation")
        ]
        indexes = [
            models.Index(
                fields=["interviewer"], condition=Q(confirmed_at__isnull=True), name="prep_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.interviewer} – {self.booking}"


class Criterion(models.Model):
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("criterion"), max_length=300)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class Scorecard(models.Model):
    """One person's ratings of one application against the posting's criteria: after an
    interview, or in the structured first review of the application (issue 19)."""

    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("Interview")
        FIRST_REVIEW = "first_review", _("First review")

    kind = models.CharField(
        max_length=12, choices=Kind.choices, default=Kind.INTERVIEW, db_default="interview"
    )
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="scorecards"
    )
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorecards"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "interviewer", "kind"],
                name="one_scorecard_per_interviewer_and_kind",
            )
        ]

    def __str__(self) -> str:
        return f"{self.interviewer} on {self.application}"


class Rating(models.Model):
    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="ratings")
    score = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scorecard", "criterion"], name="one_rating"),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5), name="rating_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class FeedbackCall(models.Model):
    """A personal feedback call offered to an interviewed candidate who was not chosen."""

    class State(models.TextChoices):
        OFFERED = "offered", _("Offered")
        BOOKED = "booked", _("Booked")
        DONE = "done", _("Done")
        DECLINED = "declined", _("Declined")

    # A candidate who said "no thank you" may still change their mind: only a call given
    # is closed.
    OPEN_STATES = ("offered", "booked", "declined")

    class Preference(models.TextChoices):
        CALL = "call", _("A call")
        WRITTEN = "written", _("A written summary")

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="feedback_call"
    )
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=State.choices, default=State.OFFERED)
    preference = models.CharField(max_length=10, choices=Preference.choices, blank=True)
    booking = models.ForeignKey(
        Booking, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    offered_at = models.DateTimeField(auto_now_add=True)
    booked_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["organization", "state"], name="feedback_org")]

    def __str__(self) -> str:
        return f"{self.application} ({self.state})"
