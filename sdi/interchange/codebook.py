"""A codebook (`sdi-codebook/1`) as plain data: what `sdi.ingest.codebook` reads, what
`sdi.workflow.exchange.codebook` gathers from the store and `sdi.export.codebook_file` writes. Codings are
anchored by their exact words in a transcript rather than by offsets, so a codebook survives
re-transcription."""

from __future__ import annotations

from dataclasses import dataclass, field

FORMAT = "sdi-codebook/1"


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
