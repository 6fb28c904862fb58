"""Words of a transcript for the reader's caret and selection: where each word of a turn begins and ends
(whitespace-separated, punctuation stays with its word as it was said), and the next or previous word over
the turns on show — so a selection grows word by word across sentences and turns, and never into a turn a
filter hides. Offsets are absolute (into the transcript's text), like the codings'."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from sdi.workflow.transcript import TurnView

_WORD = re.compile(r"\S+")
Span = tuple[int, int]


class TranscriptWords:
    """Word spans per turn, found on first use; `visible` (ascending turn indices) limits every search."""

    def __init__(self, turns: Sequence[TurnView]) -> None:
        self.turns = turns
        self.starts = [turn.start for turn in turns]
        self._words: dict[int, list[Span]] = {}
        self.visible: list[int] = list(range(len(turns)))

    def of(self, index: int) -> list[Span]:
        """The words of turn `index`, absolute."""
        if index not in self._words:
            turn = self.turns[index]
            found = _WORD.finditer(turn.text)
            self._words[index] = [(turn.start + m.start(), turn.start + m.end()) for m in found]
        return self._words[index]

    def turn_at(self, offset: int) -> int:
        """The turn holding `offset` (the one before, for an offset between turns)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def _visible_from(self, index: int, step: int) -> list[int]:
        """Visible turns from `index` on (step 1) or back from it (step -1), `index` first if visible."""
        if step > 0:
            return self.visible[bisect_left(self.visible, index) :]
        return self.visible[: bisect_right(self.visible, index)][::-1]

    def word_at(self, offset: int) -> Span | None:
        """The word holding `offset`, else the next word on show, else the last one before it."""
        index = self.turn_at(offset)
        for turn in self._visible_from(index, 1):
            for start, end in self.of(turn):
                if end > offset:
                    return start, end
        return self.previous_word(offset + 1)

    def next_word(self, offset: int) -> Span | None:
        """The first word on show that starts after `offset`."""
        for turn in self._visible_from(self.turn_at(offset), 1):
            words = self.of(turn)
            position = bisect_right([start for start, _ in words], offset)
            if position < len(words):
                return words[position]
        return None

    def previous_word(self, offset: int) -> Span | None:
        """The last word on show that starts before `offset`."""
        for turn in self._visible_from(self.turn_at(offset), -1):
            words = self.of(turn)
            position = bisect_left([start for start, _ in words], offset)
            if position > 0:
                return words[position - 1]
        return None

    def end_after(self, offset: int) -> int | None:
        """The end of the first word on show ending after `offset` — a selection's end grown by a word."""
        for turn in self._visible_from(self.turn_at(offset), 1):
            for _, end in self.of(turn):
                if end > offset:
                    return end
        return None

    def end_before(self, offset: int) -> int | None:
        """The end of the last word on show ending before `offset` — a selection's end shrunk by a word."""
        for turn in self._visible_from(self.turn_at(offset), -1):
            ends = [end for _, end in self.of(turn) if end < offset]
            if ends:
                return ends[-1]
        return None

    def start_before(self, offset: int) -> int | None:
        """The start of the last word on show starting before `offset` — a selection's start grown back."""
        word = self.previous_word(offset)
        return word[0] if word else None

    def snap_end(self, offset: int) -> int:
        """`offset` moved forward to the end of the word it is in (back to the last word's end in a gap)."""
        index = self.turn_at(offset)
        for start, end in self.of(index):
            if start < offset <= end:
                return end
        before = [end for _, end in self.of(index) if end <= offset]
        return before[-1] if before else offset

    def snap_start(self, offset: int) -> int:
        """`offset` moved back to the start of the word it is in (on to the next word's start in a gap)."""
        index = self.turn_at(offset)
        for start, end in self.of(index):
            if start <= offset < end:
                return start
        after = [start for start, _ in self.of(index) if start >= offset]
        return after[0] if after else offset

    def step_char(self, offset: int, delta: int) -> int:
        """One character on (or back) within the turns on show; across a turn break it lands inside the
        next (previous) turn on show, so a selection never holds the break alone."""
        index = self.turn_at(offset)
        turn = self.turns[index]
        target = offset + delta
        if turn.start <= target <= turn.end and index in self.visible:
            return target
        for other in self._visible_from(index + delta, delta):
            if other == index:
                continue
            near = self.turns[other]
            return near.start + 1 if delta > 0 else near.end - 1
        return offset

    def pieces(self, start: int, end: int) -> list[Span]:
        """[start, end) cut to the turns on show: what a coding of the selection covers, turn by turn."""
        found: list[Span] = []
        for index in self._visible_from(self.turn_at(start), 1):
            turn = self.turns[index]
            if turn.start >= end:
                break
            piece = (max(start, turn.start), min(end, turn.end))
            if piece[0] < piece[1]:
                found.append(piece)
        return found
