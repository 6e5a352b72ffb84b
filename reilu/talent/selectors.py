"""Reads of the talent gallery; search_profiles is the one search for pages and the API.

Full text runs on SQLite FTS5 or PostgreSQL tsvector (see migration 0002). Both get the
same tokens (letters and digits, lower-cased) as prefix terms joined by AND, so the same
profiles match on both; only the ranking differs (bm25 against ts_rank).
"""

import re
from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, F, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from reilu.employers.models import Organization
from reilu.talent.models import (
    ContactRequest,
    OpenApplicationSettings,
    Profile,
    ProfileLanguage,
    ProfileView,
)

PAGE_SIZE = 20
MAX_TERMS = 8
RANKED = ("-rank", "-updated_at", "-id")  # a full-text search's order; _page_ids repeats it
UNLISTED = ("phone", "cv", "cv_name", "cv_type")  # contact details a search never selects


class Audience:
    PUBLIC = "public"  # anyone, signed in or not
    EMPLOYERS = "employers"  # signed-in staff of an employer


@dataclass
class TalentQuery:
    q: str = ""
    skills: list[str] = field(default_factory=list)
    region: str = ""
    remote: bool | None = None
    languages: list[str] = field(default_factory=list)  # "fi" or "fi:B2" (at least B2)
    availability: list[str] = field(default_factory=list)


def terms(q: str) -> list[str]:
    return re.findall(r"[^\W_]+", q.lower())[:MAX_TERMS]


def listed_profiles(audience: str) -> QuerySet[Profile]:
    visible = [Profile.Visibility.PUBLIC]
    if audience == Audience.EMPLOYERS:
        visible.append(Profile.Visibility.EMPLOYERS)
    return Profile.objects.filter(paused=False, visibility__in=visible)


def _language_filter(qs: QuerySet, wanted: str) -> QuerySet:
    code, _sep, level = wanted.partition(":")
    levels = {lv.lower(): i + 1 for i, lv in enumerate(ProfileLanguage.LEVELS)}
    rank = levels.get(level.strip().lower(), 1)
    match = ProfileLanguage.objects.filter(language=code.strip().lower(), rank__gte=rank)
    return qs.filter(pk__in=match.values("profile_id"))


@cache
def _pg_configs() -> frozenset[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname IN ('finnish', 'swedish')")
        return frozenset(row[0] for row in cursor.fetchall())


def _full_text(qs: QuerySet, words: list[str]) -> QuerySet:
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{w}:*ABC" for w in words)
        rank_sql = "ts_rank(talent_profile.search_vector, to_tsquery('simple', %s))"
        params: list = [tsquery]
        for config in sorted(_pg_configs()):
            # Stems only lift the ranking; membership is decided by the 'simple' lexemes.
            # config is one of two fixed names read from pg_ts_config, never user input.
            rank_sql += (
                f" + 0.5 * ts_rank(talent_profile.search_vector, to_tsquery('{config}', %s))"  # noqa: E501
            )
            params.append(" | ".join(words))
        return (
            qs.alias(
                hit=RawSQL(
                    "talent_profile.search_vector @@ to_tsquery('simple', %s)",
                    (tsquery,),
                    output_field=BooleanField(),
                )
            )
            .filter(hit=True)
            .annotate(rank=RawSQL(rank_sql, params, output_field=FloatField()))  # noqa: S611
            .order_by(*RANKED)
        )
    if connection.vendor == "sqlite":
        match = " AND ".join(f'"{w}"*' for w in words)
        # One join with the FTS5 table, so bm25 is computed in the same MATCH scan; a
        # correlated subquery per row would repeat the MATCH for every hit.
        return qs.extra(  # noqa: S610 - fixed SQL; the user's words travel as a parameter
            tables=["talent_profile_fts"],
            where=["talent_profile_fts.rowid = talent_profile.id", "talent_profile_fts MATCH %s"],
            params=[match],
            # bm25 is lower for better matches; negated so that higher is better.
            select={"rank": "-bm25(talent_profile_fts, 10.0, 5.0, 3.0, 1.0)"},
        ).order_by(*RANKED)
    # Reilu supports SQLite and PostgreSQL (docs/deployment.md); say so plainly on anything else.
    raise ImproperlyConfigured(f"talent search needs SQLite or PostgreSQL, not {connection.vendor}")


def search_profiles(query: TalentQuery, *, audience: str) -> QuerySet[Profile]:
    """Listed profiles matching the query, best first. Never selects contact details."""
    qs = listed_profiles(audience)
    for skill in query.skills:
        qs = qs.filter(skills__key=skill.strip().lower())
    if query.region:
        qs = qs.filter(region=query.region)
    if query.remote is not None:
        qs = qs.filter(remote=query.remote)
    for wanted in query.languages:
        qs = _language_filter(qs, wanted)
    if query.availability:
        qs = qs.filter(availability__in=query.availability)
    # No DISTINCT: each skill filter joins one unique (profile, key) row, so no duplicates.
    qs = qs.defer(*UNLISTED)
    words = terms(query.q)
    if words:
        return _full_text(qs, words)
    return qs.order_by("-updated_at", "-id")


def search_page(query: TalentQuery, *, audience: str, page: int | str = 1) -> Page:
    """One page of search_profiles, as Paginator.get_page gives it, in one pass over the hits.

    A common word matches tens of thousands of profiles, and counting them and ranking them
    were two scans of every hit. Here one query ranks the hits and counts them (a window
    count) but returns only the page's ids; the page's twenty profiles
    are then read by id.
    """
    qs = search_profiles(query, audience=audience)
    if not terms(query.q):
        return Paginator(qs.prefetch_related("languages"), PAGE_SIZE).get_page(page)
    return paged(qs, page)


def paged(qs: QuerySet[Profile], number: int | str) -> Page:
    """Page `number` of a full-text search (ordered by RANKED), with its count."""
    paginator = Paginator(qs, PAGE_SIZE)
    try:
        wanted = max(1, int(number))
    except (TypeError, ValueError):
        wanted = 1
    ids, total = _page_ids(qs, wanted)
    if not ids and wanted > 1:  # past the end: the last page, as get_page gives it
        total = qs.count()
        wanted = max(1, -(-total // PAGE_SIZE))
        ids, total = _page_ids(qs, wanted)
    paginator.__dict__["count"] = total  # Paginator.count is a cached_property: no COUNT query
    found = Profile.objects.filter(pk__in=ids).defer(*UNLISTED).prefetch_related("languages")
    by_id = {p.pk: p for p in found}
    return Page([by_id[pk] for pk in ids if pk in by_id], wanted, paginator)


def _page_ids(qs: QuerySet[Profile], number: int) -> tuple[list[int], int]:
    """The page's ids in the search's order, and the number of hits, from one query."""
    columns = [name.lstrip("-") for name in RANKED]
    sql, params = qs.order_by().values(*columns).query.sql_with_params()
    start = (number - 1) * PAGE_SIZE
    with connection.cursor() as cursor:
        # MATERIALIZED: SQLite must compute bm25 inside the full-text scan, not in the window.
        cursor.execute(
            f"WITH hits AS MATERIALIZED ({sql}) "  # noqa: S608 - Django's own SQL and params
            "SELECT id, COUNT(*) OVER () FROM hits "
            "ORDER BY rank DESC, updated_at DESC, id DESC LIMIT %s OFFSET %s",
            (*params, PAGE_SIZE, start),
        )
        rows = cursor.fetchall()
    return [pk for pk, _total in rows], (rows[0][1] if rows else 0)


def profile_for(public_id, *, audience: str) -> Profile | None:
    return (
        listed_profiles(audience)
        .filter(public_id=public_id)
        .prefetch_related("languages", "skills")
        .first()
    )


def accepted_request(profile: Profile, organization) -> ContactRequest | None:
    """The accepted request that shares this seeker's contact details with this employer."""
    return (
        ContactRequest.objects.filter(
            profile=profile, organization=organization, state=ContactRequest.State.ACCEPTED
        )
        .order_by("-answered_at")
        .first()
    )


def seeker_views(profile: Profile, limit: int = 200) -> list[ProfileView]:
    return list(profile.views.select_related("organization")[:limit])


def seeker_requests(profile: Profile) -> list[ContactRequest]:
    return list(
        profile.requests.select_related("organization", "posting").order_by(
            F("answered_at").desc(nulls_first=True), "-created_at"
        )
    )


def open_settings_for(organization: Organization) -> OpenApplicationSettings:
    found = OpenApplicationSettings.objects.filter(organization=organization).first()
    return found or OpenApplicationSettings(organization=organization)
