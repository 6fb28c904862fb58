"""Counting a matrix by transcript, focus group, category, site or stage all at once (numpy), for a large
study: each coding lies in one transcript and so in one column, which makes every count a sort and a tally
instead of a loop over tens of thousands of codings. `sdi.workflow.matrix` uses it for those columns (by
speaker role or participant a coding may reach two columns; that stays a loop there). Same counts, same
distinctness as the loop: codings per cell, distinct turns, distinct informants."""

from __future__ import annotations

from typing import Any

from sdi.workflow.coded_turns import CodedTurns
from sdi.workflow.matrix import Cell

Counted = tuple[dict[tuple[int, int], Cell], dict[tuple[int, int], tuple[int, ...]], tuple[Cell, ...],
                tuple[Cell, ...], Cell]  # fmt: skip


def _tally(values: Any, groups: int) -> list[int]:
    import numpy as np

    return np.bincount(values, minlength=groups).tolist() if len(values) else [0] * groups


def count_all_at_once(
    coded: CodedTurns, document_column: dict[int, int], size: int, informants: list[int], everyone: int
) -> Counted:
    """`document_column`: each transcript's column (final order); `informants`: per column, the informants
    who spoke there. Returns the cells (only those with codings), their passages, and the totals."""
    import numpy as np

    arrays = coded.arrays
    assert arrays is not None
    rows = len(coded.rows)
    documents = np.array(list(document_column), dtype=np.int64)
    lookup = np.zeros(int(documents.max()) + 1 if len(documents) else 1, dtype=np.int64)
    lookup[documents] = list(document_column.values())
    columns = lookup[arrays.documents]
    cells = arrays.rows * size + columns
    order = np.argsort(cells, kind="stable")  # stable: a cell's coding ids stay in the order they were made
    present, starts, counts = np.unique(cells[order], return_index=True, return_counts=True)
    ids = arrays.ids[order]
    # every (cell, turn) a coding reaches, once: a coding over several turns counts each of them
    lengths = np.where(arrays.first >= 0, arrays.last - arrays.first + 1, 0)
    offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    turns_total = max(1, len(coded.turn_document))
    pairs = np.unique(np.repeat(cells, lengths) * turns_total + np.repeat(arrays.first, lengths) + offsets)
    pair_cells, pair_turns = pairs // turns_total, pairs % turns_total
    speakers_total = max(1, len(coded.speakers))
    moderator = np.array([s.is_moderator for s in coded.speakers] or [False], dtype=bool)
    speakers = arrays.turn_speakers[pair_turns]
    informant = ~moderator[speakers]
    said = np.unique(pair_cells[informant] * speakers_total + speakers[informant])  # (cell, speaker) once
    said_cells, said_speakers = said // speakers_total, said % speakers_total
    cell_count = rows * size
    turns_in = _tally(pair_cells, cell_count)
    speakers_in = _tally(said_cells, cell_count)
    result: dict[tuple[int, int], Cell] = {}
    passages: dict[tuple[int, int], tuple[int, ...]] = {}
    for cell, start, count in zip(present.tolist(), starts.tolist(), counts.tolist(), strict=True):
        row, column = divmod(cell, size)
        result[(row, column)] = Cell(count, turns_in[cell], speakers_in[cell], informants[column])
        passages[(row, column)] = tuple(ids[start : start + count].tolist())
    row_speakers = np.unique((said_cells // size) * speakers_total + said_speakers) // speakers_total
    row_totals = tuple(
        Cell(codings, turns, speakers, everyone)
        for codings, turns, speakers in zip(_tally(arrays.rows, rows), _tally(pair_cells // size, rows),
                                            _tally(row_speakers, rows), strict=True)
    )  # fmt: skip
    column_turns = np.unique((pair_cells % size) * turns_total + pair_turns) // turns_total
    column_speakers = np.unique((said_cells % size) * speakers_total + said_speakers) // speakers_total
    column_totals = tuple(
        Cell(codings, turns, speakers, informants[column])
        for column, (codings, turns, speakers) in enumerate(
            zip(_tally(columns, size), _tally(column_turns, size), _tally(column_speakers, size), strict=True)
        )
    )
    total = Cell(len(arrays.ids), len(np.unique(pair_turns)), len(np.unique(said_speakers)), everyone)
    return result, passages, row_totals, column_totals, total
