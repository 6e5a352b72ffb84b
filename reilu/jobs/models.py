from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reilu.employers.models import Organization
from reilu.fold import fold


class Posting(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    class Remote(models.TextChoices):
        NO = "no", _("On site")
        HYBRID = "hybrid", _("Hybrid")
        FULL = "full", _("Fully remote")

    class EmploymentType(models.TextChoices):
        # schema.org employmentType values, so JSON-LD and the API use them as they are.
        FULL_TIME = "FULL_TIME", _("Full-time")
        PART_TIME = "PART_TIME", _("Part-time")
        CONTRACTOR = "CONTRACTOR", _("Contract work (freelance)")
        TEMPORARY = "TEMPORARY", _("Fixed-term")
        INTERN = "INTERN", _("Internship")
        VOLUNTEER = "VOLUNTEER", _("Volunteer")
        # Not "per diem": to a Finn that reads as a daily allowance (päiväraha).
        PER_DIEM = "PER_DIEM", _("On call, as needed")
        OTHER = "OTHER", _("Other")

    class PayPeriod(models.TextChoices):
        HOUR = "HOUR", _("per hour")
        MONTH = "MONTH", _("per month")
        YEAR = "YEAR", _("per year")

    class Language(models.TextChoices):
        FI = "fi", _("Finnish")
        SV = "sv", _("Swedish")
        EN = "en", _("English")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="postings"
    )
    title = models.CharField(_("job title"), max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    language = models.CharField(
        _("language of the ad"), max_length=2, choices=Language.choices, default="fi"
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    remote = models.CharField(
        _("remote work"), max_length=10, choices=Remote.choices, default=Remote.NO
    )
    employment_type = models.CharField(
        _("employment type"),
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.FULL_TIME,
    )
    description = models.TextField(_("description"), blank=True)
    requirements = models.TextField(_("requirements"), blank=True)
    pay_min = models.DecimalField(
        _("pay from"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    pay_max = models.DecimalField(
        _("pay up to"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    pay_currency = models.CharField(_("currency"), max_length=3, default="EUR")
    pay_period = models.CharField(
        _("pay period"), max_length=5, choices=PayPeriod.choices, default=PayPeriod.MONTH
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    apply_by = models.DateField(_("application deadline"), null=True, blank=True)
    interviews_from = models.DateField(_("interviews from"), null=True, blank=True)
    interviews_to = models.DateField(_("interviews until"), null=True, blank=True)
    decision_by = models.DateField(_("decision by"), null=True, blank=True)
    # Issue 19: applications received while this is on are reviewed without names until
    # they are moved past the first stage (reilu.applications.anonymity).
    anonymous_review = models.BooleanField(
        _("anonymous first review"),
        default=False,
        db_default=False,
        help_text=_(
            "Until a candidate is moved past the first stage, staff see a pseudonym instead "
            "of the name, no contact details, and the CV only as text with names and contact "
            "details masked. Applies to applications received while it is on."
        ),
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The decision date for which reminders and late notices are done (the sweep's memory).
    decision_reminded_for = models.DateField(null=True, blank=True, editable=False)
    decision_late_told_for = models.DateField(null=True, blank=True, editable=False)
    # Folded copies (lower case, no diacritics) for the job list's search; kept by save().
    search_key = models.CharField(max_length=200, blank=True, editable=False, db_default="")
    location_key = models.CharField(max_length=200, blank=True, editable=False, db_default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pay_min__isnull=True)
                | Q(pay_max__isnull=True)
                | Q(pay_min__lte=models.F("pay_max")),
                name="pay_min_not_above_max",
            ),
        ]
        indexes = [
            # The careers list in its own order, deadline included: an ordered index scan
            # that stops after one page, with no sort of every open posting.
            models.Index(
                fields=["state", "-published_at", "-created_at", "apply_by"],
                name="posting_listing",
            ),
            # Lets the careers list count open postings from the index alone.
            models.Index(fields=["state", "apply_by"], name="posting_open"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key, self.location_key = fold(self.title), fold(self.location)
        fields = kwargs.get("update_fields")
        if fields is not None:
            # updated_at moves with every save: the stored renderings of the job page and of
            # its candidates' status pages are keyed by it (reilu.pagecache).
            extra = {"updated_at"}
            if {"title", "location"} & set(fields):
                extra |= {"search_key", "location_key"}
            kwargs["update_fields"] = {*fields, *extra}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", args=[self.slug])

    @property
    def is_open(self) -> bool:
        if self.state != self.State.PUBLISHED:
            return False
        return self.apply_by is None or self.apply_by >= timezone.localdate()

    def duty_segments(self) -> list[dict]:
        """Duties with their offset on a 0–100 bar and a colour index, for the time-split bar."""
        segments, offset = [], 0
        for i, duty in enumerate(self.duties.all()):
            segments.append(
                {"duty": duty.duty, "percent": duty.percent, "offset": offset, "colour": i % 8}
            )
            offset += duty.percent
        return segments

    @property
    def has_pay(self) -> bool:
        return self.pay_min is not None and self.pay_max is not None


class DutyShare(models.Model):
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="duties")
    duty = models.CharField(_("duty"), max_length=200)
    percent = models.PositiveSmallIntegerField(_("share of working time (%)"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__gte=1) & Q(percent__lte=100), name="duty_percent_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.duty} {self.percent} %"


class Stage(models.Model):
    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        SCREENING = "screening", _("Screening")
        INTERVIEW = "interview", _("Interview")
        ASSIGNMENT = "assignment", _("Assignment")
        DECISION = "decision", _("Decision")
        OFFER = "offer", _("Offer")

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="stages")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("stage"), max_length=100)
    description = models.TextField(_("what this stage means for the candidate"), blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    promise_days = models.PositiveSmallIntegerField(_("response promise (days)"), default=7)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["posting", "position"], name="stage_position"),
            models.CheckConstraint(
                condition=Q(promise_days__gte=1) & Q(promise_days__lte=90),
                name="stage_promise_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class JobAlert(models.Model):
    """A person who asked to hear of an employer's new openings (double opt-in)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="job_alerts"
    )
    email = models.EmailField()
    email_key = models.CharField(max_length=254)
    language = models.CharField(max_length=2, choices=Posting.Language.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "email_key"], name="one_alert_per_email"
            )
        ]
        indexes = [
            models.Index(
                fields=["organization"],
                condition=Q(confirmed_at__isnull=False, unsubscribed_at__isnull=True),
                name="alert_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Question(models.Model):
    """A question the candidate answers when applying; the apply form and the API ask it.

    Answers point at their question (and keep a copy of its wording), so an edited question
    stays the same row: the editor carries its id like a stage's.
    """

    class Kind(models.TextChoices):
        YES_NO = "yes_no", _("Yes or no")
        ONE = "one", _("One choice")
        MANY = "many", _("Several choices")
        NUMBER = "number", _("Number")
        SHORT = "short", _("Short text")
        LONG = "long", _("Long text")

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=Kind.choices)
    choices = models.TextField(
        _("choices, one per line"),
        blank=True,
        help_text=_("Only for questions answered with one or several choices."),
    )
    required = models.BooleanField(_("an answer is required"), default=True)
    # Screening (knock-out) only on a stated requirement: the requirement line of the ad this
    # question asks about, the answers that meet it, and whether a candidate who does not
    # meet it may still apply (they are told so on the form, never rejected silently).
    requirement = models.CharField(
        _("requirement of the ad it asks about"), max_length=300, blank=True
    )
    knockout = models.TextField(
        _("answers that meet the requirement"),
        blank=True,
        help_text=_(
            "Leave empty for no screening. Yes or no: yes or no. One choice: the choices "
            "that meet it, one per line. Number: the smallest that meets it."
        ),
    )
    may_apply_anyway = models.BooleanField(
        _("a candidate who does not meet it may still apply"), default=True
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text

    def meets(self, value: str) -> bool | None:
        """Whether a stored answer meets the tied requirement; None when nothing is screened."""
        from reilu.jobs.questions import answer_meets

        return answer_meets(self.kind, self.knockout, value)

    def options(self) -> list[str]:
        """The choices offered, in order (one or several choices; empty for other kinds)."""
        from reilu.jobs.questions import choice_lines

        return choice_lines(self.choices) if self.kind in CHOICE_KINDS else []


CHOICE_KINDS = (Question.Kind.ONE, Question.Kind.MANY)


class ListVersion(models.Model):
    """The job list's version: one row, bumped in the transaction of every save or deletion
    of a posting or an employer (reilu.jobs.pages.list_changed), so a stored list page is
    never read after a change."""

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.value)
