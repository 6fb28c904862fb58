"""Plain data produced by the transcript readers and consumed by `sdi.workflow`.

Nothing here knows about the store: a reader turns a file into a `ParsedTranscript`, and the import
service decides what to write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sdi.i18n import said


class IngestError(Exception):
    """Bad input: one clear message naming the file and, where it applies, the line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, language: str) -> str:
        """The message in `language` (said again from its catalogue key when it is a `Notice`)."""
        where = f"{self.path}:{self.line}" if self.line is not None else f"{self.path}"
        return f"{where}: {said(self.message, language)}"


@dataclass(frozen=True)
class IngestOptions:
    """What a reader needs from the project configuration (built from `sdi.toml` by the workflow)."""

    moderator_labels: tuple[str, ...] = ("I", "Moderator", "Intervjuer", "Ordstyrer", "M")
    # Extra speaker-label regexes; each must have a named group `label` and may have `text`.
    speaker_patterns: tuple[str, ...] = ()
    # Real name or place -> pseudonym, applied to the raw text before anything is stored.
    pseudonyms: dict[str, str] = field(default_factory=dict)
    max_bytes: int = 50 * 1024 * 1024


@dataclass(frozen=True)
class ParticipantInfo:
    """A speaker as declared in front matter (or discovered from labels)."""

    label: str  # as written in the transcript
    pseudonym: str  # as stored; equals `label` when the transcript is already pseudonymised
    role: str = ""
    service: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    is_moderator: bool = False


@dataclass(frozen=True)
class TranscriptMeta:
    group: str | None = None
    site: str | None = None
    category: str | None = None
    stage: int | None = None
    date: dt.date | None = None
    title: str | None = None
    summary: str | None = None  # this stage's summary, fed back at the opening of the next stage
    participants: tuple[ParticipantInfo, ...] = ()


@dataclass(frozen=True)
class Cue:
    """Non-speech in a turn: `(ler)`, `(pause)`, `[utydelig]`. Offsets are into `ParsedTranscript.text`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Turn:
    """One speaker turn. `start`/`end` are offsets into `ParsedTranscript.text` (end exclusive)."""

    seq: int
    speaker: str | None  # the pseudonym; None only for unattributed text before the first label
    start: int
    end: int
    line: int  # 1-based line in the source file (docx: 1-based paragraph number)
    time_start: float | None = None  # seconds, from VTT/SRT or inline [hh:mm:ss]
    time_end: float | None = None
    cues: tuple[Cue, ...] = ()
    is_moderator: bool = False


@dataclass(frozen=True)
class ParsedTranscript:
    source: Path
    format: str  # "text" | "markdown" | "docx" | "vtt" | "srt"
    encoding: str  # as detected, e.g. "utf-8", "utf-8-sig", "utf-16", "cp1252"
    meta: TranscriptMeta
    text: str  # the stored transcript: turn texts (pseudonymised) joined by "\n"
    turns: tuple[Turn, ...]
    warnings: tuple[str, ...] = ()
