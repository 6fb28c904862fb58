"""Reading a transcript back: finding it by id, path or name, and its turns with speakers, roles and
line numbers — what `sdi show` prints and the Coding screen reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sdi.nlp.quick_sentences import sentence_spans
from sdi.storage import lean_coding
from sdi.storage.lean import stored_date
from sdi.workflow.errors import WorkflowError, missing
from sdi.workflow.project import Project


@dataclass(frozen=True)
class TurnView:
    seq: int
    line: int
    speaker: str
    role: str
    is_moderator: bool
    text: str
    start: int
    end: int
    time_start: float | None

    def sentences(self) -> list[tuple[int, int]]:
        """The turn's sentences as (start, end) in the transcript's text — quick boundaries without spaCy,
        for moving and selecting by sentence in the reader; the whole turn when it has none."""
        return sentence_spans(self.text, self.start) or [(self.start, self.end)]


@dataclass(frozen=True)
class TranscriptView:
    id: int
    title: str
    source_path: str
    group: str
    site: str
    stage: int
    date: dt.date | None
    version: int
    words: int
    turns: list[TurnView]


@dataclass(frozen=True)
class TranscriptSummary:
    id: int
    title: str
    source_path: str
    group: str
    stage: int


def list_transcripts(project: Project) -> list[TranscriptSummary]:
    """Every transcript by focus group and stage — plain SQL (`sdi.storage.lean_coding`): the Coding screen
    asks it when first shown, which may be before the store is open."""
    with project.reading_rows() as read:
        rows = lean_coding.transcripts(read)
    return [
        TranscriptSummary(int(i), title, path, group, int(number)) for i, title, path, group, number in rows
    ]


def find_transcript(project: Project, reference: str) -> int:
    """A transcript by id, by its path in the project, or by a unique piece of its path or title."""
    from sqlalchemy import or_, select

    from sdi.storage.models import Document

    reference = reference.strip()
    with project.store.reading() as session:
        if reference.isdigit() and session.get(Document, int(reference)) is not None:
            return int(reference)
        path = reference.removeprefix("./")
        exact = session.scalar(select(Document.id).where(Document.source_path == path))
        if exact is not None:
            return exact
        like = f"%{reference}%"
        matches = session.execute(
            select(Document.id, Document.source_path).where(
                or_(Document.source_path.ilike(like), Document.title.ilike(like))
            )
        ).all()
    if len(matches) == 1:
        return matches[0][0]
    if not matches:
        raise WorkflowError(key="refusal.transcript.no_match", reference=reference)
    listed = ", ".join(path for _, path in matches[:8])
    raise WorkflowError(
        key="refusal.transcript.ambiguous", reference=reference, count=len(matches), listed=listed
    )


def transcript_view(project: Project, document_id: int) -> TranscriptView:
    """A transcript with its turns (speakers, roles, lines), in plain SQL like `list_transcripts`."""
    with project.reading_rows() as read:
        row = lean_coding.transcript(read, document_id)
        if row is None:
            raise missing("transcript", document_id)
        ident, title, path, group_id, group, site, stage, date, version, words, text = row
        turns = [
            TurnView(int(seq), int(line), speaker, role, bool(moderator), text[start:end], int(start),
                     int(end), time_start)
            for seq, line, speaker, role, moderator, start, end, time_start
            in lean_coding.turns(read, ident, group_id)
        ]  # fmt: skip
    return TranscriptView(int(ident), title, path, group, site, int(stage), stored_date(date), int(version),
                          int(words), turns)  # fmt: skip
