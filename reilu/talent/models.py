"""Talent gallery: seekers, their profiles, contact requests, open applications, searches.

Seekers are not Django users: they sign in by a one-time link and the seeker's id is kept
in the session (reilu.talent.auth). Their contact details (email, phone) live on Seeker and
Profile.phone and leave the seeker's own pages only through an accepted contact request.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reilu.employers.models import Organization
from reilu.jobs.models import Posting
from reilu.talent.regions import REGION_CHOICES

LANGUAGE_CODES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("se", _("Northern Sami")),
    ("ru", _("Russian")),
    ("et", _("Estonian")),
    ("de", _("German")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("uk", _("Ukrainian")),
    ("zh", _("Chinese")),
]


def cv_upload_to(instance, filename: str) -> str:
    return f"talent-cv/{uuid.uuid4().hex}"


class Seeker(models.Model):
    email = models.EmailField(_("email"))
    email_key = models.CharField(max_length=254, unique=True, editable=False)
    language = models.CharField(
        _("language for messages"), max_length=2, choices=Posting.Language.choices, default="fi"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.email


class SignInToken(models.Model):
    """A one-time sign-in link; only the hash of the random token is stored.

    A link asked for an address that has no seeker yet carries the address itself: the
    seeker is created only when the link is used, so typing addresses creates nobody.
    Unused links are deleted once expired (talent sweep).

    The same mail carries a short one-time code for signing in on another device than the
    one the mail is read on: only its keyed hash is stored, it lives minutes, not hours,
    and it takes a few attempts only (reilu.talent.auth.code_use).
    """

    seeker = models.ForeignKey(
        Seeker, on_delete=models.CASCADE, related_name="sign_in_tokens", null=True, blank=True
    )
    email = models.EmailField(blank=True)  # emptied once the seeker exists
    language = models.CharField(max_length=2, default="fi")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    code_hash = models.CharField(max_length=64, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)

    def __str__(self) -> str:
        return f"sign-in {self.token_hash[:8]}…"


class Profile(models.Model):
    class Visibility(models.TextChoices):
        HIDDEN = "hidden", _("Hidden: only you see it")
        EMPLOYERS = "employers", _("Visible to signed-in employers")
        PUBLIC = "public", _("Public: anyone can see it")

    class Availability(models.TextChoices):
        NOW = "now", _("Available now")
        MONTH = "1m", _("Within a month")
        THREE_MONTHS = "3m", _("Within three months")
        NOT_LOOKING = "no", _("Not looking right now")

    seeker = models.OneToOneField(Seeker, on_delete=models.CASCADE, related_name="profile")
    # The address of the profile page: random, so profiles cannot be walked by number.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    headline = models.CharField(_("headline"), max_length=200)
    expertise = models.TextField(_("areas of expertise"), max_length=1000, blank=True)
    # Kept in step with ProfileSkill rows by services.profile_save; indexed for full text.
    skills_text = models.TextField(blank=True, editable=False)
    bio = models.TextField(_("short bio"), max_length=3000, blank=True)
    region = models.CharField(_("home region"), max_length=20, choices=REGION_CHOICES, blank=True)
    remote = models.BooleanField(_("willing to work remotely"), default=False)
    relocate = models.BooleanField(_("willing to relocate"), default=False)
    availability = models.CharField(
        _("availability"), max_length=3, choices=Availability.choices, default=Availability.NOW
    )
    links = models.JSONField(_("links"), default=list, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    cv = models.FileField(upload_to=cv_upload_to, blank=True)
    cv_name = models.CharField(max_length=200, blank=True)
    cv_type = models.CharField(max_length=100, blank=True)
    visibility = models.CharField(
        _("who can see your profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.HIDDEN,
    )
    paused = models.BooleanField(_("paused"), default=False)
    source_application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["region"], condition=Q(paused=False), name="talent_profile_listed")
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.headline}"

    @property
    def is_listed(self) -> bool:
        return not self.paused and self.visibility != self.Visibility.HIDDEN

    @property
    def skill_list(self) -> list[str]:
        return [s for s in self.skills_text.split("\n") if s]


class ProfileSkill(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(max_length=60)
    key = models.CharField(max_length=60, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "key"], name="one_skill_key")]

    def __str__(self) -> str:
        return self.name


class ProfileLanguage(models.Model):
    LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "native"]
    LEVEL_CHOICES = [(level, level) for level in LEVELS[:-1]] + [("native", _("native"))]

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(max_length=2, choices=LANGUAGE_CODES)
    level = models.CharField(max_length=6, choices=LEVEL_CHOICES)
    rank = models.PositiveSmallIntegerField(editable=False)

    class Meta:
        ordering = ["-rank", "language"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="one_level_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"


class ProfileView(models.Model):
    """An employer's staff member opened the profile: the seeker sees who and when."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="views")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    viewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [models.Index(fields=["profile", "-viewed_at"], name="talent_view_profile")]

    def __str__(self) -> str:
        return f"{self.organization} viewed {self.profile_id}"


class ContactRequest(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for your answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Expired unanswered")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="requests")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="talent_requests"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sender_name = models.CharField(max_length=200)
    sender_email = models.EmailField()
    posting = models.ForeignKey(
        Posting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), max_length=3000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "organization"],
                condition=Q(state="pending"),
                name="one_pending_request_per_employer",
            )
        ]
        indexes = [
            models.Index(fields=["expires_at"], condition=Q(state="pending"), name="request_due")
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.profile_id} ({self.state})"


class OpenApplicationSettings(models.Model):
    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="open_application_settings"
    )
    accepts = models.BooleanField(_("we accept open applications"), default=False)
    promise_days = models.PositiveSmallIntegerField(
        _("we answer within (days)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    message = models.TextField(_("message to applicants"), max_length=3000, blank=True)

    def __str__(self) -> str:
        return f"open applications at {self.organization}"


class OpenApplication(models.Model):
    class State(models.TextChoices):
        SENT = "sent", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")
        INVITED = "invited", _("Invited to apply")

    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="open_applications")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="open_applications"
    )
    message = models.TextField(_("your message"), max_length=5000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.SENT)
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField(blank=True)
    promised_by = models.DateField()
    lapses = models.PositiveSmallIntegerField(default=0)
    reply = models.TextField(blank=True)
    invited_to = models.ForeignKey(
        Posting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["promised_by"], condition=Q(state="sent"), name="open_app_due"),
            models.Index(fields=["organization", "state"], name="open_app_inbox"),
        ]

    def __str__(self) -> str:
        return f"{self.seeker} → {self.organization} ({self.state})"


class OpenApplicationEvent(models.Model):
    class Kind(models.TextChoices):
        SENT = "sent", _("Open application sent")
        LATE = "late", _("The employer is late")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")
        INVITED = "invited", _("Invited to apply")

    open_application = models.ForeignKey(
        OpenApplication, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()


class SavedSearch(models.Model):
    seeker = models.ForeignKey(Seeker, on_delete=models.CASCADE, related_name="saved_searches")
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=REGION_CHOICES, blank=True)
    remote = models.BooleanField(_("remote or hybrid only"), default=False)
    pay_at_least = models.PositiveIntegerField(
        _("pay at least (€ per month)"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.keywords or "*"


class ScanMark(models.Model):
    """Where a periodic scan got to last time (one row per scan)."""

    name = models.CharField(max_length=40, unique=True)
    last_run = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}: {self.last_run}"
