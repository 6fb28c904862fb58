"""Helpers shared by the command modules (kept free of heavy imports)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.workflow.project import Project


EXIT_NAMES = 3  # an export was refused because it contained real names
MAX_COUNT = 1_000_000  # --limit, --top, --min-count: more than any study holds, less than SQL's integers


def count(text: str) -> int:
    """A whole number no further from 0 than MAX_COUNT, for options that say how many (an argparse type;
    what makes sense is the workflow's to say, in one line)."""
    return _whole(text, -MAX_COUNT, MAX_COUNT)


def width(text: str) -> int:
    """A wrap width from 0 (the terminal's) to 10,000 (an argparse type)."""
    return _whole(text, 0, 10_000)


def _whole(text: str, low: int, high: int) -> int:
    try:
        value = int(text.strip()[:20])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:20]!r}") from None
    if not low <= value <= high or len(text.strip()) > 20:
        raise argparse.ArgumentTypeError(f"must be from {low:,} to {high:,}, not {text[:20]}")
    return value


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


def no_real_names(path: Path, names: tuple[str, ...], allowed: bool) -> bool:
    """Read a written export back; remove it, saying where, if a real name from the pseudonym key is in it."""
    import sys

    from sdi.export.names import names_in_export

    found = names_in_export(path, names)
    if not found or allowed:
        return True
    path.unlink()
    print(f"sdi: error: {path} contained real names from the pseudonym list; removed:", file=sys.stderr)
    for where in found:
        print(f"  {where}", file=sys.stderr)
    print("  (use --allow-names to keep such a file)", file=sys.stderr)
    return False
