"""Codings in their context: the words, the turn around them, who said it and where — the walk back from a
code, a group or a concept to the passage it came from, and the attribution a quote carries."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.storage.models import (
    Code,
    CodeGroup,
    Coding,
    Concept,
    Document,
    FocusGroup,
    Participant,
    Stage,
    Utterance,
)


@dataclass(frozen=True)
class CodingContext:
    """A coding with what a researcher needs to check it against the data."""

    coding_id: int
    code_id: int
    statement: str
    document_id: int
    source_path: str
    start: int
    end: int
    text: str  # the coded words now
    turn_text: str  # the whole turn they are in
    turn_start: int  # offset of the turn in the transcript
    line: int  # source line of the turn
    speaker: str
    role: str
    group: str
    site: str
    category: str
    stage: int
    date: dt.date | None
    status: str
    code_group: str | None = None  # the code's kodegruppe, if grouped
    concept: str | None = None  # the concept built on that group, if any

    @property
    def attribution(self) -> str:
        return self.attribution_in("nb")

    def attribution_in(self, language: str) -> str:
        """Who said it, as a paper shows it: role, group, site, stage — never a name."""
        who = self.role or ("Informant" if language == "nb" else "Participant")
        parts = [who, self.group]
        if self.site and self.site not in self.group:
            parts.append(self.site)
        parts.append(f"runde {self.stage}" if language == "nb" else f"stage {self.stage}")
        return ", ".join(parts)


def coding_contexts(session: Session, coding_ids: Iterable[int]) -> list[CodingContext]:
    """Contexts for the given codings, in the order given."""
    wanted = list(dict.fromkeys(coding_ids))
    if not wanted:
        return []
    rows = session.execute(
        select(Coding, Code.statement, Document.source_path, Document.text, Stage, FocusGroup)
        .join(Code, Code.id == Coding.code_id)
        .join(Document, Document.id == Coding.document_id)
        .join(Stage, Stage.id == Document.stage_id)
        .join(FocusGroup, FocusGroup.id == Stage.group_id)
        .where(Coding.id.in_(wanted))
    ).all()
    documents = {row[0].document_id for row in rows}
    turns: dict[int, list[tuple[int, int, int, str, int | None]]] = defaultdict(list)
    for u in session.execute(
        select(
            Utterance.document_id,
            Utterance.start,
            Utterance.end,
            Utterance.line,
            Utterance.speaker,
            Utterance.participant_id,
        )
        .where(Utterance.document_id.in_(documents))
        .order_by(Utterance.document_id, Utterance.start)
    ):
        turns[u.document_id].append((u.start, u.end, u.line, u.speaker, u.participant_id))
    roles = dict(session.execute(select(Participant.id, Participant.role)).all())
    grouping = {
        code_id: (group_name, concept)
        for code_id, group_name, concept in session.execute(
            select(Code.id, CodeGroup.name, Concept.name)
            .join(CodeGroup, CodeGroup.id == Code.group_id)
            .outerjoin(Concept, Concept.group_id == CodeGroup.id)
            .where(Code.id.in_({row[0].code_id for row in rows}))
        )
    }
    by_id: dict[int, CodingContext] = {}
    for coding, statement, path, text, stage, group in rows:
        doc_turns = turns[coding.document_id]
        index = max(0, bisect_right([t[0] for t in doc_turns], coding.start) - 1)
        start, end, line, speaker, participant = (
            doc_turns[index] if doc_turns else (0, len(text), 1, "", None)
        )
        by_id[coding.id] = CodingContext(
            coding.id, coding.code_id, statement, coding.document_id, path, coding.start, coding.end,
            text[coding.start : coding.end], text[start:end], start, line, speaker,
            roles.get(participant, "") if participant else "", group.name, group.site, group.category,
            stage.number, stage.date, coding.status, *grouping.get(coding.code_id, (None, None)),
        )  # fmt: skip
    return [by_id[i] for i in wanted if i in by_id]
