"""The house rules, checked on the source: data flows one way and each library has one home."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sdi"

# room -> top-level modules it must never import
FORBIDDEN = {
    "cli": {"sqlalchemy", "alembic", "spacy", "textual", "sdi.storage", "sdi.ingest", "sdi.nlp"},
    "tui": {"sqlalchemy", "alembic", "spacy", "sdi.storage"},
    "export": {"sqlalchemy", "alembic", "spacy", "textual", "sdi.storage", "sdi.workflow"},
    "workflow": {"textual", "spacy", "sdi.cli", "sdi.tui", "sdi.export"},
    "storage": {"textual", "spacy", "sdi.workflow", "sdi.cli", "sdi.tui", "sdi.ingest"},
    "ingest": {"textual", "sqlalchemy", "sdi.storage", "sdi.workflow", "sdi.cli", "sdi.tui"},
    "nlp": {"textual", "sqlalchemy", "sdi.storage", "sdi.workflow", "sdi.cli", "sdi.tui", "sdi.ingest"},
}


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violates(name: str, forbidden: set[str]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_room_imports_only_what_it_may(room: str) -> None:
    folder = PACKAGE / room
    if not folder.exists():
        pytest.skip(f"sdi/{room} does not exist yet")
    problems = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in sorted(folder.rglob("*.py"))
        for name in sorted(imported_names(path))
        if violates(name, FORBIDDEN[room])
    ]
    assert problems == []


def test_config_imports_no_other_room() -> None:
    names = imported_names(PACKAGE / "config.py")
    assert not [n for n in names if n.startswith("sdi.")]


def test_modules_stay_small() -> None:
    too_long = [
        f"{path.relative_to(PACKAGE.parent)}: {lines} lines"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 450
    ]
    assert too_long == []


def test_publish_is_a_face_neutral_module() -> None:
    """`sdi.publish` (the exports both faces offer) reads through the workflow and writes through sdi.export:
    no SQL, no Textual, no face of its own."""
    forbidden = {"sqlalchemy", "alembic", "spacy", "textual", "sdi.storage", "sdi.cli", "sdi.tui"}
    names = imported_names(PACKAGE / "publish.py")
    assert [name for name in sorted(names) if violates(name, forbidden)] == []
