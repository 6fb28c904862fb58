"""The house rules the import contracts cannot check. Which room may import which, and where each library
lives, are the import-linter contracts in pyproject.toml (`lint-imports`, run by `make test`); that
`sdi --help` and `sdi status` load no heavy library is tested by running them (tests/cli/test_cli.py)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sdi"


def _dynamic_imports(path: Path) -> list[tuple[int, str]]:
    """(line, the literal start of the name) of every `import_module(...)` / `__import__(...)` call."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                first = node.args[0]
                if isinstance(first, ast.JoinedStr) and first.values:
                    first = first.values[0]
                literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
                prefix = first.value if literal else ""
                found.append((node.lineno, prefix))
    return found


def test_a_module_imported_by_a_computed_name_is_in_its_own_room() -> None:
    """A name computed at run time is invisible to the contracts, so a room may import that way only its
    own modules (the catalogue its parts, the CLI its commands)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        room = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        found += [
            f"{path.relative_to(PACKAGE.parent)}:{line} imports {prefix or 'a computed name'}…"
            for line, prefix in _dynamic_imports(path)
            if not prefix.startswith(f"sdi.{room}.")
        ]
    assert found == []


def test_the_dynamic_import_check_sees_them() -> None:
    assert _dynamic_imports(PACKAGE / "i18n" / "__init__.py") == [(25, "sdi.i18n.")]


def test_modules_stay_small() -> None:
    too_long = [
        f"{path.relative_to(PACKAGE.parent)}: {lines} lines"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 450
    ]
    assert too_long == []
