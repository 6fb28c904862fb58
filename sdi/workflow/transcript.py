"""Reading a transcript back: finding it by id, path or name, and its turns with speakers, roles and
line numbers — what `sdi show` prints and the Coding screen reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from sdi.nlp.quick_sentences import sentence_spans
from sdi.storage.models import Document, FocusGroup, Participant, Stage, Utterance
from sdi.workflow.errors import WorkflowError
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
    with project.store.reading() as session:
        rows = session.execute(
            select(Document.id, Document.title, Document.source_path, FocusGroup.name, Stage.number)
            .join(Stage, Stage.id == Document.stage_id)
            .join(FocusGroup, FocusGroup.id == Stage.group_id)
            .order_by(FocusGroup.name, Stage.number)
        ).all()
    return [TranscriptSummary(*row) for row in rows]


def find_transcript(project: Project, reference: str) -> int:
    """A transcript by id, by its path in the project, or by a unique piece of its path or title."""
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
    with project.store.reading() as session:
        row = session.execute(
            select(Document, Stage, FocusGroup)
            .join(Stage, Stage.id == Document.stage_id)
            .join(FocusGroup, FocusGroup.id == Stage.group_id)
            .where(Document.id == document_id)
        ).first()
        if row is None:
            raise WorkflowError(key="error.missing", what="error.what.transcript", ident=document_id)
        document, stage, group = row
        roles = dict(
            session.execute(
                select(Participant.id, Participant.role).where(Participant.group_id == group.id)
            ).all()
        )
        turns = [
            TurnView(
                u.seq,
                u.line,
                u.speaker,
                roles.get(u.participant_id, "") if u.participant_id else "",
                u.is_moderator,
                document.text[u.start : u.end],
                u.start,
                u.end,
                u.time_start,
            )
            for u in session.scalars(
                select(Utterance).where(Utterance.document_id == document_id).order_by(Utterance.seq)
            )
        ]
        return TranscriptView(
            document.id,
            document.title,
            document.source_path,
            group.name,
            group.site,
            stage.number,
            stage.date,
            document.version,
            document.word_count,
            turns,
        )
