import datetime as dt
import hashlib
import secrets
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reilu.fold import fold

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=80, unique=True)
    business_id = models.CharField(_("business ID"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    intro_video_url = models.URLField(_("introduction video"), blank=True)
    values_statement = models.TextField(_("our values"), blank=True)
    default_promise_days = models.PositiveSmallIntegerField(
        _("default response promise (days)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    retention_months = models.PositiveSmallIntegerField(
        _("retention period for non-chosen candidates (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    # The default of a new posting's anonymous first review (issue 19): the employer's
    # owners choose it; each posting can still be changed in its editor.
    anonymous_first_review = models.BooleanField(
        _("anonymous first review for new postings"),
        default=False,
        db_default=False,
        help_text=_(
            "New postings start with an anonymous first review: until a candidate is moved "
            "past the first stage, staff see no name, contact details or CV file."
        ),
    )
    # What Reilu writes to the employer's staff in (reminders, alerts) when a person has not
    # chosen a language of their own (Membership.language).
    language = models.CharField(
        _("language of messages to staff"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="fi",
        db_default="fi",
        help_text=_(
            "Reminders and alerts to staff are written in this language, unless a person has "
            "chosen their own by switching the language of the workspace."
        ),
    )
    # The name folded (lower case, no diacritics) for the job list's search; kept by save().
    name_key = models.CharField(max_length=200, blank=True, editable=False, db_default="")
    created_at = models.DateTimeField(auto_now_add=True)
    # Every save() moves it: the stored renderings of job and status pages that show the
    # employer are keyed by it (reilu.pagecache), so an edit shows at once.
    updated_at = models.DateTimeField(auto_now=True, db_default=Now())

    class Meta:
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name_key = fold(self.name)
        fields = kwargs.get("update_fields")
        if fields is not None:
            extra = {"updated_at"} | ({"name_key"} if "name" in fields else set())
            kwargs["update_fields"] = {*fields, *extra}
        super().save(*args, **kwargs)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [("LinkedIn", self.linkedin_url), ("Facebook", self.facebook_url)]
        links.append(("Instagram", self.instagram_url))
        return [(label, url) for label, url in links if url]

    @property
    def video_embed_url(self) -> str:
        """An embeddable form of a YouTube or Vimeo link; empty for other hosts."""
        from reilu.employers.video import embed_url

        return embed_url(self.intro_video_url)


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        RECRUITER = "recruiter", _("Recruiter")
        INTERVIEWER = "interviewer", _("Interviewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # The language the person reads Reilu in, remembered when they switch it while signed
    # in; empty: the employer's (Organization.language).
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
        db_default="",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"

    @property
    def can_recruit(self) -> bool:
        return self.role in (self.Role.OWNER, self.Role.RECRUITER)


def staff_language(organization: Organization, email: str) -> str:
    """The language to write to a member of the employer's staff in: their own choice
    (Membership.language) if `email` is a member who made one, else the employer's."""
    chosen = (
        Membership.objects.filter(organization=organization, user__email__iexact=email)
        .exclude(language="")
        .values_list("language", flat=True)
        .first()
        if email
        else None
    )
    return chosen or organization.language


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A staff API token; only its hash is stored, the raw token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="api_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)  # None: until revoked
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"token {self.token_hash[:8]}… for {self.user}"

    @classmethod
    def issue(
        cls, *, user: "User", organization: Organization, expires_at: dt.datetime | None = None
    ) -> str:
        raw = "rl_" + secrets.token_urlsafe(32)
        cls.objects.create(
            user=user, organization=organization, token_hash=hash_token(raw), expires_at=expires_at
        )
        return raw

    @classmethod
    def usable(cls, now: dt.datetime | None = None) -> "models.QuerySet[ApiToken]":
        """Tokens that authenticate now: not revoked, not expired."""
        now = now or timezone.now()
        return cls.objects.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )

    def state(self, now: dt.datetime | None = None) -> str:
        now = now or timezone.now()
        if self.revoked_at:
            return "revoked"
        if self.expires_at and self.expires_at <= now:
            return "expired"
        return "active"
