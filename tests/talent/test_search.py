"""The same memberships on SQLite (FTS5) and PostgreSQL (tsvector): run on both."""

import pytest
from django.db import connection

from reilu.talent.models import Profile
from reilu.talent.selectors import Audience, TalentQuery, search_page, search_profiles
from tests.talent.conftest import make_profile


@pytest.fixture
def gallery(db):
    return {
        "aino": make_profile(
            email="aino@example.fi",
            name="Aino",
            headline="Python developer",
            skills=["Python", "Django"],
            bio="Ohjelmointi ja tietokannat, PostgreSQL.",
            region="uusimaa",
            remote=True,
            languages=[("fi", "native"), ("en", "C1")],
            availability="now",
        ),
        "bengt": make_profile(
            email="bengt@example.fi",
            name="Bengt",
            headline="Utvecklare inom data",
            skills=["SQL", "Python"],
            bio="Jag bygger dataflöden för sjukhus.",
            region="pohjanmaa",
            remote=False,
            languages=[("sv", "native"), ("fi", "B1")],
            availability="3m",
        ),
        "carla": make_profile(
            email="carla@example.fi",
            name="Carla",
            headline="Nurse and care coordinator",
            skills=["Nursing"],
            bio="Hoitotyö ja potilasturvallisuus. Python scripts in free time.",
            region="uusimaa",
            remote=False,
            languages=[("en", "native"), ("fi", "A2")],
            availability="1m",
            visibility="employers",
        ),
        "dan": make_profile(
            email="dan@example.fi",
            name="Dan",
            headline="Python guru",
            skills=["Python"],
            bio="Hidden away.",
            visibility="hidden",
        ),
        "eeva": make_profile(
            email="eeva@example.fi",
            name="Eeva",
            headline="Python developer",
            skills=["Python"],
            paused=True,
        ),
    }


def names(query: TalentQuery, audience=Audience.EMPLOYERS) -> set[str]:
    return set(search_profiles(query, audience=audience).values_list("name", flat=True))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (TalentQuery(q="python"), {"Aino", "Bengt", "Carla"}),
        (TalentQuery(q="PYTH"), {"Aino", "Bengt", "Carla"}),  # prefix, any case
        (TalentQuery(q="python developer"), {"Aino"}),  # every word must match
        (TalentQuery(q="ohjelm"), {"Aino"}),
        (TalentQuery(q="dataflöden"), {"Bengt"}),
        (TalentQuery(q="hoitotyö"), {"Carla"}),
        (TalentQuery(q="django"), {"Aino"}),  # skills are searched
        (TalentQuery(q="postgresql"), {"Aino"}),  # bio is searched
        (TalentQuery(q="nothing-like-this"), set()),
        (TalentQuery(q="'\" OR 1=1 --"), set()),  # query syntax is not passed through
        (TalentQuery(q="python", region="uusimaa"), {"Aino", "Carla"}),
        (TalentQuery(q="python", remote=True), {"Aino"}),
        (TalentQuery(skills=["python", "SQL"]), {"Bengt"}),
        (TalentQuery(languages=["fi:B1"]), {"Aino", "Bengt"}),
        (TalentQuery(languages=["fi"]), {"Aino", "Bengt", "Carla"}),
        (TalentQuery(languages=["en:C1", "fi:native"]), {"Aino"}),
        (TalentQuery(availability=["now", "1m"]), {"Aino", "Carla"}),
        (TalentQuery(), {"Aino", "Bengt", "Carla"}),
    ],
)
def test_it_finds_the_same_profiles_on_every_database(gallery, query, expected):
    assert connection.vendor in ("sqlite", "postgresql")
    assert names(query) == expected


def test_it_never_shows_hidden_paused_or_employer_only_profiles_to_the_public(gallery):
    assert names(TalentQuery(q="python"), Audience.PUBLIC) == {"Aino", "Bengt"}
    assert names(TalentQuery(), Audience.PUBLIC) == {"Aino", "Bengt"}


def test_it_ranks_headline_matches_first(gallery):
    found = list(search_profiles(TalentQuery(q="python"), audience=Audience.EMPLOYERS))
    assert found[-1].name == "Carla"  # only in the bio


def test_it_follows_every_change_of_a_profile(gallery):
    aino = gallery["aino"]
    Profile.objects.filter(pk=aino.pk).update(headline="Gardener")
    assert names(TalentQuery(q="gardener")) == {"Aino"}
    assert names(TalentQuery(q="python developer")) == set()
    aino.seeker.delete()
    assert names(TalentQuery(q="gardener")) == set()


def test_it_pages_results(gallery, django_assert_max_num_queries):
    for i in range(25):
        make_profile(email=f"p{i}@example.fi", name=f"Person {i}", headline="Welder")
    with django_assert_max_num_queries(4):
        page = search_page(TalentQuery(q="welder"), audience=Audience.EMPLOYERS, page=2)
        rows = [(p.name, [pl.level for pl in p.languages.all()]) for p in page]
    assert page.paginator.count == 25 and len(rows) == 5


def test_it_pages_the_gallery_and_staff_search(client, staff_client, gallery):
    for i in range(21):
        make_profile(email=f"w{i}@example.fi", name=f"Welder {i}", headline="Welder")
    first = client.get("/talent/", {"q": "welder"}).content.decode()
    assert "21 profiles" in first and "?q=welder&amp;page=2" in first
    assert (
        client.get("/talent/", {"q": "welder", "page": "2"}).content.decode().count("Welder ") == 1
    )
    staff = staff_client.get(
        "/staff/talent/", {"q": "python", "region": "uusimaa"}
    ).content.decode()
    assert "Aino" in staff and "Carla" in staff and "Bengt" not in staff
    assert "/staff/talent/p/" in staff


def test_a_page_is_the_search_order_cut_into_pages_with_its_count(gallery):
    for i in range(45):
        make_profile(email=f"o{i}@example.fi", name=f"Ohjelmoija {i}", headline="Python ohjelmoija",
                     bio="python " * (i % 4))  # fmt: skip
    query = TalentQuery(q="python")
    ranked = [p.pk for p in search_profiles(query, audience=Audience.EMPLOYERS)]
    assert len(ranked) == 48
    pages = [search_page(query, audience=Audience.EMPLOYERS, page=n) for n in (1, 2, 3)]
    assert [p.pk for page in pages for p in page] == ranked
    assert [(page.number, page.paginator.count, page.paginator.num_pages) for page in pages] == [
        (1, 48, 3), (2, 48, 3), (3, 48, 3)]  # fmt: skip
    # Contact details stay unread, as in search_profiles.
    assert {"phone", "cv"} <= pages[0][0].get_deferred_fields()
    # Past the end: the last page; not a number: the first, as Paginator.get_page does.
    assert [p.pk for p in search_page(query, audience=Audience.EMPLOYERS, page=9)] == ranked[40:]
    assert search_page(query, audience=Audience.EMPLOYERS, page=9).number == 3
    assert search_page(query, audience=Audience.EMPLOYERS, page="x").number == 1
    nothing = search_page(TalentQuery(q="zymurgy"), audience=Audience.EMPLOYERS, page=2)
    assert (nothing.number, nothing.paginator.count, list(nothing)) == (1, 0, [])
