"""Seeker sign-in: one-time links by email, then the seeker's id in the session.

Seekers are not Django users and never share staff authentication: the session key
SESSION_KEY holds the seeker's id and nothing else reads it.
"""

import datetime as dt
import secrets
from functools import wraps

from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone

from reilu.employers.models import hash_token
from reilu.talent.models import Seeker, SignInToken

SESSION_KEY = "talent_seeker"
LINK_VALID = dt.timedelta(hours=3)


def token_issue(*, email: str, language: str) -> str:
    raw = secrets.token_urlsafe(32)
    SignInToken.objects.create(
        seeker=Seeker.objects.filter(email_key=email.strip().lower()).first(),
        email=email.strip(),
        language=language,
        token_hash=hash_token(raw),
        expires_at=timezone.now() + LINK_VALID,
    )
    return raw


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
    from reilu.talent.services.seekers import seeker_get_or_create

    token = token_peek(raw)
    if token is None:
        return None
    with transaction.atomic():
        used = SignInToken.objects.filter(pk=token.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if used != 1:
            return None
        seeker = token.seeker or seeker_get_or_create(email=token.email, language=token.language)
        SignInToken.objects.filter(pk=token.pk).update(seeker=seeker, email="")
    return seeker


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
