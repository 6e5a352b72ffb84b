"""Contact requests from employers to seekers: sending, answering, expiry."""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.employers.models import Organization
from reilu.formatting import fmt_date
from reilu.messaging.outbox import kick_delivery, message_queue
from reilu.rules import RuleError
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
            subject = _("%(employer)s would like to contact you") % {"employer": organization.name}
            body = _(
                "Hello %(name)s,\n\n%(employer)s found your talent profile and would like to "
                "get in touch%(about)s. Their message:\n\n%(message)s\n\n"
                "Your contact details are shared only if you accept. Answer by %(date)s: "
                "%(link)s"
            ) % {
                "name": profile.name.split()[0] if profile.name.split() else "",
                "employer": organization.name,
                "about": (_(" about %(posting)s") % {"posting": posting.title}) if posting else "",
                "message": request.message,
                "date": fmt_date(timezone.localdate(request.expires_at), seeker.language),
                "link": _url("/talent/me/"),
            }
        message_queue(
            organization=organization,
            kind="talent_request",
            to_candidate=False,
            to_email=seeker.email,
            subject=subject,
            body=body,
            language=seeker.language,
            dedupe_key=f"talent-request:{request.pk}",
            about=[seeker],
        )
        kick_delivery()
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
                subject = _("%(name)s accepted your contact request") % {"name": profile.name}
                body = _(
                    "%(name)s accepted your contact request. Their contact details are on "
                    "the request page: %(link)s"
                ) % {"name": profile.name, "link": _url("/staff/talent/requests/")}
            else:
                subject = _("Your contact request to %(name)s") % {"name": profile.name}
                body = _(
                    "Thank you for your interest. %(name)s has decided not to take up your "
                    "contact request this time. Their details stay private; please do not "
                    "try to reach them another way."
                ) % {"name": profile.name}
        if request.sender_email:
            message_queue(
                organization=request.organization,
                kind="talent_request_answer",
                to_candidate=False,
                to_email=request.sender_email,
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"talent-request-answer:{request.pk}",
                about=[seeker],
            )
            kick_delivery()


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
                subject = _("Your contact request to %(name)s expired") % {
                    "name": request.profile.name
                }
                body = _(
                    "Your contact request to %(name)s was not answered in 14 days and has "
                    "expired. Their details stay private."
                ) % {"name": request.profile.name}
            message_queue(
                organization=request.organization,
                kind="talent_request_expired",
                to_candidate=False,
                to_email=request.sender_email,
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"talent-request-expired:{request.pk}",
                about=[f"talent.seeker:{request.profile.seeker_id}"],
            )
            kick_delivery()
    return expired
