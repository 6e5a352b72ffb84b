from django.utils import timezone
from ninja.security import HttpBearer

from reilu.employers.models import ApiToken, Membership, hash_token


class StaffToken(HttpBearer):
    """A staff token acts for one employer, with the role its user holds there."""

    def authenticate(self, request, token: str):
        if not token or len(token) > 200:
            return None
        found = (
            ApiToken.usable()
            .select_related("organization", "user")
            .filter(token_hash=hash_token(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        membership = Membership.objects.filter(
            user=found.user_id,
            organization=found.organization_id,
            role__in=(Membership.Role.OWNER, Membership.Role.RECRUITER),
        ).first()
        if membership is None:
            return None
        # At most one write per token in five minutes (total_seconds: .seconds drops days).
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() >= 300:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.org = found.organization
        request.user = found.user
        return found


staff_auth = StaffToken()
