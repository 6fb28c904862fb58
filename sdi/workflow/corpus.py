"""The raw-data view (SDI step 1): focus groups, their stages and participants, and the stage summaries that
carry what one stage found into the opening of the next."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdi.storage.lean import stored_date
from sdi.workflow.errors import WorkflowError

if TYPE_CHECKING:  # the models load where a stage is written, not for Korpus's plain SQL
    from sqlalchemy.orm import Session

    from sdi.storage.models import Stage
    from sdi.workflow.project import Project


def supported_suffixes() -> tuple[str, ...]:
    """The file types an import reads, to name them to the user (the readers load only when asked)."""
    from sdi.ingest import SUPPORTED_SUFFIXES

    return tuple(SUPPORTED_SUFFIXES)


@dataclass(frozen=True)
class ParticipantView:
    id: int
    pseudonym: str
    role: str
    service: str
    is_moderator: bool
    attributes: dict[str, str]


@dataclass(frozen=True)
class StageView:
    id: int
    group: str
    number: int
    date: dt.date | None
    summary: str


_PARTICIPANTS = (
    "SELECT p.id, p.pseudonym, p.role, p.service, p.is_moderator, p.attributes FROM participants p "
    "JOIN focus_groups g ON g.id = p.group_id WHERE g.name = :name ORDER BY p.is_moderator DESC, p.pseudonym"
)


def participants_of_group(project: Project, group_name: str) -> list[ParticipantView]:
    """The group's participants, the moderator first. Plain SQL (`sdi.storage.lean`): the workbench's first
    screen shows them, and no ORM statement need be compiled (nor mappers configured) before it is drawn."""
    with project.reading_rows() as read:
        rows = read(_PARTICIPANTS, name=group_name)
    return [
        ParticipantView(int(i), pseudonym, role, service, bool(moderator),
                        {k: str(v) for k, v in _attributes(attributes).items()})
        for i, pseudonym, role, service, moderator, attributes in rows
    ]  # fmt: skip


def _attributes(stored: object) -> dict[str, object]:
    """A JSON column as read in plain SQL: text on SQLite, already decoded by PostgreSQL's driver."""
    found = json.loads(stored) if isinstance(stored, str) else stored
    return found if isinstance(found, dict) else {}


def _stage(session: Session, group_name: str, number: int) -> Stage:
    from sqlalchemy import select

    from sdi.storage.models import FocusGroup, Stage

    stage = session.scalar(
        select(Stage)
        .join(FocusGroup, FocusGroup.id == Stage.group_id)
        .where(FocusGroup.name == group_name, Stage.number == number)
    )
    if stage is None:
        raise WorkflowError(key="refusal.corpus.no_stage", number=number, group=group_name)
    return stage


_STAGE = (
    "SELECT s.id, s.number, s.date, s.summary FROM stages s JOIN focus_groups g ON g.id = s.group_id "
    "WHERE g.name = :name AND s.number = :number"
)


def stage_view(project: Project, group_name: str, number: int) -> StageView:
    """One stage with its summary, in plain SQL (Korpus shows it on its first screen)."""
    with project.reading_rows() as read:
        found = read(_STAGE, name=group_name, number=number)
    if not found:
        raise WorkflowError(key="refusal.corpus.no_stage", number=number, group=group_name)
    ident, stage_number, date, summary = found[0]
    return StageView(int(ident), group_name, int(stage_number), stored_date(date), summary)


def update_stage_summary(project: Project, group_name: str, number: int, summary: str) -> None:
    """Edit what stage `number` found — the summary presented when the group meets again."""
    with project.store.transaction() as session:
        stage = _stage(session, group_name, number)
        old = stage.summary
        stage.summary = summary.strip()
        project.record(
            session,
            "edit-summary",
            "stage",
            stage.id,
            f"oppsummering av {group_name}, runde {number}",
            old=old,
            new=stage.summary,
        )
