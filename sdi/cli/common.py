"""Helpers shared by the command modules (kept free of heavy imports)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.workflow.project import Project


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Project]:
    """The project named by --project (or found from the cwd), closed when the command is done."""
    from sdi.workflow.project import open_project

    project = open_project(args.project, coder=args.coder)
    try:
        yield project
    finally:
        project.close()
