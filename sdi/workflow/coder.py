"""Who codes: the coders a project knows, so the workbench can ask at start and switch on request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdi.workflow.errors import WorkflowError

if TYPE_CHECKING:
    from sdi.workflow.project import Project


@dataclass(frozen=True)
class CoderSummary:
    name: str
    codings: int


# Plain SQL: the workbench asks this before its first screen is drawn (is the login name a known coder?)
_CODERS = (
    "SELECT c.name, count(k.id) FROM coders c LEFT JOIN codings k ON k.coder_id = c.id "
    "GROUP BY c.id, c.name ORDER BY count(k.id) DESC, c.name"
)


def list_coders(project: Project) -> list[CoderSummary]:
    """Every coder the store has met, those with most codings first (the ones who actually code)."""
    with project.reading_rows() as read:
        return [CoderSummary(name, int(count)) for name, count in read(_CODERS)]


def needs_coder_choice(project: Project) -> bool:
    """Ask who codes when nobody named a coder and the login name is not one the project knows yet —
    otherwise a colleague's machine would silently start a new coder under its login name."""
    if project.coder_chosen:
        return False
    known = [coder.name for coder in list_coders(project) if coder.codings]
    return bool(known) and project.coder_name not in known


def switch_coder(project: Project, name: str) -> None:
    if not name.strip():
        raise WorkflowError(key="error.coder.name_needed")
    project.switch_coder(name.strip())
