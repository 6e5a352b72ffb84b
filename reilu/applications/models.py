import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reilu.employers.models import hash_token
from reilu.jobs.models import Posting, Question, Stage
from reilu.messaging.models import Message, MessageQuerySet


def cv_upload_to(instance: models.Model, filename: str) -> str:
    # A random name: the original file name is kept only as data, never as a path.
    return f"cv/{uuid.uuid4().hex}"


def erased_marker() -> str:
    """What staff see in place of a detail of an application whose personal data is erased."""
    return gettext("(erased)")


class Application(models.Model):
    class Outcome(models.TextChoices):
        ACTIVE = "active", _("In process")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Not chosen")
        HIRED = "hired", _("Hired")

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="applications")
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="applications")
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.ACTIVE)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    email_key = models.CharField(max_length=254, editable=False)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    cover_letter = models.TextField(_("cover letter"), blank=True)
    cv = models.FileField(upload_to=cv_upload_to, blank=True)
    cv_name = models.CharField(max_length=200, blank=True)
    cv_type = models.CharField(max_length=100, blank=True)
    language = models.CharField(max_length=2, choices=Posting.Language.choices)
    contact_name = models.CharField(max_length=200)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    promised_by = models.DateField(null=True, blank=True)
    privacy_consent_at = models.DateTimeField()
    talent_consent = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Anonymous first review (issue 19, reilu.applications.anonymity): copied from the
    # posting when the application arrives; the identity is shown to staff only from
    # `revealed_at`, set when the application is first moved past the first stage (or hired).
    anonymous_review = models.BooleanField(default=False, db_default=False, editable=False)
    revealed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Privacy (reilu.privacy): the notice version accepted when applying (0 = the built-in
    # default text), and when the candidate's personal data was erased.
    privacy_notice_version = models.PositiveIntegerField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    # Bumped in the transaction of every write that changes what the candidate's status page
    # shows (reilu.applications.freshness); the stored rendering and the page's ETag are
    # keyed by it, so neither can outlive the state it shows.
    version = models.PositiveIntegerField(default=0, db_default=0, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "email_key"],
                condition=Q(outcome="active"),
                name="one_active_application_per_email",
            ),
            # The invariant: an active application always has a promised date.
            models.CheckConstraint(
                condition=~Q(outcome="active") | Q(promised_by__isnull=False),
                name="active_has_promise",
            ),
        ]
        indexes = [
            models.Index(
                fields=["promised_by"], condition=Q(outcome="active"), name="app_active_promise"
            ),
            models.Index(fields=["posting", "outcome", "stage"], name="app_posting_board"),
            # A seeker's applications at every employer (reilu.seekers.selectors), the
            # status links mailed to an address: looked up by the address alone.
            models.Index(fields=["email_key"], name="app_email_key"),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.posting}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A row read before a bump must not write its old version back: only
        # freshness.status_changed() moves it (an UPDATE of version + 1).
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "version"
            ]
        super().save(*args, **kwargs)

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""

    @property
    def identity_hidden(self) -> bool:
        """True while staff may not see who the candidate is (anonymous first review)."""
        return self.anonymous_review and self.revealed_at is None

    @property
    def pseudonym(self) -> str:
        """A stable name for the application while its identity is hidden."""
        from django.utils.translation import gettext

        return gettext("Candidate %(number)s") % {"number": self.pk}

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @property
    def display_name(self) -> str:
        """What staff see as the candidate's name: a marker once the personal data is erased
        (there is no name left to show), the pseudonym while it is hidden."""
        if self.is_erased:
            return erased_marker()
        return self.pseudonym if self.identity_hidden else self.name

    @property
    def is_active(self) -> bool:
        return self.outcome == self.Outcome.ACTIVE

    @property
    def messages(self) -> MessageQuerySet:
        """The messages about this application, whoever received them."""
        return Message.objects.about(self)


class AccessToken(models.Model):
    """A candidate's magic link into one application; only the hash is stored."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="access_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"token {self.token_hash[:8]}…"

    @classmethod
    def issue(cls, application: Application) -> str:
        raw = secrets.token_urlsafe(32)
        cls.objects.create(application=application, token_hash=hash_token(raw))
        return raw

    @classmethod
    def issue_unsaved(cls, application: Application, into: list) -> str:
        """A token for bulk creation by the caller."""
        raw = secrets.token_urlsafe(32)
        into.append(cls(application=application, token_hash=hash_token(raw)))
        return raw


class Event(models.Model):
    class Kind(models.TextChoices):
        APPLIED = "applied", _("Application received")
        MOVED = "moved", _("Moved to a new stage")
        PROMISE = "promise", _("Next contact promised")
        NOTE = "note", _("Internal note")
        REJECTED = "rejected", _("Not chosen")
        HIRED = "hired", _("Hired")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        DUPLICATE = "duplicate", _("Applied again")
        LATE = "late", _("We are late")
        CONTACT = "contact", _("New contact person")
        CANCELLED = "cancelled", _("The job was cancelled")
        DECISION_LATE = "decision_late", _("The decision is late")
        QUESTION = "question", _("Question to the contact person")
        ANSWER = "answer", _("Answer from the contact person")
        QUESTION_LATE = "question_late", _("Our answer is late")
        DOCUMENT_REQUESTED = "document_requested", _("Document requested")
        DOCUMENT_RECEIVED = "document_received", _("Document received")
        DOCUMENT_CANCELLED = "document_cancelled", _("Document request cancelled")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    visible_to_candidate = models.BooleanField(default=True)
    stage = models.ForeignKey(Stage, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["application", "created_at"], name="event_timeline")]

    def __str__(self) -> str:
        return self.get_kind_display()


class Promise(models.Model):
    """One promised date of next contact, and whether it was kept.

    A promise is kept when staff reach the candidate (a move, a decision, a new date) on or
    before the date; it lapses when the date passes first. The share kept is reported per
    posting, per contact person and per employer.
    """

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        KEPT = "kept", _("Kept")
        LAPSED = "lapsed", _("Lapsed")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="promises")
    # Denormalised so reports per employer and posting need no join through applications.
    organization = models.ForeignKey(
        "employers.Organization", on_delete=models.CASCADE, related_name="+"
    )
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="+")
    contact_email = models.EmailField(blank=True)
    due = models.DateField()
    state = models.CharField(max_length=6, choices=State.choices, default=State.OPEN)
    made_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application"], condition=Q(state="open"), name="one_open_promise"
            )
        ]
        indexes = [
            models.Index(fields=["posting", "state"], name="promise_posting"),
            models.Index(fields=["organization", "state"], name="promise_org"),
        ]

    def __str__(self) -> str:
        return f"{self.due} ({self.state})"


class ThreadMessage(models.Model):
    """One message of the conversation between a candidate and the contact person of their
    application (reilu.applications.thread).

    Its text is the text of its timeline event (`event`, a QUESTION or an ANSWER), so the
    conversation is part of the application's timeline everywhere the timeline goes (status
    page, workspace, API, export), and erasure blanks it with the other event texts.

    A candidate's message is a question with a promise: answered by `promised_by` (two
    working days by default). The sweep moves a lapsed date on, tells the candidate and
    alerts the contact person; an answer closes every open question of the application,
    kept when no date had passed.
    """

    class Author(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        STAFF = "staff", _("Staff")

    class Via(models.TextChoices):
        PAGE = "page", _("Status page")
        EMAIL = "email", _("Email")
        WORKSPACE = "workspace", _("Workspace")
        API = "api", _("API")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="thread")
    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="thread_message")
    author = models.CharField(max_length=10, choices=Author.choices)
    via = models.CharField(max_length=10, choices=Via.choices)
    # Questions only: the promised answer date (moved on by a lapse), when it was answered,
    # and how many times the date lapsed (0 when answered = kept).
    promised_by = models.DateField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    lapses = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["application", "created_at"], name="thread_timeline"),
            models.Index(
                fields=["promised_by"],
                condition=Q(author="candidate", answered_at__isnull=True),
                name="thread_open_question",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author} #{self.pk}"

    @property
    def text(self) -> str:
        return self.event.text

    @property
    def is_open(self) -> bool:
        return self.author == self.Author.CANDIDATE and self.answered_at is None


def document_upload_to(instance: models.Model, filename: str) -> str:
    # Like a CV: a random name, the original name kept only as data.
    return f"documents/{uuid.uuid4().hex}"


class DocumentRequest(models.Model):
    """A document staff ask the candidate of an application for (issue 18, item 2), and the
    file the candidate sent for it (reilu.applications.documents).

    Open while neither received nor cancelled and the application is in process or hired.
    The file is stored and served like the CV: a random name outside the web root, checked
    by its bytes, handed only to the employer's staff, refused during an anonymous first
    review. Personal data: exported with the application; erasure blanks the texts and
    deletes the file.
    """

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="document_requests"
    )
    what = models.CharField(_("document"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    due = models.DateField(_("due date"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    fulfilled_at = models.DateTimeField(null=True, blank=True)
    file = models.FileField(upload_to=document_upload_to, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["application"],
                condition=Q(fulfilled_at__isnull=True, cancelled_at__isnull=True),
                name="document_open",
            )
        ]

    def __str__(self) -> str:
        return self.what

    @property
    def is_waiting(self) -> bool:
        """Neither received nor cancelled (whether the application still takes it is
        documents.can_upload's question)."""
        return self.fulfilled_at is None and self.cancelled_at is None


def pending_upload_to(instance: models.Model, filename: str) -> str:
    return f"pending/{uuid.uuid4().hex}"


class PendingUpload(models.Model):
    """A CV chosen on an apply form that came back with errors, kept so it need not be
    chosen again. Reached only by a random token that is both in the form and in the
    session that uploaded it; removed on submit, or by the sweep once stale."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    file = models.FileField(upload_to=pending_upload_to)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"pending {self.name}"


class Answer(models.Model):
    """A candidate's answer to one of the posting's questions.

    It keeps a copy of the question's wording and kind, so the answer still reads right
    when the question is later edited or removed. Personal data: exported with the
    application and deleted by its erasure.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    position = models.PositiveSmallIntegerField(default=0)
    question_text = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Question.Kind.choices)
    value = models.TextField()
    # Whether the answer meets the requirement the question screens on (None: no screening).
    meets = models.BooleanField(null=True, blank=True)
    requirement = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.question_text}: {self.value}"

    def shown(self) -> str:
        """The answer as staff and the candidate read it."""
        if self.kind == Question.Kind.YES_NO:
            return str(_("Yes") if self.value == "yes" else _("No"))
        if self.kind == Question.Kind.MANY:
            return "; ".join(self.value.splitlines())
        return self.value
