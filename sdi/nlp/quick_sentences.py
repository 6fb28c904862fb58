"""Sentence boundaries without spaCy, for moving and selecting by sentence in the reader at start-up speed.

Norwegian abbreviations that end in a full stop (`f.eks.`, `bl.a.`, `kl.`, `osv.`) do not end a sentence;
an ellipsis or `?`/`!`/`.` followed by space and a capital, digit, quote or cue does."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    [
        "f.eks",
        "bl.a",
        "kl",
        "osv",
        "dvs",
        "ca",
        "nr",
        "mht",
        "ifm",
        "iflg",
        "evt",
        "etc",
        "mv",
        "pga",
        "vs",
        "jf",
        "ref",
        "tlf",
        "prof",
        "dr",
        "st",
        "hhv",
        "o.l",
        "m.m",
        "bl.a.",
        "s",
        "ss",
        "tab",
        "fig",
        "kap",
    ]
)
_END = re.compile(r"(?:\.{3}|…|[.!?])+[»\"')\]]*(?=\s+[«\"(\[]?[A-ZÆØÅ0-9])")


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, shifted by `offset`; whitespace between them left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if match.group().startswith(".") and not match.group().startswith("..."):
            word = text[: match.start()].rsplit(None, 1)[-1].lower() if text[: match.start()].strip() else ""
            if word.rstrip(".") in ABBREVIATIONS or word in ABBREVIATIONS:
                continue
        end = match.end()
        _append(spans, text, start, end, offset)
        start = end
    _append(spans, text, start, len(text), offset)
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int, offset: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((offset + start + lead, offset + start + lead + len(stripped)))
