"""The privacy actions rule by rule: what an export holds and in what shape, whose data an
erasure removes and what it keeps, and who the audit log names.

Written from the mutants that survived the module's tests (docs/testing.md, "erasure").
"""

import datetime as dt
import io
import json
import zipfile

import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reilu.applications import services as app_services
from reilu.applications.models import Application, Event
from reilu.jobs.models import JobAlert
from reilu.privacy.models import AuditEvent, ErasureRecord, PrivacyNotice
from reilu.privacy.services import (
    application_erase,
    application_export,
    audit_record,
    erase_due,
    notice_publish,
)
from tests.conftest import PDF_BYTES, make_application, make_org, make_posting, make_staff


def exported(application, actor=None) -> tuple[dict, str, zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(application_export(application=application, actor=actor)))
    text = archive.read("data.json").decode()
    return json.loads(text), text, archive


def alert(org, email: str) -> JobAlert:
    return JobAlert.objects.create(
        organization=org, email=email, email_key=email.lower(), language="fi"
    )


# --- The export -----------------------------------------------------------------------------


def test_the_export_names_the_controller_and_the_notice_the_candidate_accepted(posting, org):
    org.business_id = "1234567-8"
    org.save()
    notice_publish(organization=org, texts={"fi": "Seloste 1", "sv": "Beskr 1", "en": "Notice 1"})
    app = make_application(posting, email="aino@example.fi", language="fi")[0]
    Application.objects.filter(pk=app.pk).update(privacy_notice_version=1)
    notice_publish(organization=org, texts={"fi": "Seloste 2", "sv": "Beskr 2", "en": "Notice 2"})
    app = Application.objects.get(pk=app.pk)
    now = timezone.now()
    # data.json gives times to the millisecond (DjangoJSONEncoder), so compare at that precision.
    before = now.replace(microsecond=now.microsecond // 1000 * 1000)
    data, _text, _archive = exported(app)
    assert set(data) == {
        "exported_at",
        "controller",
        "application",
        "answers",
        "privacy_notice",
        "events",
        "conversation",
        "document_requests",
        "messages",
        "access_log",
        "promises",
        "status_links",
        "job_alerts",
        "extra",
    }
    assert dt.datetime.fromisoformat(data["exported_at"]) >= before
    assert data["controller"] == {
        "name": "Acme Oy",
        "business_id": "1234567-8",
        "website": "https://acme.example",
    }
    # The version the candidate accepted, in the candidate's language, not the newest.
    assert data["privacy_notice"] == {"version": 1, "text": "Seloste 1"}
    assert data["application"]["stage_name"] == app.stage.name
    # Every stored column, the CV's stored path too (the file itself is in the archive).
    assert data["application"]["cv"] == app.cv.name != ""
    assert data["application"]["outcome_label"] == "In process"


def test_an_application_without_a_recorded_notice_exports_no_notice_text(application):
    Application.objects.filter(pk=application.pk).update(privacy_notice_version=None)
    Application.objects.filter(pk=application.pk).update(cv="")
    data, _text, _archive = exported(Application.objects.get(pk=application.pk))
    assert data["privacy_notice"] == {"version": None, "text": ""}
    assert data["application"]["cv"] == ""


def test_the_default_notice_is_exported_in_the_candidates_language(posting):
    app = make_application(posting, email="sv@example.fi", language="sv")[0]
    Application.objects.filter(pk=app.pk).update(privacy_notice_version=0)
    data, _text, _archive = exported(Application.objects.get(pk=app.pk))
    assert data["privacy_notice"]["version"] == 0
    assert "dataombudsmannen" in data["privacy_notice"]["text"]


def test_the_exported_history_names_stages_and_staff(application, org):
    staff = make_staff(org, "pia@acme.example")
    staff.first_name, staff.last_name = "Pia", "Pomo"
    staff.save()
    nameless = make_staff(org, "nameless@acme.example")
    app_services.application_move(application=application, actor=staff)
    app_services.application_add_note(application=application, text="Ok", actor=nameless)
    data, _text, _archive = exported(Application.objects.get(pk=application.pk))
    assert [(e["kind"], e["label"], e["stage_name"], e["actor_name"]) for e in data["events"]] == [
        ("applied", "Application received", "Received", None),
        ("moved", "Moved to a new stage", "Screening", "Pia Pomo"),
        ("note", "Internal note", None, "nameless@acme.example"),
    ]


def test_the_export_lists_links_and_only_this_employers_alerts_for_this_email(posting, org):
    app = make_application(posting, email="Aino@Example.fi")[0]
    mine = alert(org, "aino@example.fi")
    alert(org, "someone@example.fi")
    alert(make_org("other", "Other Oy"), "aino@example.fi")
    data, _text, _archive = exported(app)
    assert [a["id"] for a in data["job_alerts"]] == [mine.pk]
    assert len(data["status_links"]) == app.access_tokens.count() == 1
    assert set(data["status_links"][0]) == {"created_at"}


def test_an_erased_application_exports_no_ones_alerts(posting, org):
    app = make_application(posting)[0]
    alert(org, "someone@example.fi")
    Application.objects.filter(pk=app.pk).update(email_key="")
    data, _text, _archive = exported(Application.objects.get(pk=app.pk))
    assert data["job_alerts"] == []


def test_the_access_log_says_who_acted_without_naming_staff(client, application, org, recruiter):
    other = make_application(application.posting, email="other@example.fi")[0]
    audit_record(organization=org, action="view_application", obj=application, actor=recruiter)
    audit_record(organization=org, action="view_application", obj=other, actor=recruiter)
    elsewhere = make_org("other", "Other Oy")
    audit_record(organization=elsewhere, action="view_application", obj=application, actor=None)
    audit_record(organization=org, action="view_application", obj=org, actor=None)
    application_export(application=application)  # the candidate's own export, logged
    data, _text, _archive = exported(application)
    log = data["access_log"]
    assert [(e["action"], e["label"], e["by"]) for e in log] == [
        ("view_application", "Viewed an application", "staff"),
        ("export", "Exported personal data", "candidate or system"),
    ]
    assert all(set(e) == {"action", "label", "by", "at"} for e in log)
    assert "rec@acme.example" not in json.dumps(log)


def test_the_export_file_is_readable_compressed_and_names_the_cv_safely(application):
    Application.objects.filter(pk=application.pk).update(
        name="Äijä Öhman", cv_name="../my\\cv/2026.pdf"
    )
    app = Application.objects.get(pk=application.pk)
    _data, text, archive = exported(app)
    assert '"name": "Äijä Öhman"' in text
    assert text.startswith('{\n  "exported_at": ')
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in archive.infolist())
    assert archive.read(".._my_cv_2026.pdf".join(["cv/", ""])) == PDF_BYTES
    Application.objects.filter(pk=app.pk).update(cv_name="")
    _data, _text, archive = exported(Application.objects.get(pk=app.pk))
    assert archive.read("cv/cv") == PDF_BYTES


def test_a_staff_export_is_logged_under_the_staff_member(application, recruiter):
    application_export(application=application, actor=recruiter)
    event = AuditEvent.objects.get(action="export")
    assert (event.actor, event.actor_label) == (recruiter, "rec@acme.example")


def test_an_anonymous_visitor_is_logged_as_nobody(application, org):
    event = audit_record(
        organization=org, action="view_application", obj=application, actor=AnonymousUser()
    )
    assert (event.actor, event.actor_label) == (None, "")


def test_listing_applications_in_the_api_logs_each_one_under_its_reader(
    client, posting, org, recruiter, api_token
):
    apps = [make_application(posting, email=f"l{i}@example.fi")[0] for i in range(2)]
    response = client.get(
        f"/api/v1/postings/{posting.pk}/applications",
        HTTP_AUTHORIZATION=f"Bearer {api_token}",
    )
    assert response.status_code == 200
    logged = AuditEvent.objects.filter(action="list_application").order_by("object_id")
    assert [(e.object_type, e.object_id) for e in logged] == [
        ("application", str(a.pk)) for a in sorted(apps, key=lambda a: a.pk)
    ]
    assert {(e.organization, e.actor, e.actor_label) for e in logged} == {
        (org, recruiter, "rec@acme.example")
    }


# --- Notices ------------------------------------------------------------------------------


def test_a_published_notice_is_signed_by_its_author(org):
    owner = make_staff(org, "owner@acme.example")
    notice = notice_publish(
        organization=org,
        texts={"fi": "Suomeksi", "sv": "På svenska", "en": "In English"},
        actor=owner,
    )
    stored = PrivacyNotice.objects.get(pk=notice.pk)
    assert (stored.text_fi, stored.text_sv, stored.text_en) == (
        "Suomeksi",
        "På svenska",
        "In English",
    )
    assert stored.created_by == owner
    assert AuditEvent.objects.get(action="notice").actor == owner


def test_the_version_the_candidate_read_is_recorded_even_when_a_newer_one_came(client, posting):
    org = posting.organization
    notice_publish(organization=org, texts={"fi": "a1", "sv": "b1", "en": "c1"})
    notice_publish(organization=org, texts={"fi": "a2", "sv": "b2", "en": "c2"})
    response = client.post(
        f"/jobs/{posting.slug}/apply/",
        {
            "name": "Aino Korhonen",
            "email": "aino@example.fi",
            "language": "en",
            "privacy_consent": "on",
            "privacy_notice_version": "1",
            "cv": SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    assert Application.objects.get().privacy_notice_version == 1


# --- Erasure ------------------------------------------------------------------------------


def test_a_candidates_erasure_takes_their_alerts_with_this_employer_only(posting, org):
    app = make_application(posting)[0]
    alert(org, "aino@example.fi")
    theirs = alert(make_org("other", "Other Oy"), "aino@example.fi")
    someone = alert(org, "someone@example.fi")
    application_erase(application=app, reason=ErasureRecord.Reason.CANDIDATE)
    assert set(JobAlert.objects.values_list("pk", flat=True)) == {theirs.pk, someone.pk}


def test_an_erasure_at_the_end_of_retention_leaves_job_alerts_alone(posting, org):
    app = make_application(posting)[0]
    kept = alert(org, "aino@example.fi")
    app_services.applications_decide(organization=org, application_ids=[app.pk], outcome="rejected")
    application_erase(application=app, reason=ErasureRecord.Reason.RETENTION)
    assert list(JobAlert.objects.values_list("pk", flat=True)) == [kept.pk]


def test_erasing_an_active_application_ends_it_where_it_stood(application, recruiter):
    app_services.application_move(application=application)
    application_erase(application=application, reason="staff", actor=recruiter)
    app = Application.objects.get(pk=application.pk)
    event = Event.objects.get(application=app, kind="withdrawn")
    assert event.stage == app.stage and event.stage.kind == "screening"
    assert not app.talent_consent and app.cv.name == "" and app.cv_name == ""
    erase = AuditEvent.objects.get(action="erase")
    assert (erase.actor, erase.object_id) == (recruiter, str(app.pk))


def test_erasure_withdraws_the_talent_consent(posting):
    app, _raw = app_services.application_submit(
        posting=posting,
        name="T T",
        email="t@example.fi",
        language="en",
        privacy_consent=True,
        talent_consent=True,
    )
    application_erase(application=app, reason="candidate")
    assert Application.objects.get(pk=app.pk).talent_consent is False


def test_the_sweep_erases_the_longest_decided_first_and_as_of_its_time(posting, org):
    org.retention_months = 1
    org.save()
    start = timezone.now()
    later, earlier = (make_application(posting, email=f"{k}@example.fi")[0] for k in "ab")
    for app, when in ((earlier, start), (later, start + dt.timedelta(days=3))):
        with time_machine.travel(when, tick=False):
            app_services.applications_decide(
                organization=org, application_ids=[app.pk], outcome="rejected"
            )
    assert erase_due() == 0  # nothing is due today
    in_two_months = start + dt.timedelta(days=62)
    assert erase_due(now=in_two_months, limit=1) == 1
    assert Application.objects.get(pk=earlier.pk).erased_at is not None
    assert Application.objects.get(pk=later.pk).erased_at is None
    assert erase_due(now=in_two_months) == 1
    assert list(ErasureRecord.objects.values_list("reason", flat=True)) == ["retention"] * 2


def test_a_posting_elsewhere_is_not_touched_by_an_erasure(org, posting):
    other = make_posting(org, title="Other job")
    mine, theirs = make_application(posting)[0], make_application(other)[0]
    application_erase(application=mine, reason="candidate")
    assert Application.objects.get(pk=theirs.pk).name == "Aino Korhonen"


def test_a_listing_by_a_signed_in_reader_is_logged_under_them(application, org, recruiter):
    from reilu.privacy.services import audit_listed

    audit_listed(organization=org, applications=[application], actor=recruiter)
    [logged] = AuditEvent.objects.filter(action="list_application")
    assert (logged.actor, logged.actor_label, logged.object_id) == (
        recruiter,
        "rec@acme.example",
        str(application.pk),
    )


def test_a_listing_without_a_signed_in_reader_is_logged_as_nobody(application, org):
    from reilu.privacy.services import audit_listed

    audit_listed(organization=org, applications=[application], actor=None)
    audit_listed(organization=org, applications=[application], actor=AnonymousUser())
    logged = AuditEvent.objects.filter(action="list_application")
    assert [(e.actor, e.actor_label) for e in logged] == [(None, ""), (None, "")]


def test_an_owner_is_told_only_of_their_own_coming_erasures(posting, org):
    from reilu.privacy.retention import upcoming_erasures

    org.retention_months = 1
    org.save()
    other_org = make_org("other", "Other Oy")
    other_org.retention_months = 1
    other_org.save()
    mine, erased = (make_application(posting, email=f"{k}@example.fi")[0] for k in "ab")
    theirs = make_application(make_posting(other_org, title="Their job"))[0]
    for app, owner in ((mine, org), (erased, org), (theirs, other_org)):
        app_services.applications_decide(
            organization=owner, application_ids=[app.pk], outcome="rejected"
        )
    application_erase(application=erased, reason="candidate")
    soon = timezone.now() + dt.timedelta(days=25)
    assert list(upcoming_erasures(org, now=soon)) == [Application.objects.get(pk=mine.pk)]
