"""Which organisations a staff user may act for; every staff query starts here."""

from django.db.models import QuerySet

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
