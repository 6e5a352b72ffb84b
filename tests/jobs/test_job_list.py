"""The public job list: diacritic-blind search, sort orders, clearing filters, and an
empty result that offers to mail matching jobs. Runs on SQLite and PostgreSQL."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reilu.jobs.models import Posting
from reilu.messaging.models import Message
from reilu.talent.models import SavedSearch
from tests.conftest import make_org, make_posting
from tests.talent.conftest import make_profile, sign_in_as


def titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r"<h3[^>]*>\s*<a[^>]*>([^<]+)</a>", html)


@pytest.fixture
def shop(db):
    org = make_org("kauppa", "Kauppa Åström Oy")
    return make_posting(org, title="Myyjä", location="Jyväskylä", language="fi")


def test_search_ignores_case_and_diacritics(client, shop, posting):
    for q in ("myyja", "MYYJÄ", "Myyjä", "yyj"):
        assert titles(client.get("/jobs/", {"q": q})) == ["Myyjä"], q
    assert titles(client.get("/jobs/", {"q": "astrom"})) == ["Myyjä"]  # the employer's name
    assert titles(client.get("/jobs/", {"location": "jyvaskyla"})) == ["Myyjä"]
    assert titles(client.get("/jobs/", {"q": "backend"})) == ["Backend developer"]


def test_every_word_of_a_search_counts_in_any_order(client, shop, posting):
    # The posting fixture: "Backend developer" at Acme Oy in Helsinki.
    for q in ("developer backend", "backend helsinki", "acme developer", "myyja jyvaskyla"):
        expected = ["Myyjä"] if q.startswith("myyja") else ["Backend developer"]
        assert titles(client.get("/jobs/", {"q": q})) == expected, q
    assert titles(client.get("/jobs/", {"q": "backend tampere"})) == []
    assert sorted(titles(client.get("/jobs/", {"q": "   "}))) == ["Backend developer", "Myyjä"]


def test_a_renamed_posting_and_employer_are_found_by_their_new_names(client, shop):
    shop.title = "Kassanhoitaja"
    shop.save(update_fields=["title"])
    shop.organization.name = "Kauppa Ölund Oy"
    shop.organization.save(update_fields=["name"])
    assert titles(client.get("/jobs/", {"q": "kassanhoitaja"})) == ["Kassanhoitaja"]
    assert titles(client.get("/jobs/", {"q": "olund"})) == ["Kassanhoitaja"]
    assert titles(client.get("/jobs/", {"q": "myyja"})) == []


@pytest.fixture
def three(org):
    today = timezone.localdate()
    made = {}
    for title, days, apply_in, pay, period in [
        ("Old monthly", 30, 20, Decimal("3500"), "MONTH"),  # 3 500 a month
        ("Middle hourly", 20, 5, Decimal("25"), "HOUR"),  # 4 000 a month
        ("New yearly", 10, 40, Decimal("60000"), "YEAR"),  # 5 000 a month
    ]:
        posting = make_posting(
            org,
            title=title,
            pay_min=pay,
            pay_max=pay,
            pay_period=period,
            apply_by=today + dt.timedelta(days=apply_in),
            interviews_from=today + dt.timedelta(days=apply_in + 1),
            interviews_to=today + dt.timedelta(days=apply_in + 2),
            decision_by=today + dt.timedelta(days=apply_in + 3),
        )
        Posting.objects.filter(pk=posting.pk).update(
            published_at=timezone.now() - dt.timedelta(days=days)
        )
        made[title] = posting
    return made


def test_it_sorts_by_newest_deadline_and_pay(client, three):
    assert titles(client.get("/jobs/")) == ["New yearly", "Middle hourly", "Old monthly"]
    assert titles(client.get("/jobs/", {"sort": "newest"}))[0] == "New yearly"
    assert titles(client.get("/jobs/", {"sort": "deadline"})) == [
        "Middle hourly",
        "Old monthly",
        "New yearly",
    ]
    assert titles(client.get("/jobs/", {"sort": "pay"})) == [
        "New yearly",
        "Middle hourly",
        "Old monthly",
    ]
    # An unknown order is the default one, never an error.
    response = client.get("/jobs/", {"sort": "'; drop table"})
    assert response.status_code == 200 and titles(response)[0] == "New yearly"


def test_the_chosen_order_survives_paging_and_is_shown_as_chosen(client, three):
    page = client.get("/jobs/", {"sort": "pay"}).content.decode()
    assert '<option value="pay" selected>' in page


def test_clear_filters_appears_only_when_something_is_filtered(client, three):
    assert "Clear filters" not in client.get("/jobs/").content.decode()
    page = client.get("/jobs/", {"q": "yearly", "remote": "hybrid"}).content.decode()
    assert 'href="/jobs/">Clear filters</a>' in page
    page = client.get("/jobs/", {"q": "yearly", "sort": "pay"}).content.decode()
    assert 'href="/jobs/?sort=pay">Clear filters</a>' in page
    fi = client.get("/jobs/", {"q": "x"}, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Tyhjennä rajaukset" in fi and "Uusimmat ensin" in fi
    sv = client.get("/jobs/", {"q": "x"}, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Rensa filtren" in sv and "Högsta lönen" in sv


def test_an_empty_result_offers_a_job_alert_that_a_new_seeker_can_save(client, shop):
    page = client.get("/jobs/", {"q": "putkimies", "remote": "full"}).content.decode()
    assert "No jobs match these filters." in page
    link = re.search(r'href="(/talent/signin/\?[^"]+)"', page).group(1).replace("&amp;", "&")
    assert "keywords=putkimies" in link and "remote=1" in link
    assert client.get(link).status_code == 200
    client.post("/talent/signin/", {"email": "putki@example.fi"})
    mail = Message.objects.get(kind="talent_signin", to_email="putki@example.fi")
    client.post(re.search(r"(/talent/signin/[^/\s]+/)", mail.body).group(1))
    me = client.get("/talent/me/").content.decode()
    assert 'name="keywords" value="putkimies"' in me
    # The seeker's own page saves the search as it is shown.
    client.post("/talent/me/searches/", {"keywords": "putkimies", "remote": "on"})
    search = SavedSearch.objects.get()
    assert search.keywords == "putkimies" and search.remote
    assert search.seeker.email == "putki@example.fi"


def test_a_signed_in_seeker_saves_the_alert_right_from_the_empty_result(client, shop):
    seeker = make_profile().seeker
    sign_in_as(client, seeker)
    page = client.get("/jobs/", {"q": "putkimies"}).content.decode()
    assert 'action="/talent/me/searches/"' in page
    assert 'name="keywords" value="putkimies"' in page
    client.post("/talent/me/searches/", {"keywords": "putkimies"})
    assert SavedSearch.objects.get(seeker=seeker).keywords == "putkimies"


def test_no_alert_offer_when_there_are_results_or_no_filters(client, shop):
    assert "Hear when a matching job" not in client.get("/jobs/", {"q": "myyja"}).content.decode()
    Posting.objects.update(state=Posting.State.CLOSED)
    assert "Hear when a matching job" not in client.get("/jobs/").content.decode()


def test_the_query_count_does_not_grow_with_postings(client, org):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            for sort in ("newest", "deadline", "pay"):
                assert client.get("/jobs/", {"q": "developer", "sort": sort}).status_code == 200
        return len(ctx.captured_queries)

    make_posting(org)
    few = queries()
    for _ in range(25):
        make_posting(org)
    assert queries() == few
