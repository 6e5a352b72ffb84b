"""Writes of the talent gallery: profiles, contact requests, open applications, searches."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu import limits
from reilu.employers.models import Organization
from reilu.formatting import fmt_date
from reilu.messaging.alerts import staff_recipients
from reilu.messaging.outbox import kick_delivery, message_queue
from reilu.rules import RuleError
from reilu.talent import auth
from reilu.talent.models import (
    LANGUAGE_CODES,
    ContactRequest,
    OpenApplication,
    OpenApplicationEvent,
    OpenApplicationSettings,
    Profile,
    ProfileLanguage,
    ProfileSkill,
    ProfileView,
    SavedSearch,
    Seeker,
)

REQUEST_VALID = dt.timedelta(days=14)
SIGN_IN_LINKS_PER_HOUR = 5
MAX_SKILLS = 30
MAX_LINKS = 8


def _key(email: str) -> str:
    return email.strip().lower()


def _url(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


# --- Seekers and signing in -------------------------------------------------------------


def seeker_get_or_create(*, email: str, language: str) -> Seeker:
    seeker, _created = Seeker.objects.get_or_create(
        email_key=_key(email), defaults={"email": email.strip(), "language": language}
    )
    return seeker


def signin_request(*, email: str, language: str) -> bool:
    """Mail a one-time sign-in link; False when too many were asked for in the last hour.

    No seeker is created here (see auth.token_use); the count per address is exact.
    """
    if not limits.hit(f"talent-signin:{_key(email)}", f"{SIGN_IN_LINKS_PER_HOUR}/h"):
        return False
    with transaction.atomic():
        seeker = Seeker.objects.filter(email_key=_key(email)).first()
        raw = auth.token_issue(email=email, language=language)
        with override(language):
            subject = _("Your sign-in link to the Reilu talent gallery")
            body = _(
                "Hello,\n\nsign in to your talent profile with this link. It works once, "
                "for %(hours)s hours:\n%(link)s\n\n"
                "If you did not ask for it, ignore this message."
            ) % {
                "hours": int(auth.LINK_VALID.total_seconds() // 3600),
                "link": _url(f"/talent/signin/{raw}/"),
            }
        message_queue(
            organization=None,  # a sign-in link belongs to no employer
            kind="talent_signin",
            to_candidate=False,
            to_email=seeker.email if seeker else email.strip(),
            subject=subject,
            body=body,
            language=language,
            dedupe_key=f"talent-signin:{uuid.uuid4().hex}",
            about=[seeker],
        )
        kick_delivery()
    return True


# --- Profiles ---------------------------------------------------------------------------


def parse_skills(text_or_list) -> list[str]:
    items = text_or_list
    if isinstance(text_or_list, str):
        items = text_or_list.replace("\n", ",").split(",")
    skills, seen = [], set()
    for item in items:
        name = " ".join(str(item).split())[:60]
        if name and name.lower() not in seen:
            seen.add(name.lower())
            skills.append(name)
    if len(skills) > MAX_SKILLS:
        raise RuleError("skills", _("List at most %(n)s skills.") % {"n": MAX_SKILLS})
    return skills


def parse_languages(text: str) -> list[tuple[str, str]]:
    """'fi:native, en:C1' into pairs; RuleError names what is wrong."""
    pairs = []
    for part in text.replace("\n", ",").split(","):
        part = part.strip()
        if not part:
            continue
        code, _sep, level = part.partition(":")
        pairs.append((code.strip().lower(), level.strip()))
    return check_languages(pairs)


def check_languages(pairs) -> list[tuple[str, str]]:
    codes = {code for code, _label in LANGUAGE_CODES}
    levels = {level.lower(): level for level in ProfileLanguage.LEVELS}
    clean, seen = [], set()
    for code, level in pairs:
        level_ok = levels.get(str(level).lower())
        if code not in codes or level_ok is None:
            raise RuleError(
                "languages",
                _(
                    "Give each language as code:level, for example fi:native or en:B2. "
                    "Levels: A1, A2, B1, B2, C1, C2 or native. Codes: %(codes)s."
                )
                % {"codes": ", ".join(sorted(codes))},
            )
        if code not in seen:
            seen.add(code)
            clean.append((code, level_ok))
    return clean


def parse_links(text_or_list) -> list[str]:
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator

    items = text_or_list.split() if isinstance(text_or_list, str) else list(text_or_list)
    validate = URLValidator(schemes=["http", "https"])
    links = []
    for item in items:
        try:
            validate(item)
        except ValidationError:
            raise RuleError(
                "links", _("%(link)s is not a web address (https://…).") % {"link": item[:100]}
            ) from None
        if item not in links:
            links.append(item[:300])
    if len(links) > MAX_LINKS:
        raise RuleError("links", _("Give at most %(n)s links.") % {"n": MAX_LINKS})
    return links


PROFILE_FIELDS = (
    "name",
    "headline",
    "expertise",
    "bio",
    "region",
    "remote",
    "relocate",
    "availability",
    "phone",
    "visibility",
    "paused",
)


def profile_save(
    *,
    seeker: Seeker,
    data: dict,
    skills: list[str] | None = None,
    languages: list[tuple[str, str]] | None = None,
    links: list[str] | None = None,
    cv=None,
    cv_type: str = "",
) -> Profile:
    """Create or update the seeker's profile; skills and languages replace the old ones.

    The search index follows in the same transaction (triggers on SQLite, a generated
    column on PostgreSQL).
    """
    profile = Profile.objects.filter(seeker=seeker).first() or Profile(seeker=seeker)
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(profile, field, data[field])
    if not profile.name or not profile.headline:
        raise RuleError("headline", _("Give your name and a headline."))
    if links is not None:
        profile.links = links
    if skills is not None:
        profile.skills_text = "\n".join(skills)
    old_cv = profile.cv.name if profile.cv else ""
    if cv is not None:
        profile.cv_name = (getattr(cv, "name", "") or "cv")[-200:]
        profile.cv_type = cv_type
        profile.cv.save(uuid.uuid4().hex, cv, save=False)
    try:
        with transaction.atomic():
            profile.save()
            if skills is not None:
                profile.skills.all().delete()
                ProfileSkill.objects.bulk_create(
                    [ProfileSkill(profile=profile, name=s, key=s.lower()) for s in skills]
                )
            if languages is not None:
                profile.languages.all().delete()
                ProfileLanguage.objects.bulk_create(
                    [
                        ProfileLanguage(
                            profile=profile,
                            language=code,
                            level=level,
                            rank=ProfileLanguage.LEVELS.index(level) + 1,
                        )
                        for code, level in languages
                    ]
                )
    except BaseException:
        if cv is not None and profile.cv:
            profile.cv.storage.delete(profile.cv.name)
        raise
    if cv is not None and old_cv:
        transaction.on_commit(lambda: profile.cv.storage.delete(old_cv))
    return profile


def profile_set_visibility(*, profile: Profile, visibility: str, paused: bool) -> Profile:
    if visibility not in Profile.Visibility.values:
        raise RuleError("visibility", _("Choose who can see your profile."))
    with transaction.atomic():
        profile.visibility, profile.paused = visibility, paused
        profile.save(update_fields=["visibility", "paused", "updated_at"])
    return profile


def profile_draft_from_application(application) -> Profile | None:
    """A hidden draft for someone who applied with talent-gallery consent.

    Only the seeker can publish it; an existing profile is left as it is.
    """
    with transaction.atomic():
        seeker = seeker_get_or_create(email=application.email, language=application.language)
        if Profile.objects.filter(seeker=seeker).exists():
            return None
        profile = Profile.objects.create(
            seeker=seeker,
            name=application.name[:200],
            headline=application.posting.title[:200],
            bio=application.cover_letter[:3000],
            phone=application.phone,
            visibility=Profile.Visibility.HIDDEN,
            source_application=application,
        )
        with override(application.language):
            subject = _("Your talent profile is ready for you to check")
            body = _(
                "Hello %(name)s,\n\nwhen you applied for %(posting)s you agreed to join the "
                "Reilu talent gallery. We drafted a profile from your application. It is "
                "hidden: no employer sees it until you check it and choose to publish it.\n\n"
                "Sign in with your email address here: %(link)s"
            ) % {
                "name": application.first_name,
                "posting": application.posting.title,
                "link": _url("/talent/signin/"),
            }
        message_queue(
            organization=application.posting.organization,
            kind="talent_draft",
            to_candidate=False,
            to_email=application.email,
            subject=subject,
            body=body,
            language=application.language,
            dedupe_key=f"talent-draft:{profile.pk}",
            about=[seeker, application],
        )
        kick_delivery()
    return profile


def profile_view_record(*, profile: Profile, organization: Organization, user) -> ProfileView:
    return ProfileView.objects.create(profile=profile, organization=organization, user=user)


# --- Contact requests -------------------------------------------------------------------


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


# --- Open applications ------------------------------------------------------------------


def open_settings_for(organization: Organization) -> OpenApplicationSettings:
    found = OpenApplicationSettings.objects.filter(organization=organization).first()
    return found or OpenApplicationSettings(organization=organization)


def open_settings_save(*, organization: Organization, data: dict) -> OpenApplicationSettings:
    config = open_settings_for(organization)
    for field in ("accepts", "promise_days", "contact_name", "contact_email", "message"):
        if field in data:
            setattr(config, field, data[field])
    if config.accepts and not config.contact_name.strip():
        raise RuleError(
            "contact_name", _("Name the person who answers open applications before accepting.")
        )
    with transaction.atomic():
        config.save()
    return config


def open_application_send(
    *, seeker: Seeker, organization: Organization, message: str
) -> OpenApplication:
    config = OpenApplicationSettings.objects.filter(organization=organization).first()
    if config is None or not config.accepts:
        raise RuleError("closed", _("This employer does not take open applications now."))
    message = message.strip()
    if not message:
        raise RuleError("message", _("Write a few words about yourself and what you seek."))
    if not Profile.objects.filter(seeker=seeker).exists():
        raise RuleError("profile", _("Write your profile first: the employer reads it."))
    with transaction.atomic():
        if OpenApplication.objects.filter(
            seeker=seeker, organization=organization, state=OpenApplication.State.SENT
        ).exists():
            raise RuleError(
                "duplicate", _("Your earlier open application to this employer is still open.")
            )
        app = OpenApplication.objects.create(
            seeker=seeker,
            organization=organization,
            message=message[:5000],
            contact_name=config.contact_name,
            contact_email=config.contact_email,
            promised_by=timezone.localdate() + dt.timedelta(days=config.promise_days),
        )
        OpenApplicationEvent.objects.create(open_application=app, kind="sent")
        with override(seeker.language):
            subject = _("Your open application to %(employer)s") % {"employer": organization.name}
            body = _(
                "Hello,\n\n%(employer)s received your open application. %(contact)s will "
                "answer you by %(date)s. Follow it here: %(link)s"
            ) % {
                "employer": organization.name,
                "contact": config.contact_name,
                "date": fmt_date(app.promised_by, seeker.language),
                "link": _url(f"/talent/me/open/{app.pk}/"),
            }
        message_queue(
            organization=organization,
            kind="talent_open_received",
            to_candidate=False,
            to_email=seeker.email,
            reply_to=config.contact_email,
            subject=subject,
            body=body,
            language=seeker.language,
            dedupe_key=f"talent-open-received:{app.pk}",
            about=[seeker],
        )
        for email in staff_recipients(organization, config.contact_email):
            message_queue(
                organization=organization,
                kind="staff_open_application",
                to_candidate=False,
                to_email=email,
                subject=_("New open application"),
                body=_url(f"/staff/talent/open/{app.pk}/"),
                language=settings.LANGUAGE_CODE[:2],
                dedupe_key=f"talent-open-staff:{app.pk}:{email}",
                about=[f"talent.seeker:{app.seeker_id}"],
            )
        kick_delivery()
    return app


DECISIONS = {
    "answered": OpenApplication.State.ANSWERED,
    "declined": OpenApplication.State.DECLINED,
    "invited": OpenApplication.State.INVITED,
}


def open_application_answer(
    *, open_application: OpenApplication, decision: str, reply: str, posting=None
) -> OpenApplication:
    state = DECISIONS.get(decision)
    if state is None:
        raise RuleError("decision", _("Choose an answer."))
    reply = reply.strip()
    if not reply:
        raise RuleError("reply", _("Write a reply to the applicant."))
    if state == OpenApplication.State.INVITED and (
        posting is None or posting.organization_id != open_application.organization_id
    ):
        raise RuleError("posting", _("Choose the job posting you invite them to."))
    seeker = open_application.seeker
    with transaction.atomic():
        changed = OpenApplication.objects.filter(
            pk=open_application.pk, state=OpenApplication.State.SENT
        ).update(
            state=state,
            reply=reply[:5000],
            invited_to=posting if state == OpenApplication.State.INVITED else None,
            answered_at=timezone.now(),
        )
        if changed != 1:
            raise RuleError("answered", _("This open application is already answered."))
        open_application.refresh_from_db()
        OpenApplicationEvent.objects.create(
            open_application=open_application, kind=state, text=reply[:5000]
        )
        org = open_application.organization
        with override(seeker.language):
            subject = _("%(employer)s answered your open application") % {"employer": org.name}
            body = _("Hello,\n\n%(employer)s answered:\n\n%(reply)s\n\n%(link)s") % {
                "employer": org.name,
                "reply": reply,
                "link": _url(f"/talent/me/open/{open_application.pk}/"),
            }
            if posting is not None and state == OpenApplication.State.INVITED:
                body += "\n\n" + _("Apply here: %(url)s") % {
                    "url": _url(posting.get_absolute_url())
                }
        message_queue(
            organization=org,
            kind="talent_open_answer",
            to_candidate=False,
            to_email=seeker.email,
            reply_to=open_application.contact_email,
            subject=subject,
            body=body,
            language=seeker.language,
            dedupe_key=f"talent-open-answer:{open_application.pk}",
            about=[f"talent.seeker:{open_application.seeker_id}"],
        )
        kick_delivery()
    return open_application


def open_applications_sweep(today: dt.date | None = None) -> int:
    """Lapsed promises to open applicants: tell them honestly with a new date, alert staff.

    The new date moves the application out of the lapsed set, so each lapse is handled once.
    """
    today = today or timezone.localdate()
    handled = 0
    due = OpenApplication.objects.filter(state=OpenApplication.State.SENT, promised_by__lt=today)
    for pk in list(due.order_by("promised_by").values_list("pk", flat=True)[:1000]):
        with transaction.atomic():
            app = (
                OpenApplication.objects.select_for_update()
                .select_related("seeker", "organization")
                .filter(pk=pk, state=OpenApplication.State.SENT, promised_by__lt=today)
                .first()
            )
            if app is None:
                continue
            missed = app.promised_by
            config = open_settings_for(app.organization)
            days = min(config.promise_days, 7)
            app.promised_by = today + dt.timedelta(days=days)
            app.lapses += 1
            app.save(update_fields=["promised_by", "lapses"])
            OpenApplicationEvent.objects.create(open_application=app, kind="late")
            language = app.seeker.language
            with override(language):
                subject = _("We are late with your open application to %(employer)s") % {
                    "employer": app.organization.name
                }
                body = _(
                    "Hello,\n\n%(employer)s promised to answer your open application by "
                    "%(missed)s and has not done so yet. We are sorry. %(contact)s now has "
                    "until %(date)s, and we will tell you again if that date passes too.\n\n"
                    "%(link)s"
                ) % {
                    "employer": app.organization.name,
                    "missed": fmt_date(missed, language),
                    "contact": app.contact_name,
                    "date": fmt_date(app.promised_by, language),
                    "link": _url(f"/talent/me/open/{app.pk}/"),
                }
            message_queue(
                organization=app.organization,
                kind="talent_open_late",
                to_candidate=False,
                to_email=app.seeker.email,
                subject=subject,
                body=body,
                language=language,
                dedupe_key=f"talent-open-late:{app.pk}:{missed.isoformat()}",
                about=[f"talent.seeker:{app.seeker_id}"],
            )
            staff_language = settings.LANGUAGE_CODE[:2]
            for email in staff_recipients(app.organization, app.contact_email):
                with override(staff_language):
                    subject = _("An open application is waiting past its promised date")
                    body = _(
                        "The answer to an open application was promised by %(missed)s. The "
                        "applicant was told of the delay and promised %(date)s. Answer: %(url)s"
                    ) % {
                        "missed": fmt_date(missed, staff_language),
                        "date": fmt_date(app.promised_by, staff_language),
                        "url": _url(f"/staff/talent/open/{app.pk}/"),
                    }
                message_queue(
                    organization=app.organization,
                    kind="staff_open_late",
                    to_candidate=False,
                    to_email=email,
                    subject=subject,
                    body=body,
                    language=staff_language,
                    dedupe_key=f"talent-open-late-staff:{app.pk}:{missed.isoformat()}:{email}",
                    about=[f"talent.seeker:{app.seeker_id}"],
                )
            kick_delivery()
            handled += 1
    return handled


# --- Saved searches ---------------------------------------------------------------------


def saved_search_create(
    *, seeker: Seeker, keywords: str, region: str, remote: bool, pay_at_least: int | None
) -> SavedSearch:
    if SavedSearch.objects.filter(seeker=seeker, unsubscribed_at__isnull=True).count() >= 10:
        raise RuleError("limit", _("You can keep at most 10 saved searches."))
    return SavedSearch.objects.create(
        seeker=seeker,
        keywords=keywords.strip()[:200],
        region=region,
        remote=remote,
        pay_at_least=pay_at_least,
    )


def saved_search_unsubscribe(search: SavedSearch) -> None:
    SavedSearch.objects.filter(pk=search.pk, unsubscribed_at__isnull=True).update(
        unsubscribed_at=timezone.now()
    )
