from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from reilu.api import public, staff

api = NinjaAPI(
    title="Reilu API",
    version="1",
    description="Public jobs, applying and a candidate's status; staff endpoints by bearer token.",
    urls_namespace="api",
)
api.add_router("", public.router)
api.add_router("", staff.router)


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
