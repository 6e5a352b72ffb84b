from reilu.voice.models import AbuseReport, ReviewReply, SurveyResponse
from tests.voice.conftest import make_response


def test_it_publishes_reviews_with_permission_only(client, org, posting, review):
    make_response(org, posting, comment="Keep this private.", publish=False)
    page = client.get(f"/employers/{org.slug}/").content.decode()
    assert "Clear process, kind people." in page and "Keep this private." not in page


def test_it_lets_the_employer_reply_once_without_altering_the_review(
    client, staff_client, org, review
):
    before = SurveyResponse.objects.filter(pk=review.pk).values().get()
    response = staff_client.post(
        f"/staff/reviews/{review.pk}/reply/",
        {"text": "Thank you!", "comment": "Rewritten", "recommend": "10", "hidden_at": "x"},
    )
    assert response.status_code == 302
    assert SurveyResponse.objects.filter(pk=review.pk).values().get() == before
    assert ReviewReply.objects.get(review=review).text == "Thank you!"
    staff_client.post(f"/staff/reviews/{review.pk}/reply/", {"text": "Changed my mind"})
    assert ReviewReply.objects.get(review=review).text == "Thank you!"
    page = client.get(f"/employers/{org.slug}/").content.decode()
    assert "Thank you!" in page and "Clear process, kind people." in page


def test_it_takes_one_report_per_address_a_day(client, org, review):
    url = f"/employers/{org.slug}/reviews/{review.pk}/report/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": "Names a person."}).status_code == 302
    again = client.post(url, {"reason": "Again."})
    assert again.status_code == 429 and "already reported" in again.content.decode()
    assert client.post(url, {"reason": "Elsewhere."}, REMOTE_ADDR="10.0.0.9").status_code == 302
    assert AbuseReport.objects.filter(review=review).count() == 2
    assert client.post(url, {"reason": ""}).status_code == 400


def test_it_hides_a_review_only_with_a_reason(client, staff_client, org, review):
    client.post(f"/employers/{org.slug}/reviews/{review.pk}/report/", {"reason": "Rude."})
    queue = staff_client.get("/staff/reviews/").content.decode()
    assert "Rude." in queue
    staff_client.post(f"/staff/reviews/{review.pk}/hide/", {"reason": ""})
    review.refresh_from_db()
    assert review.hidden_at is None
    staff_client.post(f"/staff/reviews/{review.pk}/hide/", {"reason": "Names a colleague."})
    review.refresh_from_db()
    assert review.hidden_at and review.hidden_reason == "Names a colleague."
    assert review.comment == "Clear process, kind people."  # still stored
    page = client.get(f"/employers/{org.slug}/").content.decode()
    assert "Clear process" not in page and "1 review was hidden by the employer" in page
    assert "Rude." not in staff_client.get("/staff/reviews/").content.decode()
    assert client.get(f"/employers/{org.slug}/reviews/{review.pk}/report/").status_code == 404


def test_it_keeps_a_reported_review_visible_when_staff_decide_so(client, staff_client, org, review):
    client.post(f"/employers/{org.slug}/reviews/{review.pk}/report/", {"reason": "Unfair."})
    staff_client.post(f"/staff/reviews/{review.pk}/keep/")
    assert AbuseReport.objects.get().handled_at is not None
    assert "Clear process" in client.get(f"/employers/{org.slug}/").content.decode()


def test_it_keeps_other_employers_out_of_reviews(client, outsider, org, review):
    client.force_login(outsider)
    for action, data in (
        ("reply", {"text": "Not mine"}),
        ("hide", {"reason": "Not mine"}),
        ("keep", {}),
    ):
        assert client.post(f"/staff/reviews/{review.pk}/{action}/", data).status_code == 404
    assert "Clear process" not in client.get("/staff/reviews/").content.decode()
    review.refresh_from_db()
    assert review.hidden_at is None and not ReviewReply.objects.exists()
    # A review is reported through its own employer's address only.
    assert client.get(f"/employers/other/reviews/{review.pk}/report/").status_code == 404


def test_it_sends_anonymous_visitors_to_sign_in(client, review):
    for url in ("/staff/reviews/", "/staff/analytics/"):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def _reported_section(html: str) -> str:
    start = html.index("<h2>Reported reviews</h2>")
    return html[start : html.index("<h2>Published reviews</h2>", start)]


def test_it_lists_only_reviews_with_open_reports_as_reported(client, staff_client, org, posting):
    make_response(org, posting, comment="Quiet and fair review.", publish=True)
    reported = make_response(org, posting, comment="Loud and reported review.", publish=True)
    client.post(f"/employers/{org.slug}/reviews/{reported.pk}/report/", {"reason": "Rude."})

    page = staff_client.get("/staff/reviews/")
    section = _reported_section(page.content.decode())
    assert [r.pk for r in page.context["queue"]] == [reported.pk]
    assert "Loud and reported review." in section
    assert "Quiet and fair review." not in section
    assert "1 report" in section

    # Once staff have handled the report, nothing waits in the queue.
    staff_client.post(f"/staff/reviews/{reported.pk}/keep/")
    section = _reported_section(staff_client.get("/staff/reviews/").content.decode())
    assert "No reports waiting." in section and "reported review" not in section


def test_a_review_names_its_outcome_only_among_as_many_of_the_same(client, org, posting):
    from tests.voice.conftest import crowd

    crowd(org, posting, n=4, outcome="rejected")
    make_response(
        org, posting, comment="Hired and happy.", publish=True, outcome="hired", recommend=10
    )
    profile = client.get(f"/employers/{org.slug}/").content.decode()
    # Five answers of the posting: the comment is shown, but the one hire is not named.
    assert "Hired and happy." in profile
    note = profile.split("Hired and happy.")[0].rsplit('<p class="small muted">', 1)[1]
    assert posting.title in note and "Hired" not in note
