"""Public API of the candidates' voice: an employer's candidate-experience scorecard."""

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from reilu.api.schemas import Error
from reilu.employers.models import Organization
from reilu.voice.selectors.figures import MIN_BASIS, PERIOD_DAYS
from reilu.voice.selectors.public_scorecard import published_scorecard

router = Router(tags=["voice"])


class FigureOut(Schema):
    key: str
    label: str
    value: float | None
    basis: int | None
    unit: str
    available: bool
    explanation: str
    note: str


class ScorecardOut(Schema):
    employer: str
    period_days: int
    min_basis: int
    figures: list[FigureOut]


@router.get("/employers/{slug}/scorecard", response={200: ScorecardOut, 404: Error})
def scorecard(request, slug: str):
    org = Organization.objects.filter(slug=slug).first()
    if org is None:
        return Status(404, {"detail": _("No such employer.")})
    return {
        "employer": org.name,
        "period_days": PERIOD_DAYS,
        "min_basis": MIN_BASIS,
        "figures": [f.public() for f in published_scorecard(org)],
    }
