from django.utils.translation import gettext as _
from django_ratelimit.exceptions import Ratelimited
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from reilu.api import public, staff
from reilu.api.schemas import Error, Problems
from reilu.interviews.api import router as interviews_router
from reilu.privacy.api import router as privacy_router
from reilu.talent.api import router as talent_router
from reilu.voice.api import router as voice_router


class ReiluAPI(NinjaAPI):
    """The schema also names the answers every operation can give before its own code runs:
    422 for bad query, path or body values, 400 for a body that is not JSON, 401 without a
    valid token. (Rate-limited operations declare their own 429.)"""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, model in (("Error", Error), ("Problems", Problems)):
            if name not in components:
                model_schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(model_schema.pop("$defs", {}))
                components[name] = model_schema
        schemes = schema["components"].get("securitySchemes", {})
        for item in schema.get("paths", {}).values():
            for method, op in item.items():
                if method not in {"get", "post", "put", "patch", "delete"}:
                    continue
                responses = op.setdefault("responses", {})

                def declare(code, ref, description, responses=responses):
                    responses.setdefault(
                        code,
                        {
                            "description": description,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": f"#/components/schemas/{ref}"}
                                }
                            },
                        },
                    )

                if op.get("parameters") or op.get("requestBody"):
                    declare(422, "Problems", "Invalid input")
                if op.get("requestBody"):
                    declare(400, "Error", "Unreadable request body")
                if op.get("security"):
                    declare(401, "Error", "Unauthorized")
                # Cookie sessions (django-ninja's APIKeyCookie) check CSRF on unsafe methods.
                uses_cookie = any(
                    schemes.get(name, {}).get("in") == "cookie"
                    for requirement in op.get("security", [])
                    for name in requirement
                )
                if uses_cookie and method != "get":
                    declare(403, "Error", "CSRF check failed")
        return schema


api = ReiluAPI(
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


@api.exception_handler(Ratelimited)
def too_many(request, exc):
    response = api.create_response(
        request,
        {"detail": _("Too many requests. Please wait a moment and try again.")},
        status=429,
    )
    response["Retry-After"] = "60"
    return response


@api.exception_handler(OverflowError)
def out_of_range(request, exc):
    """An id or number beyond what the database stores (SQLite: 64 bits) is bad input."""
    return api.create_response(
        request,
        {"detail": [{"code": "invalid", "field": "", "message": _("A number is out of range.")}]},
        status=422,
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
