"""Reads for a signed-in seeker's home: their applications at every employer and their tasks.

A seeker's applications are those made with the seeker's verified email (compared by the
lower-cased `email_key` both sides store), whoever the employer; erased ones and those whose
retention period has ended (their status links no longer open either) are not shown.
Nothing here takes an application id without the seeker: every read is scoped by the
seeker's address first.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _

from reilu.applications.documents import TAKING, open_q
from reilu.applications.models import Application, DocumentRequest
from reilu.applications.retention import due_q
from reilu.applications.selectors import status_context
from reilu.interviews.models import Booking, FeedbackCall, Purpose, Slot
from reilu.interviews.selectors import can_book_interview
from reilu.jobs.models import JobAlert
from reilu.talent.models import Profile, Seeker
from reilu.voice.models import SurveyInvitation


def applications_of(seeker: Seeker, now: dt.datetime | None = None) -> QuerySet[Application]:
    """Every application made with the seeker's verified address, newest first."""
    if not seeker.email_key:
        return Application.objects.none()
    return (
        Application.objects.filter(email_key=seeker.email_key, erased_at__isnull=True)
        .exclude(due_q(now or timezone.now()))
        .select_related("posting__organization", "stage")
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class ApplyPrefill:
    """What quick apply fills in, and where it came from: "profile", "application" (the
    newest earlier application with the verified address) or "" (only the address)."""

    initial: dict[str, Any]
    source: str
    earlier: Application | None = None


def apply_prefill(seeker: Seeker, profile: Profile | None) -> ApplyPrefill:
    """Quick apply's values: the account's address always; name, phone and stored CV from
    the talent profile; without a profile, name, phone and language from the newest earlier
    application made with the account's verified address."""
    initial: dict[str, Any] = {"email": seeker.email, "language": seeker.language}
    if profile is not None:
        initial.update(name=profile.name, phone=profile.phone, use_stored_cv=bool(profile.cv))
        return ApplyPrefill(initial, "profile")
    earlier = applications_of(seeker).first()
    if earlier is None:
        return ApplyPrefill(initial, "")
    initial.update(name=earlier.name, phone=earlier.phone, language=earlier.language)
    return ApplyPrefill(initial, "application", earlier)


def application_of(seeker: Seeker, pk: int) -> Application | None:
    """One of the seeker's applications, or None (also for anyone else's)."""
    return applications_of(seeker).filter(pk=pk).first()


def application_detail(app: Application) -> dict:
    """The account's page of one application: what its status page shows (stage, contact,
    promise, timeline, messages, the conversation with the contact person)."""
    return status_context(app)


def job_alerts_of(seeker: Seeker) -> QuerySet[JobAlert]:
    """The employers' new-opening alerts the seeker's address confirmed and still gets."""
    return (
        JobAlert.objects.filter(
            email_key=seeker.email_key, confirmed_at__isnull=False, unsubscribed_at__isnull=True
        )
        .select_related("organization")
        .order_by("organization__name", "id")
    )


class TaskKind:
    BOOK = "book"
    MOVE = "move"
    FEEDBACK = "feedback"
    SURVEY = "survey"
    DOCUMENT = "document"


# What each task asks, and where its button leads (an action of the application's own
# pages, opened with a fresh status link: reilu.seekers.services.status_link_issue).
TASK_TITLES: dict[str, LazyText] = {
    TaskKind.BOOK: _("Book your interview time"),
    TaskKind.MOVE: _("Your interview is booked: move it if the time does not suit you"),
    TaskKind.FEEDBACK: _("Book a feedback call or ask for a written summary"),
    TaskKind.SURVEY: _("Answer the survey on how the process went"),
    TaskKind.DOCUMENT: _("Send a document: %(document)s"),
}


@dataclass
class Task:
    kind: str
    application: Application
    # The last moment the task can be done, when there is one: the last open time to book,
    # the booked time itself. A survey and a feedback offer without open times have none.
    deadline: dt.datetime | None
    # True for what waits for the seeker (counted on the front page); a booked interview is
    # listed so that it can be moved, but waits for nothing.
    to_do: bool = True
    details: dict = field(default_factory=dict)

    @property
    def title(self) -> LazyText | str:
        if self.kind == TaskKind.DOCUMENT:
            return TASK_TITLES[self.kind] % {"document": self.details["document"]}
        return TASK_TITLES[self.kind]

    @property
    def target(self) -> str:
        return self.kind


def tasks_of(seeker: Seeker, now: dt.datetime | None = None) -> list[Task]:
    """What the seeker can or should do now, across every employer, soonest deadline first.

    Interviews to book (an active application in an interview stage, with open times and no
    booking) or to move (a booked time still ahead), feedback calls offered and not yet
    taken up, surveys not yet answered, documents asked for and not yet sent (deadline: the
    end of the due day; reilu.applications.documents says which applications take them).
    """
    now = now or timezone.now()
    apps = list(applications_of(seeker, now))
    if not apps:
        return []
    by_id = {a.pk: a for a in apps}
    tasks: list[Task] = []
    booked = {
        (b.application_id, b.purpose): b
        for b in Booking.objects.filter(
            application_id__in=by_id, state=Booking.State.ACTIVE
        ).select_related("slot")
    }
    for app in apps:
        if not can_book_interview(app):
            continue
        booking = booked.get((app.pk, Purpose.INTERVIEW))
        if booking is not None:
            if booking.slot.starts_at > now:
                tasks.append(
                    Task(TaskKind.MOVE, app, booking.slot.starts_at, to_do=False,
                         details={"starts_at": booking.slot.starts_at})
                )  # fmt: skip
            continue
        last = _last_open_time(app, Purpose.INTERVIEW, now)
        if last is not None:
            tasks.append(Task(TaskKind.BOOK, app, last))
    for call in FeedbackCall.objects.filter(
        application_id__in=by_id, state=FeedbackCall.State.OFFERED
    ):
        app = by_id[call.application_id]
        tasks.append(Task(TaskKind.FEEDBACK, app, _last_open_time(app, Purpose.FEEDBACK, now)))
    for invitation in SurveyInvitation.objects.filter(
        application_id__in=by_id, used_on__isnull=True
    ):
        tasks.append(Task(TaskKind.SURVEY, by_id[invitation.application_id], None))
    for document in DocumentRequest.objects.filter(
        open_q(), application_id__in=[a.pk for a in apps if a.outcome in TAKING]
    ).order_by("due", "id"):
        end_of_day = dt.datetime.combine(
            document.due, dt.time(23, 59), tzinfo=timezone.get_current_timezone()
        )
        tasks.append(
            Task(TaskKind.DOCUMENT, by_id[document.application_id], end_of_day,
                 details={"document": document.what, "due": document.due, "id": document.pk})
        )  # fmt: skip
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    tasks.sort(key=lambda t: (not t.to_do, t.deadline or far, t.application.pk))
    return tasks


def _last_open_time(app: Application, purpose: str, now: dt.datetime) -> dt.datetime | None:
    """The start of the last time still open to book for this application's posting."""
    last: dt.datetime | None = (
        Slot.objects.filter(posting_id=app.posting_id, purpose=purpose, starts_at__gt=now)
        .exclude(bookings__state=Booking.State.ACTIVE)
        .aggregate(last=Max("starts_at"))["last"]
    )
    return last


def task_count(tasks: list[Task]) -> int:
    return sum(1 for t in tasks if t.to_do)
