"""Jobs in the API: the public list and ads, the ad checker, and staff's own postings.

Staff operations are scoped to the token's employer."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from reilu.api import schemas as shared
from reilu.api.auth import staff_auth
from reilu.employers.staff import StaffRequest
from reilu.jobs import schemas as s
from reilu.jobs import services
from reilu.jobs.models import Posting
from reilu.jobs.rules import pay_range_problem
from reilu.jobs.views import PUBLIC_STATES, open_postings

public = Router(tags=["public"])
staff = Router(tags=["staff"], auth=staff_auth)
NOT_FOUND = {"detail": "Not found."}


def job_summary(p: Posting) -> dict[str, Any]:
    return {
        "slug": p.slug,
        "title": p.title,
        "employer": p.organization.name,
        "location": p.location,
        "remote": p.remote,
        "employment_type": p.employment_type,
        "language": p.language,
        "pay_min": p.pay_min,
        "pay_max": p.pay_max,
        "pay_currency": p.pay_currency,
        "pay_period": p.pay_period,
        "apply_by": p.apply_by,
        "url": f"{settings.BASE_URL}{p.get_absolute_url()}",
    }


@public.get("/jobs", response={200: list[s.JobSummary]})
def jobs(request: HttpRequest, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    limit = max(1, min(limit, 200))
    offset = max(0, min(offset, 10**9))
    postings = open_postings().select_related("organization")[offset : offset + limit]
    return [job_summary(p) for p in postings]


@public.get("/jobs/{slug}", response={200: s.JobDetail, 404: shared.Error})
def job(request: HttpRequest, slug: str) -> Status | dict[str, Any]:
    p = (
        Posting.objects.select_related("organization")
        .prefetch_related("duties", "stages", "questions")
        .filter(slug=slug, state__in=PUBLIC_STATES)
        .first()
    )
    if p is None:
        return Status(404, {"detail": _("No such job.")})
    org = p.organization
    return {
        **job_summary(p),
        "employer_detail": {
            "name": org.name,
            "slug": org.slug,
            "website": org.website,
            "url": f"{settings.BASE_URL}/employers/{org.slug}/",
        },
        "description": p.description,
        "requirements": p.requirements,
        "duties": [{"duty": d.duty, "percent": d.percent} for d in p.duties.all()],
        "stages": list(p.stages.all()),
        "questions": [
            {
                "id": q.pk,
                "text": q.text,
                "kind": q.kind,
                "required": q.required,
                "choices": q.options(),
                "requirement": q.requirement if q.knockout else "",
                "meets": q.knockout.splitlines() if q.knockout else [],
                "may_apply_anyway": q.may_apply_anyway,
            }
            for q in p.questions.all()
        ],
        "contact_name": p.contact_name,
        "contact_email": p.contact_email,
        "contact_phone": p.contact_phone,
        "interviews_from": p.interviews_from,
        "interviews_to": p.interviews_to,
        "decision_by": p.decision_by,
        "state": p.state,
        "open": p.is_open,
    }


@public.post("/adcheck", response={200: s.AdCheckOut, 422: shared.Problems})
def adcheck(request: HttpRequest, payload: s.AdCheckIn) -> dict[str, Any]:
    """Check any job-ad text (fi, sv, en): findings with codes, severities, messages, spans."""
    from reilu.adcheck import check
    from reilu.jobs.adcheck import advice_language

    return check(payload.text, payload.language, advice_language()).to_dict()


def org_posting(request: StaffRequest, pk: int) -> Posting | None:
    return (
        Posting.objects.select_related("organization")
        .filter(pk=pk, organization=request.org)
        .first()
    )


def _split(payload: s.PostingFields, *, partial: bool) -> tuple[dict, list | None, list | None]:
    data = payload.model_dump(exclude_unset=partial)
    duties = data.pop("duties", None)
    stages = data.pop("stages", None)
    for text_field in (
        "description",
        "location",
        "requirements",
        "contact_name",
        "contact_email",
        "contact_phone",
    ):
        if text_field in data and data[text_field] is None:
            data[text_field] = ""
    return data, duties, stages


def _check_email(data: dict[str, Any]) -> str | None:
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    if data.get("contact_email"):
        try:
            validate_email(data["contact_email"])
        except ValidationError:
            return _("The contact email address is not valid.")
    return pay_range_problem(data.get("pay_min"), data.get("pay_max"))


@staff.post(
    "/postings",
    response={201: s.PostingRef, 400: shared.Error, 401: shared.Error, 422: shared.Problems},
)
def posting_create(request: StaffRequest, payload: s.PostingCreate) -> Status:
    data, duties, stages = _split(payload, partial=False)
    data = {k: v for k, v in data.items() if v is not None}
    if error := _check_email(data):
        return Status(400, {"detail": error})
    posting = services.posting_create(
        organization=request.org, user=request.user, data=data, duties=duties or [], stages=stages
    )
    return Status(201, posting)


@staff.get("/postings", response={200: list[s.PostingRef], 401: shared.Error})
def posting_list(request: StaffRequest) -> list[Posting]:
    return list(Posting.objects.filter(organization=request.org).order_by("-created_at")[:500])


@staff.patch(
    "/postings/{pk}",
    response={
        200: s.PostingRef,
        400: shared.Error,
        401: shared.Error,
        404: shared.Error,
        409: shared.Refusal,
        422: shared.Problems | shared.PublishRefusal,
    },
)
def posting_update(request: StaffRequest, pk: int, payload: s.PostingFields) -> Status | Posting:
    posting = org_posting(request, pk)
    if posting is None:
        return Status(404, NOT_FOUND)
    data, duties, stages = _split(payload, partial=True)
    if "title" in data and not data["title"]:
        return Status(400, {"detail": _("Give the job a title.")})
    if error := _check_email({**{"pay_min": posting.pay_min, "pay_max": posting.pay_max}, **data}):
        return Status(400, {"detail": error})
    for required in ("language", "remote", "employment_type", "pay_currency", "pay_period"):
        if required in data and data[required] is None:
            data.pop(required)
    return services.posting_update(posting=posting, data=data, duties=duties, stages=stages)


@staff.post(
    "/postings/{pk}/publish",
    response={
        200: s.PostingRef,
        401: shared.Error,
        404: shared.Error,
        422: shared.Problems | shared.PublishRefusal,
    },
)
def posting_publish(request: StaffRequest, pk: int) -> Status | Posting:
    posting = org_posting(request, pk)
    if posting is None:
        return Status(404, NOT_FOUND)
    return services.posting_publish(posting=posting)


router = Router()
router.add_router("", public)
router.add_router("", staff)
