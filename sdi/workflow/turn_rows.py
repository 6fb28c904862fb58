"""A transcript's turns written and replaced in bulk: plain rows through one INSERT per few thousand turns,
never one ORM object per turn — 400,000 one-word turns took 2.3 GB and six minutes that way, each object
carrying SQLAlchemy's bookkeeping several times over the few numbers it holds.

Called by `corpus_import` (a new transcript, `new_version`); callers that build `Utterance` objects (REFI-QDA
versions, anonymising) may pass them, and they are written the same way."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from sdi.storage.models import Document, Utterance

CHUNK = 5_000
TurnRow = dict[str, Any]
_COLUMNS = ("seq", "participant_id", "speaker", "is_moderator", "start", "end", "line", "time_start",
            "time_end", "word_count", "cues")  # fmt: skip


def row_of(turn: Utterance | TurnRow) -> TurnRow:
    """A turn as the plain row that is written (an `Utterance` not yet in the session, or a row already)."""
    if isinstance(turn, dict):
        return turn
    return {name: getattr(turn, name) for name in _COLUMNS}


def write_turns(session: Session, document_id: int, turns: Iterable[Utterance | TurnRow]) -> int:
    """Insert `turns` as turns of the transcript `document_id`, a chunk at a time; returns how many."""
    written = 0
    for chunk in _chunks(turns):
        rows = [{**row_of(turn), "document_id": document_id} for turn in chunk]
        session.execute(insert(Utterance.__table__), rows)  # Core: no ORM bookkeeping per row
        written += len(rows)
    return written


def replace_turns(session: Session, document: Document, turns: Iterable[Utterance | TurnRow]) -> int:
    """Delete the transcript's turns and write `turns` instead. Turn objects the session had loaded are let
    go (their rows are gone, and SQLite may give their ids to new turns); `document.utterances` reloads."""
    session.flush()
    for held in [obj for obj in session.identity_map.values() if isinstance(obj, Utterance)]:
        if held.document_id == document.id:
            session.expunge(held)
    session.execute(delete(Utterance).where(Utterance.document_id == document.id))
    written = write_turns(session, document.id, turns)
    session.expire(document, ["utterances"])
    return written


def _chunks(turns: Iterable[Utterance | TurnRow]) -> Iterator[list[Utterance | TurnRow]]:
    iterator = iter(turns)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk
