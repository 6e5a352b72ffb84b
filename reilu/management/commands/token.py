import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.utils import timezone

from reilu.employers.models import ApiToken, Membership, Organization


def _positive_days(value: str) -> int:
    days = int(value)
    if days < 1:
        raise ValueError(value)
    return days


class Command(BaseCommand):
    help = (
        "Staff API tokens: `create` prints a new token (last line), `list` shows them, "
        "`revoke ID` ends one at once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token (and the staff user if needed).")
        create.add_argument("--org", required=True)
        create.add_argument("--email", required=True)
        create.add_argument(
            "--role", default="recruiter", choices=[r for r in Membership.Role.values]
        )
        expiry = create.add_mutually_exclusive_group()
        expiry.add_argument(
            "--expires-in-days", type=_positive_days, metavar="N", help="valid for N days"
        )
        expiry.add_argument(
            "--expires",
            type=dt.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="valid until the start of this day (local time)",
        )
        listing = sub.add_parser("list", help="List tokens: id, employer, user, dates, state.")
        listing.add_argument("--org", help="only this employer's tokens")
        revoke = sub.add_parser("revoke", help="Revoke a token by its id (from `list`).")
        revoke.add_argument("id", type=int)

    def handle(self, *args: Any, action: str, **opts: Any) -> None:
        getattr(self, f"_{action}")(**opts)

    def _create(
        self,
        *,
        org: str,
        email: str,
        role: str,
        expires_in_days: int | None = None,
        expires: dt.date | None = None,
        **opts: Any,
    ) -> None:
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"no employer with slug {org!r}")
        try:
            validate_email(email)
        except Exception as exc:
            raise CommandError(f"not an email address: {email!r}") from exc
        expires_at = None
        if expires_in_days:
            expires_at = timezone.now() + dt.timedelta(days=expires_in_days)
        elif expires:
            expires_at = timezone.make_aware(dt.datetime.combine(expires, dt.time.min))
            if expires_at <= timezone.now():
                raise CommandError(f"the expiry date {expires} is not in the future")
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User.objects.create_user(username=email.lower(), email=email)
            self.stderr.write(
                f"created staff user {email} (no password; set one with changepassword)"
            )
        membership, created = Membership.objects.get_or_create(
            user=user, organization=organization, defaults={"role": role}
        )
        if not membership.can_recruit:
            raise CommandError(f"{email} is an interviewer at {org}; API tokens need a recruiter")
        raw = ApiToken.issue(user=user, organization=organization, expires_at=expires_at)
        if expires_at:
            self.stderr.write(f"valid until {timezone.localtime(expires_at):%Y-%m-%d %H:%M %Z}")
        self.stdout.write(raw)

    def _list(self, *, org: str | None = None, **opts: Any) -> None:
        tokens = ApiToken.objects.select_related("organization", "user").order_by("id")
        if org:
            tokens = tokens.filter(organization__slug=org)

        def when(value: dt.datetime | None) -> str:
            return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else "-"

        now = timezone.now()
        self.stdout.write("id\temployer\tuser\tcreated\texpires\tlast used\tstate")
        for token in tokens:
            self.stdout.write(
                "\t".join(
                    [
                        str(token.pk),
                        token.organization.slug,
                        token.user.email or token.user.get_username(),
                        when(token.created_at),
                        when(token.expires_at),
                        when(token.last_used_at),
                        token.state(now),
                    ]
                )
            )

    def _revoke(self, *, id: int, **opts: Any) -> None:
        revoked = ApiToken.objects.filter(pk=id, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if not revoked:
            if ApiToken.objects.filter(pk=id).exists():
                raise CommandError(f"token {id} was already revoked")
            raise CommandError(f"no token with id {id}")
        self.stdout.write(f"revoked token {id}")
