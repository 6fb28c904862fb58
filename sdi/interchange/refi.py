"""REFI-QDA as plain data: what `sdi.ingest.refi` reads, what `sdi.workflow.exchange.refi` gathers and
`sdi.export.refi` writes. Kept apart from the reader so writing and gathering need no XML parser, and GUIDs
derived from our ids (`refi_guid`) are the same wherever they are made."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

# Fixed namespace for GUIDs derived from our own ids, so every export of the same object has the same GUID.
GUID_NAMESPACE = uuid.UUID("6f1d3c52-8a9e-4b7d-9c40-5d2e7a1b9f03")
GUID_PATTERN = re.compile(r"^\{?([0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})\}?$")


def refi_guid(kind: str, uid: str) -> str:
    """Our id as a REFI GUID: the id itself when it is a UUID, else a UUID derived from kind and id."""
    match = GUID_PATTERN.match(uid.strip())
    if match:
        return match.group(1).lower()
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{uid}"))


@dataclass(frozen=True)
class RefiUser:
    guid: str
    name: str = ""


@dataclass(frozen=True)
class RefiCode:
    guid: str
    name: str
    description: str = ""
    color: str | None = None  # "#RRGGBB"
    parent: str | None = None  # GUID of the enclosing code: nested codes are flattened
    notes: tuple[str, ...] = ()  # GUIDs of notes about this code
    codable: bool = True  # False: a category (QualCoder, MAXQDA) that only holds other codes


@dataclass(frozen=True)
class RefiSet:
    guid: str
    name: str
    description: str = ""
    codes: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # MemberSource: a set of documents (MAXQDA's document sets)


@dataclass(frozen=True)
class RefiVariable:
    guid: str
    name: str
    kind: str = "Text"  # Text | Boolean | Integer | Float | Date | DateTime


@dataclass(frozen=True)
class RefiValue:
    variable: str  # GUID
    value: str  # the lexical value as written
    kind: str = "Text"


@dataclass(frozen=True)
class RefiCoding:
    guid: str
    code: str  # GUID
    user: str | None = None
    created: dt.datetime | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RefiSelection:
    guid: str
    start: int
    end: int
    name: str = ""
    codings: tuple[RefiCoding, ...] = ()
    notes: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class RefiSource:
    guid: str
    name: str
    text: str
    description: str = ""
    selections: tuple[RefiSelection, ...] = ()
    values: tuple[RefiValue, ...] = ()
    notes: tuple[str, ...] = ()
    user: str | None = None  # GUID of who added it
    created: dt.datetime | None = None


@dataclass(frozen=True)
class RefiCase:
    guid: str
    name: str = ""
    description: str = ""
    values: tuple[RefiValue, ...] = ()
    sources: tuple[str, ...] = ()
    selections: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()  # CodeRef: a code whose codings are the case's passages (NVivo's way)


@dataclass(frozen=True)
class RefiNote:
    guid: str
    name: str = ""
    text: str = ""
    description: str = ""
    user: str | None = None
    created: dt.datetime | None = None
    selections: tuple[RefiSelection, ...] = ()  # an annotation's passages (QualCoder, NVivo) …
    source: str | None = None  # … in this source (the one whose NoteRef points at the note)
    path: bool = False  # written as a text file in the archive (plainTextPath), not inline


@dataclass(frozen=True)
class RefiProject:
    """A REFI project or codebook (a codebook is a project with only codes and sets)."""

    name: str = ""
    origin: str = ""
    users: tuple[RefiUser, ...] = ()
    codes: tuple[RefiCode, ...] = ()
    sets: tuple[RefiSet, ...] = ()
    variables: tuple[RefiVariable, ...] = ()
    cases: tuple[RefiCase, ...] = ()
    sources: tuple[RefiSource, ...] = ()
    notes: tuple[RefiNote, ...] = ()
    project_notes: tuple[str, ...] = ()  # notes about the project as a whole
    warnings: tuple[str, ...] = ()  # what was skipped on reading (non-text sources, bad selections)
    positions: str = ""  # how the file's text positions were read (`refi_positions.Choice.summary`)
    description: str = ""  # the project's <Description>
    created: dt.datetime | None = None  # when the project file was written (ours: the export)
    creator: str | None = None  # GUID of the user who wrote it
