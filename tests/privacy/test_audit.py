"""The audit log: who saw, exported or erased whose data; append-only; owners read it."""

import re

import pytest
from django.contrib import admin

from reilu.employers.models import Membership
from reilu.privacy.models import AuditEvent
from reilu.privacy.services import audit_record
from tests.conftest import make_staff


def rows_of(page) -> list[list[str]]:
    """The audit table's rows as the owner reads them (cell texts)."""
    body = page.content.decode().split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


@pytest.fixture
def owner_client(client, org):
    client.force_login(make_staff(org, "owner@acme.example", role=Membership.Role.OWNER))
    return client


def test_it_records_each_view_of_an_application_and_cv(staff_client, application, recruiter):
    staff_client.get(f"/staff/applications/{application.pk}/")
    response = staff_client.get(f"/staff/applications/{application.pk}/cv/")
    b"".join(response.streaming_content)
    rows = list(AuditEvent.objects.order_by("id").values_list("actor", "action", "object_id"))
    assert rows == [
        (recruiter.pk, "view_application", str(application.pk)),
        (recruiter.pk, "download_cv", str(application.pk)),
    ]
    assert AuditEvent.objects.first().actor_label == recruiter.username


def test_it_records_nothing_when_access_is_refused(client, application, outsider):
    client.force_login(outsider)
    assert client.get(f"/staff/applications/{application.pk}/").status_code == 404
    assert not AuditEvent.objects.exists()


def test_it_refuses_to_change_or_delete_entries(application):
    event = audit_record(
        organization=application.posting.organization, action="view_application", obj=application
    )
    event.action = "erase"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="erase")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "view_application"


def test_the_admin_shows_it_read_only(rf, admin_user):
    model_admin = admin.site._registry[AuditEvent]
    request = rf.get("/admin/")
    request.user = admin_user
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_only_the_owner_reads_it(client, staff_client, org, application, recruiter):
    staff_client.get(f"/staff/applications/{application.pk}/")  # recorded
    refused = staff_client.get("/staff/privacy/audit/")  # a recruiter
    assert refused.status_code == 404 and recruiter.username not in refused.content.decode()
    staff_client.logout()
    client.force_login(make_staff(org, "owner@acme.example", role=Membership.Role.OWNER))
    page = client.get("/staff/privacy/audit/")
    assert page.status_code == 200
    rows = rows_of(page)
    assert len(rows) == 1
    assert rows[0][1:] == [
        recruiter.username,
        "Viewed an application",
        f"application #{application.pk}",
    ]


def test_it_filters_and_pages(owner_client, org, application, recruiter, other_org):
    for _ in range(60):
        audit_record(organization=org, action="view_application", obj=application, actor=recruiter)
    audit_record(organization=org, action="export", obj=application)
    audit_record(organization=other_org, action="erase", obj=application)
    first = owner_client.get("/staff/privacy/audit/")
    assert first.context["page"].paginator.count == 61
    assert len(first.context["page"].object_list) == 50
    second = owner_client.get("/staff/privacy/audit/?page=2")
    assert len(second.context["page"].object_list) == 11
    exports = owner_client.get("/staff/privacy/audit/?action=export")
    assert [e.action for e in exports.context["page"]] == ["export"]
    mine = owner_client.get(f"/staff/privacy/audit/?actor={recruiter.username}")
    assert mine.context["page"].paginator.count == 60
    dated = owner_client.get("/staff/privacy/audit/?since=2000-01-01&until=2000-12-31")
    assert dated.context["page"].paginator.count == 0
    bad = owner_client.get("/staff/privacy/audit/?since=2000-99-99&page=x")
    # A broken date is no filter and a broken page number is the first page: all 61, 50 shown.
    assert bad.status_code == 200 and bad.context["page"].paginator.count == 61
    assert bad.context["page"].number == 1 and len(rows_of(bad)) == 50


def test_the_page_is_constant_in_queries(
    owner_client, org, application, recruiter, django_assert_max_num_queries
):
    for _ in range(40):
        audit_record(organization=org, action="view_application", obj=application, actor=recruiter)
    with django_assert_max_num_queries(12):
        page = owner_client.get("/staff/privacy/audit/")
    assert page.status_code == 200 and len(rows_of(page)) == 40
    assert {row[1] for row in rows_of(page)} == {recruiter.username}
