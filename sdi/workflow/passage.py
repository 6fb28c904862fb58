"""The passage a search hit points at — the sentences holding its matches, or its whole turn — and the codings
already on it.
The workbench's search view quotes a hit through these: a quote is always a coding (SDI quotes what was
coded), so a hit on coded words is quoted at once and a hit on uncoded words is coded first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from sdi.storage.models import Code, Coding, Document, UtteranceIndex
from sdi.workflow.errors import require
from sdi.workflow.project import Project
from sdi.workflow.search import TurnHit


@dataclass(frozen=True)
class Passage:
    """A stretch of a transcript (offsets into its text) and the codings overlapping it, the ones that
    cover most of it first."""

    document_id: int
    start: int
    end: int
    text: str
    codings: tuple[tuple[int, str], ...]  # (coding id, code statement)
    version: int | None = None  # the transcript's version the offsets belong to (coding it passes it back)


def hit_passage(project: Project, hit: TurnHit) -> Passage:
    """The sentences (as stored at import) from the one holding the hit's first match to the one holding its
    last — every matched word inside (a phrase, several terms); the whole turn when it has no match or no
    sentences."""
    turn_start, turn_end = hit.turn_start, hit.turn_start + len(hit.text)
    start, end = turn_start, turn_end
    with project.store.reading() as session:
        sentences = session.scalar(
            select(UtteranceIndex.sentences).where(UtteranceIndex.utterance_id == hit.utterance_id)
        )
    if hit.spans and sentences:
        first, last = turn_start + hit.spans[0][0], turn_start + max(e for _, e in hit.spans) - 1
        around = [(s, e) for s, e in sentences if e > first and s <= last]
        if around:
            start, end = max(turn_start, around[0][0]), min(turn_end, around[-1][1])
    return passage(project, hit.document_id, start, end)


def turn_passage(project: Project, hit: TurnHit) -> Passage:
    """The hit's whole turn — what a quote wants when one sentence says too little."""
    return passage(project, hit.document_id, hit.turn_start, hit.turn_start + len(hit.text))


def passage(project: Project, document_id: int, start: int, end: int) -> Passage:
    """The words at [start, end) of a transcript and the codings overlapping them."""
    with project.store.reading() as session:
        document = require(session, Document, document_id, "transcript")
        rows = session.execute(
            select(Coding.id, Code.statement, Coding.start, Coding.end)
            .join(Code, Code.id == Coding.code_id)
            .where(Coding.document_id == document_id, Coding.start < end, Coding.end > start)
        ).all()
        text, version = document.text[start:end], document.version
    overlap = {i: min(end, e) - max(start, s) for i, _, s, e in rows}
    ordered = sorted(rows, key=lambda r: (-overlap[r[0]], r[2], r[0]))
    codings = tuple((i, statement) for i, statement, _, _ in ordered)
    return Passage(document_id, start, end, text, codings, version)
