"""Talent gallery fixtures: seekers with profiles, and clients signed in as a seeker."""

import pytest

from reilu.talent.auth import SESSION_KEY
from reilu.talent.models import Profile
from reilu.talent.services.profiles import profile_save
from reilu.talent.services.seekers import seeker_get_or_create


def make_profile(
    email="seeker@example.fi",
    name="Sanna Virtanen",
    headline="Backend developer",
    skills=("Python",),
    bio="",
    visibility=Profile.Visibility.PUBLIC,
    languages=(("fi", "native"),),
    **data,
) -> Profile:
    seeker = seeker_get_or_create(email=email, language=data.pop("language", "en"))
    fields = {"name": name, "headline": headline, "bio": bio, "visibility": visibility}
    fields.setdefault("phone", "040 555 0101")
    fields.update(data)
    return profile_save(
        seeker=seeker, data=fields, skills=list(skills), languages=list(languages), links=[]
    )


def sign_in_as(client, seeker):
    session = client.session
    session[SESSION_KEY] = seeker.pk
    session.save()
    return client


@pytest.fixture
def profile(db):
    return make_profile()


@pytest.fixture
def seeker_client(client, profile):
    return sign_in_as(client, profile.seeker)
