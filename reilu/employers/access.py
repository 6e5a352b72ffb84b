"""Which organisations a staff user may act for; every staff query starts here."""

from django.db.models import QuerySet
from django.http import Http404

from reilu.employers.models import Membership, Organization

RECRUITING_ROLES = (Membership.Role.OWNER, Membership.Role.RECRUITER)


def recruiting_orgs(user) -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user=user, memberships__role__in=RECRUITING_ROLES
    )


def member_orgs(user) -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user)


def require_recruiter(user, organization: Organization) -> None:
    """Raise 404 (not 403) so other employers' objects are not even confirmed to exist."""
    if not Membership.objects.filter(
        user=user, organization=organization, role__in=RECRUITING_ROLES
    ).exists():
        raise Http404
