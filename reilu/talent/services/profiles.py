"""Talent profiles: parsing skills, languages and links; saving, visibility, drafts, views."""

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reilu.employers.models import Organization
from reilu.messaging.queue import message_queue
from reilu.rules import RuleError
from reilu.talent import letters
from reilu.talent.models import (
    LANGUAGE_CODES,
    Profile,
    ProfileLanguage,
    ProfileSkill,
    ProfileView,
    Seeker,
)
from reilu.talent.services.links import _url
from reilu.talent.services.seekers import seeker_get_or_create

MAX_SKILLS = 30
MAX_LINKS = 8


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

    # One address per line, as the form asks: a line with spaces in it is one wrong address
    # ("not a url"), not three ("not" …).
    if isinstance(text_or_list, str):
        items = [line.strip() for line in text_or_list.splitlines() if line.strip()]
    else:
        items = list(text_or_list)
    validate = URLValidator(schemes=["http", "https"])
    links = []
    for item in items:
        try:
            validate(item)
        except ValidationError:
            raise RuleError(
                "links", _("“%(link)s” is not a web address (https://…).") % {"link": item[:100]}
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
            subject = str(letters.DRAFT_SUBJECT)
            body = letters.DRAFT_BODY % {
                "name": application.first_name,
                "posting": application.posting.title,
                "link": _url("/talent/signin/"),
            }
        message_queue(
            organization=application.posting.organization,
            kind="talent_draft",
            alert_staff_on_failure=False,
            to_email=application.email,
            subject=subject,
            body=body,
            language=application.language,
            dedupe_key=f"talent-draft:{profile.pk}",
            also_about=[seeker, application],
        )
    return profile


# One visit, however many times the page loads: a reload or the page after sending a
# request is not another look at the profile.
VIEW_WINDOW = dt.timedelta(hours=1)


def profile_view_record(*, profile: Profile, organization: Organization, user) -> ProfileView:
    recent = (
        ProfileView.objects.filter(
            profile=profile,
            organization=organization,
            user=user,
            viewed_at__gte=timezone.now() - VIEW_WINDOW,
        )
        .order_by("-viewed_at")
        .first()
    )
    if recent is not None:
        return recent
    return ProfileView.objects.create(profile=profile, organization=organization, user=user)
