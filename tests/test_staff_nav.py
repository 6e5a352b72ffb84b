"""The staff menu shows each role only what it may use."""

import re

from reilu.employers.models import Membership
from tests.conftest import make_staff


def menu_links(client, path="/staff/interviews/") -> list[str]:
    html = client.get(path).content.decode()
    menu = re.search(r'<ul id="staff-menu".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"', menu)


def test_an_interviewer_sees_only_the_interviews(client, org):
    client.force_login(make_staff(org, "int@acme.example", role=Membership.Role.INTERVIEWER))
    assert menu_links(client) == ["/staff/interviews/"]


def test_a_recruiter_sees_the_groups_but_not_the_owners_pages(staff_client):
    links = menu_links(staff_client)
    assert {"/staff/", "/staff/attention/", "/staff/reviews/", "/staff/templates/"} <= set(links)
    assert "/staff/privacy/audit/" not in links
    html = staff_client.get("/staff/").content.decode()
    assert html.count("<summary>") >= 5


def test_an_owner_also_sees_the_privacy_pages(client, org):
    client.force_login(make_staff(org, "owner@acme.example", role=Membership.Role.OWNER))
    assert "/staff/privacy/audit/" in menu_links(client)


def test_visitors_see_the_public_menu_only(client, db):
    html = client.get("/jobs/").content.decode()
    assert 'id="staff-menu"' not in html and 'href="/staff/login/"' in html
