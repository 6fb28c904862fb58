"""Pseudonymising what the store already holds, for `sdi.workflow.anonymise.apply_decisions` (inside its
transaction): a transcript's new version with turns, cues and codings moved along, and every other place
that quotes transcript words — archived versions, stage summaries, the audit log, the undo history, and the
analysis built on the words (code statements, group and concept texts, memos, edited quotes)."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.ingest.pseudonymise import Pseudonymiser
from sdi.nlp.tokens import count_words
from sdi.storage.models import (
    AuditEvent,
    Code,
    CodeGroup,
    Coding,
    Concept,
    Document,
    DocumentVersion,
    HistoryChange,
    HistoryEntry,
    Memo,
    Participant,
    Quote,
    QuoteSet,
    Stage,
    Utterance,
)
from sdi.workflow.project import Project
from sdi.workflow.search import index_document
from sdi.workflow.transcript_version import new_version

# Free text the researcher wrote from the transcripts, by model: names in it are replaced too.
ANALYSIS_TEXT: tuple[tuple[type[Any], tuple[str, ...]], ...] = (
    (Code, ("statement", "description")),
    (CodeGroup, ("name", "description")),
    (Concept, ("name", "definition", "notes")),
    (Memo, ("title", "text")),
    (Quote, ("display_text", "note")),
    (QuoteSet, ("name", "description")),
    (Stage, ("summary",)),
    (Participant, ("role", "service")),
)


def rewrite_document(
    project: Project,
    session: Session,
    document: Document,
    pseudonymiser: Pseudonymiser,
    edits: list[tuple[int, int, str]],
) -> int:
    """A new version of `document` with the names replaced: turns and cues moved with the words, codings
    re-anchored by `new_version` (their remembered words pseudonymised first, so they are found again)."""
    text = _edited(document.text, edits)
    shift = _Shift(edits)
    for coding in session.scalars(select(Coding).where(Coding.document_id == document.id)):
        coding.anchor_text = pseudonymiser.apply(coding.anchor_text)
        coding.context_before = pseudonymiser.apply(coding.context_before)
        coding.context_after = pseudonymiser.apply(coding.context_after)
    utterances = []
    words = 0
    for old in document.utterances:
        start, end = shift(old.start, False), shift(old.end, True)
        cues = [[shift(a, False), shift(b, True)] for a, b in old.cues]
        count = count_words(text[start:end], [(a - start, b - start) for a, b in cues])
        words += count
        utterances.append(
            Utterance(
                seq=old.seq, participant_id=old.participant_id, speaker=old.speaker,
                is_moderator=old.is_moderator, start=start, end=end, line=old.line,
                time_start=old.time_start, time_end=old.time_end, word_count=count, cues=cues,
            )
        )  # fmt: skip
    flagged = new_version(project, session, document, text, utterances, words, action="anonymise")
    document.content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    document.title = pseudonymiser.apply(document.title)
    index_document(project, session, document)
    return flagged


def scrub_history(session: Session, document: Document, pseudonymiser: Pseudonymiser) -> None:
    """Older versions are kept, but not with the names in them."""
    for version in session.scalars(select(DocumentVersion).where(DocumentVersion.document_id == document.id)):
        text = pseudonymiser.apply(version.text)
        if text != version.text:
            version.text = text
            version.content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()


def scrub_log(session: Session, pseudonymiser: Pseudonymiser) -> None:
    """The audit log and the undo history quote coded words («kodet «ringte Kari …»»): pseudonymised too."""
    for event in session.scalars(select(AuditEvent)):
        event.summary = pseudonymiser.apply(event.summary)
        details = _scrubbed(event.details, pseudonymiser)
        if details != event.details:
            event.details = details
    for entry in session.scalars(select(HistoryEntry)):
        entry.label = pseudonymiser.apply(entry.label)
    for change in session.scalars(select(HistoryChange)):
        for side in ("before", "after"):
            value = getattr(change, side)
            scrubbed = _scrubbed(value, pseudonymiser)
            if scrubbed != value:
                setattr(change, side, scrubbed)


def _scrubbed(value: Any, pseudonymiser: Pseudonymiser) -> Any:
    """A copy of a JSON value with every string pseudonymised."""
    if isinstance(value, str):
        return pseudonymiser.apply(value)
    if isinstance(value, list):
        return [_scrubbed(item, pseudonymiser) for item in value]
    if isinstance(value, dict):
        return {key: _scrubbed(item, pseudonymiser) for key, item in value.items()}
    return value


def _edited(text: str, edits: list[tuple[int, int, str]]) -> str:
    parts, cursor = [], 0
    for start, end, replacement in edits:
        parts += [text[cursor:start], replacement]
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)


class _Shift:
    """Old offset → new offset after `edits`; a boundary inside a replaced name moves to its edge."""

    def __init__(self, edits: list[tuple[int, int, str]]) -> None:
        self.edits = edits
        self.starts = [start for start, _, _ in edits]
        self.before: list[int] = []  # total length change before each edit
        delta = 0
        for start, end, replacement in edits:
            self.before.append(delta)
            delta += len(replacement) - (end - start)
        self.total = delta

    def __call__(self, offset: int, is_end: bool) -> int:
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset
        start, end, replacement = self.edits[index]
        delta = self.before[index]
        if offset >= end:
            return offset + delta + len(replacement) - (end - start)
        if offset == start:
            return offset + delta
        return start + delta + (len(replacement) if is_end else 0)


def scrub_text_fields(session: Session, pseudonymiser: Pseudonymiser) -> int:
    """Replace the names in every analysis text (see ANALYSIS_TEXT); returns how many rows changed. Shared
    objects get a new version, so a colleague's stale edit is refused rather than bringing a name back."""
    changed = 0
    for model, fields in ANALYSIS_TEXT:
        for row in session.scalars(select(model)):
            dirty = False
            for name in fields:
                value = getattr(row, name)
                if isinstance(value, str) and value:
                    new = pseudonymiser.apply(value)
                    if new != value:
                        setattr(row, name, new)
                        dirty = True
            changed += dirty
    return changed
