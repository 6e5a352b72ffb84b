"""Candidates' voice: survey invitations, anonymous answers, reviews.

A survey answer is stored apart from the person who gave it: `SurveyResponse` holds the
employer, posting, stage reached, outcome and the answers, and has no link to the
application or the candidate. The invitation knows the application only to decide who
may answer, and records that it was used (on which day, not the time of day, so the two
rows cannot be matched by their timestamps).

For erasure (Art. 17) an answer carries `erase_key`, an HMAC of its invitation under the
site's secret key: whoever reads the database alone cannot match the two, but erasing the
candidate finds the free-text comment and removes it (the numbers stay, anonymous).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reilu.applications.models import Application
from reilu.employers.models import Organization
from reilu.jobs.models import Posting, Stage


class SurveyInvitation(models.Model):
    class Outcome(models.TextChoices):
        REJECTED = "rejected", _("Not chosen")
        HIRED = "hired", _("Hired")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CANCELLED = "cancelled", _("Cancelled")

    # One invitation per application (a database constraint), used at most once.
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="survey_invitation"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    stage = models.ForeignKey(Stage, null=True, on_delete=models.SET_NULL, related_name="+")
    reached_interview = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    used_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"survey invitation {self.token_hash[:8]}…"

    @property
    def is_used(self) -> bool:
        return self.used_on is not None


class SurveyResponse(models.Model):
    """One candidate's answers, without who they are. A published comment is a review."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="survey_responses"
    )
    posting = models.ForeignKey(
        Posting, null=True, on_delete=models.SET_NULL, related_name="survey_responses"
    )
    stage = models.ForeignKey(Stage, null=True, on_delete=models.SET_NULL, related_name="+")
    reached_interview = models.BooleanField(default=False)
    outcome = models.CharField(max_length=10, choices=SurveyInvitation.Outcome.choices)
    recommend = models.PositiveSmallIntegerField(_("likelihood to recommend"))
    ad_matched = models.PositiveSmallIntegerField(_("the ad matched reality"), null=True)
    knew_status = models.PositiveSmallIntegerField(_("knew where the application stood"))
    comment = models.TextField(_("comment"), blank=True)
    publish = models.BooleanField(_("may be published"), default=False)
    answered_on = models.DateField()
    erase_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    # Moderation: a hidden review stays stored, with who hid it and why.
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.TextField(blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-answered_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(recommend__gte=0) & Q(recommend__lte=10), name="survey_recommend_0_10"
            ),
            models.CheckConstraint(
                condition=Q(ad_matched__isnull=True)
                | (Q(ad_matched__gte=1) & Q(ad_matched__lte=5)),
                name="survey_ad_matched_1_5",
            ),
            models.CheckConstraint(
                condition=Q(knew_status__gte=1) & Q(knew_status__lte=5),
                name="survey_knew_status_1_5",
            ),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="survey_hidden_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "answered_on"], name="survey_org_day"),
            models.Index(fields=["posting", "answered_on"], name="survey_posting_day"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.answered_on} ({self.recommend})"

    @property
    def is_review(self) -> bool:
        return self.publish and bool(self.comment.strip())


class ReviewReply(models.Model):
    """The employer's one public answer to a review; it never changes the review."""

    review = models.OneToOneField(SurveyResponse, on_delete=models.CASCADE, related_name="reply")
    text = models.TextField(_("reply"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"reply to {self.review_id}"


class AbuseReport(models.Model):
    """Anyone may report a review; one report per review, address and day."""

    review = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="reports")
    ip_hash = models.CharField(max_length=64)
    day = models.DateField()
    reason = models.TextField(_("what is wrong with this review"))
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["review", "ip_hash", "day"], name="one_report_per_address_a_day"
            )
        ]
        indexes = [models.Index(fields=["review", "handled_at"], name="report_queue")]

    def __str__(self) -> str:
        return f"report on {self.review_id}"


class ScorecardSnapshot(models.Model):
    """An employer's published scorecard figures for one day (see selectors.published_scorecard).

    Published figures change at most once a day, so one new answer cannot be read off by
    comparing the scorecard before and after it.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    # {figure key: [value or null, basis]} as published: rounded, nothing below the threshold.
    figures = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "day"], name="one_scorecard_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.organization} scorecard {self.day}"
