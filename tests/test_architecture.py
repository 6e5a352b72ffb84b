"""The import graph of ``reilu`` follows the layers in docs/architecture.md.

The graph is built from the source with ``ast``, so imports inside functions count as much as
those at the top of a module: a function-level import hides a dependency, it does not remove it.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reilu"

# Lowest first. A part may import any part of a lower layer, never one of its own layer or
# above; only the top layer (assembly and entry points) may import its own layer. ``api`` is
# the shared API plumbing (authentication, schemas, the error handler); ``api.assembly`` is
# the one module that mounts every area's router.
LAYERS: list[set[str]] = [
    {
        "rules",
        "textfields",
        "fold",
        "formatting",
        "form_addresses",
        "widgets",
        "errors",
        "adcheck",
        "limits",
        "pagecache",
        "workdays",
    },
    {"employers", "refusals"},
    {"messaging", "api"},
    {"privacy"},
    {"jobs"},
    {"applications"},
    {"interviews"},
    {"talent", "voice"},
    {"seekers"},
    {
        "api.assembly",
        "management",
        "urls",
        "periodic",
        "cli",
        "context",
        "templatetags",
        "settings",
        "wsgi",
        "apps",
        "health",
        "accounts",
        "demo",
    },
]
MODULE_PARTS = {"reilu.api.urls": "api.assembly"}

# Imports that break the layers today and are being removed (issue: one architecture step).
# The list may only shrink; the test fails on an entry that no longer occurs, too.
NOT_YET: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def part_of(module: str) -> str:
    for prefix, part in MODULE_PARTS.items():
        if module == prefix or module.startswith(prefix + "."):
            return part
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "reilu"


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if not node.level:
            base = node.module or ""
        else:
            anchor = module.split(".")
            keep = len(anchor) - node.level + (1 if is_package else 0)
            base = ".".join(anchor[:keep] + ([node.module] if node.module else []))
        # ``from reilu.x import y`` may name a module y: count it, so that parts mapped by
        # module (api.assembly) are seen.
        return [base] + [f"{base}.{alias.name}" for alias in node.names]
    return []


def import_edges() -> dict[tuple[str, str], list[str]]:
    """(importing part, imported part) -> where, for every import between two parts."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = _module_name(path)
        source = part_of(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = _imported(node, module, path.name == "__init__.py")
            targets = {part_of(n) for n in names if n.startswith("reilu.") and n in modules}
            if names and names[0].startswith("reilu.") and not targets:
                targets = {part_of(names[0])}
            for target in targets - {source}:
                where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                edges[(source, target)].append(where)
    return edges


def layer_of(part: str) -> int:
    for level, parts in enumerate(LAYERS):
        if part in parts:
            return level
    raise AssertionError(f"reilu.{part} is in no layer: add it to LAYERS and the docs")


def breaks(source: str, target: str) -> bool:
    top = len(LAYERS) - 1
    if layer_of(source) == layer_of(target) == top:
        return False  # the assembly layer wires things together; nothing imports it
    return layer_of(target) >= layer_of(source)


def circles(edges) -> list[list[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        graph[source].add(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_every_part_of_the_package_has_a_layer():
    parts = {part_of(_module_name(p)) for p in PACKAGE.rglob("*.py")} - {"reilu", "locale"}
    for part in parts:
        layer_of(part)


def test_no_import_goes_up_or_sideways():
    edges = import_edges()
    broken = {edge for edge in edges if breaks(*edge)}
    unexpected = {
        f"reilu.{s} imports reilu.{t} at {', '.join(edges[(s, t)])}" for s, t in broken - NOT_YET
    }
    assert not unexpected, "\n".join(sorted(unexpected))
    gone = NOT_YET - broken
    assert not gone, f"remove from NOT_YET, fixed: {sorted(gone)}"


def test_the_package_graph_has_no_circles():
    edges = {edge for edge in import_edges() if edge not in NOT_YET}
    assert circles(edges) == []


def test_the_checker_sees_imports_inside_functions(tmp_path):
    tree = ast.parse("def f():\n    from reilu.jobs.models import Posting\n")
    names = [n for node in ast.walk(tree) for n in _imported(node, "reilu.employers.x", False)]
    assert "reilu.jobs.models" in names
    assert breaks(part_of("reilu.employers.x"), part_of("reilu.jobs.models"))


def _is_part(module: str, name: str) -> bool:
    return name in module.split(".")


def test_reads_never_import_writes():
    """A selectors module only queries: it may not import any services module, so that the
    services can read through the selectors without a circle."""
    modules = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        if not _is_part(module, "selectors"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for name in _imported(node, module, path.name == "__init__.py"):
                if name in modules and _is_part(name, "services"):
                    found.append(f"{module} imports {name} at line {node.lineno}")
    assert found == []


# docs/architecture.md shows the layers and the graph between the markers below, as this
# module renders them: `python tests/test_architecture.py` prints the block to paste.
DOC = PACKAGE.parent / "docs" / "architecture.md"
BEGIN = "<!-- graph: generated by `python tests/test_architecture.py` -->"
END = "<!-- end of graph -->"


def render() -> str:
    """The layers and the package graph as Markdown: a table, a Mermaid graph of the domain
    areas, and every part's imports."""
    edges = import_edges()
    top = len(LAYERS) - 1
    lines = [BEGIN, "", "| layer | parts |", "| --- | --- |"]
    for level, parts in enumerate(LAYERS):
        lines.append(f"| {level} | {', '.join(f'`{p}`' for p in sorted(parts))} |")
    # The graph shows the domain areas: every part imports the base services (layer 0)
    # freely, and the top layer only assembles.
    areas = {p for level, parts in enumerate(LAYERS) if 0 < level < top for p in parts}
    lines += ["", "```mermaid", "flowchart TD"]
    for source, target in sorted(edges):
        if source in areas and target in areas:
            style = " -. not yet .-> " if (source, target) in NOT_YET else " --> "
            lines.append(f"  {source}{style}{target}")
    lines += ["```", "", "| part | imports |", "| --- | --- |"]
    imports: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        imports[source].add(target)
    order = {part: level for level, parts in enumerate(LAYERS) for part in parts}
    for part in sorted(imports, key=lambda p: (-order[p], p)):
        named = ", ".join(f"`{t}`" for t in sorted(imports[part], key=lambda t: (-order[t], t)))
        lines.append(f"| `{part}` | {named} |")
    lines += ["", END]
    return "\n".join(lines)


def test_the_docs_show_the_layers_and_the_graph_as_they_are():
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    assert text[start:end] == render(), (
        "docs/architecture.md is out of date: run `python tests/test_architecture.py` and "
        "paste its output between the graph markers"
    )


if __name__ == "__main__":
    print(render())
