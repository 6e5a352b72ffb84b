from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from reilu.api import public, staff
from reilu.interviews.api import router as interviews_router
from reilu.privacy.api import router as privacy_router
from reilu.talent.api import router as talent_router
from reilu.voice.api import router as voice_router

api = NinjaAPI(
    title="Reilu API",
    version="1",
    description="Public jobs, applying and a candidate's status; staff endpoints by bearer token.",
    urls_namespace="api",
)
api.add_router("", public.router)
api.add_router("", staff.router)
api.add_router("", interviews_router)
api.add_router("", voice_router)
api.add_router("", talent_router)
api.add_router("", privacy_router)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return api.create_response(
        request, {"detail": _("A valid staff token is required.")}, status=401
    )


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(
        request,
        {"detail": [_describe(e) for e in exc.errors]},
        status=422,
    )


def _describe(error: dict) -> dict:
    """Validation errors in the same shape as publish problems: code, field, message."""
    skip = ("body", "payload", "form", "query", "path", "file")
    field = ".".join(str(part) for part in error.get("loc", []) if part not in skip)
    return {"code": "invalid", "field": field, "message": str(error.get("msg", ""))}
