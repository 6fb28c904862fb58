"""Plain SQL for what the Coding screen shows when it is first drawn: the transcripts, one transcript with its
turns, its codings with their codes, and the code groups with their counts. The workbench may show Coding
the moment its first screen is up, before SQLAlchemy and the models have loaded (`Project.reading_rows`);
these read through a `sdi.storage.lean.Reader` (the lean sqlite3 connection, or a session on any engine), so
the SQL is plain enough for SQLite and PostgreSQL alike (`"end"` quoted: a keyword on PostgreSQL).

Each function returns rows as the workflow needs them; the workflow builds its views from them. Booleans
and dates come back as each driver gives them (0/1 and text on SQLite): the workflow converts them."""

from __future__ import annotations

from typing import Any

from sdi.storage.lean import Reader

_TRANSCRIPTS = (
    "SELECT d.id, d.title, d.source_path, g.name, s.number FROM documents d "
    "JOIN stages s ON s.id = d.stage_id JOIN focus_groups g ON g.id = s.group_id "
    "ORDER BY g.name, s.number"
)

_TRANSCRIPT = (
    "SELECT d.id, d.title, d.source_path, g.id, g.name, g.site, s.number, s.date, d.version, d.word_count, "
    "d.text FROM documents d JOIN stages s ON s.id = d.stage_id JOIN focus_groups g ON g.id = s.group_id "
    "WHERE d.id = :document"
)

# A turn's role is its participant's, when the participant is one of the transcript's group.
_TURNS = (
    "SELECT u.seq, u.line, u.speaker, CASE WHEN p.id IS NULL THEN '' ELSE p.role END, u.is_moderator, "
    'u.start, u."end", u.time_start FROM utterances u '
    "LEFT JOIN participants p ON p.id = u.participant_id AND p.group_id = :group "
    "WHERE u.document_id = :document ORDER BY u.seq"
)

_DOCUMENT_TEXT = "SELECT text FROM documents WHERE id = :document"

_CODINGS = (
    'SELECT k.id, k.code_id, c.statement, k.document_id, k.start, k."end", k.anchor_text, k.status, '
    "c.version, c.group_id FROM codings k JOIN codes c ON c.id = k.code_id "
    "WHERE k.document_id = :document ORDER BY k.start, k.id"
)

_GROUPS = (
    "SELECT g.id, g.name, g.description, g.position, g.is_rest, "
    "(SELECT count(*) FROM codes c WHERE c.group_id = g.id), "
    "(SELECT count(*) FROM codes c JOIN codings k ON k.code_id = c.id WHERE c.group_id = g.id), "
    "(SELECT n.name FROM concepts n WHERE n.group_id = g.id), g.version "
    "FROM code_groups g ORDER BY g.is_rest, g.position, g.id"
)

Row = tuple[Any, ...]


def transcripts(read: Reader) -> list[Row]:
    """Every transcript as (id, title, source path, focus group, stage number), by group and stage."""
    return read(_TRANSCRIPTS)


def transcript(read: Reader, document_id: int) -> Row | None:
    """(id, title, source path, group id, group, site, stage number, stage date, version, words, text), or
    None when there is no such transcript."""
    found = read(_TRANSCRIPT, document=document_id)
    return found[0] if found else None


def turns(read: Reader, document_id: int, group_id: int) -> list[Row]:
    """The transcript's turns in order: (seq, line, speaker, role, is moderator, start, end, time start)."""
    return read(_TURNS, document=document_id, group=group_id)


def document_text(read: Reader, document_id: int) -> str | None:
    """The transcript's current text, or None when there is no such transcript."""
    found = read(_DOCUMENT_TEXT, document=document_id)
    return str(found[0][0]) if found else None


def codings(read: Reader, document_id: int) -> list[Row]:
    """The transcript's codings by position: (id, code id, statement, document id, start, end, anchor text,
    status, code version, code group id)."""
    return read(_CODINGS, document=document_id)


def code_groups(read: Reader) -> list[Row]:
    """The code groups, the rest group last: (id, name, description, position, is rest, codes, codings,
    concept name or None, version)."""
    return read(_GROUPS)
