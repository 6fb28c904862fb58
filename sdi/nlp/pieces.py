"""Texts cut into pieces spaCy handles in time linear in their length, and the pieces' annotations put back.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters, error E088), and its tokenizer strips
prefixes and suffixes one at a time, each time searching the rest of a whitespace-free run: a run of
`**…` or `[(…` thousands of characters long takes minutes. So before a text goes to spaCy it is cut into
pieces of at most `PIECE` characters (at a line break, a sentence end or a space where there is one), and
inside each piece a space is put into every run of more than `RUN` characters without one. The annotations
of the pieces are mapped back onto the text as given — every offset exact — and joined; a sentence that a
cut went through is joined again. Ordinary turns (short, with spaces) pass through untouched.

Used by `sdi.nlp.pipeline.NlpPipeline.annotate`; plain text in, plain annotations out."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.nlp.pipeline import Annotation

RUN = 100  # the longest stretch without whitespace spaCy is given (a long URL still fits)
PIECE = 100_000  # the longest text spaCy is given at once (its own limit is 1,000,000)
_LONG_RUN = re.compile(rf"\S{{{RUN + 1},}}")
_SOFT_BREAKS = (re.compile(r"\n"), re.compile(r"[.!?…]\s"), re.compile(r"\s"))
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Piece:
    """What spaCy is given for part of a text: `text` starts at `offset` of the text as written, and holds
    a space that is not in it at each position in `inserted` (sorted)."""

    text: str
    offset: int
    inserted: tuple[int, ...] = ()
    joined: bool = False  # the text was cut inside a run here: its first sentence continues the last one

    def original(self, position: int) -> int:
        """The offset in the text as written of `position` in `text` (never an inserted space)."""
        return self.offset + position - bisect_left(self.inserted, position)


def needs_cutting(text: str) -> bool:
    return len(text) > PIECE or _LONG_RUN.search(text) is not None


def cut(text: str) -> list[Piece]:
    """`text` as pieces for spaCy: one piece, the text itself, when it needs no cutting."""
    if not needs_cutting(text):
        return [Piece(text, 0)]
    pieces: list[Piece] = []
    start = 0
    joined = False
    while start < len(text):
        end, soft = _piece_end(text, start)
        pieces.append(_spaced(text[start:end], start, joined))
        joined = not soft
        start = end
    return pieces


def _piece_end(text: str, start: int) -> tuple[int, bool]:
    """Where the piece starting at `start` ends, and whether it ends at a break (not inside a run)."""
    limit = start + PIECE
    if limit >= len(text):
        return len(text), True
    window = text[start + PIECE // 2 : limit]
    for pattern in _SOFT_BREAKS:
        found = None
        for found in pattern.finditer(window):  # noqa: B007 — the last one is wanted
            pass
        if found is not None:
            return start + PIECE // 2 + found.end(), True
    return limit, False


def _spaced(text: str, offset: int, joined: bool) -> Piece:
    """A space after every `RUN` characters of a run without whitespace, preferably after a character
    that is not part of a word, so words stay whole where they can."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return Piece(text, offset, (), joined)
    parts: list[str] = []
    inserted: list[int] = []
    done = 0
    for run in runs:
        position = run.start()
        while run.end() - position > RUN:
            stop = _run_cut(text, position, position + RUN)
            parts.append(text[done:stop])
            inserted.append(stop + len(inserted))
            parts.append(" ")
            done = position = stop
    parts.append(text[done:])
    return Piece("".join(parts), offset, tuple(inserted), joined)


def _run_cut(text: str, start: int, limit: int) -> int:
    for position in range(limit, start + RUN // 2, -1):
        if not _WORD_CHAR.match(text, position - 1):
            return position
    return limit


def shifted(annotation: Annotation, piece: Piece) -> Annotation:
    """The annotation of `piece.text` with its offsets in the text as written."""
    if not piece.offset and not piece.inserted:
        return annotation
    at = piece.original
    return replace(
        annotation,
        tokens=[token._replace(start=at(token.start), end=at(token.end)) for token in annotation.tokens],
        sentences=[(at(start), at(end)) for start, end in annotation.sentences],
        entities=[entity._replace(start=at(entity.start), end=at(entity.end))
                  for entity in annotation.entities],
    )  # fmt: skip


def joined(parts: list[tuple[Piece, Annotation]]) -> Annotation:
    """The annotations of one text's pieces as one (offsets already in the text as written)."""
    whole = replace(parts[0][1], tokens=[], sentences=[], entities=[])
    for piece, annotation in parts:
        sentences = list(annotation.sentences)
        if piece.joined and whole.sentences and sentences:
            whole.sentences[-1] = (whole.sentences[-1][0], sentences.pop(0)[1])
        whole.tokens.extend(annotation.tokens)
        whole.sentences.extend(sentences)
        whole.entities.extend(annotation.entities)
    return whole


class Cutter:
    """Feeds pieces of a stream of texts to spaCy and puts each text's annotation back together, lazily:
    `feed(texts)` is handed to `nlp.pipe`, and `gather` reads what spaCy made in the same order."""

    def __init__(self) -> None:
        self._plans: deque[list[Piece]] = deque()

    def feed(self, texts: Iterable[str]) -> Iterator[str]:
        for text in texts:
            pieces = cut(text)
            self._plans.append(pieces)
            for piece in pieces:
                yield piece.text

    def gather(self, annotations: Iterator[Annotation]) -> Iterator[Annotation]:
        for annotation in annotations:
            pieces = self._plans[0]
            if len(pieces) == 1:
                self._plans.popleft()
                yield shifted(annotation, pieces[0])
                continue
            parts = [(pieces[0], shifted(annotation, pieces[0]))]
            for piece in pieces[1:]:
                parts.append((piece, shifted(next(annotations), piece)))
            self._plans.popleft()
            yield joined(parts)
