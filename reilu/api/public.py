"""Public endpoints: jobs, applying, and a candidate's own status by token."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from reilu.api import schemas as s
from reilu.applications import services
from reilu.applications.forms import ApplyForm
from reilu.applications.models import AccessToken
from reilu.applications.selectors import status_context
from reilu.jobs.models import Posting
from reilu.jobs.views import PUBLIC_STATES, open_postings
from reilu.limits import count_miss, rate_limited
from reilu.privacy.services import record_notice_acceptance
from reilu.rules import RuleError
from reilu.textfields import Line, Text

router = Router(tags=["public"])


def job_summary(p: Posting) -> dict:
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


@router.get("/jobs", response={200: list[s.JobSummary]})
def jobs(request, limit: int = 100, offset: int = 0):
    limit = max(1, min(limit, 200))
    offset = max(0, min(offset, 10**9))
    postings = open_postings().select_related("organization")[offset : offset + limit]
    return [job_summary(p) for p in postings]


@router.get("/jobs/{slug}", response={200: s.JobDetail, 404: s.Error})
def job(request, slug: str):
    p = (
        Posting.objects.select_related("organization")
        .prefetch_related("duties", "stages")
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
        "contact_name": p.contact_name,
        "contact_email": p.contact_email,
        "contact_phone": p.contact_phone,
        "interviews_from": p.interviews_from,
        "interviews_to": p.interviews_to,
        "decision_by": p.decision_by,
        "state": p.state,
        "open": p.is_open,
    }


@router.post(
    "/jobs/{slug}/applications",
    response={
        201: s.Applied,
        400: s.Error,
        404: s.Error,
        409: s.Refusal,
        410: s.Refusal,
        422: s.Problems,
        429: s.Error,
    },
)
@rate_limited("apply", method="POST")  # the same counter as the apply page
def apply(
    request,
    slug: str,
    name: Line = Form(...),
    email: Line = Form(...),
    language: Line = Form(...),
    privacy_consent: Line = Form(...),
    phone: Line = Form(""),
    cover_letter: Text = Form(""),
    talent_consent: Line = Form(""),
    cv: UploadedFile = File(None),
):
    posting = (
        Posting.objects.select_related("organization")
        .filter(slug=slug, state__in=PUBLIC_STATES)
        .first()
    )
    if posting is None:
        return Status(404, {"detail": _("No such job.")})
    if not posting.is_open:
        raise RuleError("closed", _("This job no longer takes applications."))
    # The same form as the web page: one set of rules for every way of applying.
    form = ApplyForm(
        {
            "name": name,
            "email": email,
            "phone": phone,
            "cover_letter": cover_letter,
            "language": language,
            "privacy_consent": privacy_consent,
            "talent_consent": talent_consent,
        },
        {"cv": cv} if cv is not None else {},
    )
    if not form.is_valid():
        errors = "; ".join(
            f"{field}: {' '.join(str(m) for m in msgs)}"
            if field != "__all__"
            else " ".join(str(m) for m in msgs)
            for field, msgs in form.errors.items()
        )
        return Status(400, {"detail": errors})
    try:
        app, raw = form.submit(posting)
    except ValidationError as exc:
        # Whatever the stored application refused at the last moment: the page says "closed".
        raise RuleError("closed", _("This job no longer takes applications.")) from exc
    # The API client is expected to have shown the employer's current notice.
    record_notice_acceptance(application=app, version=None)
    return Status(201, {"id": app.pk, "status_url": services.status_url(raw)})


def _status(app) -> dict:
    ctx = status_context(app)
    return {
        "posting": app.posting.title,
        "employer": app.posting.organization.name,
        "stage": app.stage.name,
        "stage_description": app.stage.description,
        "stage_position": ctx["position"],
        "stage_total": ctx["total"],
        "outcome": app.outcome,
        "contact": {
            "name": app.contact_name,
            "email": app.contact_email,
            "phone": app.contact_phone,
        },
        "promised_by": app.promised_by if app.is_active else None,
        "events": [
            {
                "kind": e.kind,
                "label": e.get_kind_display(),
                "stage": e.stage.name if e.stage else None,
                "text": e.text,
                "at": e.created_at,
            }
            for e in ctx["events"]
        ],
        "messages": [
            {
                "subject": m.subject,
                "state": m.state,
                "created_at": m.created_at,
                "sent_at": m.sent_at,
            }
            for m in ctx["messages_sent"]
        ],
    }


@router.get("/status/{token}", response={200: s.Status, 404: s.Error, 429: s.Error})
def status(request, token: str):
    app = AccessToken.resolve(token)
    if app is None:
        count_miss(request, "status")
        return Status(404, {"detail": _("This status link is not valid.")})
    return _status(app)


@router.post("/status/{token}/withdraw", response={200: s.Status, 404: s.Error, 409: s.Refusal})
def withdraw(request, token: str):
    app = AccessToken.resolve(token)
    if app is None:
        return Status(404, {"detail": _("This status link is not valid.")})
    return _status(services.application_withdraw(application=app))


@router.post("/adcheck", response={200: s.AdCheckOut, 422: s.Problems})
def adcheck(request, payload: s.AdCheckIn):
    """Check any job-ad text (fi, sv, en): findings with codes, severities, messages, spans."""
    from reilu.adcheck import check
    from reilu.jobs.adcheck import advice_language

    return check(payload.text, payload.language, advice_language()).to_dict()
