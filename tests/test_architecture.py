"""The house rules the import contracts cannot check. Which room may import which, and where each library
lives, are the import-linter contracts in pyproject.toml (`lint-imports`, run by `make test`); that
`sdi --help` and `sdi status` load no heavy library is tested by running them (tests/cli/test_cli.py)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sdi"
# A module imported by a name computed at run time is invisible to the contracts: only the catalogue may do
# it, and only for its own parts (sdi.i18n.<part>).
DYNAMIC_IMPORTS_ALLOWED = {"sdi/i18n/__init__.py"}


def _dynamic_imports(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                lines.append(node.lineno)
    return lines


def test_no_module_is_imported_behind_the_contracts_back() -> None:
    found = [
        f"{relative}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (relative := path.relative_to(PACKAGE.parent).as_posix()) not in DYNAMIC_IMPORTS_ALLOWED
        for line in _dynamic_imports(path)
    ]
    assert found == []


def test_the_dynamic_import_check_sees_one() -> None:
    assert _dynamic_imports(PACKAGE / "i18n" / "__init__.py")


def test_modules_stay_small() -> None:
    too_long = [
        f"{path.relative_to(PACKAGE.parent)}: {lines} lines"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 450
    ]
    assert too_long == []
