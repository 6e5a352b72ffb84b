import datetime as dt

import time_machine
from django.utils import timezone

from reilu.messaging.models import Message
from reilu.rules import RuleError
from reilu.talent import saved_searches
from reilu.talent.models import SavedSearch
from reilu.talent.services.searches import saved_search_create
from tests.conftest import make_posting


def _search(seeker_client, **data):
    form = {"keywords": "backend", "region": "", "pay_at_least": ""}
    form.update(data)
    assert seeker_client.post("/talent/me/searches/", form).status_code == 302
    return SavedSearch.objects.latest("id")


def test_it_mails_each_new_matching_posting_once(seeker_client, profile, org):
    search = _search(seeker_client, region="uusimaa", pay_at_least="3000")
    saved_searches.notify_new_postings()  # the first run sets the mark
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1)):
        match = make_posting(org)  # Backend developer, Helsinki, up to 5200 €/month
        make_posting(org, title="Nurse", description="Care work.", requirements="")
        make_posting(org, location="Oulu", remote="no")  # wrong region
        make_posting(org, pay_min=1000, pay_max=2000)  # pays too little
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        assert saved_searches.notify_new_postings() == 1
        assert saved_searches.notify_new_postings() == 0
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=3)):
        assert saved_searches.notify_new_postings() == 0
    mail = Message.objects.get(kind="talent_saved_search")
    assert mail.to_email == profile.seeker.email
    assert mail.dedupe_key == f"saved-search:{search.pk}:{match.pk}"
    assert match.title in mail.body
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert mail.headers["List-Unsubscribe"].startswith("<http://testserver/talent/searches/")


def test_it_matches_remote_and_hourly_pay():
    from reilu.jobs.models import Posting

    search = SavedSearch(keywords="", region="lappi", remote=True, pay_at_least=3000)
    full_remote = Posting(
        title="x", location="Helsinki", remote="full", pay_max=20, pay_period="HOUR"
    )
    assert saved_searches.matches(search, full_remote)  # 20 €/h ≈ 3200 €/month, region moot
    on_site = Posting(
        title="x", location="Rovaniemi", remote="no", pay_max=4000, pay_period="MONTH"
    )
    assert not saved_searches.matches(search, on_site)


def test_it_unsubscribes_with_one_click(seeker_client, org, client):
    search = _search(seeker_client)
    headers = saved_searches.unsubscribe_headers(search)
    url = headers["List-Unsubscribe"].strip("<>").replace("http://testserver", "")
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    search.refresh_from_db()
    assert search.unsubscribed_at is not None
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1)):
        make_posting(org)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        assert saved_searches.notify_new_postings() == 0
    assert client.post("/talent/searches/unsubscribe/forged/").status_code == 404


def test_it_lets_the_seeker_stop_a_search(seeker_client):
    search = _search(seeker_client)
    seeker_client.post(f"/talent/me/searches/{search.pk}/delete/")
    search.refresh_from_db()
    assert search.unsubscribed_at is not None


def test_it_limits_saved_searches(profile):
    for _ in range(10):
        saved_search_create(
            seeker=profile.seeker, keywords="x", region="", remote=False, pay_at_least=None
        )
    try:
        saved_search_create(
            seeker=profile.seeker, keywords="x", region="", remote=False, pay_at_least=None
        )
    except RuleError as exc:
        assert exc.code == "limit"
    else:
        raise AssertionError("the eleventh search was saved")
