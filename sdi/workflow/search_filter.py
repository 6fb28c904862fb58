"""Narrowing a search or a quote retrieval to part of the material: focus group, category (the group's kind),
site, stage, speaker role, participant, code and code group. Used by `sdi.workflow.search` and the faces.

Values are matched without regard to case, and matched here in Python against the values actually stored
(SQLite's `lower()` only folds ASCII, so «Åsmark» and «åsmark» would not meet in SQL). An unknown value is
refused naming the valid ones. What reaches the database is a sub-select of turn ids with exact values, so
the engine applies the filter before it ranks and cuts the list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from sdi.workflow.errors import WorkflowError

if TYPE_CHECKING:  # imported where a filter is applied: an unfiltered cold search needs neither
    from sqlalchemy import ColumnElement, Exists, Select
    from sqlalchemy.orm import InstrumentedAttribute, Session

    from sdi.workflow.project import Project

LISTED = 12  # valid values named in an error; the rest are counted

# The option name each dimension has on the command line, for error messages.
OPTION = {
    "groups": "--group",
    "categories": "--category",
    "sites": "--site",
    "stages": "--stage",
    "roles": "--role",
    "participants": "--participant",
    "codes": "--code",
    "code_groups": "--code-group",
}


@dataclass(frozen=True)
class SearchFilter:
    """What to search within. Each dimension holds the values asked for (any of them may match); the
    dimensions combine, so a turn must satisfy all that are given. Empty means everything."""

    groups: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    code_groups: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True)
class FilterOptions:
    """The values each filter can take in this project, for pickers and for error messages."""

    groups: tuple[str, ...]
    categories: tuple[str, ...]
    sites: tuple[str, ...]
    stages: tuple[int, ...]
    roles: tuple[str, ...]
    participants: tuple[str, ...]
    codes: tuple[tuple[int, str], ...]  # (id, statement)
    code_groups: tuple[tuple[int, str], ...]  # (id, name)


def _distinct(session: Session, column: InstrumentedAttribute[Any]) -> tuple[Any, ...]:
    from sqlalchemy import select

    values = session.scalars(select(column).distinct().where(column.is_not(None))).all()
    return tuple(sorted((v for v in values if v != ""), key=lambda v: (str(v).casefold(), v)))


def _options(session: Session, only: frozenset[str] | None = None) -> FilterOptions:
    """The values of every dimension, or of the dimensions in `only` (the others left empty, so a search
    with one filter reads one list of values)."""
    from sqlalchemy import select

    from sdi.storage.models import Code, CodeGroup, FocusGroup, Participant, Stage


    def wanted(name: str) -> bool:
        return only is None or name in only

    def pairs(query: Select[int, str]) -> tuple[tuple[int, str], ...]:
        return tuple((i, text) for i, text in session.execute(query).all())

    def distinct(name: str, column: InstrumentedAttribute[Any]) -> tuple[Any, ...]:
        return _distinct(session, column) if wanted(name) else ()

    return FilterOptions(
        groups=distinct("groups", FocusGroup.name),
        categories=distinct("categories", FocusGroup.category),
        sites=distinct("sites", FocusGroup.site),
        stages=distinct("stages", Stage.number),
        roles=distinct("roles", Participant.role),
        participants=distinct("participants", Participant.pseudonym),
        codes=pairs(select(Code.id, Code.statement).order_by(Code.statement, Code.id))
        if wanted("codes")
        else (),
        code_groups=pairs(select(CodeGroup.id, CodeGroup.name).order_by(CodeGroup.position))
        if wanted("code_groups")
        else (),
    )


def filter_options(project: Project) -> FilterOptions:
    with project.store.reading() as session:
        return _options(session)


def _refuse(dimension: str, value: str, valid: Sequence[str]) -> WorkflowError:
    if not valid:
        return WorkflowError(key="refusal.filter.none_valid", option=OPTION[dimension], value=value)
    if len(valid) > LISTED:
        return WorkflowError(key="refusal.filter.no_value_more", option=OPTION[dimension], value=value,
                             valid=", ".join(valid[:LISTED]), more=len(valid) - LISTED)  # fmt: skip
    option, listed = OPTION[dimension], ", ".join(valid)
    return WorkflowError(key="refusal.filter.no_value", option=option, value=value, valid=listed)


def _pick(dimension: str, wanted: Iterable[str], stored: Sequence[str]) -> list[str]:
    """The stored spellings of `wanted`, matched without regard to case."""
    by_fold: dict[str, list[str]] = {}
    for value in stored:
        by_fold.setdefault(value.casefold(), []).append(value)
    picked: list[str] = []
    for value in wanted:
        found = by_fold.get(" ".join(value.split()).casefold())
        if not found:
            raise _refuse(dimension, value, stored)
        picked.extend(found)
    return picked


def _pick_ids(dimension: str, wanted: Iterable[str], stored: Sequence[tuple[int, str]]) -> list[int]:
    """Ids of codes or code groups named by id or by their words (any case)."""
    picked: list[int] = []
    for value in wanted:
        text = " ".join(value.split())
        found = [i for i, name in stored if name.casefold() == text.casefold() or str(i) == text]
        if not found:
            raise _refuse(dimension, value, [f"«{name}»" for _, name in stored])
        picked.extend(found)
    return picked


def _stages(wanted: Iterable[str], stored: Sequence[int]) -> list[int]:
    picked = []
    for value in wanted:
        number = value.strip().removeprefix("runde").removeprefix("stage").strip()
        if not number.isdigit() or int(number) not in stored:
            raise _refuse("stages", value, [str(n) for n in stored])
        picked.append(int(number))
    return picked


def turns_within(session: Session, within: SearchFilter) -> Select[int] | None:
    """A select of the ids of the turns `within` admits (None when it admits everything); raises a
    WorkflowError naming the option and the valid values when a value is unknown."""
    if not within:
        return None
    from sqlalchemy import select

    from sdi.storage.models import Code, Coding, Document, FocusGroup, Participant, Stage, Utterance

    options = _options(session, frozenset(f.name for f in fields(within) if getattr(within, f.name)))
    query = (
        select(Utterance.id)
        .join(Document, Document.id == Utterance.document_id)
        .join(Stage, Stage.id == Document.stage_id)
        .join(FocusGroup, FocusGroup.id == Stage.group_id)
    )
    if within.groups:
        query = query.where(FocusGroup.name.in_(_pick("groups", within.groups, options.groups)))
    if within.categories:
        categories = _pick("categories", within.categories, options.categories)
        query = query.where(FocusGroup.category.in_(categories))
    if within.sites:
        query = query.where(FocusGroup.site.in_(_pick("sites", within.sites, options.sites)))
    if within.stages:
        query = query.where(Stage.number.in_(_stages(within.stages, options.stages)))
    if within.roles or within.participants:
        query = query.join(Participant, Participant.id == Utterance.participant_id)
    if within.roles:
        query = query.where(Participant.role.in_(_pick("roles", within.roles, options.roles)))
    if within.participants:
        pseudonyms = _pick("participants", within.participants, options.participants)
        query = query.where(Participant.pseudonym.in_(pseudonyms))
    if within.codes:
        code_ids = _pick_ids("codes", within.codes, options.codes)
        query = query.where(_coded(Coding.code_id.in_(code_ids)))
    if within.code_groups:
        group_ids = _pick_ids("code_groups", within.code_groups, options.code_groups)
        query = query.where(_coded(Coding.code_id.in_(select(Code.id).where(Code.group_id.in_(group_ids)))))
    return query


def _coded(condition: ColumnElement[bool]) -> Exists:
    """The turn overlaps a coding that meets `condition` (a coding may span part of a turn, or several)."""
    from sqlalchemy import and_, exists

    from sdi.storage.models import Coding, Utterance

    return exists().where(
        and_(
            Coding.document_id == Utterance.document_id,
            Coding.start < Utterance.end,
            Coding.end > Utterance.start,
            condition,
        )
    )
