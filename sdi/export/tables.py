"""The codebook as CSV and Word; the labels and entry shapes the analysis report (`sdi.export.report`)
shares."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from sdi.config.files import write_atomically
from sdi.export.word import new_document, save_document

LABELS = {
    "nb": {"statement": "Kode", "description": "Beskrivelse", "group": "Kodegruppe", "codings": "Kodinger",
           "first": "Først brukt", "last": "Sist brukt", "codebook": "Kodebok", "concept": "Begrep",
           "codes": "Koder", "quotes": "Sitater", "spread": "Kodegrupper per fokusgruppe og runde",
           "checks": "Metodevedlegg: deduktive kontroller", "no_checks": "Ingen kontroller registrert.",
           "ungrouped": "(ingen)"},
    "en": {"statement": "Code", "description": "Description", "group": "Code group", "codings": "Codings",
           "first": "First used", "last": "Last used", "codebook": "Codebook", "concept": "Concept",
           "codes": "Codes", "quotes": "Quotes", "spread": "Code groups by focus group and stage",
           "checks": "Methods appendix: deductive checks", "no_checks": "No checks recorded.",
           "ungrouped": "(none)"},
}  # fmt: skip


COLUMNS = ("statement", "description", "group", "codings", "first", "last")


class CodebookEntry(Protocol):
    """One code of the codebook (the workflow's `CodebookRow` is one)."""

    @property
    def statement(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def group(self) -> str: ...
    @property
    def codings(self) -> int: ...
    @property
    def first_used(self) -> dt.datetime | None: ...
    @property
    def last_used(self) -> dt.datetime | None: ...


class QuoteEntry(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def attribution(self) -> str: ...


class SectionEntry(Protocol):
    """One code group of the report, with its concept if it has one (the workflow's `GroupSection`)."""

    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def concept(self) -> str | None: ...
    @property
    def definition(self) -> str: ...
    @property
    def codes(self) -> Sequence[tuple[str, int]]: ...
    @property
    def quotes(self) -> Sequence[QuoteEntry]: ...


class CheckEntry(Protocol):
    @property
    def at(self) -> dt.datetime: ...
    @property
    def coder(self) -> str: ...
    @property
    def summary(self) -> str: ...


def _day(value: dt.datetime | None) -> str:
    return value.date().isoformat() if value else ""


# The CSV's header is the same in every language: Taguette imports a codebook CSV by its `name` (or `tag`,
# `path`) and `description` columns, and `sdi codebook import` reads `name`, `description` and `group`.
CSV_HEADER = ("name", "description", "group", "codings", "first_used", "last_used")


def write_codebook_csv(path: Path, rows: Sequence[CodebookEntry], language: str = "nb") -> Path:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow([row.statement, row.description, row.group, row.codings, _day(row.first_used),
                         _day(row.last_used)])  # fmt: skip
    return write_atomically(path, "\ufeff" + out.getvalue())  # BOM: Excel opens æøå right


def write_codebook_docx(
    path: Path, title: str, rows: Sequence[CodebookEntry], language: str = "nb", *, author: str = ""
) -> Path:
    labels = LABELS.get(language, LABELS["nb"])
    document = new_document(f"{labels['codebook']}: {title}", "", author=author, language=language)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, key in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = labels[key]
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        values = (row.statement, row.description, row.group or labels["ungrouped"], str(row.codings),
                  _day(row.first_used), _day(row.last_used))  # fmt: skip
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    return save_document(document, path)


def write_report(path: Path, *args: Any, **kwargs: Any) -> Path:
    """The analysis report (`sdi.export.report.write_report`: sections, figures, landscape tables, memos)."""
    from sdi.export.report import write_report as write

    return write(path, *args, **kwargs)
