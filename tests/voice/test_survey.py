import re

from django.conf import settings
from django.urls import reverse

from reilu.applications import services as app_services
from reilu.messaging.models import Message
from reilu.rules import RuleError
from reilu.voice import services
from reilu.voice.models import SurveyInvitation, SurveyResponse
from tests.conftest import make_application


def _survey_link(app) -> str:
    body = Message.objects.about(app).get(kind="survey_invitation").body
    return re.search(r"http://testserver(/survey/[^/\s]+/)", body).group(1)


def _reject(org, app):
    app_services.applications_decide(organization=org, application_ids=[app.pk], outcome="rejected")


ANSWERS = {"recommend": "9", "ad_matched": "4", "knew_status": "5", "comment": "Fair."}


def test_it_invites_every_ended_process_once(org, posting, application):
    _reject(org, application)
    invitation = SurveyInvitation.objects.get(application=application)
    assert invitation.outcome == "rejected" and invitation.used_on is None
    message = Message.objects.about(application).get(kind="survey_invitation")
    assert message.to_email == application.email
    assert "/survey/" in message.body and "Aino" in message.body
    # The raw token is only in the message; the database keeps its hash.
    raw = _survey_link(application).split("/")[2]
    assert raw not in invitation.token_hash and len(raw) >= 40
    # A repeated signal (or a second end) invites nobody again.
    assert services.surveys_invite(application_ids=[application.pk], outcome="rejected") == 0
    assert Message.objects.filter(kind="survey_invitation").count() == 1


def test_it_invites_withdrawn_and_cancelled_candidates_in_their_language(org, posting):
    withdrawn, _ = make_application(posting, email="w@example.fi", language="fi")
    waiting, _ = make_application(posting, email="c@example.fi", language="sv")
    app_services.application_move(application=withdrawn)  # staff acted before the withdrawal
    app_services.application_withdraw(application=withdrawn)
    app_services.posting_cancel(posting=posting)
    assert SurveyInvitation.objects.get(application=withdrawn).outcome == "withdrawn"
    assert SurveyInvitation.objects.get(application=waiting).outcome == "cancelled"
    assert Message.objects.about(waiting).get(kind="survey_invitation").language == "sv"


def test_it_takes_one_answer_and_refuses_the_second(client, org, posting, application):
    _reject(org, application)
    url = _survey_link(application)
    page = client.get(url)
    assert page.status_code == 200 and "How did we do?" in page.content.decode()
    assert client.post(url, ANSWERS).status_code == 302
    second = client.post(url, {**ANSWERS, "recommend": "0"})
    assert second.status_code == 409
    assert "already been answered" in second.content.decode()
    assert SurveyResponse.objects.count() == 1
    assert SurveyResponse.objects.get().recommend == 9
    assert SurveyInvitation.objects.get(application=application).used_on is not None


def test_it_refuses_a_second_answer_in_the_service_too(org, posting, application):
    _reject(org, application)
    invitation = SurveyInvitation.objects.get(application=application)
    services.survey_answer(invitation=invitation, recommend=7, knew_status=3)
    stale = SurveyInvitation.objects.get(pk=invitation.pk)
    stale.used_on = None  # a copy read before the first answer was stored
    try:
        services.survey_answer(invitation=stale, recommend=1, knew_status=1)
    except RuleError as exc:
        assert exc.code == "answered"
    else:
        raise AssertionError("a second answer was accepted")
    assert SurveyResponse.objects.count() == 1


def test_it_asks_about_the_ad_only_after_an_interview(client, org, posting):
    screened, _ = make_application(posting, email="s@example.fi")
    interviewed, _ = make_application(posting, email="i@example.fi")
    interview = posting.stages.get(kind="interview")
    app_services.application_move(application=interviewed, to_stage=interview)
    app_services.applications_decide(
        organization=org, application_ids=[screened.pk, interviewed.pk], outcome="rejected"
    )
    assert 'name="ad_matched"' not in client.get(_survey_link(screened)).content.decode()
    assert 'name="ad_matched"' in client.get(_survey_link(interviewed)).content.decode()
    client.post(_survey_link(screened), ANSWERS)
    assert SurveyResponse.objects.get().ad_matched is None
    assert SurveyInvitation.objects.get(application=interviewed).reached_interview


def test_it_rejects_answers_off_the_scale_without_storing(client, org, posting, application):
    _reject(org, application)
    response = client.post(_survey_link(application), {**ANSWERS, "recommend": "11"})
    assert response.status_code == 400
    assert SurveyResponse.objects.count() == 0
    assert SurveyInvitation.objects.get(application=application).used_on is None


def test_it_is_reachable_from_the_status_page(client, org, posting, application):
    status_url = reverse("applications:status", args=[application.raw_token])
    assert "Answer the survey" not in client.get(status_url).content.decode()
    _reject(org, application)
    page = client.get(status_url).content.decode()
    survey_url = reverse("voice:status_survey", args=[application.raw_token])
    assert survey_url in page
    assert client.post(survey_url, ANSWERS).status_code == 302
    assert "Thank you for answering" in client.get(status_url).content.decode()
    assert client.post(survey_url, ANSWERS).status_code == 409


def test_it_answers_404_for_unknown_links(client, db):
    assert client.get("/survey/nope/").status_code == 404
    assert client.get("/status/nope/survey/").status_code == 404


def test_it_stores_answers_without_a_link_to_the_person(
    client, staff_client, org, posting, application
):
    fields = {f.name for f in SurveyResponse._meta.get_fields()}
    related = {
        f.related_model._meta.label
        for f in SurveyResponse._meta.get_fields()
        if f.is_relation and f.related_model
    }
    assert "application" not in fields and "applications.Application" not in related
    assert not any(f.name in {"name", "email"} for f in SurveyResponse._meta.get_fields())
    from tests.voice.conftest import crowd

    _reject(org, application)
    client.post(_survey_link(application), {**ANSWERS, "comment": "Kind.", "publish": "on"})
    # One of the first answers of the posting: the comment waits for more, also from staff,
    # who could otherwise tell its writer from the posting, month and outcome.
    assert "Kind." not in client.get(f"/employers/{org.slug}/").content.decode()
    assert "Kind." not in staff_client.get("/staff/reviews/").content.decode()
    crowd(org, posting, outcome="rejected")
    for url in ("/staff/analytics/", f"/staff/postings/{posting.pk}/analytics/", "/staff/reviews/"):
        page = staff_client.get(url).content.decode()
        assert application.name not in page and application.email not in page
    profile = client.get(f"/employers/{org.slug}/").content.decode()
    assert "Kind." in profile and application.name not in profile
    assert "Kind." in staff_client.get("/staff/reviews/").content.decode()


def test_the_status_page_says_how_many_questions_the_survey_really_asks(
    client, org, posting, application
):
    """Screened out: two ratings; after an interview: three (the ad question too)."""
    from tests.interviews.conftest import to_interview

    interviewed, raw = make_application(posting, email="bertta@example.fi", language="fi")
    to_interview(interviewed)
    _reject(org, application)
    _reject(org, interviewed)
    page = client.get(f"/status/{application.raw_token}/").content.decode()
    assert "five" not in page
    assert "2 quick ratings and a comment if you wish" in page
    page = client.get(f"/status/{raw}/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "viisi" not in page
    assert "kolme nopeaa arviota" not in page and "3 nopeaa arviota" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"  # chosen on the site
    page = client.get(f"/status/{raw}/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "fem" not in page and "3 snabba" in page
    survey = client.get(_survey_link(interviewed)).content.decode()
    assert survey.count('type="radio" name="') == 11 + 5 + 5
