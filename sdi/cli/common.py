"""Helpers shared by the command modules (kept free of heavy imports)."""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.workflow.project import Project


EXIT_NAMES = 3  # an export was refused because it contained real names


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Project]:
    """The project named by --project (or found from the cwd), closed when the command is done."""
    from sdi.workflow.project import open_project

    project = open_project(args.project, coder=args.coder)
    try:
        yield project
    finally:
        project.close()


def slug(name: str, fallback: str) -> str:
    """A file-name-safe form of a title ("Artikkel 1" → "artikkel-1")."""
    kept = "".join(ch.lower() if ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in kept.split("-") if part) or fallback


def no_real_names(
    path: Path, names: Mapping[str, str] | Iterable[str], allowed: bool, *, replace: bool | None = None
) -> bool:
    """Read a written file back; when a real name the project knows is in it, remove it, saying where.
    `replace` is None for files that must be refused (Word, CSV, REFI-QDA); for the text files sdi writes for
    the team (codebooks, merge decisions) it is the researcher's --replace-names: the file is then rewritten
    with each name replaced by its pseudonym (`names` mapping name → pseudonym) instead of being removed."""
    import sys

    from sdi.config import write_atomically
    from sdi.export.names import names_in_export, without_names

    found = names_in_export(path, names)
    if found and replace and isinstance(names, Mapping):
        write_atomically(path, without_names(path.read_text(encoding="utf-8"), names))
        found = names_in_export(path, names)
    if not found or allowed:
        return True
    path.unlink()
    print(f"sdi: error: {path} contained real names the project knows (the pseudonym key, [pseudonyms] or "
          "[privacy] lists); removed:", file=sys.stderr)  # fmt: skip
    for where in found:
        print(f"  {where}", file=sys.stderr)
    options = "--allow-names to keep such a file" + (" or --replace-names" if replace is not None else "")
    print(f"  (use {options})", file=sys.stderr)
    return False
