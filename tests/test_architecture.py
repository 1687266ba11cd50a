"""The three rooms keep their import direction: adapters -> bot -> corpus (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAT_SDKS = {"telegram", "slack_bolt", "slack_sdk", "aiohttp"}


def _imports(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: resolve against this module's package
                    base = module.split(".")[: -node.level]
                    names.add(".".join([*base, node.module] if node.module else base))
                elif node.module:
                    names.add(node.module)
        found[module] = names
    return found


def _top(name: str) -> str:
    return name.split(".")[0]


def test_corpus_imports_neither_bot_nor_adapters_nor_a_chat_sdk() -> None:
    bad = {m: sorted(n for n in names if _top(n) in {"bot", "adapters", *CHAT_SDKS})
           for m, names in _imports("corpus").items()}
    assert {m: n for m, n in bad.items() if n} == {}


def test_bot_imports_no_adapter_and_no_chat_sdk() -> None:
    bad = {m: sorted(n for n in names if _top(n) in {"adapters", *CHAT_SDKS})
           for m, names in _imports("bot").items()}
    assert {m: n for m, n in bad.items() if n} == {}


def test_the_chat_adapters_never_import_each_other() -> None:
    imports = _imports("adapters")
    for module, names in imports.items():
        if module.startswith("adapters.telegram"):
            assert not [n for n in names if n.startswith("adapters.slack")], module
        if module.startswith("adapters.slack"):
            assert not [n for n in names if n.startswith("adapters.telegram")], module


def test_answering_never_imports_scheduling_or_the_composition() -> None:
    """bot/ is two rooms: scheduling uses answering, never back; bot.core composes them."""
    bad = {m: sorted(n for n in names if n.startswith(("bot.scheduling", "bot.core")))
           for m, names in _imports("bot").items() if m.startswith("bot.answering")}
    assert {m: n for m, n in bad.items() if n} == {}
    shared = {m: sorted(n for n in names if n.startswith(("bot.answering", "bot.scheduling", "bot.core")))
              for m, names in _imports("bot").items() if m in {"bot.reply", "bot.config", "bot.errors"}}
    assert {m: n for m, n in shared.items() if n} == {}
