from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from reilu.employers.models import ApiToken, Membership, Organization


class Command(BaseCommand):
    help = "Staff API tokens: `reilu token create --org SLUG --email EMAIL` prints a new token."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a token (and the staff user if needed).")
        create.add_argument("--org", required=True)
        create.add_argument("--email", required=True)
        create.add_argument(
            "--role", default="recruiter", choices=[r for r in Membership.Role.values]
        )

    def handle(self, *args, action, org, email, role, **opts):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"no employer with slug {org!r}")
        try:
            validate_email(email)
        except Exception as exc:
            raise CommandError(f"not an email address: {email!r}") from exc
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
        self.stdout.write(ApiToken.issue(user=user, organization=organization))
