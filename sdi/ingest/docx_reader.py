"""Word (.docx) transcripts: `Label:` paragraphs, bold-label paragraphs, or speaker | text tables.

A .docx is a zip archive from an untrusted source, so the archive is inspected before its XML is read, and
the XML is read as a stream with a cap (`sdi.ingest.docx_xml`), not built into a tree by python-docx.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from sdi.i18n import Notice
from sdi.ingest.docx_xml import DocxParagraph, read_body
from sdi.ingest.encoding import clean_text, read_bytes, repair_mojibake
from sdi.ingest.frontmatter import merge_meta, read_sidecar, split_front_matter
from sdi.ingest.model import IngestError, IngestOptions, ParsedTranscript, ParticipantInfo
from sdi.ingest.speakers import TIMESTAMP, LabelMatcher, SourceLine, parse_timestamp
from sdi.ingest.turns import build_transcript

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
_RATIO_MIN_SIZE = 1024 * 1024  # tiny members compress oddly; judge the ratio only where it matters
_MAX_TABLE_LABEL = 60
_HEADER_WORDS = frozenset(
    ("speaker", "taler", "navn", "name", "person", "hvem", "who", "text", "tekst", "utsagn", "transcript",
     "transkripsjon", "innhold", "sitat", "tid", "time", "timestamp", "tidspunkt", "tidskode")
)  # fmt: skip
_TIME_CELL = re.compile(rf"[\[(]?{TIMESTAMP}[\])]?(?:\s*[-–]\s*[\[(]?{TIMESTAMP}[\])]?)?")
_HEADING_STYLES = ("heading", "title", "overskrift", "tittel")


def read_docx(path: Path, options: IngestOptions) -> ParsedTranscript:
    """Check the archive, open it with python-docx, and turn paragraphs and table rows into lines."""
    data = read_bytes(path, options.max_bytes)
    check_archive(path, data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = read_body(path, archive, options.max_bytes)
    paragraphs, tables = body.paragraphs, body.tables
    warnings: list[str] = []
    texts = [_clean(paragraph.text, warnings) for paragraph in paragraphs]
    front, body_start = split_front_matter(path, texts, smart_quotes=True)
    values = merge_meta(front, read_sidecar(path, options.max_bytes))
    declared: list[ParticipantInfo] = list(values.get("participants", ()))
    matcher = LabelMatcher(path, options, declared)
    lines = list(_paragraph_lines(paragraphs, texts, body_start, matcher, warnings))
    lines.extend(_table_lines(tables, len(paragraphs), warnings))
    return build_transcript(
        path,
        fmt="docx",
        encoding="utf-8",
        lines=lines,
        values=values,
        options=options,
        warnings=warnings,
        matcher=matcher,
    )


def check_archive(path: Path, data: bytes) -> None:
    """Refuse non-zip files, path traversal, and zip bombs before any XML is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError) as exc:
        raise IngestError(path, Notice("ingest.docx.not_word", reason=_describe(exc))) from None
    with archive:
        members = archive.infolist()
        total = 0
        packed = 0
        for member in members:
            if _unsafe_name(member.filename):
                raise IngestError(path, Notice("ingest.docx.escapes", member=repr(member.filename)))
            total += member.file_size
            packed += member.compress_size
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > _RATIO_MIN_SIZE and ratio > MAX_RATIO:
                shown = f"{ratio:.0f}"
                raise IngestError(
                    path, Notice("ingest.docx.member_ratio", member=repr(member.filename), ratio=shown)
                )
        if total > MAX_UNCOMPRESSED:
            raise IngestError(path, Notice("ingest.docx.too_large", size=total, limit=MAX_UNCOMPRESSED))
        if total > _RATIO_MIN_SIZE and total / max(packed, 1) > MAX_RATIO:
            raise IngestError(path, Notice("ingest.docx.ratio", ratio=f"{total / max(packed, 1):.0f}"))
        if "word/document.xml" not in {member.filename for member in members}:
            raise IngestError(path, Notice("ingest.docx.missing", part="word/document.xml"))


def _unsafe_name(name: str) -> bool:
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in PurePosixPath(name).parts


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _clean(text: str, warnings: list[str]) -> str:
    """Soft line breaks join the paragraph; then the same repairs as for text files."""
    text = text.replace("\r", " ").replace("\n", " ")
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(Notice("ingest.repaired_docx", count=repaired))
    return clean_text(text)


def _paragraph_lines(
    paragraphs: Sequence[DocxParagraph],
    texts: Sequence[str],
    body_start: int,
    matcher: LabelMatcher,
    warnings: list[str],
) -> Iterator[SourceLine]:
    """One source line per non-empty body paragraph; line number = 1-based paragraph index."""
    for index in range(body_start, len(paragraphs)):
        text = texts[index].strip()
        if not text or paragraphs[index].heading:
            continue
        bold = _bold_label(_clean(paragraphs[index].bold_prefix, warnings), text, matcher)
        if bold is not None:
            label, rest = bold
            yield SourceLine(index + 1, rest, label=label, paragraph=True)
        else:
            yield SourceLine(index + 1, text, paragraph=True)


def _bold_label(bold: str, text: str, matcher: LabelMatcher) -> tuple[str, str] | None:
    """A bold run (or runs) at paragraph start naming the speaker, like **Kari:** or **Kari**: text."""
    prefix = bold.strip()
    label = " ".join(prefix.rstrip(":").split())
    if not label or not text.startswith(prefix):
        return None
    rest = text[len(prefix) :].lstrip()
    if rest.startswith(":"):
        rest = rest[1:]
    rest = rest.strip()
    if not rest and not prefix.endswith(":"):
        return None  # a wholly bold paragraph is emphasis or a heading, not a label
    if not matcher.is_label(label):
        return None
    return label, rest


def _table_lines(
    tables: Sequence[Sequence[list[str]]], first_line: int, warnings: list[str]
) -> Iterator[SourceLine]:
    """Each row of a speaker | text table (optionally with a time column) is one turn.

    Rows are numbered after the paragraphs; an empty speaker cell continues the previous turn.
    """
    number = first_line
    for table_number, rows in enumerate(tables, start=1):
        start = number
        number += len(rows)
        layout = _layout(rows)
        if layout is None:
            if any(any(cells) for cells in rows):
                warnings.append(Notice("ingest.table_ignored", number=table_number))
            continue
        time_col, speaker_col, text_cols = layout
        for offset, cells in enumerate(rows, start=1):
            cells = [_clean(cell, warnings).strip() for cell in cells]
            if offset == 1 and _is_header(cells, speaker_col, text_cols):
                continue
            speaker = _cell(cells, speaker_col).rstrip(":").strip()
            text = " ".join(filter(None, (_cell(cells, col) for col in text_cols)))
            stamp = parse_timestamp(_cell(cells, time_col)) if time_col is not None else None
            if len(speaker) > _MAX_TABLE_LABEL:
                text, speaker = f"{speaker} {text}".strip(), ""
            if not speaker and not text:
                continue
            yield SourceLine(start + offset, text, label=speaker or None, time_start=stamp, paragraph=True)


def _layout(rows: Sequence[Sequence[str]]) -> tuple[int | None, int, list[int]] | None:
    """Find (time column, speaker column, text columns); tables with fewer than two columns don't qualify."""
    width = max((len(cells) for cells in rows), default=0)
    if width < 2:
        return None
    time_col = None
    for col in range(width):
        values = [cells[col].strip() for cells in rows if col < len(cells) and cells[col].strip()]
        stamps = sum(1 for value in values if _looks_like_time(value))
        if values and stamps * 2 >= len(values):
            time_col = col
            break
    others = [col for col in range(width) if col != time_col]
    if len(others) < 2:
        return None
    return time_col, others[0], others[1:]


def _looks_like_time(value: str) -> bool:
    return _TIME_CELL.fullmatch(value) is not None


def _is_header(cells: Sequence[str], speaker_col: int, text_cols: Sequence[int]) -> bool:
    words = [_cell(cells, speaker_col), *(_cell(cells, col) for col in text_cols)]
    return any(word.casefold().rstrip(":") in _HEADER_WORDS for word in words if word)


def _cell(cells: Sequence[str], col: int | None) -> str:
    return cells[col] if col is not None and col < len(cells) else ""
