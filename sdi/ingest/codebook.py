"""Reading codebook files (`codebooks/*.toml`, format `sdi-codebook/1`) into plain data.

The format is ours: diff-friendly TOML with stable ids, so teams can keep codebooks in git and merge them.
Codings, when present, are anchored by their exact words in a transcript rather than by offsets, so a
codebook survives re-transcription and can seed another copy of the project."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sdi import safe_toml
from sdi.ingest import limits
from sdi.ingest.model import IngestError

FORMAT = "sdi-codebook/1"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,35}$")


@dataclass(frozen=True)
class CodingAnchor:
    transcript: str  # project-relative path
    words: str


@dataclass(frozen=True)
class CodebookCode:
    id: str
    statement: str
    description: str = ""
    group: str | None = None
    memo: str = ""
    codings: tuple[CodingAnchor, ...] = ()


@dataclass(frozen=True)
class KeyQuote:
    code: str
    transcript: str


@dataclass(frozen=True)
class CodebookConcept:
    id: str
    name: str
    definition: str = ""
    notes: str = ""
    key_quotes: tuple[KeyQuote, ...] = ()


@dataclass(frozen=True)
class CodebookGroup:
    id: str
    name: str
    description: str = ""
    rest: bool = False
    concept: CodebookConcept | None = None


@dataclass(frozen=True)
class Codebook:
    title: str = ""
    description: str = ""
    groups: tuple[CodebookGroup, ...] = ()
    codes: tuple[CodebookCode, ...] = field(default_factory=tuple)


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
            raise self.fail(f"{where}: '{key}' is required", where.split()[-1] if where else None)
        if not isinstance(value, str):
            raise self.fail(f"{where}: '{key}' must be a string", f"{key} =")
        return value.strip()

    def ident(self, table: dict[str, Any], where: str) -> str:
        value = self.text(table, "id", where, required=True)
        if not _ID.match(value):
            raise self.fail(f"{where}: id '{value}' must be 1–36 letters, digits, '-', '_' or '.'", value)
        return value


def read_codebook(path: Path) -> Codebook:
    """Parse and check a codebook file; every problem is an IngestError naming the file and line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
        data = safe_toml.loads(text)
    except UnicodeDecodeError:
        raise IngestError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise IngestError(path, f"invalid TOML: {message}", int(match.group(1)) if match else None) from None
    reader = _Reader(path, text)
    if data.get("format") != FORMAT:
        raise reader.fail(f'not an sdi codebook (expected format = "{FORMAT}")', "format")
    unknown = set(data) - {"format", "title", "description", "groups", "codes"}
    if unknown:
        raise reader.fail(f"unknown key '{sorted(unknown)[0]}'", sorted(unknown)[0])
    groups = tuple(_group(reader, g) for g in _tables(reader, data, "groups"))
    codes = tuple(_code(reader, c) for c in _tables(reader, data, "codes"))
    _check_references(reader, groups, codes)
    return Codebook(
        reader.text(data, "title", "codebook"), reader.text(data, "description", "codebook"), groups, codes
    )


def _tables(reader: _Reader, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise reader.fail(f"'{key}' must be an array of tables ([[{key}]])", key)
    return value


def _group(reader: _Reader, table: dict[str, Any]) -> CodebookGroup:
    ident = reader.ident(table, "group")
    where = f"group {ident}"
    concept = None
    if "concept" in table:
        raw = table["concept"]
        if not isinstance(raw, dict):
            raise reader.fail(f"{where}: 'concept' must be a table", ident)
        quotes = []
        if not isinstance(raw.get("key_quotes", []), list):
            raise reader.fail(f"{where}: key_quotes must be a list", "key_quotes")
        for item in raw.get("key_quotes", []):
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("code"), str)
                or not isinstance(item.get("transcript"), str)
            ):
                raise reader.fail(f"{where}: key_quotes need {{ code = …, transcript = … }}", "key_quotes")
            quotes.append(KeyQuote(item["code"], item["transcript"]))
        concept = CodebookConcept(
            reader.ident(raw, f"concept of {where}"),
            reader.text(raw, "name", f"concept of {where}", required=True),
            reader.text(raw, "definition", where),
            reader.text(raw, "notes", where),
            tuple(quotes),
        )
    rest = table.get("rest", False)
    if not isinstance(rest, bool):
        raise reader.fail(f"{where}: 'rest' must be true or false", "rest =")
    name = _fitting(reader, reader.text(table, "name", where, required=True), f"{where}: the name",
                    limits.MAX_GROUP_NAME, ident)  # fmt: skip
    if concept is not None:
        _fitting(reader, concept.name, f"concept of {where}: the name", limits.MAX_GROUP_NAME, concept.id)
    return CodebookGroup(
        ident,
        name,
        reader.text(table, "description", where),
        rest,
        concept,
    )


def _code(reader: _Reader, table: dict[str, Any]) -> CodebookCode:
    ident = reader.ident(table, "code")
    where = f"code {ident}"
    group = table.get("group")
    if group is not None and not isinstance(group, str):
        raise reader.fail(f"{where}: 'group' must be a group id", ident)
    codings = []
    if not isinstance(table.get("codings", []), list):
        raise reader.fail(f"{where}: codings must be tables ([[codes.codings]])", "codings")
    for item in table.get("codings", []):
        if not isinstance(item, dict):
            raise reader.fail(f"{where}: codings must be tables ([[codes.codings]])", ident)
        transcript = reader.text(item, "transcript", where, required=True)
        words = item.get("words", "")
        if not isinstance(words, str) or not words.strip():
            raise reader.fail(f"{where}: every coding needs its exact 'words'", ident)
        codings.append(CodingAnchor(transcript, words))
    statement = reader.text(table, "statement", where, required=True)
    _fitting(reader, statement, f"{where}: the statement", limits.MAX_STATEMENT, ident)
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
        raise reader.fail(f"id '{duplicates[0]}' is used twice", f'"{duplicates[0]}"')
    if sum(1 for g in groups if g.rest) > 1:
        raise reader.fail("more than one rest group", "rest = true")
    group_ids = {g.id for g in groups}
    code_group = {c.id: c.group for c in codes}
    for code in codes:
        if code.group is not None and code.group not in group_ids:
            raise reader.fail(f"code {code.id}: unknown group '{code.group}'", f'"{code.group}"')
    for group in groups:
        for quote in group.concept.key_quotes if group.concept else ():
            if code_group.get(quote.code) != group.id:
                raise reader.fail(
                    f"concept {group.concept.id}: key quote code '{quote.code}' is not in group '{group.id}'",
                    quote.code,
                )
