import datetime as dt

from django.utils import timezone

from reilu.jobs import services
from reilu.jobs.models import Posting
from reilu.rules import PublishRefused
from tests.conftest import make_posting


def test_the_api_checks_any_text(client):
    response = client.post(
        "/api/v1/adcheck",
        {"text": "Myyntimies, Tampere. Kilpailukykyinen palkka. Kerro palkkatoiveesi."},
        content_type="application/json",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["language"] == "fi"
    codes = {f["code"] for f in data["findings"]}
    assert "gendered-title" in codes and "vague-salary" in codes
    for f in data["findings"]:
        assert f["severity"] in ("error", "warning", "info") and f["message"]
    assert 0 <= data["score"] <= 100


def test_the_api_refuses_bad_input(client):
    assert (
        client.post("/api/v1/adcheck", {"text": 5}, content_type="application/json").status_code
        == 422
    )
    assert (
        client.post(
            "/api/v1/adcheck", {"text": "x", "language": "de"}, content_type="application/json"
        ).status_code
        == 422
    )


def test_checker_errors_block_publishing(org):
    posting = make_posting(
        org,
        publish=False,
        description="Tell us your current salary in your application. Commission only.",
    )
    try:
        services.posting_publish(posting=posting)
    except PublishRefused as refused:
        codes = {p.code for p in refused.problems}
    else:
        codes = set()
    assert "salary-history-question" in codes


def test_checker_warnings_do_not_block(org):
    posting = make_posting(org, publish=False, title="Salesman")
    services.posting_publish(posting=posting)
    stored = Posting.objects.get(pk=posting.pk)
    assert stored.state == "published" and stored.published_at is not None


def test_the_editor_shows_findings_while_typing(staff_client):
    response = staff_client.post(
        "/staff/adcheck/",
        {
            "title": "Salesman",
            "description": "Kindly tell us your current salary.",
            "language": "en",
            "remote": "no",
            "employment_type": "FULL_TIME",
            "pay_currency": "EUR",
            "pay_period": "MONTH",
            "duties-TOTAL_FORMS": "0",
            "duties-INITIAL_FORMS": "0",
            "stages-TOTAL_FORMS": "0",
            "stages-INITIAL_FORMS": "0",
        },
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-code="gendered-title"' in html
    assert 'data-code="salary-history-question"' in html
    assert 'data-code="missing-salary"' in html


def test_the_public_page_shows_the_fair_mark_only_for_clean_ads(client, org):
    clean = make_posting(org)
    assert (
        "This ad states pay, contact person and timeline"
        in client.get(clean.get_absolute_url()).content.decode()
    )


def test_the_api_writes_its_advice_in_the_readers_language(client):
    text = "Myyntimies, Tampere. Kilpailukykyinen palkka."
    for language, opening in (
        ("en", "Pay is mentioned without a figure"),
        ("sv", "Lönen nämns utan belopp"),
        ("fi", "Palkka mainitaan ilman lukua"),
    ):
        response = client.post(
            "/api/v1/adcheck",
            {"text": text},
            content_type="application/json",
            headers={"accept-language": language},
        )
        data = response.json()
        assert data["language"] == "fi"
        assert data["advice_language"] == language
        messages = {f["code"]: f["message"] for f in data["findings"]}
        assert messages["vague-salary"].startswith(opening), messages


def test_the_editors_advice_follows_the_interface_language(org):
    from django.utils import translation

    from reilu.jobs.adcheck import check_ad

    posting = make_posting(
        org, publish=False, language="fi", description="Kerro nykyinen palkkasi hakemuksessa."
    )
    with translation.override("sv"):
        report = check_ad(posting)
    assert report.language == "fi"
    messages = {f.code: f.message for f in report.findings}
    assert messages["salary-history-question"].startswith("Annonsen frågar efter"), messages


def test_the_fair_mark_is_absent_on_an_ad_the_checker_flags(client, org):
    posting = make_posting(org)
    url = posting.get_absolute_url()
    assert "This ad states pay, contact person and timeline" in client.get(url).content.decode()
    # Published before the checker learned a rule it now breaks: still public, but unmarked.
    Posting.objects.filter(pk=posting.pk).update(
        description="Tell us your current salary in your application. Commission only.",
        updated_at=timezone.now() + dt.timedelta(seconds=1),
    )
    html = client.get(url).content.decode()
    assert "Tell us your current salary" in html
    assert "This ad states pay, contact person and timeline" not in html
    assert 'class="fair-mark"' not in html
