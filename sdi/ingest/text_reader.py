"""Plain-text and Markdown transcripts: the demo corpus format and what most people type by hand."""

from __future__ import annotations

from pathlib import Path

from sdi.ingest.encoding import decode_bytes, read_bytes
from sdi.ingest.frontmatter import merge_meta, read_sidecar, split_front_matter
from sdi.ingest.model import IngestOptions, ParsedTranscript
from sdi.ingest.speakers import SourceLine
from sdi.ingest.turns import build_transcript

MARKDOWN_SUFFIXES = frozenset((".md", ".markdown"))


def read_text(path: Path, options: IngestOptions) -> ParsedTranscript:
    """Decode, take front matter (and sidecar) metadata, then assemble turns from the body lines."""
    warnings: list[str] = []
    text, encoding = decode_bytes(path, read_bytes(path, options.max_bytes), warnings)
    lines = text.split("\n")
    front, body_start = split_front_matter(path, lines)
    sidecar = read_sidecar(path, options.max_bytes)
    source = [
        SourceLine(number, line) for number, line in enumerate(lines[body_start:], start=body_start + 1)
    ]
    return build_transcript(
        path,
        fmt="markdown" if path.suffix.lower() in MARKDOWN_SUFFIXES else "text",
        encoding=encoding,
        lines=source,
        values=merge_meta(front, sidecar),
        options=options,
        warnings=warnings,
    )
