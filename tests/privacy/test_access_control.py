"""Every staff route, discovered, refuses other employers' members and interviewers.

Routes come from the URL resolver (the "staff" namespace and every other pattern whose name
or path starts with staff/) and from the OpenAPI schema (every operation with a security
requirement), so routes other areas add are covered without touching this file.
"""

import json
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from reilu.applications.models import Application, Event
from reilu.employers.models import ApiToken, Membership
from tests.conftest import make_application, make_posting, make_staff

DENIED = {401, 403, 404, 405}
# Pages any signed-in (or anonymous) person may open by design: they hold no candidate data.
OPEN_BY_DESIGN = {
    "staff:login",
    "staff:logout",
    # Forgotten password: the reset link's token, not a session, is the key.
    "staff:password_reset",
    "staff:password_reset_done",
    "staff:password_reset_confirm",
    "staff:password_reset_complete",
}
SECRETS = ("Vera Victim", "vera@victim.example", "Victim's secret note", "040 999 0000")


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else ""
            yield prefix + str(entry.pattern), name


def staff_routes() -> list[tuple[str, str]]:
    routes = []
    for route, name in walk(get_resolver().url_patterns):
        if route.startswith("^") or route.startswith("api/"):
            continue
        leaf = name.split(":")[-1]
        is_staff = name.startswith("staff:") or route.startswith("staff/")
        if (is_staff or leaf.startswith("staff")) and name not in OPEN_BY_DESIGN:
            routes.append((route, name))
    return sorted(set(routes))


PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


def fill(route: str, value_for) -> list[str]:
    """Concrete paths for a route: every int parameter tried with each foreign object id."""
    paths = [route]
    for match in PARAM.finditer(route):
        conv = match.group("conv") or "str"
        values = value_for(conv, match.group("name"))
        paths = [p.replace(match.group(0), str(v), 1) for p in paths for v in values]
    return ["/" + p for p in paths]


@pytest.fixture
def victim(db):
    """An employer with a candidate, notes and messages: the data nobody else may see."""
    from tests.conftest import make_org

    org = make_org("victim", "Victim Oy")
    owner = make_staff(org, "owner@victim.example", role=Membership.Role.OWNER)
    posting = make_posting(org, title="Victim job")
    app, raw = make_application(posting, email="vera@victim.example", name="Vera Victim")
    Application.objects.filter(pk=app.pk).update(phone="040 999 0000")
    Event.objects.create(
        application=app,
        kind=Event.Kind.NOTE,
        visible_to_candidate=False,
        text="Victim's secret note",
        actor=owner,
    )
    return {"org": org, "posting": posting, "app": app, "owner": owner}


def foreign_ids(victim) -> list[int]:
    app = victim["app"]
    ids = {
        victim["posting"].pk,
        app.pk,
        app.stage_id,
        victim["org"].pk,
        *app.events.values_list("pk", flat=True),
        *app.messages.values_list("pk", flat=True),
        *app.promises.values_list("pk", flat=True),
        *victim["posting"].stages.values_list("pk", flat=True),
    }
    return sorted(ids)


def snapshot(victim) -> tuple:
    app = Application.objects.get(pk=victim["app"].pk)
    victim["posting"].refresh_from_db()
    return (
        app.outcome,
        app.stage_id,
        app.promised_by,
        app.contact_email,
        app.erased_at,
        app.events.count(),
        app.messages.count(),
        victim["posting"].state,
        victim["posting"].title,
    )


def stored_uuids() -> list[str]:
    """Every UUID held in the database (other areas' public ids), plus one that is not."""
    import uuid

    from django.apps import apps
    from django.db import models

    found = [str(uuid.uuid4())]
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.UUIDField):
                found += [str(v) for v in model.objects.values_list(field.attname, flat=True)[:5]]
    return found


def value_for(victim):
    ids = foreign_ids(victim)
    uuids = stored_uuids()

    def values(conv, name):
        if conv == "int":
            return ids
        if conv == "uuid":
            return uuids
        if conv == "slug":
            return [victim["posting"].slug, victim["org"].slug, "en"]
        return ["x" * 8]

    return values


def leaks(body: bytes) -> list[str]:
    text = body.decode("utf-8", "replace")
    return [s for s in SECRETS if s in text or s.replace("'", "&#x27;") in text]


@pytest.fixture
def client():
    """Server errors come back as 500 responses, so one run lists every failing route."""
    from django.test import Client

    return Client(raise_request_exception=False)


@pytest.fixture(params=["other employer", "interviewer"])
def intruder(request, victim, db):
    if request.param == "other employer":
        from tests.conftest import make_org

        own = make_org("intruder", "Intruder Oy")
        return make_staff(own, "boss@intruder.example", role=Membership.Role.OWNER), own
    return make_staff(victim["org"], "int@victim.example", role=Membership.Role.INTERVIEWER), (
        victim["org"]
    )


def test_it_finds_the_staff_routes_of_every_area():
    routes = dict(staff_routes())
    names = set(routes.values())
    assert {"staff:application", "staff:cv", "staff:board", "privacy:audit"} <= names
    assert len(routes) >= 20


def test_it_denies_every_staff_page_to_outsiders_and_interviewers(client, victim, intruder):
    user, _own = intruder
    client.force_login(user)
    before = snapshot(victim)
    problems = []
    for route, name in staff_routes():
        has_params = bool(PARAM.search(route))
        for path in fill(route, value_for(victim)):
            for method in ("get", "post"):
                response = getattr(client, method)(path)
                code = response.status_code
                body = b"" if getattr(response, "streaming", False) else response.content
                if getattr(response, "streaming", False):
                    body = b"".join(response.streaming_content)
                if code >= 500:
                    problems.append(f"{method.upper()} {path} ({name}): {code}")
                elif has_params and code not in DENIED:
                    problems.append(f"{method.upper()} {path} ({name}): {code}, expected no access")
                elif leaks(body):
                    problems.append(f"{method.upper()} {path} ({name}): shows {leaks(body)}")
        assert snapshot(victim) == before, f"{route} changed the victim's data"
    assert not problems, "\n".join(problems)


def test_it_sends_anonymous_visitors_to_the_login_page(client, victim):
    for route, _name in staff_routes():
        for path in fill(route, value_for(victim)):
            response = client.get(path)
            assert response.status_code in {302, *DENIED}, path
            if response.status_code == 302:
                assert "/staff/login/" in response["Location"], path


def schema_example(schema: dict, components: dict, ids: list[int], depth: int = 0):
    """A small valid-looking value for a JSON schema, so validation passes and the route's
    own access check is what answers."""
    if "$ref" in schema:
        return schema_example(components[schema["$ref"].split("/")[-1]], components, ids, depth)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"] or schema[key]
            return schema_example(options[0], components, ids, depth)
    if "enum" in schema:
        return schema["enum"][0]
    if "default" in schema and depth > 0:
        return schema["default"]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {
            k: schema_example(v, components, ids, depth + 1)
            for k, v in props.items()
            if k in schema.get("required", []) or depth == 0
        }
    if kind == "array":
        return [schema_example(schema.get("items", {}), components, ids, depth + 1)]
    if kind == "integer":
        return ids[0]
    if kind == "number":
        return 1
    if kind == "boolean":
        return True
    fmt = schema.get("format")
    if fmt == "date":
        return "2030-01-01"
    if fmt == "date-time":
        return "2030-01-01T00:00:00Z"
    if fmt == "email":
        return "x@example.com"
    return "x"


def secured_operations(client) -> list[tuple[str, str, dict]]:
    spec = client.get("/api/v1/openapi.json").json()
    global_security = spec.get("security")
    ops = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in {"get", "post", "put", "patch", "delete"} and op.get(
                "security", global_security
            ):
                ops.append((path, method, op))
    return ops, spec.get("components", {}).get("schemas", {})


def test_it_finds_the_secured_api_operations(client, db):
    ops, _ = secured_operations(client)
    paths = {p for p, _m, _o in ops}
    assert "/api/v1/postings/{pk}/applications" in paths
    assert "/api/v1/jobs" not in paths
    assert len(ops) >= 6


def test_it_denies_every_staff_api_operation_to_outsiders_and_interviewers(
    client, victim, intruder
):
    user, own = intruder
    token = ApiToken.issue(user=user, organization=own)
    ops, components = secured_operations(client)
    ids = foreign_ids(victim)
    before = snapshot(victim)
    problems = []
    for path, method, op in ops:
        params = [p for p in op.get("parameters", []) if p.get("in") == "path"]
        urls = [path]
        for param in params:
            kind = param.get("schema", {}).get("type")
            values = ids if kind == "integer" else [victim["posting"].slug, "x" * 8]
            urls = [u.replace(f"{{{param['name']}}}", str(v)) for u in urls for v in values]
        body = None
        content = op.get("requestBody", {}).get("content", {})
        if "application/json" in content:
            body = schema_example(content["application/json"]["schema"], components, ids)
        for url in urls:
            for each_id in ids if body is not None and "{" not in path else [None]:
                payload = body
                if each_id is not None:
                    payload = json.loads(json.dumps(body).replace(str(ids[0]), str(each_id)))
                response = getattr(client, method)(
                    url,
                    data=json.dumps(payload) if payload is not None else None,
                    content_type="application/json",
                    headers={"Authorization": f"Bearer {token}"},
                )
                code = response.status_code
                if code >= 500:
                    problems.append(f"{method.upper()} {url}: {code}")
                elif params and code not in {401, 403, 404, 422}:
                    problems.append(f"{method.upper()} {url}: {code}, expected no access")
                elif leaks(response.content):
                    problems.append(f"{method.upper()} {url}: shows {leaks(response.content)}")
    assert snapshot(victim) == before
    assert not problems, "\n".join(problems)
