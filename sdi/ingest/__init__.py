"""Transcript readers: files in, plain `ParsedTranscript` dataclasses out.

Importing this package does no work; each reader (and python-docx) is imported on first use.
"""

from __future__ import annotations

from pathlib import Path

from sdi.i18n import Notice
from sdi.ingest.model import (
    Cue,
    IngestError,
    IngestOptions,
    ParsedTranscript,
    ParticipantInfo,
    TranscriptMeta,
    Turn,
)

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".docx", ".vtt", ".srt")


def read_transcript(path: Path | str, options: IngestOptions | None = None) -> ParsedTranscript:
    """Read one transcript, choosing the reader by file suffix (case-insensitive).

    Raises `IngestError` for anything wrong with the input; any other exception is a bug.
    """
    path = Path(path)
    options = options if options is not None else IngestOptions()
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md", ".markdown"):
        from sdi.ingest.text_reader import read_text

        return read_text(path, options)
    if suffix == ".docx":
        from sdi.ingest.docx_reader import read_docx

        return read_docx(path, options)
    if suffix in (".vtt", ".srt"):
        from sdi.ingest.subtitle_reader import read_subtitles

        return read_subtitles(path, options)
    supported = ", ".join(SUPPORTED_SUFFIXES)
    raise IngestError(path, Notice("ingest.unsupported", suffix=path.suffix or "–", supported=supported))


__all__ = [
    "SUPPORTED_SUFFIXES",
    "Cue",
    "IngestError",
    "IngestOptions",
    "ParsedTranscript",
    "ParticipantInfo",
    "TranscriptMeta",
    "Turn",
    "read_transcript",
]
