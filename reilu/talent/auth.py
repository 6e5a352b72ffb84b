"""Seeker sign-in: one-time links by email, then the seeker's id in the session.

Seekers are not Django users and never share staff authentication: the session key
SESSION_KEY holds the seeker's id and nothing else reads it.

Each sign-in mail also carries a six-digit code, for when the mail is read on another
device than the one signing in. A code is short, so it is kept much shorter than the
link (CODE_VALID), takes CODE_ATTEMPTS tries, only the newest one for an address counts,
and its hash is keyed with the site's secret and the link's own hash, so a copy of the
table cannot be searched through the million codes. The views also rate-limit guesses
per client and per address (REILU_RATES "signin_code", "signin_code_address").
"""

import datetime as dt
import secrets
from dataclasses import dataclass
from functools import wraps

from django.db import transaction
from django.db.models import F, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from reilu.employers.models import hash_token
from reilu.talent.models import Seeker, SignInToken

SESSION_KEY = "talent_seeker"
# Where signing in leads: the seeker's home across every employer (reilu.seekers), by its
# URL name; talent does not import the layer above it.
HOME = "seekers:home"
LINK_VALID = dt.timedelta(hours=3)
CODE_VALID = dt.timedelta(minutes=15)
CODE_ATTEMPTS = 5
CODE_DIGITS = 6


@dataclass(frozen=True)
class Issued:
    """What one sign-in mail carries: the link's token and the code, both raw."""

    token: str
    code: str


def code_digest(token_hash: str, code: str) -> str:
    return salted_hmac(
        "reilu.talent.signin-code", f"{token_hash}:{code}", algorithm="sha256"
    ).hexdigest()


def token_issue(*, email: str, language: str) -> Issued:
    raw = secrets.token_urlsafe(32)
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    now = timezone.now()
    token_hash = hash_token(raw)
    SignInToken.objects.create(
        seeker=Seeker.objects.filter(email_key=email.strip().lower()).first(),
        email=email.strip(),
        language=language,
        token_hash=token_hash,
        expires_at=now + LINK_VALID,
        code_hash=code_digest(token_hash, code),
        code_expires_at=now + CODE_VALID,
    )
    return Issued(token=raw, code=code)


def token_peek(raw: str) -> SignInToken | None:
    """The unused, unexpired token behind a link, without using it."""
    if not raw or len(raw) > 100:
        return None
    return (
        SignInToken.objects.select_related("seeker")
        .filter(token_hash=hash_token(raw), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def token_use(raw: str) -> Seeker | None:
    """Use a link once: a conditional update, so two clicks cannot both sign in.

    The seeker is created here, at the first use of a link, not when one is asked for.
    """
    token = token_peek(raw)
    if token is None:
        return None
    return _use(token)


def _use(token: SignInToken) -> Seeker | None:
    from reilu.talent.services.seekers import seeker_get_or_create

    with transaction.atomic():
        used = SignInToken.objects.filter(pk=token.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if used != 1:
            return None
        seeker = token.seeker or seeker_get_or_create(email=token.email, language=token.language)
        SignInToken.objects.filter(pk=token.pk).update(seeker=seeker, email="")
    return seeker


def code_use(*, email: str, code: str) -> Seeker | None:
    """Sign in with the code from the newest sign-in mail for `email`, or None.

    Every try counts against that mail's code, right or wrong, with a conditional update
    (two parallel tries cannot both pass the last attempt); past CODE_ATTEMPTS or
    CODE_VALID the code opens nothing, while the mail's link keeps working. A right code
    uses the mail's link too: one mail signs in once.
    """
    key = email.strip().lower()
    code = "".join(code.split())
    if not key or len(code) != CODE_DIGITS or not code.isdigit():
        return None
    now = timezone.now()
    token = (
        SignInToken.objects.filter(
            Q(seeker__email_key=key) | Q(seeker__isnull=True, email__iexact=key)
        )
        .filter(used_at__isnull=True, expires_at__gt=now)
        .exclude(code_hash="")
        .order_by("-created_at", "-id")
        .first()
    )
    if token is None or token.code_expires_at is None or token.code_expires_at <= now:
        return None
    counted = SignInToken.objects.filter(
        pk=token.pk, code_attempts__lt=CODE_ATTEMPTS, used_at__isnull=True
    ).update(code_attempts=F("code_attempts") + 1)
    if counted != 1:
        return None
    if not constant_time_compare(code_digest(token.token_hash, code), token.code_hash):
        return None
    return _use(token)


def tokens_sweep(now=None) -> int:
    """Delete expired links: an unused one is the only trace of an address typed in."""
    now = now or timezone.now()
    deleted, _ = SignInToken.objects.filter(expires_at__lte=now).delete()
    return deleted


def sign_in(request, seeker: Seeker) -> None:
    request.session.cycle_key()
    request.session[SESSION_KEY] = seeker.pk


def sign_out(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


def current_seeker(request) -> Seeker | None:
    pk = request.session.get(SESSION_KEY)
    if not isinstance(pk, int):
        return None
    return Seeker.objects.filter(pk=pk).first()


def seeker_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.seeker = current_seeker(request)
        if request.seeker is None:
            return redirect("talent:signin")
        return view(request, *args, **kwargs)

    return wrapper
