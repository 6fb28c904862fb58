"""The terminal face of sdi: a Textual app over the workflow layer, one screen per SDI step."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.workflow.project import Project


def run_tui(project: Project) -> None:
    """Open the workbench on an already opened project (Textual is imported only now)."""
    from sdi.tui.app import SdiApp

    SdiApp(project).run()
