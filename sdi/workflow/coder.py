"""Who codes: the coders a project knows, so the workbench can ask at start and switch on request."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from sdi.storage.models import Coder, Coding
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project


@dataclass(frozen=True)
class CoderSummary:
    name: str
    codings: int


def list_coders(project: Project) -> list[CoderSummary]:
    """Every coder the store has met, those with most codings first (the ones who actually code)."""
    with project.store.reading() as session:
        rows = session.execute(
            select(Coder.name, func.count(Coding.id))
            .outerjoin(Coding, Coding.coder_id == Coder.id)
            .group_by(Coder.id, Coder.name)
            .order_by(func.count(Coding.id).desc(), Coder.name)
        ).all()
    return [CoderSummary(name, count) for name, count in rows]


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
