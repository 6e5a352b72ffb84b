"""A seeker with applications at two employers, and another person's application."""

import pytest

from reilu.talent.services.seekers import seeker_get_or_create
from tests.conftest import make_application, make_org, make_posting, make_staff
from tests.talent.conftest import sign_in_as


@pytest.fixture
def two_employers(org, posting):
    """Aino applied to Acme and to Other Oy; Bertta applied to Acme."""
    other = make_org("other", "Other Oy")
    make_staff(other, "rec@other.example")
    other_posting = make_posting(
        other, title="Data engineer", contact_name="Olli Otava", contact_email="olli@other.example"
    )
    mine_acme, raw_acme = make_application(posting, email="aino@example.fi")
    mine_other, raw_other = make_application(other_posting, email="Aino@Example.FI")
    theirs, _raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    return {"acme": mine_acme, "other": mine_other, "theirs": theirs,
            "raw_acme": raw_acme, "raw_other": raw_other}  # fmt: skip


@pytest.fixture
def aino(db):
    return seeker_get_or_create(email="aino@example.fi", language="en")


@pytest.fixture
def aino_client(client, aino):
    return sign_in_as(client, aino)
