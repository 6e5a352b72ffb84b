import json
import re

from reilu.jobs import services
from tests.conftest import make_posting


def jsonld(response):
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(x) for x in found]


def test_it_describes_the_job_for_search_engines(client, posting):
    data = jsonld(client.get(posting.get_absolute_url()))[0]
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Backend developer"
    assert data["hiringOrganization"]["name"] == "Acme Oy"
    assert data["jobLocation"]["address"]["addressLocality"] == "Helsinki"
    assert data["employmentType"] == "FULL_TIME"
    assert data["validThrough"].startswith(posting.apply_by.isoformat())
    assert data["datePosted"]
    assert data["directApply"] is True
    assert data["identifier"]["value"] == str(posting.pk)
    salary = data["baseSalary"]
    assert salary["@type"] == "MonetaryAmount" and salary["currency"] == "EUR"
    assert salary["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 4000.0,
        "maxValue": 5200.0,
        "unitText": "MONTH",
    }


def test_fully_remote_jobs_say_telecommute(client, org):
    posting = make_posting(org, location="", remote="full")
    data = jsonld(client.get(posting.get_absolute_url()))[0]
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"]["name"] == "Finland"
    assert "jobLocation" not in data


def test_closed_postings_lose_the_markup_and_say_so(client, posting):
    services.posting_close(posting=posting)
    response = client.get(posting.get_absolute_url())
    assert jsonld(response) == []
    assert "This job is closed." in response.content.decode()


def test_only_detail_pages_carry_the_markup(client, posting):
    assert jsonld(client.get("/jobs/")) == []
    assert jsonld(client.get("/")) == []


def test_text_in_the_ad_cannot_break_out_of_the_script(client, org):
    posting = make_posting(org, description="</script><script>alert(1)</script>")
    html = client.get(posting.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert jsonld(client.get(posting.get_absolute_url()))[0]["description"]


def test_drafts_are_not_public(client, org):
    draft = make_posting(org, publish=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
