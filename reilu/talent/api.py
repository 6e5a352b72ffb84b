"""Talent gallery API: search for staff (bearer staff token), own profile for seekers.

Seekers use the session their one-time sign-in link opened (cookie auth, CSRF checked on
writes); they get no bearer token. Contact details never appear in staff answers.
"""

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Literal

from django.conf import settings
from ninja import Query, Router, Schema, Status
from ninja.security import APIKeyCookie
from pydantic import Field, StrictBool

from reilu.api.auth import staff_auth
from reilu.api.schemas import Body, Error, Problems, Refusal
from reilu.talent import selectors
from reilu.talent.auth import current_seeker
from reilu.talent.models import Profile
from reilu.talent.regions import REGION_CHOICES
from reilu.talent.services.profiles import check_languages, parse_links, parse_skills, profile_save
from reilu.textfields import Line, Text

router = Router(tags=["talent"])

SEEKER_AUTH_DOC = (
    "Seekers authenticate with the session cookie that their one-time sign-in link "
    "(POST /talent/signin/, then the emailed link) opened; writes need Django's CSRF token "
    "in the X-CSRFToken header. There are no bearer tokens for seekers."
)
if TYPE_CHECKING:
    Region = str  # the codes come from the data at run time; a type checker sees a string
else:
    Region = Literal[tuple(code for code, _label in REGION_CHOICES)]
Availability = Literal["now", "1m", "3m", "no"]
Level = Literal["A1", "A2", "B1", "B2", "C1", "C2", "native"]


class SeekerSession(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def authenticate(self, request, key):
        seeker = current_seeker(request)
        if seeker is not None:
            request.seeker = seeker
        return seeker


seeker_auth = SeekerSession()


class LanguageLevel(Schema):
    language: Line = Field(min_length=2, max_length=2)
    level: Level


class ProfileOut(Schema):
    """What employers see: no email, no phone, no CV."""

    public_id: uuid.UUID
    name: str
    headline: str
    expertise: str
    skills: list[str]
    bio: str
    region: str
    remote: bool
    relocate: bool
    availability: str
    languages: list[LanguageLevel]
    links: list[str]
    updated_at: dt.datetime

    @staticmethod
    def resolve_skills(obj: Profile) -> list[str]:
        return obj.skill_list

    @staticmethod
    def resolve_languages(obj: Profile) -> list[dict]:
        return [{"language": pl.language, "level": pl.level} for pl in obj.languages.all()]


class TalentPage(Schema):
    count: int
    page: int
    pages: int
    results: list[ProfileOut]


class MyProfileOut(ProfileOut):
    email: str
    phone: str
    visibility: str
    paused: bool

    @staticmethod
    def resolve_email(obj: Profile) -> str:
        return obj.seeker.email


class LanguageLevelIn(Body):
    language: Line = Field(min_length=2, max_length=2)
    level: Level


class ProfileIn(Body):
    name: Line = Field(min_length=1, max_length=200)
    headline: Line = Field(min_length=1, max_length=200)
    expertise: Text = Field("", max_length=1000)
    skills: list[Line] = Field(default_factory=list, max_length=30)
    bio: Text = Field("", max_length=3000)
    region: Region | Literal[""] = ""
    remote: StrictBool = False
    relocate: StrictBool = False
    availability: Availability = "now"
    languages: list[LanguageLevelIn] = Field(default_factory=list, max_length=20)
    links: list[Line] = Field(default_factory=list, max_length=8)
    phone: Line = Field("", max_length=40)
    visibility: Literal["hidden", "employers", "public"] = "hidden"
    paused: StrictBool = False


class SearchParams(Schema):
    q: Line = Field("", max_length=200)
    skills: Line = Field("", max_length=300, description="comma-separated; all must match")
    region: Line = Field("", max_length=20)
    remote: bool | None = None
    languages: Line = Field("", max_length=100, description="comma-separated, e.g. fi,en:B2")
    availability: Line = Field("", max_length=20, description="comma-separated: now,1m,3m,no")
    page: int = Field(1, ge=1, le=10_000)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@router.get(
    "/talent",
    auth=staff_auth,
    response={200: TalentPage, 401: Error, 422: Problems},
    summary="Search the talent gallery (staff)",
)
def talent_search(request, params: Query[SearchParams]):
    query = selectors.TalentQuery(
        q=params.q,
        skills=_split(params.skills),
        region=params.region,
        remote=params.remote,
        languages=_split(params.languages),
        availability=_split(params.availability),
    )
    page = selectors.search_page(query, audience=selectors.Audience.EMPLOYERS, page=params.page)
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "results": list(page),
    }


@router.get(
    "/talent/me",
    auth=seeker_auth,
    response={200: MyProfileOut, 401: Error, 403: Error, 404: Error},
    summary="Your own talent profile (seeker)",
    description=SEEKER_AUTH_DOC,
)
def my_profile(request):
    profile = Profile.objects.filter(seeker=request.seeker).select_related("seeker").first()
    if profile is None:
        return Status(404, {"detail": "You have no profile yet."})
    return profile


@router.put(
    "/talent/me",
    auth=seeker_auth,
    response={200: MyProfileOut, 400: Error | Refusal, 401: Error, 403: Error, 422: Problems},
    summary="Write your own talent profile (seeker)",
    description=SEEKER_AUTH_DOC,
)
def my_profile_put(request, payload: ProfileIn):
    data = payload.model_dump()
    languages = check_languages([(pl["language"], pl["level"]) for pl in data.pop("languages")])
    skills = parse_skills(data.pop("skills"))
    links = parse_links(data.pop("links"))
    profile = profile_save(
        seeker=request.seeker, data=data, skills=skills, languages=languages, links=links
    )
    profile.seeker = request.seeker
    return profile
