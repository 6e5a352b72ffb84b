"""Staff endpoints; every query is scoped to the token's employer."""

from django.db import transaction
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from reilu.api import schemas as s
from reilu.api.auth import staff_auth
from reilu.applications import services as app_services
from reilu.applications.models import Application
from reilu.jobs import services
from reilu.jobs.models import Posting, Stage
from reilu.jobs.rules import pay_range_problem
from reilu.privacy.services import audit_listed

router = Router(tags=["staff"], auth=staff_auth)
NOT_FOUND = {"detail": "Not found."}
MAX_ID = 2**63 - 1  # the largest id any of the databases stores


def _posting(request, pk: int) -> Posting | None:
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


def _check_email(data: dict) -> str | None:
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    if data.get("contact_email"):
        try:
            validate_email(data["contact_email"])
        except ValidationError:
            return _("The contact email address is not valid.")
    return pay_range_problem(data.get("pay_min"), data.get("pay_max"))


@router.post("/postings", response={201: s.PostingRef, 400: s.Error, 401: s.Error, 422: s.Problems})
def posting_create(request, payload: s.PostingCreate):
    data, duties, stages = _split(payload, partial=False)
    data = {k: v for k, v in data.items() if v is not None}
    if error := _check_email(data):
        return Status(400, {"detail": error})
    posting = services.posting_create(
        organization=request.org, user=request.user, data=data, duties=duties or [], stages=stages
    )
    return Status(201, posting)


@router.get("/postings", response={200: list[s.PostingRef], 401: s.Error})
def posting_list(request):
    return list(Posting.objects.filter(organization=request.org).order_by("-created_at")[:500])


@router.patch(
    "/postings/{pk}",
    response={
        200: s.PostingRef,
        400: s.Error,
        401: s.Error,
        404: s.Error,
        409: s.Refusal,
        422: s.Problems | s.PublishRefusal,
    },
)
def posting_update(request, pk: int, payload: s.PostingFields):
    posting = _posting(request, pk)
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


@router.post(
    "/postings/{pk}/publish",
    response={200: s.PostingRef, 401: s.Error, 404: s.Error, 422: s.Problems | s.PublishRefusal},
)
def posting_publish(request, pk: int):
    posting = _posting(request, pk)
    if posting is None:
        return Status(404, NOT_FOUND)
    return services.posting_publish(posting=posting)


@router.get(
    "/postings/{pk}/applications",
    response={200: s.ApplicationPage, 401: s.Error, 404: s.Error, 422: s.Problems},
)
def posting_applications(
    request,
    pk: int,
    outcome: str = "",
    stage: int = Query(0, ge=0, le=MAX_ID),
    limit: int = 100,
    offset: int = 0,
):
    posting = _posting(request, pk)
    if posting is None:
        return Status(404, NOT_FOUND)
    apps = Application.objects.filter(posting=posting).select_related("stage")
    if outcome in Application.Outcome.values:
        apps = apps.filter(outcome=outcome)
    if stage:
        apps = apps.filter(stage_id=stage)
    limit = max(1, min(limit, 500))
    offset = max(0, min(offset, 10**9))
    page = list(apps.order_by("id")[offset : offset + limit])
    # Names and emails leave Reilu here (no CV: the list has neither its file nor a link).
    audit_listed(organization=posting.organization, applications=page, actor=request.user)
    items = [
        {
            "id": a.pk,
            "name": a.name,
            "email": a.email,
            "stage_id": a.stage_id,
            "stage": a.stage.name,
            "outcome": a.outcome,
            "promised_by": a.promised_by,
            "created_at": a.created_at,
        }
        for a in page
    ]
    return {"count": apps.count(), "items": items}


@router.post(
    "/applications/{pk}/move",
    response={200: s.MoveOut, 400: s.Error, 401: s.Error, 404: s.Error, 409: s.Refusal},
)
def application_move(request, pk: int, payload: s.MoveIn):
    app = Application.objects.filter(pk=pk, posting__organization=request.org).first()
    if app is None:
        return Status(404, NOT_FOUND)
    to_stage = None
    if payload.to != "next":
        try:
            stage_id = int(payload.to)
            if not 0 < stage_id < 2**63:
                raise ValueError
        except ValueError:
            return Status(400, {"detail": _('"to" must be "next" or a stage id.')})
        to_stage = Stage.objects.filter(pk=stage_id, posting_id=app.posting_id).first()
        if to_stage is None:
            return Status(400, {"detail": _("That stage does not belong to this posting.")})
    app = app_services.application_move(
        application=app, actor=request.user, to_stage=to_stage, note=payload.note
    )
    return {
        "id": app.pk,
        "stage_id": app.stage_id,
        "stage": app.stage.name,
        "promised_by": app.promised_by,
    }


@router.post(
    "/applications/decisions",
    response={200: s.DecisionsOut, 401: s.Error, 422: s.Problems},
)
def decisions(request, payload: s.DecisionsIn):
    # The services take any language code; the API accepts only Reilu's three.
    notes: dict[str, str] | None = None
    if payload.notes is not None:
        notes = {language: text for language, text in payload.notes.items()}
    with transaction.atomic():
        updated = app_services.applications_decide(
            organization=request.org,
            application_ids=payload.application_ids,
            outcome=payload.outcome,
            note=payload.note,
            notes=notes,
            actor=request.user,
        )
    return {"updated": updated}
