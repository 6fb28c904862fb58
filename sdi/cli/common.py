"""Helpers shared by the command modules (kept free of heavy imports)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.workflow.project import Project


def open_from_args(args: argparse.Namespace) -> Project:
    from sdi.workflow.project import open_project

    return open_project(args.project, coder=args.coder)
