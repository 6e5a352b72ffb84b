"""The staff menu: grouped links, filtered by the user's role, with the current place marked.

One query (the user's memberships) decides what the menu shows; the views still check
access themselves, so the menu only spares people links they could not use.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django import template
from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.template import Context
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from reilu.employers.models import Membership

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django_stubs_ext import StrPromise

register = template.Library()

RECRUITER, OWNER, INTERVIEWER = "recruiter", "owner", "interviewer"


@dataclass(frozen=True)
class Link:
    label: "StrPromise"
    url_name: str
    # Other views that belong to this place: on their pages the link is marked as current.
    owns: tuple[str, ...] = ()
    who: str = RECRUITER  # the least role that may use the page


@dataclass(frozen=True)
class Group:
    key: str
    label: "StrPromise"
    links: tuple[Link, ...] = field(default_factory=tuple)


MENU = (
    Group(
        "recruiting",
        _("Recruiting"),
        (
            Link(_("Postings"), "staff:home", owns=("staff:*",)),
            Link(_("Needs attention"), "staff:attention"),
            Link(_("Find a candidate"), "staff:search"),
            # nav: recruiting
            Link(_("Open applications"), "talent:staff_open_inbox", ("talent:staff_open_detail",)),
            Link(_("Open jobs"), "jobs:list", ("jobs:detail",)),
        ),
    ),
    Group(
        "interviews",
        _("Interviews"),
        (
            Link(_("Interviews"), "interviews:home", ("interviews:*",), who=INTERVIEWER),
            Link(_("Feedback calls"), "interviews:feedback_list"),
            Link(_("Interview report"), "interviews:report"),
        ),
    ),
    Group(
        "talent",
        _("Talent"),
        (
            Link(_("Talent search"), "talent:staff_search", ("talent:staff_profile",)),
            Link(_("Contact requests"), "talent:staff_requests"),
            Link(_("Talent gallery"), "talent:gallery", ("talent:public_profile",)),
        ),
    ),
    Group(
        "voice",
        _("Candidate voice"),
        (
            Link(_("Candidate experience"), "voice:analytics", ("voice:posting_analytics",)),
            Link(_("Reviews"), "voice:reviews", ("voice:review_*",)),
        ),
    ),
    Group(
        "settings",
        _("Settings"),
        (
            Link(_("Employer settings"), "staff:org_settings"),
            Link(_("Message wording"), "staff:templates", ("staff:template_edit",)),
            Link(_("Open applications: settings"), "talent:staff_open_settings"),
            Link(_("Privacy notice"), "privacy:notice", who=OWNER),
            Link(_("Coming erasures"), "privacy:erasures", who=OWNER),
            Link(_("Audit log"), "privacy:audit", who=OWNER),
        ),
    ),
)

RANK = {INTERVIEWER: 0, RECRUITER: 1, OWNER: 2}


def _role(user: "User", session: SessionBase) -> str | None:
    """The user's highest role at the employer they are working for (the session's choice)."""
    rows = list(
        Membership.objects.filter(user=user)
        .order_by("organization__name")
        .values_list("organization_id", "role")
    )
    if not rows:
        return None
    recruiting = [(org, role) for org, role in rows if role != INTERVIEWER]
    if not recruiting:
        return INTERVIEWER
    chosen = session.get("org")
    return next((role for org, role in recruiting if org == chosen), recruiting[0][1])


def _matches(view_name: str, pattern: str) -> bool:
    return view_name.startswith(pattern[:-1]) if pattern.endswith("*") else view_name == pattern


def _current(view_name: str, links: list[Link]) -> Link | None:
    """The exact link first, then the one whose pages these are (most specific pattern)."""
    for link in links:
        if link.url_name == view_name:
            return link
    owners = [(len(p), link) for link in links for p in link.owns if _matches(view_name, p)]
    return max(owners, key=lambda pair: pair[0])[1] if owners else None


@register.inclusion_tag("includes/staff_nav.html", takes_context=True)
def staff_nav(context: Context) -> dict[str, object]:
    request = context["request"]
    role = _role(request.user, request.session) if request.user.is_authenticated else None
    if role is None:
        return {"groups": []}
    allowed = [(g, [link for link in g.links if RANK[role] >= RANK[link.who]]) for g in MENU]
    allowed = [(g, links) for g, links in allowed if links]
    match = request.resolver_match
    current = _current(
        match.view_name if match else "", [link for _g, ls in allowed for link in ls]
    )
    groups = []
    for group, links in allowed:
        items = [
            {"label": link.label, "url": reverse(link.url_name), "current": link is current}
            for link in links
        ]
        if group.key == "settings" and settings.REILU_DEV_MAILBOX:
            items.append({"label": _("Dev mailbox"), "url": reverse("dev_mailbox")})
        groups.append(
            {
                "key": group.key,
                "label": group.label,
                "items": items,
                "current": any(i.get("current") for i in items),
            }
        )
    # An interviewer has one place to go: a plain link, not a one-item menu.
    return {"groups": groups, "single": role == INTERVIEWER, "current_path": request.path}
