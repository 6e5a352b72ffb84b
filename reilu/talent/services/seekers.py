"""Seekers and signing in: the seeker row and the one-time sign-in link by mail."""

import uuid

from django.db import transaction
from django.utils.translation import override

from reilu import limits
from reilu.messaging.queue import message_queue
from reilu.talent import auth, letters
from reilu.talent.models import Seeker
from reilu.talent.services.links import _url

SIGN_IN_LINKS_PER_HOUR = 5


def _key(email: str) -> str:
    return email.strip().lower()


def seeker_get_or_create(*, email: str, language: str) -> Seeker:
    seeker, _created = Seeker.objects.get_or_create(
        email_key=_key(email), defaults={"email": email.strip(), "language": language}
    )
    return seeker


def signin_request(*, email: str, language: str, chosen: str | None = None) -> bool:
    """Mail a one-time sign-in link and code; False when too many were asked for in the last hour.

    The mail's language: the one the visitor chose on the site (`chosen`), else the
    seeker's stored language for messages, else `language` (the page's, from the browser).
    No seeker is created here (see auth.token_use); the count per address is exact.
    """
    if not limits.hit(f"talent-signin:{_key(email)}", f"{SIGN_IN_LINKS_PER_HOUR}/h"):
        return False
    with transaction.atomic():
        seeker = Seeker.objects.filter(email_key=_key(email)).first()
        language = chosen or (seeker.language if seeker else "") or language
        issued = auth.token_issue(email=email, language=language)
        with override(language):
            subject = str(letters.SIGNIN_SUBJECT)
            body = letters.SIGNIN_BODY % {
                "hours": int(auth.LINK_VALID.total_seconds() // 3600),
                "link": _url(f"/talent/signin/{issued.token}/"),
                "code": issued.code,
                "minutes": int(auth.CODE_VALID.total_seconds() // 60),
            }
        message_queue(
            organization=None,  # a sign-in link belongs to no employer
            kind="talent_signin",
            alert_staff_on_failure=False,
            to_email=seeker.email if seeker else email.strip(),
            subject=subject,
            body=body,
            language=language,
            dedupe_key=f"talent-signin:{uuid.uuid4().hex}",
            also_about=[seeker],
        )
    return True
