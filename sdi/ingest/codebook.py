"""Reading codebook files (`codebooks/*.toml`, format `sdi-codebook/1`) into plain data: the data classes of
`sdi.interchange.codebook`, shared with the writer in `sdi.export` and named here too.

The format is ours: diff-friendly TOML with stable ids, so teams can keep codebooks in git and merge them.
Codings, when present, are anchored by their exact words in a transcript rather than by offsets, so a
codebook survives re-transcription and can seed another copy of the project."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from sdi import safe_toml
from sdi.i18n import Notice
from sdi.i18n.outside import os_reason, toml_reason
from sdi.ingest import limits
from sdi.ingest.model import IngestError
from sdi.interchange.codebook import (
    FORMAT,
    Codebook,
    CodebookCode,
    CodebookConcept,
    CodebookGroup,
    CodingAnchor,
    KeyQuote,
)

__all__ = [
    "FORMAT", "Codebook", "CodebookCode", "CodebookConcept", "CodebookGroup", "CodingAnchor", "KeyQuote",
    "read_codebook",
]  # fmt: skip

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,35}$")


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def fail(self, message: str, needle: str | None = None) -> IngestError:
        line = None
        if needle:
            line = next((n for n, row in enumerate(self.lines, 1) if needle in row), None)
        return IngestError(self.path, message, line)

    def text(self, table: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
        value = table.get(key, "")
        if required and not value:
            raise self.fail(
                Notice("ingest.cb.required", where=where, field=key), where.split()[-1] if where else None
            )
        if not isinstance(value, str):
            raise self.fail(Notice("ingest.cb.string", where=where, field=key), f"{key} =")
        return value.strip()

    def ident(self, table: dict[str, Any], where: str) -> str:
        value = self.text(table, "id", where, required=True)
        if not _ID.match(value):
            raise self.fail(Notice("ingest.cb.ident", where=where, value=value), value)
        return value


def read_codebook(path: Path) -> Codebook:
    """Parse and check a codebook file; every problem is an IngestError naming the file and line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, Notice("ingest.unreadable", reason=os_reason(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
        data = safe_toml.loads(text)
    except UnicodeDecodeError:
        raise IngestError(path, Notice("ingest.not_utf8")) from None
    except tomllib.TOMLDecodeError as exc:
        message, at = safe_toml.problem(exc)
        raise IngestError(path, Notice("ingest.invalid_toml", reason=toml_reason(message)), at) from None
    reader = _Reader(path, text)
    if data.get("format") != FORMAT:
        raise reader.fail(Notice("ingest.cb.format", format=FORMAT), "format")
    unknown = set(data) - {"format", "title", "description", "groups", "codes"}
    if unknown:
        raise reader.fail(Notice("ingest.cb.unknown_key", field=sorted(unknown)[0]), sorted(unknown)[0])
    groups = tuple(_group(reader, g) for g in _tables(reader, data, "groups"))
    codes = tuple(_code(reader, c) for c in _tables(reader, data, "codes"))
    _check_references(reader, groups, codes)
    return Codebook(
        reader.text(data, "title", Notice("ingest.cb.where.codebook")),
        reader.text(data, "description", Notice("ingest.cb.where.codebook")),
        groups,
        codes,
    )


def _tables(reader: _Reader, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise reader.fail(Notice("ingest.cb.tables", field=key), key)
    return value


def _group(reader: _Reader, table: dict[str, Any]) -> CodebookGroup:
    ident = reader.ident(table, Notice("ingest.cb.where.a_group"))
    where = Notice("ingest.cb.where.group", ident=ident)
    concept = None
    if "concept" in table:
        raw = table["concept"]
        if not isinstance(raw, dict):
            raise reader.fail(Notice("ingest.cb.concept_table", where=where), ident)
        quotes = []
        if not isinstance(raw.get("key_quotes", []), list):
            raise reader.fail(Notice("ingest.cb.key_quotes_list", where=where), "key_quotes")
        for item in raw.get("key_quotes", []):
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("code"), str)
                or not isinstance(item.get("transcript"), str)
            ):
                raise reader.fail(Notice("ingest.cb.key_quotes_need", where=where), "key_quotes")
            quotes.append(KeyQuote(item["code"], item["transcript"]))
        concept_of = Notice("ingest.cb.where.concept", where=where)
        concept = CodebookConcept(
            reader.ident(raw, concept_of),
            reader.text(raw, "name", concept_of, required=True),
            reader.text(raw, "definition", where),
            reader.text(raw, "notes", where),
            tuple(quotes),
        )
    rest = table.get("rest", False)
    if not isinstance(rest, bool):
        raise reader.fail(Notice("ingest.cb.rest", where=where), "rest =")
    name = _fitting(reader, reader.text(table, "name", where, required=True),
                    Notice("ingest.cb.the_name", where=where), limits.MAX_GROUP_NAME, ident)  # fmt: skip
    if concept is not None:
        the_name = Notice("ingest.cb.the_name", where=Notice("ingest.cb.where.concept", where=where))
        _fitting(reader, concept.name, the_name, limits.MAX_GROUP_NAME, concept.id)
    return CodebookGroup(
        ident,
        name,
        reader.text(table, "description", where),
        rest,
        concept,
    )


def _code(reader: _Reader, table: dict[str, Any]) -> CodebookCode:
    ident = reader.ident(table, Notice("ingest.cb.where.a_code"))
    where = Notice("ingest.cb.where.code", ident=ident)
    group = table.get("group")
    if group is not None and not isinstance(group, str):
        raise reader.fail(Notice("ingest.cb.group_id", where=where), ident)
    codings = []
    if not isinstance(table.get("codings", []), list):
        raise reader.fail(Notice("ingest.cb.codings_tables", where=where), "codings")
    for item in table.get("codings", []):
        if not isinstance(item, dict):
            raise reader.fail(Notice("ingest.cb.codings_tables", where=where), ident)
        transcript = reader.text(item, "transcript", where, required=True)
        words = item.get("words", "")
        if not isinstance(words, str) or not words.strip():
            raise reader.fail(Notice("ingest.cb.words", where=where), ident)
        codings.append(CodingAnchor(transcript, words))
    statement = reader.text(table, "statement", where, required=True)
    _fitting(reader, statement, Notice("ingest.cb.the_statement", where=where), limits.MAX_STATEMENT, ident)
    return CodebookCode(
        ident,
        statement,
        reader.text(table, "description", where),
        group,
        reader.text(table, "memo", where),
        tuple(codings),
    )


def _fitting(reader: _Reader, value: str, what: str, limit: int, needle: str) -> str:
    """`value` when the store keeps it whole; else refused at the line of `needle`."""
    if len(value) > limit:
        raise reader.fail(limits.too_long(reader.path, what, value, limit).message, needle)
    return value


def _check_references(
    reader: _Reader, groups: tuple[CodebookGroup, ...], codes: tuple[CodebookCode, ...]
) -> None:
    ids = [g.id for g in groups] + [c.id for c in codes] + [g.concept.id for g in groups if g.concept]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise reader.fail(Notice("ingest.cb.twice", ident=duplicates[0]), f'"{duplicates[0]}"')
    if sum(1 for g in groups if g.rest) > 1:
        raise reader.fail(Notice("ingest.cb.rests"), "rest = true")
    group_ids = {g.id for g in groups}
    code_group = {c.id: c.group for c in codes}
    for code in codes:
        if code.group is not None and code.group not in group_ids:
            raise reader.fail(
                Notice("ingest.cb.unknown_group", code=code.id, group=code.group), f'"{code.group}"'
            )
    for group in groups:
        concept = group.concept
        if concept is None:
            continue
        for quote in concept.key_quotes:
            if code_group.get(quote.code) != group.id:
                outside = Notice(
                    "ingest.cb.key_quote_group", concept=concept.id, code=quote.code, group=group.id
                )
                raise reader.fail(outside, quote.code)
