"""schema.org JobPosting markup for search engines (Google's required and recommended)."""

import json
from typing import Any

from django.conf import settings
from django.utils.html import strip_tags

from reilu.jobs.models import Posting


def job_posting_jsonld(posting: Posting) -> dict[str, Any]:
    org = posting.organization
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": strip_tags(posting.description).replace("\n", "<br>"),
        "datePosted": (posting.published_at or posting.created_at).date().isoformat(),
        "employmentType": posting.employment_type,
        "directApply": True,
        "identifier": {"@type": "PropertyValue", "name": org.name, "value": str(posting.pk)},
        "hiringOrganization": {"@type": "Organization", "name": org.name},
        "url": f"{settings.BASE_URL}{posting.get_absolute_url()}",
    }
    if org.website:
        data["hiringOrganization"]["sameAs"] = org.website
    if posting.apply_by:
        data["validThrough"] = f"{posting.apply_by.isoformat()}T23:59:59+02:00"
    if posting.remote == Posting.Remote.FULL:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": "Finland"}
    if posting.location:
        data["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": posting.location,
                "addressCountry": "FI",
            },
        }
    if posting.pay_min is not None and posting.pay_max is not None:  # posting.has_pay
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": posting.pay_currency,
            "value": {
                "@type": "QuantitativeValue",
                "minValue": float(posting.pay_min),
                "maxValue": float(posting.pay_max),
                "unitText": posting.pay_period,
            },
        }
    return data


def jsonld_script_body(posting: Posting) -> str:
    # Escape "<" so text in the ad can never close the script element.
    return json.dumps(job_posting_jsonld(posting), ensure_ascii=False).replace("<", "\\u003c")
