"""The layout holds: modules import each other in one direction, import at the top, and stay readable.

Read from the source with `ast` (no module is imported to build the graph), then every module is
imported in a fresh interpreter in dependency order, so that an order that only works because some
other module happened to load first is caught too.
"""

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["hub", "home", "practice", "search"]
# Long by nature: the demo's text, and migrations.
LONG_ALLOWED = ("practice/demo/", "/migrations/")
MAX_LINES = 400
# The one import inside a function: a page's context is built by the features above the models
# (practice.pages), reached when the page is served (see practice.models.base.ContextFromFeatures).
IMPORTS_IN_FUNCTIONS = {("practice.models.base", "practice.pages")}
# What the bottom layers may import from the project: the models build on the blocks, common helpers
# and hub's converters and database helpers; common builds on nothing of ours but itself.
LAYERS = {
    "practice.models": (
        "practice.models",
        "practice.blocks",
        "practice.markup",
        "practice.common",
        "hub.converters",
        "hub.db",
    ),
    "practice.common": ("practice.common",),
}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_modules():
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    }


MODULES = source_modules()


def imported(node, modules):
    """Return the project modules an import statement names (a `from x import y` may name module x.y)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return {name for name in names if name in modules}


def imports_of(name, path, modules):
    """Return (imports at the top of the module, imports inside its functions)."""
    tree = ast.parse(path.read_text())
    in_functions = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom) and node.level == 0 and node.module != "__future__":
                    in_functions |= imported(node, modules)
    everywhere = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and node.module):
            everywhere |= imported(node, modules)
    return everywhere - in_functions - {name}, in_functions - {name}


GRAPH = {}
IN_FUNCTIONS = {}
for _name, _path in MODULES.items():
    GRAPH[_name], IN_FUNCTIONS[_name] = imports_of(_name, _path, MODULES)


def test_no_import_cycle():
    # A package's own __init__ importing its submodules is how packages work, not a cycle.
    graph = {name: {other for other in imports if not name.startswith(other + ".")} for name, imports in GRAPH.items()}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        pytest.fail(f"These modules import each other in a circle: {' -> '.join(error.args[1])}")
    assert set(order) >= set(MODULES)


def test_imports_are_at_the_top_but_one():
    inside = {(name, other) for name, others in IN_FUNCTIONS.items() for other in others}
    assert inside == IMPORTS_IN_FUNCTIONS


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_bottom_layers_import_nothing_above_them(layer):
    allowed = LAYERS[layer]
    above = {
        (name, other)
        for name, others in GRAPH.items()
        if name == layer or name.startswith(layer + ".")
        for other in others
        if not any(other == low or other.startswith(low + ".") for low in allowed)
    }
    assert above == set()


def test_no_module_is_too_long_to_read():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in ROOT.glob("*/**/*.py")
        if path.parts[len(ROOT.parts)] in PACKAGES and not any(part in str(path) for part in LONG_ALLOWED)
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_module_imports_in_a_fresh_interpreter_in_dependency_order():
    graph = {name: {other for other in imports if not name.startswith(other + ".")} for name, imports in GRAPH.items()}
    # Settings modules and the WSGI entry point are loaded by Django and the server, one of them per process,
    # as is one database vendor's search backend (search.backends.database says why).
    elsewhere = {"sqlite": "search.backends.postgres", "postgresql": "search.backends.sqlite"}[connection.vendor]
    order = [
        name
        for name in TopologicalSorter(graph).static_order()
        if not name.startswith(("hub.settings", "hub.wsgi", elsewhere))
    ]
    script = (
        "import importlib, django, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'hub.settings.test')\n"
        "django.setup()\n"
        f"for name in {order!r}:\n"
        "    importlib.import_module(name)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)  # noqa: S603
    assert result.returncode == 0, result.stderr[-2000:]
