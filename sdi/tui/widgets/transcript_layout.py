"""The reader's geometry, kept apart from drawing: turns wrapped once per width into display lines, with the
mapping between display lines and character offsets that cursor, selection and highlighting all rely on.

Wrapping is greedy on whitespace and counts characters as cells: Norwegian text (æøå included) is one cell
per character, and the renderer crops anything wider, so nothing can spill over the gutter."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from sdi.workflow.transcript import TurnView

_WORD = re.compile(r"\S+")

HEADER = 0
TEXT = 1
GAP = 2


class DisplayLine(NamedTuple):
    """One row of the reader: its turn, what it is and (for text) which characters it shows."""

    turn: int  # index into the transcript's turns
    kind: int  # HEADER, TEXT or GAP
    start: int  # absolute character offset (the turn's start for header and gap rows)
    end: int


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each wrapped line of `text`, relative to it; a newline in the text forces a break."""
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    line_start = -1
    line_end = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.span()
        if line_start < 0:
            line_start, line_end = word_start, word_start
        elif "\n" in text[line_end:word_start] or word_end - line_start > width:
            if line_end > line_start:
                spans.append((line_start, line_end))
            line_start = word_start
        while word_end - line_start > width:  # a word longer than the line is cut
            spans.append((line_start, line_start + width))
            line_start += width
        line_end = word_end
    if line_start >= 0 and line_end > line_start:
        spans.append((line_start, line_end))
    return spans


class TranscriptLayout:
    """Display lines for the visible turns at one width; rebuilt only when the width or filter changes."""

    def __init__(self, turns: Sequence[TurnView], width: int, visible: Sequence[int]) -> None:
        self.width = width
        self.visible: list[int] = list(visible)
        self.lines: list[DisplayLine] = []
        self.header_line: dict[int, int] = {}  # turn index → its header row
        self.last_line: dict[int, int] = {}  # turn index → its last text row
        self._text_starts: list[int] = []  # char offset of each text row, ascending
        self._text_rows: list[int] = []  # the row of each entry in _text_starts
        for position, index in enumerate(self.visible):
            turn = turns[index]
            if position:
                self.lines.append(DisplayLine(index, GAP, turn.start, turn.start))
            self.header_line[index] = len(self.lines)
            self.lines.append(DisplayLine(index, HEADER, turn.start, turn.start))
            for start, end in wrap_spans(turn.text, width) or [(0, 0)]:
                self._text_starts.append(turn.start + start)
                self._text_rows.append(len(self.lines))
                self.lines.append(DisplayLine(index, TEXT, turn.start + start, turn.start + end))
            self.last_line[index] = len(self.lines) - 1

    def __len__(self) -> int:
        return len(self.lines)

    def line_of_offset(self, offset: int) -> int:
        """The text row showing character `offset` (or the nearest row before it)."""
        position = bisect_right(self._text_starts, offset) - 1
        return self._text_rows[max(0, position)] if self._text_rows else 0

    def rows_of_span(self, start: int, end: int) -> tuple[int, int]:
        """First and last text rows that show any of [start, end)."""
        return self.line_of_offset(start), self.line_of_offset(max(start, end - 1))
