"""Which organisations a staff user may act for; every staff query starts here."""

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from reilu.employers.models import Membership, Organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

RECRUITING_ROLES = (Membership.Role.OWNER, Membership.Role.RECRUITER)


def recruiting_orgs(user: "User | AnonymousUser") -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user=user, memberships__role__in=RECRUITING_ROLES
    )


def member_orgs(user: "User | AnonymousUser") -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user)
