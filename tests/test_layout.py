"""The package's shape: layers import only downwards, no cycles, a handful of top-level modules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "assistant"
# Lower layers never import higher ones (TYPE_CHECKING-only imports excepted).
LAYERS = ["base", "knowledge", "retrieval", "llm", "answering", "evaluation", "serve", "cli"]
BASE = {"errors", "models", "numerals", "textnorm", "settings", "__init__"}


def _layer(module: str) -> str:
    parts = module.split(".")[1:]
    if not parts or parts[0] in BASE:
        return "base"
    return "cli" if parts[0] in ("cli", "__main__") else parts[0]


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        module = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in ast.walk(node)
        }  # fmt: skip
        graph[module] = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assistant")
            and id(node) not in typing_only
        }  # fmt: skip
    return graph


def test_layers_import_only_downwards():
    bad = []
    for module, targets in _imports().items():
        if _layer(module) == "base" and module != "assistant":
            allowed = {"base"}
        else:
            allowed = set(LAYERS[: LAYERS.index(_layer(module)) + 1])
        if module == "assistant":
            continue  # the package's lazy public names
        bad += [f"{module} → {t}" for t in targets if _layer(t) not in allowed]
    assert not bad, bad


def test_no_import_cycle():
    graph = _imports()
    seen: set[str] = set()

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            raise AssertionError(" → ".join([*stack[stack.index(node) :], node]))
        if node in seen:
            return
        for nxt in graph.get(node, ()):
            if nxt in graph and nxt != "assistant":
                visit(nxt, [*stack, node])
        seen.add(node)

    for module in graph:
        visit(module, [])


def test_a_handful_of_top_level_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top


def test_python_m_assistant_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0
    for command in ("ingest", "index", "ask", "eval", "calibrate", "serve", "feedback-export", "intranet-demo"):
        assert command in out.stdout, command
