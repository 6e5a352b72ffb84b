from ninja import NinjaAPI

from reilu.api import errors
from reilu.api.schemas import Error, Problems, PublishRefusal, Refusal
from reilu.applications.api import router as applications_router
from reilu.interviews.api import router as interviews_router
from reilu.jobs.api import router as jobs_router
from reilu.seekers.api import router as seekers_router
from reilu.talent.api import router as talent_router
from reilu.voice.api import router as voice_router


class ReiluAPI(NinjaAPI):
    """The schema also names the answers every operation can give before its own code runs:
    422 for bad query, path or body values, 400 for a body that is not JSON, 401 without a
    valid token. (Rate-limited operations declare their own 429.)"""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        shared = (
            ("Error", Error),
            ("Problems", Problems),
            ("Refusal", Refusal),
            ("PublishRefusal", PublishRefusal),
        )
        for name, model in shared:
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
api.add_router("", jobs_router)
api.add_router("", applications_router)
api.add_router("", interviews_router)
api.add_router("", voice_router)
api.add_router("", talent_router)
api.add_router("", seekers_router)
errors.install(api)
