import datetime as dt

import pytest
from django.utils import timezone

from reilu.applications import services as app_services
from reilu.employers.models import Membership
from reilu.interviews.services.slots import slot_create
from reilu.jobs.models import Stage
from tests.conftest import make_application, make_staff


def to_interview(app):
    stage = app.posting.stages.get(kind=Stage.Kind.INTERVIEW)
    return app_services.application_move(application=app, to_stage=stage)


def make_slot(posting, people, days=3, hour=10, purpose="interview", parts=None, **kw):
    day = timezone.localdate() + dt.timedelta(days=days)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))
    return slot_create(
        posting=posting,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=kw.pop("hours", 1)),
        location=kw.pop("location", "Main office, Helsinki"),
        interviewer_ids=[p.pk for p in people],
        purpose=purpose,
        parts=parts,
        **kw,
    )


@pytest.fixture
def interviewer(org):
    user = make_staff(org, "ina@acme.example", role=Membership.Role.INTERVIEWER)
    user.first_name, user.last_name = "Ina", "Haastattelija"
    user.save()
    return user


@pytest.fixture
def interview_app(application):
    app = to_interview(application)
    app.raw_token = application.raw_token
    return app


@pytest.fixture
def second_app(posting):
    app, raw = make_application(posting, email="bertta@example.fi", name="Bertta Virtanen")
    app = to_interview(app)
    app.raw_token = raw
    return app


@pytest.fixture
def slot(posting, interviewer, recruiter):
    return make_slot(posting, [interviewer, recruiter])
