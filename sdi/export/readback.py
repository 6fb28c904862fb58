"""A written file read back as (where, text) pairs, the way its readers will see it: Word (paragraphs, table
cells, headers, footers, document properties), REFI-QDA, xlsx and text files. Used by the check for real
names before a file may stay (`sdi.workflow.name_check`, put together in `sdi.publish.names_in_export`);
nothing here knows any name."""

from __future__ import annotations

from pathlib import Path


def docx_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) for every paragraph, table cell, header and footer, and the document properties."""
    from docx import Document

    document = Document(str(path))
    found: list[tuple[str, str]] = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        found.append((f"paragraph {number}", paragraph.text))
    for t, table in enumerate(document.tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            for c, cell in enumerate(row.cells, start=1):
                found.append((f"table {t} row {r} cell {c}", cell.text))
    for s, section in enumerate(document.sections, start=1):
        for part, name in ((section.header, "header"), (section.footer, "footer")):
            for paragraph in part.paragraphs:
                found.append((f"section {s} {name}", paragraph.text))
    props = document.core_properties
    for field in ("title", "subject", "author", "keywords", "comments", "last_modified_by"):
        found.append((f"document property {field}", getattr(props, field) or ""))
    return found


def text_file_texts(path: Path) -> list[tuple[str, str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [(f"line {n}", line) for n, line in enumerate(text.splitlines(), start=1)]


def written_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) of a written export, read back the way its readers will see it."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        texts = docx_texts(path)
    elif suffix in (".qdpx", ".qdc"):
        from sdi.export.refi import refi_texts

        texts = refi_texts(path)
    elif suffix == ".xlsx":
        from sdi.export.spreadsheet import spreadsheet_texts

        texts = spreadsheet_texts(path)
    else:
        texts = text_file_texts(path)
    return texts
