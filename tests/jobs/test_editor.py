"""The posting editor driven through its real form: the page is rendered, its form parsed, and
the values a browser would send are submitted (changed only where a person would type)."""

import pytest

from reilu.jobs.models import Posting, Stage
from tests.conftest import make_application, make_posting
from tests.htmlforms import parse_forms

pytestmark = pytest.mark.django_db

SIX_DUTIES = [
    {"duty": f"Duty number {n}", "percent": p} for n, p in enumerate([30, 20, 20, 10, 10, 10])
]
SIX_STAGES = [
    {
        "name": f"Step {n}",
        "kind": kind,
        "description": f"What happens in step {n}.",
        "promise_days": 3 + n,
    }
    for n, kind in enumerate(
        ["received", "screening", "interview", "assignment", "decision", "offer"]
    )
]


def editor_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    (form,) = [
        f for f in parse_forms(response.content.decode()) if f.attrs.get("id") == "posting-form"
    ]
    return form.data(button="save")


def snapshot(posting):
    posting = Posting.objects.get(pk=posting.pk)
    return (
        [(d.pk, d.duty, d.percent, d.position) for d in posting.duties.all()],
        [
            (s.pk, s.name, s.kind, s.description, s.promise_days, s.position)
            for s in posting.stages.all()
        ],
    )


def set_value(data, name, value):
    data[name] = [value]


@pytest.mark.parametrize("publish", [False, True], ids=["draft", "published"])
def test_saving_unchanged_keeps_every_duty_and_stage(staff_client, org, publish):
    posting = make_posting(org, publish=publish, duties=SIX_DUTIES)
    services_stages(posting)
    before = snapshot(posting)
    url = f"/staff/postings/{posting.pk}/edit/"
    response = staff_client.post(url, editor_form(staff_client, url))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert snapshot(posting) == before
    # The reloaded editor shows them all again.
    data = editor_form(staff_client, url)
    assert [data[f"duties-{i}-duty"][0] for i in range(6)] == [d["duty"] for d in SIX_DUTIES]
    assert [data[f"stages-{i}-name"][0] for i in range(6)] == [s["name"] for s in SIX_STAGES]


def services_stages(posting):
    from reilu.jobs import services

    services.posting_update(posting=posting, data={}, stages=SIX_STAGES)


def test_changing_only_the_description_of_a_published_posting(staff_client, client, org):
    posting = make_posting(org, duties=SIX_DUTIES)
    services_stages(posting)
    before = snapshot(posting)
    url = f"/staff/postings/{posting.pk}/edit/"
    data = editor_form(staff_client, url)
    set_value(data, "description", "A new description of the job, nothing else changed.")
    response = staff_client.post(url, data)
    assert response.status_code == 302
    posting.refresh_from_db()
    assert posting.description == "A new description of the job, nothing else changed."
    assert posting.state == Posting.State.PUBLISHED
    assert snapshot(posting) == before
    page = client.get(f"/jobs/{posting.slug}/").content.decode()
    assert "A new description of the job, nothing else changed." in page
    for row in SIX_DUTIES + SIX_STAGES:
        assert row.get("duty", row.get("name")) in page


def test_an_error_then_the_fix_keeps_everything_entered(staff_client, org):
    new = editor_form(staff_client, "/staff/postings/new/")
    # Four default stages and one spare; two spare duty rows.
    assert new["stages-TOTAL_FORMS"] == ["5"] and new["duties-TOTAL_FORMS"] == ["2"]
    from tests.conftest import posting_data

    for key, value in posting_data().items():
        set_value(new, key, str(value))
    set_value(new, "duties-0-duty", "Coding")
    set_value(new, "duties-0-percent", "60")
    set_value(new, "duties-1-duty", "Reviews")
    set_value(new, "duties-1-percent", "30")
    set_value(new, "stages-1-name", "First look")
    set_value(new, "stages-4-name", "Job offer")
    set_value(new, "stages-4-kind", "offer")
    set_value(new, "pay_max", "100")  # lower than the lowest: the form is refused
    response = staff_client.post("/staff/postings/new/", {**new, "publish": ["1"]})
    assert response.status_code == 400
    assert "The highest pay must not be lower than the lowest." in response.content.decode()
    assert not Posting.objects.exists()
    again = [
        f for f in parse_forms(response.content.decode()) if f.attrs.get("id") == "posting-form"
    ][0]
    again = again.data(button="publish")
    for key in (
        "duties-0-duty",
        "duties-1-percent",
        "stages-1-name",
        "stages-4-name",
        "stages-4-kind",
        "title",
    ):
        assert again[key] == new[key]

    set_value(again, "pay_max", "5200")
    response = staff_client.post("/staff/postings/new/", again)
    posting = Posting.objects.get()
    # Saved, but the duties add up to 90 %: not published, sent back to the editor.
    assert response.status_code == 302 and response.url == f"/staff/postings/{posting.pk}/edit/"
    assert posting.state == Posting.State.DRAFT
    page = staff_client.get(response.url).content.decode()
    assert "add up to 90" in page
    fixed = [f for f in parse_forms(page) if f.attrs.get("id") == "posting-form"][0].data(
        button="publish"
    )
    assert fixed["duties-1-duty"] == ["Reviews"]
    set_value(fixed, "duties-1-percent", "40")
    response = staff_client.post(response.url, fixed)
    assert response.status_code == 302 and response.url == f"/staff/postings/{posting.pk}/"
    posting.refresh_from_db()
    assert posting.state == Posting.State.PUBLISHED
    assert [(d.duty, d.percent) for d in posting.duties.all()] == [("Coding", 60), ("Reviews", 40)]
    assert [(s.name, s.kind) for s in posting.stages.all()] == [
        ("Received", "received"),
        ("First look", "screening"),
        ("Interview", "interview"),
        ("Decision", "decision"),
        ("Job offer", "offer"),
    ]


def test_rows_can_be_removed_and_added_without_javascript(staff_client, org):
    posting = make_posting(org, publish=False)
    url = f"/staff/postings/{posting.pk}/edit/"
    data = editor_form(staff_client, url)
    # Two duties and two spare rows, four stages and one spare.
    assert data["duties-TOTAL_FORMS"] == ["4"] and data["stages-TOTAL_FORMS"] == ["5"]
    set_value(data, "duties-1-DELETE", "on")
    set_value(data, "duties-0-percent", "100")
    set_value(data, "duties-2-duty", "Mentoring")
    set_value(data, "duties-2-percent", "0")
    set_value(data, "stages-2-DELETE", "on")
    set_value(data, "stages-4-name", "Offer")
    set_value(data, "stages-4-kind", "offer")
    response = staff_client.post(url, data)
    assert response.status_code == 400  # 0 % is not a share of working time
    set_value(data, "duties-2-percent", "20")
    set_value(data, "duties-0-percent", "80")
    assert staff_client.post(url, data).status_code == 302
    assert [(d.duty, d.percent) for d in posting.duties.all()] == [
        ("Coding", 80),
        ("Mentoring", 20),
    ]
    assert [s.name for s in posting.stages.all()] == ["Received", "Screening", "Decision", "Offer"]


def test_stages_with_applications_keep_their_identity(staff_client, org):
    posting = make_posting(org)
    application, _ = make_application(posting)
    stages = list(posting.stages.all())
    url = f"/staff/postings/{posting.pk}/edit/"
    page = staff_client.get(url).content.decode()
    assert 'name="stages-0-DELETE"' not in page  # the stage holding the application
    assert 'name="stages-1-DELETE"' in page
    data = editor_form(staff_client, url)
    set_value(data, "stages-0-name", "Arrived")
    set_value(data, "stages-0-promise_days", "5")
    set_value(data, "stages-2-DELETE", "on")
    set_value(data, "stages-4-name", "Offer")
    set_value(data, "stages-4-kind", "offer")
    assert staff_client.post(url, data).status_code == 302
    after = list(posting.stages.all())
    assert [s.name for s in after] == ["Arrived", "Screening", "Decision", "Offer"]
    assert after[0].pk == stages[0].pk and after[0].promise_days == 5
    assert after[2].pk == stages[3].pk
    application.refresh_from_db()
    assert application.stage_id == stages[0].pk


def test_a_stage_with_applications_cannot_be_removed_by_a_forged_form(staff_client, org):
    posting = make_posting(org)
    make_application(posting)
    before = snapshot(posting)
    url = f"/staff/postings/{posting.pk}/edit/"
    data = editor_form(staff_client, url)
    set_value(data, "stages-0-DELETE", "on")
    set_value(data, "description", "Changed at the same time.")
    response = staff_client.post(url, data)
    assert response.status_code == 400
    assert "The stage “Received” has applications in it, so it cannot be removed." in (
        response.content.decode()
    )
    assert snapshot(posting) == before
    assert Posting.objects.get(pk=posting.pk).description == "Build honest software."


def test_a_stage_of_another_posting_cannot_be_taken_over(staff_client, org, other_org):
    mine = make_posting(org, publish=False)
    theirs = make_posting(other_org)
    foreign = theirs.stages.first()
    url = f"/staff/postings/{mine.pk}/edit/"
    data = editor_form(staff_client, url)
    set_value(data, "stages-0-id", str(foreign.pk))
    set_value(data, "stages-0-name", "Hijacked")
    assert staff_client.post(url, data).status_code == 302
    foreign.refresh_from_db()
    assert foreign.name == "Received" and foreign.posting_id == theirs.pk
    assert mine.stages.filter(name="Hijacked").exists()
    assert Stage.objects.filter(posting=theirs).count() == 4


def test_the_editor_of_another_employer_is_not_found(staff_client, other_org):
    theirs = make_posting(other_org)
    url = f"/staff/postings/{theirs.pk}/edit/"
    assert staff_client.get(url).status_code == 404
    assert staff_client.post(url, {"title": "Mine now"}).status_code == 404


def test_a_refused_edit_of_a_published_posting_keeps_everything_entered(staff_client, org):
    posting = make_posting(org, duties=SIX_DUTIES)
    services_stages(posting)
    before = snapshot(posting)
    url = f"/staff/postings/{posting.pk}/edit/"
    data = editor_form(staff_client, url)
    set_value(data, "description", "Rewritten while the ad is live.")
    set_value(data, "duties-0-percent", "20")  # the shares now add up to 90 %
    set_value(data, "stages-2-name", "Meet the team")
    set_value(data, "duties-6-duty", "Coffee")
    set_value(data, "duties-6-percent", "5")
    response = staff_client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "The duties&#x27; shares of working time add up to 95 %, not 100 %." in page
    assert snapshot(posting) == before  # nothing half-saved
    assert Posting.objects.get(pk=posting.pk).description == "Build honest software."
    (form,) = [f for f in parse_forms(page) if f.attrs.get("id") == "posting-form"]
    again = form.data(button="save")
    # Every value comes back as entered (the CSRF token is masked afresh on each page).
    assert {k: v for k, v in again.items() if k != "csrfmiddlewaretoken"} == {
        k: v for k, v in data.items() if k != "csrfmiddlewaretoken"
    }
    set_value(again, "duties-0-percent", "25")
    assert staff_client.post(url, again).status_code == 302
    posting.refresh_from_db()
    assert posting.description == "Rewritten while the ad is live."
    assert [d.percent for d in posting.duties.all()] == [25, 20, 20, 10, 10, 10, 5]
    assert [s.name for s in posting.stages.all()][2] == "Meet the team"
    assert [s.pk for s in posting.stages.all()] == [row[0] for row in before[1]]


def test_a_new_posting_with_a_field_error_lists_every_error_at_the_top(staff_client, org):
    url = "/staff/postings/new/"
    data = editor_form(staff_client, url)
    for name, value in {
        "title": "Kirjanpitäjä",
        "location": "Oulu",
        "description": "Kirjanpitoa pienyrityksille.",
        "pay_min": "3000",
        "pay_max": "2800",
        "contact_name": "Kaisa Lindroos",
        "contact_email": "kaisa@acme.example",
        "apply_by": "2030-01-10",
        "decision_by": "2030-01-30",
        "duties-0-duty": "Kirjanpito",
        "duties-0-percent": "120",
    }.items():
        set_value(data, name, value)
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    html = response.content.decode()
    summary = html[
        html.index('id="error-summary"') : html.index("</div>", html.index("error-summary"))
    ]
    assert 'href="#id_pay_max"' in summary
    assert 'href="#id_duties-0-percent"' in summary
    assert "<title>Error:" in html
    # The sidebar judges what was entered: the filled fields are not reported missing.
    assert "Give the job a title." not in html
    assert "Name a contact person candidates can ask." not in html
    assert not Posting.objects.filter(organization=org).exists()


def test_a_posting_whose_deadline_has_passed_cannot_be_published(staff_client, org):
    import datetime as dt

    from django.utils import timezone

    posting = make_posting(org, publish=False)
    Posting.objects.filter(pk=posting.pk).update(
        apply_by=timezone.localdate() - dt.timedelta(days=1)
    )
    url = f"/staff/postings/{posting.pk}/edit/"
    data = editor_form(staff_client, url)
    data["publish"] = ["1"]
    data.pop("save", None)
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert "The application deadline has passed" in response.content.decode()
    assert Posting.objects.get(pk=posting.pk).state == Posting.State.DRAFT


STAGE_ORDER = {
    "en": "The stage “Received again” is of the kind “Received”, which only the first stage",
    "fi": "Vaihe ”Received again” on tyyppiä ”Vastaanotettu”, joka voi olla vain ensimmäinen",
    "sv": "Skedet ”Received again” är av typen ”Mottagen”, som bara det första skedet",
}


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_a_received_stage_after_the_decision_is_refused_with_a_clear_message(
    staff_client, org, language
):
    posting = make_posting(org, publish=False)
    before = snapshot(posting)
    url = f"/staff/postings/{posting.pk}/edit/"
    page = staff_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    (form,) = [f for f in parse_forms(page) if f.attrs.get("id") == "posting-form"]
    data = form.data(button="save")
    assert data["stages-3-kind"] == ["decision"]
    set_value(data, "stages-4-name", "Received again")
    set_value(data, "stages-4-kind", "received")
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    html = response.content.decode()
    summary = html[html.index('id="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert STAGE_ORDER[language] in summary
    assert snapshot(posting) == before


def test_stages_after_the_decision_may_only_be_offers(staff_client, org):
    posting = make_posting(org, publish=False)
    url = f"/staff/postings/{posting.pk}/edit/"
    data = editor_form(staff_client, url)
    set_value(data, "stages-4-name", "Trial day")
    set_value(data, "stages-4-kind", "assignment")
    response = staff_client.post(url, data)
    assert response.status_code == 400
    assert (
        "The stage “Trial day” (Assignment) cannot come after “Decision” (Decision)."
        in response.content.decode()
    )
    # Before the decision it is fine; and an offer after it.
    set_value(data, "stages-3-name", "Trial day")
    set_value(data, "stages-3-kind", "assignment")
    set_value(data, "stages-4-name", "Decision")
    set_value(data, "stages-4-kind", "decision")
    set_value(data, "stages-5-name", "Offer")
    set_value(data, "stages-5-kind", "offer")
    set_value(data, "stages-5-promise_days", "7")
    data["stages-TOTAL_FORMS"] = ["6"]
    assert staff_client.post(url, data).status_code == 302
    assert [s.kind for s in Posting.objects.get(pk=posting.pk).stages.all()] == [
        "received",
        "screening",
        "interview",
        "assignment",
        "decision",
        "offer",
    ]


def test_the_api_refuses_stages_out_of_order(client, org, api_token):
    posting = make_posting(org, publish=False)
    stages = [
        {"name": "Decision", "kind": "decision"},
        {"name": "Received", "kind": "received"},
    ]
    response = client.patch(
        f"/api/v1/postings/{posting.pk}",
        {"stages": stages},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {api_token}",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "stage_order"
    assert "Received" in response.json()["detail"]
    assert [s.kind for s in posting.stages.all()] == [
        "received",
        "screening",
        "interview",
        "decision",
    ]
