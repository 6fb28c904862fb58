"""Codings placed in their turns: the shared ground of the comparisons (`sdi.workflow.matrix`,
`sdi.workflow.cooccurrence`). One read of the store gives every coding with the row it counts under (its code,
code group or concept), every turn with its speaker, and where each transcript belongs (focus group,
category, site, stage) — the comparisons then count in memory, never one query per cell.

A coding belongs to every turn its words overlap (a coding may run from one speaker's turn into the next),
as search filters see it; an empty span (a coding whose words were lost on re-import, kept at the nearest
point) belongs to the turn around that point."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.i18n import t
from sdi.storage.models import (
    Code,
    CodeGroup,
    Coding,
    Concept,
    Document,
    FocusGroup,
    Participant,
    Stage,
    Utterance,
)
from sdi.workflow.errors import WorkflowError

ROWS = ("code", "code_group", "concept")
UNGROUPED = "code_group:none"  # the key of the row for codes in no code group


@dataclass(frozen=True)
class Heading:
    """A row or column of a comparison: a stable key (`code:12`, `group:Barnehage Fjordvik`) and its label."""

    key: str
    label: str


@dataclass(frozen=True)
class Placement:
    """Where a transcript belongs."""

    group: str
    site: str
    category: str
    stage: int


@dataclass(frozen=True)
class Speaker:
    """Who spoke a turn: a participant (or, for a label the metadata does not list, the label)."""

    key: str  # `p:12`, or `s:<group id>:<label>` for an unlisted label
    name: str  # the pseudonym as transcribed
    role: str
    group: str
    is_moderator: bool


@dataclass(frozen=True)
class PlacedCoding:
    coding_id: int
    row: int  # index into CodedTurns.rows
    document_id: int
    start: int
    end: int
    first_turn: int  # index of the first turn its words overlap, into CodedTurns.turns
    last_turn: int  # and of the last (inclusive); -1 when the transcript has no turns


@dataclass(frozen=True)
class Turn:
    document_id: int
    position: int  # order within its transcript (0, 1, …), for «within N turns»
    speaker: Speaker


@dataclass(frozen=True)
class CodedTurns:
    rows_by: str
    rows: tuple[Heading, ...]
    codings: tuple[PlacedCoding, ...]
    turns: tuple[Turn, ...]
    places: dict[int, Placement]  # document id -> where it belongs


def check_rows(rows_by: str) -> str:
    if rows_by not in ROWS:
        raise WorkflowError(key="error.matrix.rows", value=rows_by, valid=", ".join(ROWS))
    return rows_by


def natural(text: str) -> tuple[object, ...]:
    """Sort key that puts «P2» before «P10»."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text))


def _row_headings(
    session: Session, rows_by: str, language: str
) -> tuple[list[Heading], dict[int, int]]:
    """The rows in the researcher's order and, per code id, the index of the row its codings count under."""
    groups = session.execute(
        select(CodeGroup.id, CodeGroup.name).order_by(CodeGroup.position, CodeGroup.name)
    ).all()
    codes = session.execute(
        select(Code.id, Code.statement, Code.group_id).order_by(Code.position, Code.id)
    ).all()
    if rows_by == "code":
        order = {group_id: n for n, (group_id, _) in enumerate(groups)}
        ranked = sorted(codes, key=lambda c: order.get(c.group_id, len(order)))  # stable: keeps positions
        return [Heading(f"code:{c.id}", c.statement) for c in ranked], {c.id: n for n, c in enumerate(ranked)}
    if rows_by == "code_group":
        headings = [Heading(f"code_group:{g.id}", g.name) for g in groups]
        index = {g.id: n for n, g in enumerate(groups)}
        if any(c.group_id is None for c in codes):
            headings.append(Heading(UNGROUPED, t("mx.ungrouped", language)))
        ungrouped = len(groups)
        return headings, {c.id: index[c.group_id] if c.group_id is not None else ungrouped for c in codes}
    concepts = session.execute(
        select(Concept.id, Concept.name, Concept.group_id)
        .join(CodeGroup, CodeGroup.id == Concept.group_id)
        .order_by(CodeGroup.position, CodeGroup.name)
    ).all()
    index = {c.group_id: n for n, c in enumerate(concepts)}
    return (
        [Heading(f"concept:{c.id}", c.name) for c in concepts],
        {c.id: index[c.group_id] for c in codes if c.group_id in index},
    )


def load_coded_turns(session: Session, rows_by: str, language: str) -> CodedTurns:
    """Everything the comparisons count, in one read transaction (five selects, none per cell)."""
    headings, row_of_code = _row_headings(session, check_rows(rows_by), language)
    places: dict[int, Placement] = {}
    group_of_document: dict[int, tuple[int, str]] = {}
    for document_id, group_id, name, site, category, number in session.execute(
        select(Document.id, FocusGroup.id, FocusGroup.name, FocusGroup.site, FocusGroup.category,
               Stage.number)
        .join(Stage, Stage.id == Document.stage_id)
        .join(FocusGroup, FocusGroup.id == Stage.group_id)
    ):  # fmt: skip
        places[document_id] = Placement(name, site, category, number)
        group_of_document[document_id] = (group_id, name)
    participants = {
        p.id: Speaker(f"p:{p.id}", p.pseudonym, p.role, p.name, p.is_moderator)
        for p in session.execute(
            select(Participant.id, Participant.pseudonym, Participant.role, Participant.is_moderator,
                   FocusGroup.name).join(FocusGroup, FocusGroup.id == Participant.group_id)
        )
    }  # fmt: skip
    turns: list[Turn] = []
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    first_of: dict[int, int] = {}
    unlisted: dict[tuple[int, str, bool], Speaker] = {}
    for document_id, start, end, participant_id, label, is_moderator in session.execute(
        select(Utterance.document_id, Utterance.start, Utterance.end, Utterance.participant_id,
               Utterance.speaker, Utterance.is_moderator)
        .order_by(Utterance.document_id, Utterance.start)
    ):  # fmt: skip
        speaker = participants.get(participant_id) if participant_id is not None else None
        if speaker is None:
            group_id, group = group_of_document[document_id]
            speaker = unlisted.setdefault(
                (group_id, label, is_moderator),
                Speaker(f"s:{group_id}:{label}", label, "", group, is_moderator),
            )
        if document_id not in starts:
            starts[document_id], ends[document_id], first_of[document_id] = [], [], len(turns)
        turns.append(Turn(document_id, len(starts[document_id]), speaker))
        starts[document_id].append(start)
        ends[document_id].append(end)
    placed: list[PlacedCoding] = []
    for coding_id, code_id, document_id, start, end in session.execute(
        select(Coding.id, Coding.code_id, Coding.document_id, Coding.start, Coding.end).order_by(Coding.id)
    ):
        row = row_of_code.get(code_id)
        if row is None:  # a concept matrix: the code's group has no concept
            continue
        first, last = _turn_range(starts.get(document_id, []), ends.get(document_id, []), start, end)
        if last >= 0:
            first, last = first + first_of[document_id], last + first_of[document_id]
        placed.append(PlacedCoding(coding_id, row, document_id, start, end, first, last))
    return CodedTurns(rows_by, tuple(headings), tuple(placed), tuple(turns), places)


def _turn_range(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Indexes of the first and last turn that [start, end) overlaps; (-1, -1) when none does."""
    if not starts:
        return -1, -1
    if end <= start:  # an empty span: the turn around the point (or the one just before it)
        index = max(0, bisect_right(starts, start) - 1)
        return index, index
    first = max(0, bisect_right(starts, start) - 1)
    if ends[first] <= start:  # the span starts between two turns (a heading, a blank line)
        first += 1
    last = bisect_left(starts, end) - 1
    if first > last or first >= len(starts):
        index = min(max(0, bisect_right(starts, start) - 1), len(starts) - 1)
        return index, index
    return first, last
