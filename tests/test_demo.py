"""The demo data (`reilu demo`) shows Reilu as it is meant to be used."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from reilu.applications.models import Application, Event
from reilu.employers.models import Organization
from reilu.interviews.models import Slot
from reilu.jobs.models import Posting
from reilu.talent.models import OpenApplicationSettings, Profile
from reilu.voice.selectors.analytics import time_in_stage
from reilu.voice.selectors.figures import period_start
from reilu.workdays import is_public_holiday, is_working_day
from tests.talent.conftest import sign_in_as


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this module, and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield
        transaction.set_rollback(True)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _counts() -> dict:
    models = (Organization, Posting, Application, Event, Slot, Profile, OpenApplicationSettings)
    return {m.__name__: m.objects.count() for m in models}


def test_it_is_idempotent():
    before = _counts()
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == before


def test_an_employer_accepts_open_applications_and_says_so_publicly(client):
    accepting = OpenApplicationSettings.objects.filter(accepts=True).select_related("organization")
    assert accepting.exists()
    seeker = Profile.objects.filter(visibility="public").first().seeker
    html = sign_in_as(client, seeker).get("/talent/me/open/").content.decode()
    for config in accepting:
        assert config.contact_name and config.message
        assert config.organization.name in html  # a choice in the open-application form


def test_the_public_gallery_shows_the_profiles_that_chose_to_be_public(client):
    public = list(Profile.objects.filter(visibility="public", paused=False))
    assert len(public) >= 3
    html = client.get("/talent/").content.decode()
    for profile in public:
        assert profile.name in html
    for profile in Profile.objects.exclude(visibility="public"):
        assert profile.name not in html


def test_intro_videos_are_none_or_the_employers_own():
    for org in Organization.objects.all():
        url = org.intro_video_url
        assert url == "" or org.video_embed_url, (org.slug, url)
        assert "dQw4w9WgXcQ" not in url


def test_no_interview_days_on_weekends_or_public_holidays():
    days = {timezone.localtime(s.starts_at).date() for s in Slot.objects.all()}
    assert days, "the demo publishes interview times"
    assert all(is_working_day(day) for day in days), sorted(days)
    for posting in Posting.objects.all():
        span = (posting.interviews_to - posting.interviews_from).days + 1
        planned = [posting.interviews_from + dt.timedelta(days=i) for i in range(span)]
        assert not any(is_public_holiday(day) for day in planned), posting.title
        assert is_working_day(posting.interviews_from) and is_working_day(posting.interviews_to)


# Words that give a job away: each ad's description and requirements speak of its own job.
JOB_WORDS = {
    "Sosiaaliohjaaja, työllisyyspalvelut": ("työllisyyspalvelu", "asiak", "sosionomi"),
    "Varhaiskasvatuksen opettaja": ("päiväkoti", "vasu", "varhaiskasvatuksen opettajan"),
    "Kesätyöntekijä, puistot": ("puisto", "nurmikon", "ulkotyö"),
    "Backend developer (Python)": ("django", "postgresql", "code"),
    "Accessibility specialist": ("wcag", "screen reader", "audit"),
    "Ohjelmistokehittäjä, frontend": ("react", "käyttöliittym", "käytettävyystest"),
    "Myyjä, osa-aikainen": ("kassalla", "hyllytät", "hygieniapassi"),
    "Vuoropäällikkö": ("vuoro", "johtamista", "täsmäytät"),
    "Shop assistant (English-speaking)": ("customers", "shelves", "hygiene passport"),
}
# Words that belong to another kind of job and gave the old generic texts away.
FOREIGN = {
    "code": ("Myyjä", "Vuoropäällikkö", "Shop assistant", "Kesätyöntekijä", "Varhaiskasvatus"),
    "ships often": tuple(JOB_WORDS),
    "tehtävään soveltuva koulutus": tuple(JOB_WORDS),
}


def test_each_ad_text_fits_its_job():
    postings = list(Posting.objects.prefetch_related("duties"))
    assert sorted(p.title for p in postings) == sorted(JOB_WORDS)
    assert len({p.description for p in postings}) == len(postings)
    assert len({p.requirements for p in postings}) == len(postings)
    for posting in postings:
        text = f"{posting.description}\n{posting.requirements}".lower()
        for word in JOB_WORDS[posting.title]:
            assert word in text, (posting.title, word)
        for word, not_in in FOREIGN.items():
            if posting.title.startswith(not_in):
                assert not re.search(rf"\b{word}", text), (posting.title, word)


def test_days_per_stage_are_realistic():
    since = period_start()
    for org in Organization.objects.all():
        figures = dict(time_in_stage(organization=org, since=since))
        assert len(figures) >= 3, org.slug
        assert all(1 <= days <= 30 for days in figures.values()), (org.slug, figures)


def test_only_a_few_demo_promises_have_lapsed(demo):
    from django.utils import timezone

    from reilu.applications.models import Application

    active = Application.objects.filter(outcome=Application.Outcome.ACTIVE)
    lapsed = active.filter(promised_by__lt=timezone.localdate()).count()
    # Enough to show the sweep at work, few enough not to flood a newcomer's mailbox.
    assert 1 <= lapsed <= max(3, active.count() // 20), lapsed
