"""What a search hit shows of its turn: the turn's row (where it is, who spoke) and its words, cut from the
transcript's text, which is read from the store only when this process has not read that exact text before.
Plain SQL over any `Reader` (`sdi.storage.lean`): the workbench's session, a cold command's sqlite3."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sdi.storage.lean import Reader

TEXT_CACHE_CHARS = 64_000_000
_texts: dict[str, str] = {}  # content hash → transcript text, for what searches show (bounded)
_texts_lock = threading.Lock()


def document_texts(session: Session, document_ids: Iterable[int]) -> dict[int, str]:
    """The current text of each transcript, read from the store only when this process has not read that
    exact text before (keyed by its content hash, so a new version is always read): a search shows words
    from a few hundred turns of a few dozen long transcripts, and their text would otherwise be copied out
    of the database on every keystroke."""
    from sdi.storage.lean import session_reader

    return read_document_texts(session_reader(session), document_ids)


def marks_of(ids: Iterable[int]) -> tuple[str, dict[str, int]]:
    """`:i0, :i1, …` and their values: an IN list both engines (and both read paths) take."""
    values = {f"i{n}": int(i) for n, i in enumerate(ids)}
    return ", ".join(f":{name}" for name in values) or "NULL", values


def read_document_texts(
    read: Reader, document_ids: Iterable[int], hashes: dict[int, str] | None = None
) -> dict[int, str]:
    """`document_texts` over any reader (`hashes`: each transcript's content hash, when already read)."""
    if hashes is None:
        marks, values = marks_of(set(document_ids))
        hashes = dict(read(f"SELECT id, content_hash FROM documents WHERE id IN ({marks})", **values))
    wanted = hashes
    with _texts_lock:
        missing = [i for i, digest in wanted.items() if digest not in _texts]
    marks, values = marks_of(missing)
    fetched: dict[int, str] = {}
    if missing:
        fetched = dict(read(f"SELECT id, text FROM documents WHERE id IN ({marks})", **values))
    with _texts_lock:
        if sum(map(len, _texts.values())) + sum(map(len, fetched.values())) > TEXT_CACHE_CHARS:
            _texts.clear()
        for document_id, text in fetched.items():
            _texts[wanted[document_id]] = text
        return {i: fetched[i] if i in fetched else _texts[digest] for i, digest in wanted.items()}


# (id, transcript id, path, group, stage, line, speaker, role, text, start): a TurnHit without spans, score
TurnRow = tuple[int, int, str, str, int, int, str, str, str, int]
_TURN_ROWS = (
    "SELECT u.id, u.document_id, d.source_path, g.name, s.number, u.line, u.speaker, p.role, "
    'u.start, u."end", d.content_hash FROM utterances u JOIN documents d ON d.id = u.document_id '
    "JOIN stages s ON s.id = d.stage_id JOIN focus_groups g ON g.id = s.group_id "
    "LEFT OUTER JOIN participants p ON p.id = u.participant_id WHERE u.id IN ({marks})"
)


def turn_rows(session: Session, utterance_ids: Iterable[int]) -> list[TurnRow]:
    """Each turn's (id, transcript id, path, group, stage, line, speaker, role, text, start): a `TurnHit`
    without its spans and score."""
    from sdi.storage.lean import session_reader

    return read_turn_rows(session_reader(session), utterance_ids)


def read_turn_rows(read: Reader, utterance_ids: Iterable[int]) -> list[TurnRow]:
    """`turn_rows` over any reader (plain SQL: no ORM objects made for a list of hits)."""
    utterance_ids = list(utterance_ids)
    if not utterance_ids:
        return []
    marks, values = marks_of(utterance_ids)
    rows = read(_TURN_ROWS.format(marks=marks), **values)
    texts = read_document_texts(read, (), {row[1]: row[10] for row in rows})
    return [
        (uid, document, path, group, stage, line, speaker, role or "", texts[document][start:end], start)
        for uid, document, path, group, stage, line, speaker, role, start, end, _ in rows
    ]
