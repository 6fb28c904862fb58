"""Codings placed in their turns: the shared ground of the comparisons (`sdi.workflow.matrix`,
`sdi.workflow.cooccurrence`). One read of the store gives every coding with the row it counts under (its code,
code group or concept), every turn with its speaker, and where each transcript belongs (focus group,
category, site, stage) — the comparisons then count in memory, never one query per cell.

A coding belongs to every turn its words overlap (a coding may run from one speaker's turn into the next),
as search filters see it; an empty span (a coding whose words were lost on re-import, kept at the nearest
point) belongs to the turn around that point."""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, func, literal_column, select
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


class PlacedCoding(NamedTuple):
    coding_id: int
    row: int  # index into CodedTurns.rows
    document_id: int
    start: int
    end: int
    first_turn: int  # the first turn its words overlap (an index into CodedTurns' turn lists)
    last_turn: int  # and the last (inclusive); -1 for both when the transcript has no turns


@dataclass(frozen=True)
class CodedTurns:
    """The material, kept in flat lists (a large study has tens of thousands of turns, and most are never
    looked at one by one): turn n is in transcript `turn_document[n]` and was spoken by
    `speakers[turn_speaker[n]]`; the turns are in transcript order, each transcript's together and in the
    order of its text, so two turns of one transcript are `m - n` turns apart."""

    rows_by: str
    rows: tuple[Heading, ...]
    arrays: CodingArrays | None  # the codings (in the order they were made) as numpy columns; None: none
    turn_document: list[int]
    turn_speaker: list[int]  # index into `speakers`
    speakers: tuple[Speaker, ...]
    places: dict[int, Placement]  # transcript -> where it belongs
    spoke: tuple[tuple[int, int], ...]  # (transcript, speaker) for everyone who spoke in a transcript

    @cached_property
    def codings(self) -> list[PlacedCoding]:
        """The codings one by one, for the counts that loop (by speaker, co-occurrence); made when asked."""
        if self.arrays is None:
            return []
        a = self.arrays
        columns = (a.ids, a.rows, a.documents, a.starts, a.ends, a.first, a.last)
        return list(map(PlacedCoding, *(values.tolist() for values in columns)))


@dataclass(frozen=True)
class CodingArrays:
    """The placed codings as numpy columns (int64), and each turn's speaker: what `sdi.workflow.matrix`
    counts a matrix by transcript, group, category, site or stage from without a loop per coding."""

    ids: Any
    rows: Any
    documents: Any
    starts: Any
    ends: Any
    first: Any
    last: Any
    turn_speakers: Any  # per turn, the index into CodedTurns.speakers


@contextmanager
def many_small_objects() -> Iterator[None]:
    """Around reading and counting a large study: tens of thousands of small tuples and sets, none of them in
    a cycle. Without this the cycle collector walks the whole heap again and again while they are made (and
    with the NLP pipeline loaded that heap is large) to free nothing — half the time of a 60 × 16 matrix on a
    million words."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    """Everything the comparisons count, in one read transaction (a handful of selects, none per cell;
    the long ones — turns and codings — through the Core, as plain rows)."""
    headings, row_of_code = _row_headings(session, check_rows(rows_by), language)
    connection = session.connection()
    places: dict[int, Placement] = {}
    group_of_document: dict[int, tuple[int, str]] = {}
    for document_id, group_id, name, site, category, number in connection.execute(
        select(Document.id, FocusGroup.id, FocusGroup.name, FocusGroup.site, FocusGroup.category,
               Stage.number)
        .join(Stage, Stage.id == Document.stage_id)
        .join(FocusGroup, FocusGroup.id == Stage.group_id)
    ):  # fmt: skip
        places[document_id] = Placement(name, site, category, number)
        group_of_document[document_id] = (group_id, name)
    speakers: list[Speaker] = []
    speaker_of: dict[int, int] = {}  # participant id -> index into speakers
    for ident, pseudonym, role, is_moderator, group in connection.execute(
        select(Participant.id, Participant.pseudonym, Participant.role, Participant.is_moderator,
               FocusGroup.name).join(FocusGroup, FocusGroup.id == Participant.group_id)
    ):  # fmt: skip
        speaker_of[ident] = len(speakers)
        speakers.append(Speaker(f"p:{ident}", pseudonym, role, group, bool(is_moderator)))
    rows = _plain_rows(  # four numbers a turn: a large study has tens of thousands of turns
        connection,
        select(Utterance.document_id, Utterance.start, Utterance.end,
               func.coalesce(Utterance.participant_id, literal_column("-1")))
        .order_by(Utterance.document_id, Utterance.seq),
    )  # fmt: skip
    documents, turn_starts, turn_ends, participant_ids = (
        (list(column) for column in zip(*rows, strict=True)) if rows else ([], [], [], [])
    )
    for document_id in dict.fromkeys(documents):  # ordered by transcript: each one's turns in text order?
        first = bisect_left(documents, document_id)
        starts = turn_starts[first : bisect_right(documents, document_id, first)]
        if starts != sorted(starts):
            raise WorkflowError(key="error.matrix.turn_order", document=document_id)
    turn_speaker = [speaker_of.get(p, -1) for p in participant_ids]
    if -1 in participant_ids:  # speakers the metadata does not list: known by their label
        unlisted: dict[tuple[int, str, bool], int] = {}
        at: dict[tuple[int, int], int] = {}
        for document_id, start, label, is_moderator in connection.execute(
            select(Utterance.document_id, Utterance.start, Utterance.speaker, Utterance.is_moderator)
            .where(Utterance.participant_id.is_(None))
        ):  # fmt: skip
            group_id, group = group_of_document[document_id]
            key = (group_id, label, bool(is_moderator))
            if key not in unlisted:
                unlisted[key] = len(speakers)
                speakers.append(Speaker(f"s:{group_id}:{label}", label, "", group, bool(is_moderator)))
            at[(document_id, start)] = unlisted[key]
        for turn, speaker in enumerate(turn_speaker):
            if speaker < 0:
                turn_speaker[turn] = at[(documents[turn], turn_starts[turn])]
    spoke = tuple(sorted(set(zip(documents, turn_speaker, strict=True))))
    statement = select(Coding.id, Coding.code_id, Coding.document_id, Coding.start, Coding.end).order_by(
        Coding.id
    )
    codings = [
        (coding_id, row, document_id, start, end)
        for coding_id, code_id, document_id, start, end in _plain_rows(connection, statement)
        if (row := row_of_code.get(code_id)) is not None  # a concept matrix: no concept, no row
    ]
    arrays = _place(codings, documents, turn_starts, turn_ends, turn_speaker)
    return CodedTurns(rows_by, tuple(headings), arrays, documents, turn_speaker, tuple(speakers), places,
                      spoke)  # fmt: skip


def _place(
    codings: list[tuple[int, int, int, int, int]], documents: list[int], starts: list[int], ends: list[int],
    turn_speaker: list[int],
) -> CodingArrays | None:  # fmt: skip
    """Each coding (id, row, transcript, start, end) with the first and last turn its words overlap. An empty
    span, or one wholly between two turns, belongs to the turn at (or just before) its start; a coding in a
    transcript without turns to none (-1). One binary search per coding, done by numpy for all of them at
    once: turns are ordered by (transcript, start), so that pair, as one number, is a sorted key."""
    import numpy as np

    if not codings:
        return None
    columns = zip(*codings, strict=True)
    ids, rows, coding_documents, coding_starts, coding_ends = (np.array(c, dtype=np.int64) for c in columns)
    keys = (np.array(documents, dtype=np.int64) << 32) | np.array(starts, dtype=np.int64)
    turn_ends = np.array(ends, dtype=np.int64)
    base = coding_documents << 32
    low = np.searchsorted(keys, base, side="left")  # the transcript's first turn
    high = np.searchsorted(keys, base + (1 << 32), side="left")  # and one past its last
    around = np.maximum(low, np.searchsorted(keys, base | coding_starts, side="right") - 1)
    has_turns = high > low
    safe = np.where(has_turns, around, 0)
    first = np.where(has_turns & (turn_ends[safe] <= coding_starts), around + 1, around)  # starts between two
    last = np.searchsorted(keys, base | coding_ends, side="left") - 1
    lost = (coding_ends <= coding_starts) | (last < first)  # empty, or wholly between two turns
    first = np.where(lost, around, first)
    last = np.where(lost, around, last)
    first = np.where(has_turns, first, -1)
    last = np.where(has_turns, last, -1)
    speakers = np.array(turn_speaker, dtype=np.int64)
    return CodingArrays(ids, rows, coding_documents, coding_starts, coding_ends, first, last, speakers)


def _plain_rows(connection: Connection, statement: Select[*tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The rows of a statement without parameters as plain tuples, straight from the database driver: for
    tens of thousands of rows, SQLAlchemy's Row objects cost as much again as the fetch itself. The SQL is
    still SQLAlchemy's, compiled for the engine in use (SQLite or PostgreSQL)."""
    compiled = statement.compile(dialect=connection.dialect)
    if compiled.params:
        raise RuntimeError("programming error: _plain_rows takes statements without parameters")
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled))
        return list(cursor.fetchall())
    finally:
        cursor.close()
