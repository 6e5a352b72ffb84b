"""Writes for the candidates' voice: invitations, answers, replies, reports, hiding."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reilu.applications.freshness import status_changed
from reilu.applications.mail import message_values, reply_address
from reilu.applications.models import Application, Event
from reilu.applications.services import INTERVIEW_KINDS
from reilu.employers.models import hash_token
from reilu.messaging import texts
from reilu.messaging.models import employer_templates
from reilu.messaging.queue import Mail, follow_up_due, messages_queue
from reilu.privacy.models import AuditEvent
from reilu.rules import RuleError
from reilu.voice.models import AbuseReport, ReviewReply, SurveyInvitation, SurveyResponse
from reilu.voice.selectors.figures import PERIOD_DAYS

SURVEY_KIND = "survey_invitation"
GONE = gettext_lazy(
    "This survey link no longer works: the data of this application has been erased."
)


def survey_url(raw_token: str) -> str:
    return f"{settings.BASE_URL}/survey/{raw_token}/"


def surveys_invite(*, application_ids, outcome: str) -> int:
    """Invite every candidate whose process ended to the survey, once per application.

    Runs inside the transaction that ended the processes (bulk decisions of thousands of
    applications included), so the work is a few bulk queries, not a loop of saves.
    """
    if outcome not in SurveyInvitation.Outcome.values:
        return 0
    ids = list(dict.fromkeys(int(i) for i in application_ids))
    if not ids:
        return 0
    already = set(
        SurveyInvitation.objects.filter(application_id__in=ids).values_list(
            "application_id", flat=True
        )
    )
    apps = list(
        Application.objects.filter(pk__in=[i for i in ids if i not in already])
        .exclude(outcome=Application.Outcome.ACTIVE)
        .select_related("posting__organization", "stage")
    )
    apps = _deserving(apps, outcome)
    if not apps:
        return 0
    interviewed = set(
        Event.objects.filter(
            application_id__in=[a.pk for a in apps], stage__kind__in=INTERVIEW_KINDS
        ).values_list("application_id", flat=True)
    )
    # After the decision (and a feedback-call offer), an hour apart from each.
    due = follow_up_due(Application, [a.pk for a in apps])
    templates_by_org: dict[int, dict] = {}
    invitations, mails = [], []
    for app in apps:
        org = app.posting.organization
        if org.pk not in templates_by_org:
            templates_by_org[org.pk] = employer_templates(org)
        raw = secrets.token_urlsafe(32)
        invitations.append(
            SurveyInvitation(
                application=app,
                token_hash=hash_token(raw),
                outcome=outcome,
                stage=app.stage,
                reached_interview=app.pk in interviewed or app.stage.kind in INTERVIEW_KINDS,
            )
        )
        values = message_values(app)
        values["status_url"] = survey_url(raw)
        subject, body = texts.render(SURVEY_KIND, app.language, values, templates_by_org[org.pk])
        mails.append(
            Mail(
                organization=org,
                about=app,
                kind=SURVEY_KIND,
                language=app.language,
                to_email=app.email,
                reply_to=reply_address(app),
                subject=subject,
                body=body,
                dedupe_key=f"survey:{app.pk}",
                due_at=due[app.pk],
            )
        )
    SurveyInvitation.objects.bulk_create(invitations, batch_size=500)
    status_changed(app.pk for app in apps)
    messages_queue(mails)
    return len(invitations)


def _deserving(apps: list[Application], outcome: str) -> list[Application]:
    """The processes whose candidate's answer may speak for the employer in public.

    Only where staff acted (moved, answered, decided, cancelled the job, or opened the
    application): a withdrawal seconds after applying says nothing about the employer and
    would let anyone fill its public figures with throwaway applications. One person
    (email) is invited once per employer in the scorecard's period, however often they
    apply there.
    """
    if not apps:
        return []
    staff_decided = outcome in (
        SurveyInvitation.Outcome.REJECTED,
        SurveyInvitation.Outcome.HIRED,
        SurveyInvitation.Outcome.CANCELLED,
    )
    viewed = set(
        AuditEvent.objects.filter(
            action=AuditEvent.Action.VIEW_APPLICATION,
            object_type="application",
            object_id__in=[str(a.pk) for a in apps],
        ).values_list("object_id", flat=True)
    )
    acted = [
        a for a in apps if staff_decided or a.first_response_at is not None or str(a.pk) in viewed
    ]
    since = timezone.now() - dt.timedelta(days=PERIOD_DAYS)
    invited = set(
        SurveyInvitation.objects.filter(
            created_at__gte=since,
            application__posting__organization_id__in={a.posting.organization_id for a in acted},
            application__email_key__in={a.email_key for a in acted},
        ).values_list("application__posting__organization_id", "application__email_key")
    )
    deserving = []
    for app in acted:
        person = (app.posting.organization_id, app.email_key)
        if person not in invited:
            invited.add(person)
            deserving.append(app)
    return deserving


def invitation_resolve(raw: str) -> SurveyInvitation | None:
    if not raw or len(raw) > 100:
        return None
    return (
        SurveyInvitation.objects.select_related("application__posting__organization", "stage")
        .filter(token_hash=hash_token(raw))
        .first()
    )


def response_key(invitation: SurveyInvitation) -> str:
    """The keyed link from an invitation to its answer (see models.py): erasure only."""
    return salted_hmac("reilu.voice.erase", invitation.token_hash).hexdigest()


def survey_answer(
    *,
    invitation: SurveyInvitation,
    recommend: int,
    knew_status: int,
    ad_matched: int | None = None,
    comment: str = "",
    publish: bool = False,
) -> SurveyResponse:
    """Store one candidate's answers once; a second answer is refused.

    The invitation is marked used with a conditional UPDATE in the same transaction as the
    answer is stored: of two simultaneous submissions exactly one changes the row.
    """
    if not 0 <= recommend <= 10 or not 1 <= knew_status <= 5:
        raise RuleError("invalid", _("Please answer the questions on the given scales."))
    if not invitation.reached_interview:
        ad_matched = None
    elif ad_matched is not None and not 1 <= ad_matched <= 5:
        raise RuleError("invalid", _("Please answer the questions on the given scales."))
    comment = comment.strip()
    today = timezone.localdate()
    app = invitation.application
    with transaction.atomic():
        claimed = SurveyInvitation.objects.filter(pk=invitation.pk, used_on__isnull=True).update(
            used_on=today
        )
        if app.erased_at is not None:
            raise RuleError("gone", str(GONE))
        if claimed != 1:
            raise RuleError("answered", _("This survey has already been answered. Thank you!"))
        response = SurveyResponse.objects.create(
            organization_id=app.posting.organization_id,
            posting_id=app.posting_id,
            stage_id=invitation.stage_id,
            reached_interview=invitation.reached_interview,
            outcome=invitation.outcome,
            recommend=recommend,
            ad_matched=ad_matched,
            knew_status=knew_status,
            comment=comment[:5000],
            publish=publish and bool(comment),
            answered_on=today,
            erase_key=response_key(invitation),
        )
        status_changed([app.pk])
    invitation.used_on = today
    return response


def review_reply(*, review: SurveyResponse, organization, text: str, author) -> ReviewReply:
    """The employer answers a published review in public, once. The review stays as it is."""
    text = text.strip()
    if review.organization_id != organization.pk or not review.is_review:
        raise RuleError("not_found", _("No such review."))
    if not text:
        raise RuleError("empty", _("Write a reply first."))
    try:
        with transaction.atomic():
            return ReviewReply.objects.create(review=review, text=text[:5000], author=author)
    except IntegrityError:
        raise RuleError("replied", _("This review already has your reply.")) from None


def ip_hash(address: str) -> str:
    return hash_token(f"{settings.SECRET_KEY}:report:{address}")


def review_report(*, review: SurveyResponse, address: str, reason: str) -> AbuseReport:
    """Anyone reports a review; one report per review from one address each day."""
    reason = reason.strip()
    if not reason:
        raise RuleError("empty", _("Tell us briefly what is wrong with this review."))
    try:
        with transaction.atomic():
            return AbuseReport.objects.create(
                review=review,
                ip_hash=ip_hash(address),
                day=timezone.localdate(),
                reason=reason[:2000],
            )
    except IntegrityError:
        raise RuleError(
            "reported", _("You already reported this review today. We will look at it.")
        ) from None


def review_hide(*, review: SurveyResponse, organization, reason: str, actor) -> SurveyResponse:
    """Hide a review from the public, with the reason kept; the review stays stored."""
    reason = reason.strip()
    if review.organization_id != organization.pk:
        raise RuleError("not_found", _("No such review."))
    if not reason:
        raise RuleError("reason", _("A reason is required to hide a review."))
    now = timezone.now()
    with transaction.atomic():
        SurveyResponse.objects.filter(pk=review.pk).update(
            hidden_at=now, hidden_reason=reason[:2000], hidden_by=actor
        )
        review.reports.filter(handled_at__isnull=True).update(handled_at=now)
    review.refresh_from_db()
    return review


def reports_dismiss(*, review: SurveyResponse, organization) -> int:
    """Keep a reported review visible: its open reports are marked handled."""
    if review.organization_id != organization.pk:
        raise RuleError("not_found", _("No such review."))
    return review.reports.filter(handled_at__isnull=True).update(handled_at=timezone.now())
