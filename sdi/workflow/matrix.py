"""Matrices (the comparative step of multi-stage focus groups): codes, code groups or concepts against focus
groups, categories, sites, stages, transcripts, speaker roles or participants — what kindergarten staff said
that leaders did not, what changed between the stages. Called by `sdi matrix`, the Matrise screen and the
report's figures.

Each cell holds three counts and a share: codings, turns (the turns the codings' words are in), speakers
(distinct informants who said it; the moderator is not counted) and the share of the column's informants who
said it (of those who spoke there). A coding that runs over two speakers' turns counts in both speakers'
columns, so totals are counted distinct, not summed: a row total is the row's codings, turns and speakers in
any column, a column total the column's in any row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sdi.i18n import t
from sdi.workflow.coded_turns import (
    CodedTurns,
    Heading,
    Placement,
    Speaker,
    load_coded_turns,
    many_small_objects,
    natural,
)
from sdi.workflow.context import CodingContext, coding_contexts
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project

COLUMNS = ("group", "category", "site", "stage", "transcript", "role", "participant")
MEASURES = ("codings", "turns", "speakers", "share")
SPEAKER_COLUMNS = frozenset({"role", "participant"})  # the column depends on the turn, not the transcript


@dataclass(frozen=True)
class Cell:
    codings: int = 0
    turns: int = 0
    speakers: int = 0  # distinct informants
    informants: int = 0  # informants who spoke in the column at all: the denominator of `share`

    @property
    def share(self) -> float | None:
        """The share of the column's informants who said it (None where no informant spoke)."""
        return self.speakers / self.informants if self.informants else None

    def value(self, measure: str) -> float | int | None:
        return self.share if measure == "share" else int(getattr(self, measure))


@dataclass(frozen=True)
class Matrix:
    rows_by: str
    columns_by: str
    rows: tuple[Heading, ...]
    columns: tuple[Heading, ...]
    cells: dict[tuple[int, int], Cell]  # only the cells with codings
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    total: Cell
    passages: dict[tuple[int, int], tuple[int, ...]] = field(repr=False)  # coding ids per cell

    def cell(self, row: int, column: int) -> Cell:
        found = self.cells.get((row, column))
        return found if found is not None else Cell(informants=self.column_totals[column].informants)

    def values(self, measure: str) -> list[list[float | int | None]]:
        """The table of one measure, rows × columns (for printing, spreadsheets and figures)."""
        check_measure(measure)
        columns = range(len(self.columns))
        return [[self.cell(r, c).value(measure) for c in columns] for r in range(len(self.rows))]


def check_columns(columns_by: str) -> str:
    if columns_by not in COLUMNS:
        raise WorkflowError(key="error.matrix.columns", value=columns_by, valid=", ".join(COLUMNS))
    return columns_by


def check_measure(measure: str) -> str:
    if measure not in MEASURES:
        raise WorkflowError(key="error.matrix.measure", value=measure, valid=", ".join(MEASURES))
    return measure


def _column_of(
    columns_by: str, language: str
) -> Callable[[Placement, Speaker], tuple[str, str, tuple[Any, ...]]]:
    """(key, label, sort key) of the column a turn (its transcript's place, its speaker) falls in."""

    def blank(value: str) -> str:
        return value or t("mx.none", language)

    if columns_by == "group":
        return lambda p, s: (f"group:{p.group}", p.group, natural(p.group))
    if columns_by == "category":
        return lambda p, s: (f"category:{p.category}", blank(p.category), natural(p.category))
    if columns_by == "site":
        return lambda p, s: (f"site:{p.site}", blank(p.site), natural(p.site))
    if columns_by == "stage":
        return lambda p, s: (f"stage:{p.stage}", t("mx.stage", language, number=p.stage), (p.stage,))
    if columns_by == "transcript":
        return lambda p, s: (f"transcript:{p.group}/{p.stage}",
                             t("mx.transcript", language, group=p.group, number=p.stage),
                             (natural(p.group), p.stage))  # fmt: skip
    if columns_by == "role":
        return lambda p, s: (f"role:{s.role}", blank(s.role), (s.is_moderator, natural(s.role)))
    return lambda p, s: (f"participant:{s.key}", f"{s.name} ({s.group})",
                         (natural(s.group), natural(s.name)))  # fmt: skip


def build_matrix(coded: CodedTurns, columns_by: str, language: str = "nb") -> Matrix:
    """The matrix over material already read (the Matrise screen rereads only when the store changed)."""
    with many_small_objects():
        return _build_matrix(coded, columns_by, language)


def _build_matrix(coded: CodedTurns, columns_by: str, language: str) -> Matrix:
    column_of = _column_of(check_columns(columns_by), language)
    keys: dict[str, int] = {}
    labels: list[tuple[tuple[Any, ...], str, str]] = []  # (sort key, key, label)

    def index(place: Placement, speaker: Speaker) -> int:
        key, label, order = column_of(place, speaker)
        found = keys.get(key)
        if found is None:
            found = keys[key] = len(labels)
            labels.append((order, key, label))
        return found

    by_speaker = columns_by in SPEAKER_COLUMNS  # the column is the speaker's, not the transcript's
    nobody = Speaker("", "", "", "", True)
    document_column = {} if by_speaker else {d: index(place, nobody) for d, place in coded.places.items()}
    speaker_column: dict[tuple[int, int], int] = {}  # (transcript, speaker) -> column
    moderator = [speaker.is_moderator for speaker in coded.speakers]
    informants: dict[int, set[int]] = defaultdict(set)
    for document, speaker in coded.spoke:
        if by_speaker:
            column = index(coded.places[document], coded.speakers[speaker])
            speaker_column[(document, speaker)] = column
        else:
            column = document_column[document]
        if not moderator[speaker]:
            informants[column].add(speaker)
    order = sorted(range(len(labels)), key=lambda i: labels[i][0])  # columns in their natural order
    new = {old: n for n, old in enumerate(order)}
    columns = tuple(Heading(labels[i][1], labels[i][2]) for i in order)
    everyone = len(set().union(*informants.values())) if informants else 0
    if not by_speaker and coded.arrays is not None:  # one transcript, one column: count all at once
        from sdi.workflow.matrix_count import count_all_at_once

        counted = count_all_at_once(coded, {d: new[c] for d, c in document_column.items()}, len(columns),
                                    [len(informants[old]) for old in order], everyone)  # fmt: skip
        return Matrix(coded.rows_by, columns_by, coded.rows, columns, counted[0], counted[2], counted[3],
                      counted[4], counted[1])  # fmt: skip
    width = max(1, len(labels))
    codings: dict[int, list[int]] = defaultdict(list)  # cell (row * width + column) -> coding ids
    turns: dict[int, set[int]] = defaultdict(set)
    speakers: dict[int, set[int]] = defaultdict(set)
    turn_speaker, turn_document = coded.turn_speaker, coded.turn_document
    for placed in coded.codings:  # by speaker (with codings by transcript counted above, there are none)
        first, last = placed.first_turn, placed.last_turn
        seen: set[int] = set()
        for turn in range(first, last + 1):
            speaker = turn_speaker[turn]
            cell = placed.row * width + speaker_column[(turn_document[turn], speaker)]
            if cell not in seen:
                seen.add(cell)
                codings[cell].append(placed.coding_id)
            turns[cell].add(turn)
            if not moderator[speaker]:
                speakers[cell].add(speaker)
    # Totals, counted distinct with as little work as the shapes allow: a coding has one row, and a turn one
    # column (one transcript, one speaker), so those add up; a turn may hold several rows, a coding may
    # reach two speakers' columns, and a speaker may speak in several stages, so those are unions.
    rows, size = len(coded.rows), len(columns)
    row_codings: list[set[int]] = [set() for _ in range(rows)] if by_speaker else []
    row_counts = [[0, 0] for _ in range(rows)]  # codings (unless by speaker), turns
    row_speakers: list[set[int]] = [set() for _ in range(rows)]
    column_codings = [0] * size
    column_turns: list[set[int]] = [set() for _ in range(size)]
    column_speakers: list[set[int]] = [set() for _ in range(size)]
    cells: dict[tuple[int, int], Cell] = {}
    passages: dict[tuple[int, int], tuple[int, ...]] = {}
    empty: set[int] = set()
    for cell, ids in codings.items():
        row, old = divmod(cell, width)
        column = new[old]
        cell_turns, cell_speakers = turns.get(cell, empty), speakers.get(cell, empty)
        cells[(row, column)] = Cell(len(ids), len(cell_turns), len(cell_speakers), len(informants[old]))
        passages[(row, column)] = tuple(ids)
        if by_speaker:
            row_codings[row].update(ids)
        row_counts[row][0] += len(ids)
        row_counts[row][1] += len(cell_turns)
        row_speakers[row].update(cell_speakers)
        column_codings[column] += len(ids)
        column_turns[column].update(cell_turns)
        column_speakers[column].update(cell_speakers)
    row_totals = tuple(
        Cell(len(row_codings[r]) if by_speaker else row_counts[r][0], row_counts[r][1], len(row_speakers[r]),
             everyone)
        for r in range(rows)
    )  # fmt: skip
    column_totals = tuple(
        Cell(column_codings[c], len(column_turns[c]), len(column_speakers[c]), len(informants[order[c]]))
        for c in range(size)
    )
    total = Cell(sum(t.codings for t in row_totals), sum(t.turns for t in column_totals),
                 len(set().union(*row_speakers)) if row_speakers else 0, everyone)  # fmt: skip
    return Matrix(coded.rows_by, columns_by, coded.rows, columns, cells, row_totals, column_totals, total,
                  passages)  # fmt: skip


def read_coded_turns(
    project: Project, rows_by: str = "code_group", language: str | None = None
) -> CodedTurns:
    with project.store.reading() as session, many_small_objects():
        return load_coded_turns(session, rows_by, language or project.config.language)


def matrix(
    project: Project, rows_by: str = "code_group", columns_by: str = "group", language: str | None = None
) -> Matrix:
    """Rows (code, code_group, concept) × columns (see COLUMNS), from one read of the store."""
    language = language or project.config.language
    check_columns(columns_by)
    return build_matrix(read_coded_turns(project, rows_by, language), columns_by, language)


def cell_passages(project: Project, table: Matrix, row: int, column: int) -> list[CodingContext]:
    """The codings counted in a cell, in context, in transcript order — the way back to the lines."""
    ids = table.passages.get((row, column), ())
    with project.store.reading() as session:
        found = coding_contexts(session, ids)
    return sorted(found, key=lambda c: (natural(c.group), c.stage, c.start))
