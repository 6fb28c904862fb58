"""Which unit a REFI-QDA file counts its text positions in. The standard speaks of character positions in
the plain text, and tools disagree about what a character is: NVivo (and other .NET tools) count UTF-16
code units, so every emoji counts twice; ATLAS.ti is reported to count a Windows line end (CRLF) as one;
QualCoder and sdi count Unicode characters (code points). Nothing in a file says which, so the reader
tries every reading and keeps the one that puts the selections on word boundaries — coders select words,
and a wrong reading drifts into the middle of words after the first emoji or line end. The exporting tool
(`origin`) only breaks ties. Called by `sdi.ingest.refi` after all sources are read."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sdi.i18n import Notice

# (key, what the summary calls it, counts UTF-16 units, counts CRLF as one)
READINGS = (
    ("code-points", "Unicode characters (code points)", False, False),
    ("utf-16", "UTF-16 code units", True, False),
    ("code-points-crlf", "Unicode characters, CRLF as one", False, True),
    ("utf-16-crlf", "UTF-16 code units, CRLF as one", True, True),
)
# Readings a tool is known or reported to use, first: they win a tie.
_ORIGINS = (("nvivo", ("utf-16", "utf-16-crlf")), ("atlas", ("code-points-crlf", "utf-16-crlf")),
            ("maxqda", ("utf-16",)), ("qualcoder", ("code-points",)), ("sdi", ("code-points",)))  # fmt: skip
OURS = "sdi "  # the origin sdi writes
FITS = 0.9  # below this share of selections on word boundaries, no reading fits: the import warns


def on_word_edge(text: str, index: int) -> bool:
    """True when `index` does not fall inside a word (letters or digits on both sides)."""
    return index <= 0 or index >= len(text) or not (text[index - 1].isalnum() and text[index].isalnum())


class Positions:
    """One text under one reading: maps the file's positions to indexes into the Python string."""

    def __init__(self, text: str, utf16: bool, crlf_one: bool) -> None:
        self.text = text
        self.identity = not (utf16 and any(ord(ch) > 0xFFFF for ch in text)) and not (
            crlf_one and "\r\n" in text
        )
        if not self.identity:
            weights = (
                0
                if crlf_one and ch == "\r" and text.startswith("\n", i + 1)
                else 2
                if utf16 and ord(ch) > 0xFFFF
                else 1
                for i, ch in enumerate(text)
            )
            self.prefix = [0, *itertools.accumulate(weights)]

    def index(self, position: int) -> int | None:
        """The string index of a position, or None when it is outside the text or inside a character."""
        if self.identity:
            return position if 0 <= position <= len(self.text) else None
        found = bisect.bisect_left(self.prefix, position)
        return found if found < len(self.prefix) and self.prefix[found] == position else None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        first, last = self.index(start), self.index(end)
        return (first, last) if first is not None and last is not None and first < last else None


@dataclass(frozen=True)
class Choice:
    """The reading chosen for a file, and how well each reading fitted."""

    key: str
    scores: tuple[tuple[str, int], ...]  # (reading, selections on word boundaries), in READINGS order
    total: int  # selections looked at
    differs: bool  # False: every reading gives the same positions (no emoji, no CRLF)
    ours: bool = False  # the file is sdi's own: its unit is known, whatever was selected

    @property
    def best(self) -> int:
        return dict(self.scores)[self.key]

    @property
    def fits(self) -> bool:
        """False when the readings differ and none puts enough selections on word boundaries."""
        return self.ours or not self.differs or self.total == 0 or self.best >= FITS * self.total

    @property
    def summary(self) -> str:
        """One line for the import summary (a `Notice`: said in the project's language by the faces)."""
        label = Notice(f"ingest.reading.{self.key}")
        if not self.total:
            return Notice("ingest.positions.none", label=label)
        if not self.differs:
            return Notice("ingest.positions.agree", label=label, best=self.best, total=self.total)
        others = ", ".join(f"{k}: {n}" for k, n in self.scores if k != self.key)  # the readings by their ids
        return Notice("ingest.positions.chosen", label=label, best=self.best, total=self.total, others=others)

    def reader(self, text: str) -> Positions:
        _, _, utf16, crlf = next(r for r in READINGS if r[0] == self.key)
        return Positions(text, utf16, crlf)


def choose(origin: str, texts: Iterable[tuple[str, Sequence[tuple[int, int]]]]) -> Choice:
    """The reading that puts most selections on word boundaries; the origin's own readings win ties."""
    preferred = next((keys for name, keys in _ORIGINS if name in origin.casefold()), ())
    order = [*preferred, *(key for key, *_ in READINGS if key not in preferred)]
    scores = dict.fromkeys(order, 0)
    total, differs = 0, False
    for text, spans in texts:
        if not spans:
            continue
        total += len(spans)
        for key, _, utf16, crlf in READINGS:
            positions = Positions(text, utf16, crlf)
            differs = differs or not positions.identity
            for start, end in spans:
                span = positions.span(start, end)
                if span is not None and on_word_edge(text, span[0]) and on_word_edge(text, span[1]):
                    scores[key] += 1
    key = max(order, key=lambda k: (scores[k], -order.index(k)))
    ours = origin.startswith(OURS)
    return Choice("code-points" if ours else key, tuple((k, scores[k]) for k, *_ in READINGS), total, differs,
                  ours)  # fmt: skip
