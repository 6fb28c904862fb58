"""Re-anchoring codings when a transcript changes: a coding follows its words, not its offsets.

Pure functions. The old and new texts are aligned word by word (difflib over whitespace-separated tokens,
after trimming the common head and tail, which is where almost all of a long transcript lies). A span whose
words survive unchanged is `ok` (same place) or `moved`; one whose words were edited is `changed`; one whose
words are gone is `orphaned` — kept at the nearest point, with its original words, for the researcher to
resolve."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\S+")
CONTEXT = 40
FLAGGED = ("changed", "orphaned")


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    text: str  # the coded words as they were
    before: str = ""  # a little text before the span, to choose among repeats
    after: str = ""


@dataclass(frozen=True)
class Relocation:
    start: int
    end: int
    status: str  # ok | moved | changed | orphaned


def anchor_for(text: str, start: int, end: int) -> Anchor:
    return Anchor(
        start, end, text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    )


class _Alignment:
    """Token-level alignment of two texts, able to map character offsets from old to new."""

    def __init__(self, old: str, new: str) -> None:
        self.old_tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(old)]
        self.new_tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(new)]
        self.old_starts = [s for s, _ in self.old_tokens]
        self.old_ends = [e for _, e in self.old_tokens]
        a = [old[s:e] for s, e in self.old_tokens]
        b = [new[s:e] for s, e in self.new_tokens]
        head = 0
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        tail = 0
        while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
            tail += 1
        blocks: list[tuple[str, int, int, int, int]] = []
        if head:
            blocks.append(("equal", 0, head, 0, head))
        matcher = SequenceMatcher(None, a[head : len(a) - tail], b[head : len(b) - tail], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            blocks.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
        if tail:
            blocks.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
        self.blocks = blocks
        self.block_starts = [block[1] for block in blocks]
        self.new_length = len(new)

    def _block(self, token: int) -> tuple[str, int, int, int, int]:
        index = max(0, bisect_right(self.block_starts, token) - 1)
        # Insertions have i1 == i2; skip them to the block that holds the token.
        while index + 1 < len(self.blocks) and self.blocks[index][2] <= token:
            index += 1
        return self.blocks[index]

    def _new_start_of(self, j: int) -> int:
        return self.new_tokens[j][0] if j < len(self.new_tokens) else self.new_length

    def _new_end_of(self, j: int) -> int:
        return self.new_tokens[j][1] if j >= 0 else 0

    def map_start(self, offset: int) -> tuple[int, bool]:
        """New offset for a span start, and whether the token there survived unchanged."""
        token = bisect_right(self.old_ends, offset)  # first token ending after offset
        if token >= len(self.old_tokens) or not self.blocks:
            return self.new_length, False
        tag, i1, _i2, j1, _j2 = self._block(token)
        if tag == "equal":
            j = j1 + token - i1
            inside = max(0, offset - self.old_tokens[token][0])
            return self.new_tokens[j][0] + inside, True
        return self._new_start_of(j1), False

    def map_end(self, offset: int) -> tuple[int, bool]:
        token = bisect_left(self.old_starts, offset) - 1  # last token starting before offset
        if token < 0 or not self.blocks:
            return 0, False
        tag, i1, _i2, j1, j2 = self._block(token)
        if tag == "equal":
            j = j1 + token - i1
            short = max(0, self.old_tokens[token][1] - offset)
            return self.new_tokens[j][1] - short, True
        return (self._new_end_of(j2 - 1) if tag == "replace" else self._new_end_of(j1 - 1)), False

    def survivors(self, start: int, end: int) -> int:
        """How many old tokens inside [start, end) are aligned to equal tokens in the new text."""
        first = bisect_right(self.old_ends, start)
        last = bisect_left(self.old_starts, end)
        count = 0
        for tag, i1, i2, _j1, _j2 in self.blocks:
            if tag == "equal":
                count += max(0, min(i2, last) - max(i1, first))
        return count


def reanchor(old: str, new: str, anchors: list[Anchor]) -> list[Relocation]:
    """Where each anchored span lies in `new`."""
    if old == new:
        return [Relocation(a.start, a.end, "ok") for a in anchors]
    alignment = _Alignment(old, new)
    return [_relocate(alignment, new, anchor) for anchor in anchors]


def _relocate(alignment: _Alignment, new: str, anchor: Anchor) -> Relocation:
    start, _ = alignment.map_start(anchor.start)
    end, _ = alignment.map_end(anchor.end)
    if end > start and new[start:end] == anchor.text:
        return Relocation(start, end, "ok" if (start, end) == (anchor.start, anchor.end) else "moved")
    exact = _nearest_occurrence(new, anchor, start)
    if exact is not None:
        return Relocation(exact, exact + len(anchor.text), "moved")
    if end > start and alignment.survivors(anchor.start, anchor.end) > 0:
        return Relocation(start, end, "changed")
    point = min(start, len(new))
    return Relocation(point, point, "orphaned")


def _nearest_occurrence(new: str, anchor: Anchor, near: int) -> int | None:
    """The occurrence of the old words in the new text that best fits their context, then position."""
    if not anchor.text.strip():
        return None
    found: list[tuple[int, int, int]] = []
    position = new.find(anchor.text)
    while position != -1 and len(found) < 1000:
        context = int(new[max(0, position - len(anchor.before)) : position] == anchor.before) + int(
            new[position + len(anchor.text) : position + len(anchor.text) + len(anchor.after)] == anchor.after
        )
        found.append((-context, abs(position - near), position))
        position = new.find(anchor.text, position + 1)
    return min(found)[2] if found else None
