"""Every staff form that edits an existing object, submitted unchanged, changes nothing.

The staff routes are read from the URL resolver, so a route added later must be listed here:
either as an edit form with a round-trip case, or with the reason it is not one. Each case
renders the real page with real data, parses its form and submits exactly the values a
browser would send (tests/htmlforms.py), then compares every row of every table before and
after. Fields that Django sets on every save (`auto_now`) are left out of the comparison: they
record when a save happened, not what the object says.
"""

import datetime as dt

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from reilu.employers.models import Membership
from reilu.interviews.criteria import criteria_for
from reilu.interviews.services.booking import booking_book
from reilu.interviews.services.scorecards import criteria_set, scorecard_submit
from reilu.jobs import services as job_services
from reilu.messaging.models import MessageTemplate
from reilu.privacy import services as privacy_services
from reilu.talent.models import OpenApplicationSettings
from tests.conftest import make_application, make_posting, make_staff
from tests.htmlforms import parse_forms
from tests.interviews.conftest import make_slot, to_interview

# Rows that are not the objects being edited: the signed-in session.
# The job list's version moves with every save of a posting, as updated_at does (auto_now
# fields are not compared either): it says "render the stored list again", not what changed.
NOT_COMPARED = {"sessions.Session", "jobs.ListVersion"}

SIX_DUTIES = [{"duty": f"Duty {n}", "percent": p} for n, p in enumerate([30, 20, 20, 10, 10, 10])]
SIX_STAGES = [
    {
        "name": f"Stage {n}",
        "kind": kind,
        "description": f"What stage {n} means.\nTwo lines, “quoted” & <marked>.",
        "promise_days": 2 + n,
    }
    for n, kind in enumerate(
        ["received", "screening", "interview", "assignment", "decision", "offer"]
    )
]


QUESTIONS = [
    {"text": "Do you hold a B driving licence?", "kind": "yes_no", "required": True},
    {"text": "Which tools, “quoted” & <marked>?", "kind": "many", "choices": "SQL\nPython"},
    {
        "text": "Years of Python",
        "kind": "number",
        "required": False,
        "requirement": "Python",
        "knockout": "2.5",
        "may_apply_anyway": False,
    },
    {"text": "SQL?", "kind": "yes_no", "requirement": "SQL", "knockout": "yes"},
    {"text": "Where?", "kind": "one", "choices": "Oulu\nHelsinki", "required": False},
    {"text": "One line about you", "kind": "short", "required": False},
    {"text": "Tell us more", "kind": "long", "required": False},
]


def staff_routes() -> dict[str, str]:
    """Every named route under /staff/, as namespace:name → route."""
    found = {}

    def walk(patterns, prefix, namespaces):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                spaces = namespaces + [pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, route, spaces)
            elif route.startswith("staff/"):
                found[":".join(namespaces + [pattern.name or f"<unnamed {route}>"])] = route

    walk(get_resolver().url_patterns, "", [])
    return found


def database_rows() -> dict[str, list[tuple]]:
    rows = {}
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label in NOT_COMPARED:
            continue
        fields = [f.attname for f in meta.concrete_fields if not getattr(f, "auto_now", False)]
        rows[meta.label] = list(model._base_manager.order_by("pk").values_list(*fields))
    return rows


# --- Cases: each builds real data and returns (signed-in client, page URL, submit button). ---


def _signed_in(client, user):
    client.force_login(user)
    return client


def posting_draft(client, org, recruiter):
    posting = make_posting(org, publish=False, duties=SIX_DUTIES)
    job_services.posting_update(posting=posting, data={}, stages=SIX_STAGES, questions=QUESTIONS)
    return _signed_in(client, recruiter), reverse("staff:posting_edit", args=[posting.pk]), "save"


def posting_published_with_applications(client, org, recruiter):
    posting = make_posting(org, duties=SIX_DUTIES)
    job_services.posting_update(posting=posting, data={}, stages=SIX_STAGES, questions=QUESTIONS)
    make_application(posting)
    return _signed_in(client, recruiter), reverse("staff:posting_edit", args=[posting.pk]), "save"


def template_custom(client, org, recruiter):
    MessageTemplate.objects.create(
        organization=org,
        kind="received",
        language="fi",
        subject="Kiitos hakemuksestasi: {posting}",
        body="Hei {first_name},\n\nsaimme hakemuksesi.\n\nStatus: {status_url}",
    )
    return (
        _signed_in(client, recruiter),
        reverse("staff:template_edit", args=["received", "fi"]),
        "save",
    )


def template_default(client, org, recruiter):
    return (
        _signed_in(client, recruiter),
        reverse("staff:template_edit", args=["moved", "sv"]),
        "save",
    )


def criteria(client, org, recruiter):
    posting = make_posting(org)
    criteria_set(posting=posting, lines=["Python", "Teamwork", "Clear writing"])
    return _signed_in(client, recruiter), reverse("interviews:criteria", args=[posting.pk]), 0


def scorecard(client, org, recruiter):
    posting = make_posting(org)
    app = to_interview(make_application(posting)[0])
    interviewer = make_staff(org, "ina@acme.example", role=Membership.Role.INTERVIEWER)
    slot = make_slot(posting, [interviewer, recruiter])
    booking_book(application=app, slot_id=slot.pk)
    ratings = {c.pk: (4, "Good, & clear") for c in criteria_for(posting)}
    scorecard_submit(application=app, interviewer=interviewer, ratings=ratings)
    return _signed_in(client, interviewer), reverse("interviews:scorecard", args=[app.pk]), 0


def open_settings(client, org, recruiter):
    OpenApplicationSettings.objects.create(
        organization=org,
        accepts=True,
        promise_days=10,
        contact_name="Laura Nieminen",
        contact_email="laura@acme.example",
        message="Tell us what you would like to do.\nWe answer everyone.",
    )
    return _signed_in(client, recruiter), reverse("talent:staff_open_settings"), 0


def privacy_notice(client, org, recruiter):
    owner = make_staff(org, "owner@acme.example", role=Membership.Role.OWNER)
    privacy_services.notice_publish(
        organization=org,
        texts={
            "fi": "Käsittelemme tietojasi.\nKysy lisää.",
            "sv": "Vi behandlar dina uppgifter.",
            "en": "We process your data.",
        },
        actor=owner,
    )
    return _signed_in(client, owner), reverse("privacy:notice"), 0


def application_promise(client, org, recruiter):
    posting = make_posting(org)
    app, _ = make_application(posting)
    return _signed_in(client, recruiter), reverse("staff:application", args=[app.pk]), 0


def org_settings_on(client, org, recruiter):
    org.anonymous_first_review = True
    org.save()
    owner = make_staff(org, "owner@acme.example", role=Membership.Role.OWNER)
    return _signed_in(client, owner), reverse("staff:org_settings"), 0


def org_settings_off(client, org, recruiter):
    owner = make_staff(org, "owner@acme.example", role=Membership.Role.OWNER)
    return _signed_in(client, owner), reverse("staff:org_settings"), 0


def posting_anonymous_with_applications(client, org, recruiter):
    posting = make_posting(org, duties=SIX_DUTIES, anonymous_review=True)
    make_application(posting)
    return _signed_in(client, recruiter), reverse("staff:posting_edit", args=[posting.pk]), "save"


# Route of the form's target → its cases. A page may hold several forms; the forms whose
# action resolves to the route are the ones submitted.
EDIT_FORMS = {
    "staff:posting_edit": [
        posting_draft,
        posting_published_with_applications,
        posting_anonymous_with_applications,
    ],
    "staff:org_settings": [org_settings_on, org_settings_off],
    "staff:template_edit": [template_custom, template_default],
    "interviews:criteria": [criteria],
    "interviews:scorecard": [scorecard],
    "talent:staff_open_settings": [open_settings],
    "privacy:notice": [privacy_notice],
    "staff:promise": [application_promise],
}

NOT_EDIT_FORMS = {
    "staff:login": "signs in",
    "staff:logout": "signs out",
    "staff:home": "a list; its employer switcher changes only the session",
    "staff:switch_org": "changes only the session",
    "staff:posting_new": "creates a posting (the same form as the editor, which is covered)",
    "staff:adcheck": "checks unsaved text and stores nothing",
    "staff:board": "a view; its forms are actions (publish, close, cancel, decide)",
    "staff:posting_publish": "an action",
    "staff:posting_close": "an action",
    "staff:posting_cancel": "an action",
    "staff:decide": "an action with a preview step",
    "staff:attention": "a list; its forms hand over or retry",
    "staff:retry_message": "an action",
    "staff:templates": "a list of templates",
    "staff:application": "a view; its promise form is covered as staff:promise",
    "staff:set_contact": "hands over to a chosen person (nothing preselected to keep)",
    "staff:delivery": "a view",
    "staff:cv": "a download",
    "staff:cv_preview": "the same file shown inline",
    "staff:cv_text": "the CV's text, a view",
    "staff:search": "a search (GET)",
    "staff:password_reset": "asks for a reset link; stores nothing but a message",
    "staff:password_reset_done": "a confirmation page",
    "staff:password_reset_confirm": "sets a new password (not an edit of shown values)",
    "staff:password_reset_complete": "a confirmation page",
    "staff:move": "an action",
    "staff:note": "adds a new note",
    "staff:answer": "adds a new message to the candidate (an empty form is refused)",
    "staff:document_request": "asks the candidate for a new document (a create form)",
    "staff:document_cancel": "an action (POST only)",
    "staff:document": "a download",
    "interviews:home": "a list",
    "interviews:report": "a view",
    "interviews:feedback_list": "a list",
    "interviews:feedback_done": "an action",
    "interviews:slots": "creates new slots; existing ones can only be deleted",
    "interviews:slot_delete": "a confirmation page, then an action",
    "interviews:prepare": "a confirmation button",
    "interviews:cv": "a download",
    "interviews:first_review": "scores once: first-review scores are final (blind scoring)",
    "voice:reviews": "a list; its forms reply once, hide or keep",
    "voice:review_reply": "adds the one reply a review may get",
    "voice:review_hide": "an action",
    "voice:review_keep": "an action",
    "voice:analytics": "a view",
    "voice:posting_analytics": "a view",
    "talent:staff_search": "a search (GET)",
    "talent:staff_profile": "sends a new contact request",
    "talent:staff_profile_cv": "a download",
    "talent:staff_requests": "a list",
    "talent:staff_open_inbox": "a list",
    "talent:staff_open_detail": "sends a new answer",
    "privacy:audit": "a log with a GET filter",
    "privacy:erasures": "a list",
}


def test_every_staff_route_is_known():
    routes = set(staff_routes())
    assert routes, "the resolver walk found no staff routes"
    unknown = routes - set(EDIT_FORMS) - set(NOT_EDIT_FORMS)
    assert not unknown, (
        f"New staff routes {sorted(unknown)}: add a round-trip case to EDIT_FORMS if the page "
        "edits an existing object, or say in NOT_EDIT_FORMS why it does not."
    )
    assert not (set(EDIT_FORMS) | set(NOT_EDIT_FORMS)) - routes, "stale entries"
    assert not set(EDIT_FORMS) & set(NOT_EDIT_FORMS)


CASES = [(route, case) for route, cases in EDIT_FORMS.items() for case in cases]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize(("route", "case"), CASES, ids=[f"{r}-{c.__name__}" for r, c in CASES])
def test_an_unchanged_form_changes_nothing(db, client, org, recruiter, route, case, language):
    # Numbers, dates and choices render per language: each must come back as it went out.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client, url, button = case(client, org, recruiter)
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()
    forms = [
        form
        for form in parse_forms(response.content.decode())
        if form.method == "post" and resolve(form.action or url).view_name == route
    ]
    assert forms, f"no form on {url} posts to {route}"
    for form in forms:
        before = database_rows()
        answer = client.post(form.action or url, form.data(button=button))
        assert answer.status_code in (200, 302), answer.content.decode()[:2000]
        after = database_rows()
        changed = {t: (before[t], after[t]) for t in before if before[t] != after[t]}
        assert not changed, f"submitting {url} unchanged changed {changed}"


def test_the_posting_round_trip_sees_duties_and_stages(db, client, org, recruiter):
    """The comparison would notice the editor bug: stages dropped by an unchanged save."""
    client, url, _ = posting_draft(client, org, recruiter)
    (form,) = [
        f
        for f in parse_forms(client.get(url).content.decode())
        if f.attrs.get("id") == "posting-form"
    ]
    data = form.data(button="save")
    assert data["stages-TOTAL_FORMS"] == ["7"] and data["duties-TOTAL_FORMS"] == ["8"]
    before = database_rows()
    data["stages-5-DELETE"] = ["on"]
    client.post(url, data)
    assert database_rows()["jobs.Stage"] != before["jobs.Stage"]


def test_the_promise_form_is_a_change_when_the_date_changes(db, client, org, recruiter):
    client, url, _ = application_promise(client, org, recruiter)
    (form,) = [
        f for f in parse_forms(client.get(url).content.decode()) if f.action.endswith("/promise/")
    ]
    data = form.data()
    later = timezone.localdate() + dt.timedelta(days=30)
    data["promised_by"] = [later.isoformat()]
    client.post(form.action, data)
    from reilu.applications.models import Application

    assert Application.objects.get().promised_by == later


def test_the_employer_settings_round_trip_sees_the_anonymous_review(db, client, org, recruiter):
    """Unticking the box is a change: the comparison above would notice a lost setting."""
    from reilu.employers.models import Organization

    client, url, _ = org_settings_on(client, org, recruiter)
    (form,) = [
        f
        for f in parse_forms(client.get(url).content.decode())
        if f.method == "post" and not f.action
    ]
    data = form.data()
    assert data["anonymous_first_review"] == ["on"]
    del data["anonymous_first_review"]
    assert client.post(url, data).status_code == 302
    assert Organization.objects.get(pk=org.pk).anonymous_first_review is False
