"""The employer's settings page (issue 19): its owners choose whether new postings start with
an anonymous first review; the posting editor offers that choice for each posting."""

import pytest

from reilu.employers.models import Membership, Organization
from reilu.jobs.models import Posting
from tests.conftest import make_staff, posting_data
from tests.htmlforms import parse_forms


@pytest.fixture
def owner(org):
    return make_staff(org, "owner@acme.example", role=Membership.Role.OWNER)


@pytest.mark.parametrize(
    "language, saved",
    [
        ("en", "Saved. New postings start with these settings."),
        ("fi", "Tallennettu. Uudet ilmoitukset alkavat näillä asetuksilla."),
        ("sv", "Sparat. Nya annonser börjar med de här inställningarna."),
    ],
)
def test_an_owner_turns_the_anonymous_first_review_on(client, org, owner, language, saved):
    client.force_login(owner)
    client.cookies["django_language"] = language
    page = client.get("/staff/organisation/")
    (form,) = [f for f in parse_forms(page.content.decode()) if f.method == "post" and not f.action]
    data = form.data()
    data["anonymous_first_review"] = ["on"]
    answer = client.post("/staff/organisation/", data, follow=True)
    assert saved in answer.content.decode()
    assert Organization.objects.get(pk=org.pk).anonymous_first_review is True


def test_a_recruiter_sees_the_setting_but_cannot_change_it(staff_client, org):
    page = staff_client.get("/staff/organisation/").content.decode()
    assert "Only the employer's owners can change these settings." in page
    assert "disabled" in page
    assert (
        staff_client.post("/staff/organisation/", {"anonymous_first_review": "on"}).status_code
        == 403
    )
    assert Organization.objects.get(pk=org.pk).anonymous_first_review is False


def test_the_page_shows_only_the_employer_the_person_works_for(client, org, other_org):
    other_org.anonymous_first_review = True
    other_org.save()
    client.force_login(make_staff(org, "owner@acme.example", role=Membership.Role.OWNER))
    client.post("/staff/organisation/", {})
    assert Organization.objects.get(pk=other_org.pk).anonymous_first_review is True
    assert "Acme Oy" in client.get("/staff/organisation/").content.decode()


def test_a_new_posting_starts_with_the_employers_choice(client, org, owner):
    client.force_login(owner)
    unticked = client.get("/staff/postings/new/").content.decode()
    org.anonymous_first_review = True
    org.save()
    ticked = client.get("/staff/postings/new/").content.decode()
    box = 'name="anonymous_review"'
    assert box in unticked and box in ticked
    assert "checked" not in _input(unticked, box) and "checked" in _input(ticked, box)


def test_the_posting_editor_saves_the_setting(client, org, owner):
    client.force_login(owner)
    data = {k: v for k, v in posting_data().items() if v is not None}
    data.update(
        {
            "anonymous_review": "on",
            "duties-TOTAL_FORMS": "1",
            "duties-INITIAL_FORMS": "0",
            "duties-0-duty": "Coding",
            "duties-0-percent": "100",
            "stages-TOTAL_FORMS": "0",
            "stages-INITIAL_FORMS": "0",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
            "save": "1",
        }
    )
    assert client.post("/staff/postings/new/", data).status_code == 302
    assert Posting.objects.get().anonymous_review is True


def _input(html: str, marker: str) -> str:
    start = html.index(marker)
    return html[html.rindex("<input", 0, start) : html.index(">", start)]
