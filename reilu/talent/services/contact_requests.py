"""Contact requests from employers to seekers: sending, answering, expiry."""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.employers.models import Organization
from reilu.formatting import fmt_date
from reilu.messaging.queue import message_queue
from reilu.rules import RuleError
from reilu.talent import letters
from reilu.talent.models import ContactRequest, Profile, Seeker
from reilu.talent.services.links import _url

REQUEST_VALID = dt.timedelta(days=14)


def requests_per_day() -> int:
    return getattr(settings, "REILU_CONTACT_REQUESTS_PER_DAY", 20)


def _staff_language(posting=None) -> str:
    return posting.language if posting else settings.LANGUAGE_CODE[:2]


def contact_request_send(
    *, profile: Profile, organization: Organization, user, message: str, posting=None
) -> ContactRequest:
    message = message.strip()
    if not message:
        raise RuleError("message", _("Write a message: say why you are getting in touch."))
    if not profile.is_listed:
        raise RuleError("unlisted", _("This profile is not open for contact requests."))
    if posting is not None and posting.organization_id != organization.pk:
        raise RuleError("posting", _("Choose one of your own job postings."))
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    with transaction.atomic():
        sent_today = ContactRequest.objects.filter(sender=user, created_at__gte=start).count()
        if sent_today >= requests_per_day():
            raise RuleError(
                "limit",
                _("You have sent %(n)s contact requests today, the daily limit. Try tomorrow.")
                % {"n": sent_today},
            )
        try:
            with transaction.atomic():
                request = ContactRequest.objects.create(
                    profile=profile,
                    organization=organization,
                    sender=user,
                    sender_name=(user.get_full_name() or user.email or user.username)[:200],
                    sender_email=user.email,
                    posting=posting,
                    message=message[:3000],
                    expires_at=timezone.now() + REQUEST_VALID,
                )
        except IntegrityError:
            raise RuleError(
                "duplicate", _("Your earlier request to this person is still waiting.")
            ) from None
        seeker = profile.seeker
        with override(seeker.language):
            subject = letters.REQUEST_SUBJECT % {"employer": organization.name}
            body = letters.REQUEST_BODY % {
                "name": profile.name.split()[0] if profile.name.split() else "",
                "employer": organization.name,
                "about": (letters.REQUEST_ABOUT_POSTING % {"posting": posting.title})
                if posting
                else "",
                "message": request.message,
                "date": fmt_date(timezone.localdate(request.expires_at), seeker.language),
                "link": _url("/talent/me/"),
            }
        message_queue(
            organization=organization,
            kind="talent_request",
            alert_staff_on_failure=False,
            to_email=seeker.email,
            subject=subject,
            body=body,
            language=seeker.language,
            dedupe_key=f"talent-request:{request.pk}",
            also_about=[seeker],
        )
    return request


def contact_request_answer(*, request: ContactRequest, seeker: Seeker, accept: bool) -> None:
    """The seeker accepts (contact details go to that employer only) or declines."""
    if request.profile.seeker_id != seeker.pk:
        raise RuleError("not_found", _("No such request."))
    state = ContactRequest.State.ACCEPTED if accept else ContactRequest.State.DECLINED
    with transaction.atomic():
        changed = ContactRequest.objects.filter(
            pk=request.pk, state=ContactRequest.State.PENDING
        ).update(state=state, answered_at=timezone.now())
        if changed != 1:
            raise RuleError("answered", _("This request is already answered or expired."))
        request.state = state
        language = _staff_language(request.posting)
        profile = request.profile
        with override(language):
            if accept:
                subject = letters.REQUEST_ACCEPTED_SUBJECT % {"name": profile.name}
                body = letters.REQUEST_ACCEPTED_BODY % {
                    "name": profile.name,
                    "link": _url("/staff/talent/requests/"),
                }
            else:
                subject = letters.REQUEST_DECLINED_SUBJECT % {"name": profile.name}
                body = letters.REQUEST_DECLINED_BODY % {"name": profile.name}
        if request.sender_email:
            message_queue(
                organization=request.organization,
                kind="talent_request_answer",
                alert_staff_on_failure=False,
                to_email=request.sender_email,
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"talent-request-answer:{request.pk}",
                also_about=[seeker],
            )


def contact_requests_expire(now=None) -> int:
    """Mark requests unanswered for 14 days expired and tell the sender, once."""
    now = now or timezone.now()
    expired = 0
    due = ContactRequest.objects.filter(state=ContactRequest.State.PENDING, expires_at__lte=now)
    for request in due.select_related("profile", "organization", "posting")[:1000]:
        with transaction.atomic():
            changed = ContactRequest.objects.filter(
                pk=request.pk, state=ContactRequest.State.PENDING
            ).update(state=ContactRequest.State.EXPIRED)
            if changed != 1:
                continue
            expired += 1
            if not request.sender_email:
                continue
            language = _staff_language(request.posting)
            with override(language):
                subject = letters.REQUEST_EXPIRED_SUBJECT % {"name": request.profile.name}
                body = letters.REQUEST_EXPIRED_BODY % {"name": request.profile.name}
            message_queue(
                organization=request.organization,
                kind="talent_request_expired",
                alert_staff_on_failure=False,
                to_email=request.sender_email,
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"talent-request-expired:{request.pk}",
                also_about=[f"talent.seeker:{request.profile.seeker_id}"],
            )
    return expired
