"""Privacy records: notice versions, the append-only audit log, anonymous erasure records.

The rate-limit counters (RateCounter) are this app's table too, defined in reilu.limits.
"""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reilu.employers.models import Organization
from reilu.limits import RateCounter  # noqa: F401 - the privacy app's model, defined with its code


class PrivacyNotice(models.Model):
    """One version of an employer's privacy notice (GDPR Art. 13); versions are never edited."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="privacy_notices"
    )
    version = models.PositiveIntegerField()
    text_fi = models.TextField(_("Finnish text"))
    text_sv = models.TextField(_("Swedish text"))
    text_en = models.TextField(_("English text"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "version"], name="one_notice_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization}: v{self.version}"

    def text(self, language: str) -> str:
        return getattr(self, f"text_{language}", "") or self.text_en


class AppendOnly(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("The audit log is append-only.")

    def delete(self) -> NoReturn:
        raise PermissionError("The audit log is append-only.")


class AuditEvent(models.Model):
    """Who saw, exported or erased a candidate's personal data, and when. Append-only."""

    class Action(models.TextChoices):
        VIEW_APPLICATION = "view_application", _("Viewed an application")
        DOWNLOAD_CV = "download_cv", _("Downloaded a CV")
        DOWNLOAD_DOCUMENT = "download_document", _("Downloaded a requested document")
        VIEW_CV_TEXT = "view_cv_text", _("Read the text of a CV")
        REVEAL_IDENTITY = "reveal_identity", _("Saw the identity after an anonymous review")
        LIST_APPLICATION = "list_application", _("Listed in the API")
        EXPORT = "export", _("Exported personal data")
        ERASE = "erase", _("Erased personal data")
        NOTICE = "notice", _("Published a privacy notice")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="audit_events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the candidate or the system acted."),
    )
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=30, choices=Action.choices)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = AppendOnly.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["organization", "-created_at"], name="audit_org_time")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label or '-'} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("The audit log is append-only.")


class ErasureRecord(models.Model):
    """The anonymous trace that an erasure happened: when, for which employer, why."""

    class Reason(models.TextChoices):
        RETENTION = "retention", _("Retention period ended")
        HIRED_RETENTION = "hired_retention", _("Employment-record retention ended")
        CANDIDATE = "candidate", _("The candidate asked")
        STAFF = "staff", _("Staff erased on request")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="erasure_records"
    )
    reason = models.CharField(max_length=20, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.organization} ({self.reason})"
