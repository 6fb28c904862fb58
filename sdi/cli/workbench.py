"""`sdi` with no command: the workbench in a terminal; `sdi status` when there is no terminal to draw on."""

from __future__ import annotations

import argparse
import sys

from sdi.cli.common import opened


def run(args: argparse.Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from sdi.cli import status

        return status.run(args)
    from sdi.tui import run_tui

    with opened(args) as project:
        run_tui(project)
    return 0
