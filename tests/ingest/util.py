"""Shared helpers for the ingest tests: fixture writers and the invariants every result must satisfy."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sdi.ingest import IngestOptions, ParsedTranscript, read_transcript

Run = tuple[str, bool]  # (text, bold)


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def read(path: Path, **options: object) -> ParsedTranscript:
    parsed = read_transcript(path, IngestOptions(**options))  # type: ignore[arg-type]
    check(parsed)
    return parsed


def turn_texts(parsed: ParsedTranscript) -> list[str]:
    return [parsed.text[turn.start : turn.end] for turn in parsed.turns]


def speakers(parsed: ParsedTranscript) -> list[str | None]:
    return [turn.speaker for turn in parsed.turns]


def check(parsed: ParsedTranscript) -> None:
    """Offsets slice the text exactly, turns are joined by newlines, cues lie inside their turn."""
    texts = turn_texts(parsed)
    assert "\n".join(texts) == parsed.text
    assert [turn.seq for turn in parsed.turns] == list(range(1, len(parsed.turns) + 1))
    for turn, text in zip(parsed.turns, texts, strict=True):
        assert text and text == text.strip()
        assert turn.line >= 1
        for cue in turn.cues:
            assert turn.start <= cue.start < cue.end <= turn.end
            assert parsed.text[cue.start : cue.end] == cue.text
    assert any(turn.speaker is not None for turn in parsed.turns)


def make_docx(
    path: Path,
    paragraphs: Sequence[str | Sequence[Run]] = (),
    tables: Sequence[Sequence[Sequence[str]]] = (),
) -> Path:
    """A .docx with plain paragraphs, paragraphs built from (text, bold) runs, and tables."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            document.add_paragraph(paragraph)
            continue
        para = document.add_paragraph()
        for text, bold in paragraph:
            para.add_run(text).bold = bold
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=False):
                cell.text = value
    document.save(str(path))
    return path
