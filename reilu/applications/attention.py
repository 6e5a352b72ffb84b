"""What needs a person's attention at one employer, each list capped and indexed."""

import datetime as dt

from django.utils import timezone

from reilu.applications.anonymity import hidden_q, mask
from reilu.applications.models import Application
from reilu.employers.models import Membership
from reilu.messaging.models import Message

SOON_DAYS = 2
LIMIT = 100


def attention(org) -> dict:
    today = timezone.localdate()
    active = Application.objects.filter(
        posting__organization=org, outcome=Application.Outcome.ACTIVE
    ).select_related("posting", "stage")
    members = list(
        Membership.objects.filter(organization=org)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    return {
        "lapsed": list(active.filter(promised_by__lt=today).order_by("promised_by")[:LIMIT]),
        "soon": list(
            active.filter(
                promised_by__gte=today, promised_by__lte=today + dt.timedelta(days=SOON_DAYS)
            ).order_by("promised_by")[:LIMIT]
        ),
        "orphaned": list(active.exclude(contact_email__in=members).order_by("id")[:LIMIT]),
        "failed": _with_application_ids(
            Message.objects.filter(organization=org, state=Message.State.FAILED).order_by(
                "-created_at"
            )[:LIMIT]
        ),
        "members": Membership.objects.filter(organization=org)
        .exclude(role=Membership.Role.INTERVIEWER)
        .select_related("user")
        .order_by("user__first_name"),
    }


def _with_application_ids(messages) -> list[Message]:
    """Each message with `application_id`: the application it is about, if any; and its
    subject and recipient as staff may see them (masked during an anonymous first review)."""
    label = Application._meta.label_lower
    rows = list(messages)
    for m in rows:
        m.application_id = m.about_id if m.about_type == label else None
    ids = {m.application_id for m in rows if m.application_id}
    hidden = {
        a.pk: a
        for a in Application.objects.filter(hidden_q(), pk__in=ids).only(
            "id", "name", "email", "phone", "anonymous_review", "revealed_at"
        )
    }
    for m in rows:
        app = hidden.get(m.application_id)
        m.shown_subject = mask(m.subject, app) if app else m.subject
        m.shown_to = app.pseudonym if app else m.to_email
    return rows
