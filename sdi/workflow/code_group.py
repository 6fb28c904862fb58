"""Code groups (SDI step 3, kodegruppering): related codes sorted into thematic groups, working from the
code list — the text stays hidden unless asked for. A code belongs to at most one group; leftovers go to the
rest group."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdi.storage import lean_coding
from sdi.workflow.errors import WorkflowError, check_version, refused_if_taken, require
from sdi.workflow.project import Project

if TYPE_CHECKING:  # the models load where groups are written or read in depth, not for the Coding screen
    from sqlalchemy.orm import Session

    from sdi.storage.models import CodeGroup
    from sdi.workflow.context import CodingContext

REST_GROUP_NAME = "Restgruppe"


@dataclass(frozen=True)
class GroupSummary:
    id: int
    name: str
    description: str
    position: int
    is_rest: bool
    codes: int
    codings: int
    concept: str | None
    version: int = 1


@dataclass(frozen=True)
class CodeSpread:
    """How a code is spread over the data: counted, not read (SDI keeps the text out of grouping)."""

    code_id: int
    statement: str
    group_id: int | None
    codings: int
    focus_groups: tuple[str, ...]
    stages: tuple[str, ...]  # "Barnehage Fjordvik/1"
    speakers: int
    version: int = 1  # pass back when renaming, so a colleague's change since is not overwritten


def list_groups(project: Project) -> list[GroupSummary]:
    """The code groups with their counts, the rest group last — plain SQL (`sdi.storage.lean_coding`): the
    Coding screen orders its stripes by them when first shown, which may be before the store is open."""
    with project.reading_rows() as read:
        rows = lean_coding.code_groups(read)
    return [
        GroupSummary(int(ident), name, description, int(position), bool(rest), int(codes), int(codings),
                     concept, int(version))
        for ident, name, description, position, rest, codes, codings, concept, version in rows
    ]  # fmt: skip


def _unique_name(session: Session, name: str, own_id: int | None = None) -> str:
    from sqlalchemy import select

    from sdi.storage.models import CodeGroup

    name = " ".join(name.split())
    if not name:
        raise WorkflowError(key="error.group.name_needed")
    clash = session.scalar(select(CodeGroup.id).where(CodeGroup.name == name))
    if clash is not None and clash != own_id:
        raise WorkflowError(key="error.group.exists", name=name)
    return name


def _add_group(
    project: Project, session: Session, name: str, description: str = "", rest: bool = False
) -> CodeGroup:
    from sqlalchemy import func, select

    from sdi.storage.models import CodeGroup

    name = _unique_name(session, name)
    if rest and session.scalar(select(CodeGroup.id).where(CodeGroup.is_rest.is_(True))) is not None:
        raise WorkflowError(key="error.group.rest_exists")
    last = session.scalar(select(func.max(CodeGroup.position))) or 0
    group = CodeGroup(name=name, description=description, position=last + 1, is_rest=rest)
    with refused_if_taken(session, WorkflowError(key="error.group.exists", name=name)):
        session.add(group)
    project.record(session, "create-group", "code_group", group.id, f"ny kodegruppe: {name}")
    return group


def create_group(project: Project, name: str, description: str = "", *, rest: bool = False) -> int:
    with project.store.transaction() as session:
        return _add_group(project, session, name, description, rest).id


def create_group_with_codes(
    project: Project, name: str, code_ids: Sequence[int], description: str = ""
) -> int:
    """A new group with these codes moved into it — one action, one undo (an accepted grouping
    suggestion)."""
    with project.store.transaction() as session:
        group = _add_group(project, session, name, description)
        _move(project, session, code_ids, group)
        return group.id


def rest_group(project: Project) -> int:
    """The rest group's id, created on first use."""
    from sqlalchemy import select

    from sdi.storage.models import CodeGroup

    with project.store.reading() as session:
        existing = session.scalar(select(CodeGroup.id).where(CodeGroup.is_rest.is_(True)))
    return existing if existing is not None else create_group(project, REST_GROUP_NAME, rest=True)


def rename_group(
    project: Project,
    group_id: int,
    name: str,
    description: str | None = None,
    *,
    seen_version: int | None = None,
) -> None:
    from sdi.storage.models import CodeGroup

    with project.store.transaction() as session:
        group = require(session, CodeGroup, group_id, "code group")
        check_version(session, group, seen_version, "code group", group.name)
        old = group.name
        with refused_if_taken(session, WorkflowError(key="error.group.exists", name=name)):
            group.name = _unique_name(session, name, group_id)
        if description is not None:
            group.description = description
        project.record(session, "rename-group", "code_group", group_id, f"«{old}» → «{group.name}»")


def order_groups(project: Project, ordered_ids: Sequence[int]) -> None:
    """Put the groups in the researcher's order (ids not listed keep their relative order after these)."""
    from sqlalchemy import select

    from sdi.storage.models import CodeGroup

    with project.store.transaction() as session:
        groups = {
            g.id: g for g in session.scalars(select(CodeGroup).order_by(CodeGroup.position, CodeGroup.id))
        }
        order = [i for i in ordered_ids if i in groups] + [i for i in groups if i not in ordered_ids]
        for position, group_id in enumerate(order, start=1):
            if groups[group_id].position != position:
                groups[group_id].position = position
        project.record(session, "order-groups", "project", None, "endret rekkefølgen på kodegruppene")


def move_codes(project: Project, code_ids: Sequence[int], group_id: int | None) -> int:
    """Move one or many codes into a group (None: out of any group). One action, one undo."""
    from sdi.storage.models import CodeGroup

    with project.store.transaction() as session:
        target = require(session, CodeGroup, group_id, "code group") if group_id is not None else None
        return _move(project, session, code_ids, target)


def _move(project: Project, session: Session, code_ids: Sequence[int], target: CodeGroup | None) -> int:
    from sqlalchemy import select

    from sdi.storage.models import Code

    group_id = target.id if target is not None else None
    codes = list(session.scalars(select(Code).where(Code.id.in_(list(code_ids)))))
    if len(codes) != len(set(code_ids)):
        raise WorkflowError(key="error.group.codes_gone")
    moved = [c for c in codes if c.group_id != group_id]
    for code in moved:
        code.group_id = group_id
    where = f"«{target.name}»" if target else "ingen gruppe"
    project.record(
        session,
        "group",
        "code_group",
        group_id,
        f"flyttet {len(moved)} koder til {where}",
        codes=[c.id for c in moved],
    )
    return len(moved)


def delete_group(project: Project, group_id: int) -> int:
    """Delete a group; its codes become ungrouped. Refused while a concept is built on it."""
    from sqlalchemy import select

    from sdi.storage.models import Code, CodeGroup, Concept

    with project.store.transaction() as session:
        group = require(session, CodeGroup, group_id, "code group")
        concept = session.scalar(select(Concept.name).where(Concept.group_id == group_id))
        if concept is not None:
            raise WorkflowError(key="error.group.has_concept", group=group.name, concept=concept)
        codes = list(session.scalars(select(Code).where(Code.group_id == group_id)))
        for code in codes:
            code.group_id = None
        session.flush()
        session.delete(group)
        project.record(
            session,
            "delete-group",
            "code_group",
            group_id,
            f"slettet kodegruppe «{group.name}»",
            codes=len(codes),
        )
        return len(codes)


def code_spread(project: Project) -> list[CodeSpread]:
    """Every code with its number of codings and where they come from (groups, stages, speakers)."""
    from sqlalchemy import select

    from sdi.storage.models import Code, Coding, Document, FocusGroup, Stage, Utterance

    with project.store.reading() as session:
        codes = session.execute(
            select(Code.id, Code.statement, Code.group_id, Code.version).order_by(Code.position, Code.id)
        )
        rows = session.execute(
            select(Coding.code_id, Coding.start, Coding.document_id, FocusGroup.name, Stage.number)
            .join(Document, Document.id == Coding.document_id)
            .join(Stage, Stage.id == Document.stage_id)
            .join(FocusGroup, FocusGroup.id == Stage.group_id)
        ).all()
        turns: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for document_id, start, speaker in session.execute(
            select(Utterance.document_id, Utterance.start, Utterance.speaker)
            .where(Utterance.document_id.in_({r.document_id for r in rows}))
            .order_by(Utterance.document_id, Utterance.start)
        ):
            turns[document_id].append((start, speaker))
        code_list = codes.all()
    count: dict[int, int] = defaultdict(int)
    groups: dict[int, set[str]] = defaultdict(set)
    stages: dict[int, set[str]] = defaultdict(set)
    speakers: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for code_id, start, document_id, group, stage in rows:
        count[code_id] += 1
        groups[code_id].add(group)
        stages[code_id].add(f"{group}/{stage}")
        speaker = next((s for t, s in reversed(turns[document_id]) if t <= start), "")
        speakers[code_id].add((group, speaker))
    return [
        CodeSpread(i, statement, group_id, count[i], tuple(sorted(groups[i])), tuple(sorted(stages[i])),
                   len(speakers[i]), version)
        for i, statement, group_id, version in code_list
    ]  # fmt: skip


def codings_of_group(project: Project, group_id: int) -> list[CodingContext]:
    """All codings of a group's codes, in context — to check the group (and its concept) against the data."""
    from sqlalchemy import select

    from sdi.storage.models import Code, Coding
    from sdi.workflow.context import coding_contexts

    with project.store.reading() as session:
        ids = session.scalars(
            select(Coding.id)
            .join(Code, Code.id == Coding.code_id)
            .where(Code.group_id == group_id)
            .order_by(Code.position, Code.id, Coding.document_id, Coding.start)
        ).all()
        return coding_contexts(session, ids)


def codings_of_code(project: Project, code_id: int) -> list[CodingContext]:
    from sqlalchemy import select

    from sdi.storage.models import Coding
    from sdi.workflow.context import coding_contexts

    with project.store.reading() as session:
        ids = session.scalars(
            select(Coding.id).where(Coding.code_id == code_id).order_by(Coding.document_id, Coding.start)
        ).all()
        return coding_contexts(session, ids)
