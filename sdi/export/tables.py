"""The codebook as CSV and Word, and the analysis report in Word: concepts → code groups → codes → quotes,
a table of code groups × stages, and the deductive checks as a methods appendix."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from sdi.config import write_atomically
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

    statement: str
    description: str
    group: str
    codings: int
    first_used: dt.datetime | None
    last_used: dt.datetime | None


class QuoteEntry(Protocol):
    text: str

    @property
    def attribution(self) -> str: ...


class SectionEntry(Protocol):
    """One code group of the report, with its concept if it has one (the workflow's `GroupSection`)."""

    name: str
    description: str
    concept: str | None
    definition: str
    codes: Sequence[tuple[str, int]]
    quotes: Sequence[QuoteEntry]


class CheckEntry(Protocol):
    at: dt.datetime
    coder: str
    summary: str


def _day(value: dt.datetime | None) -> str:
    return value.date().isoformat() if value else ""


def write_codebook_csv(path: Path, rows: Sequence[CodebookEntry], language: str = "nb") -> Path:
    labels = LABELS.get(language, LABELS["nb"])
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([labels[k] for k in ("statement", "description", "group", "codings", "first", "last")])
    for row in rows:
        writer.writerow([row.statement, row.description, row.group, row.codings, _day(row.first_used),
                         _day(row.last_used)])  # fmt: skip
    return write_atomically(path, "\ufeff" + out.getvalue())  # BOM: Excel opens æøå right


def write_codebook_docx(path: Path, title: str, rows: Sequence[CodebookEntry], language: str = "nb") -> Path:
    labels = LABELS.get(language, LABELS["nb"])
    document = new_document(f"{labels['codebook']}: {title}", "")
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


def write_report(
    path: Path, title: str, sections: Sequence[SectionEntry], stages: Sequence[str],
    spread: Mapping[str, Mapping[str, int]], checks: Sequence[CheckEntry], language: str = "nb",
) -> Path:  # fmt: skip
    labels = LABELS.get(language, LABELS["nb"])
    document = new_document(title, "")
    for section in sections:
        heading = f"{labels['concept']}: {section.concept}" if section.concept else section.name
        document.add_heading(heading, level=1)
        if section.concept:
            document.add_paragraph(f"{labels['group']}: {section.name}", style="Subtitle")
            if section.definition:
                document.add_paragraph(section.definition)
        elif section.description:
            document.add_paragraph(section.description)
        document.add_heading(labels["codes"], level=2)
        for statement, count in section.codes:
            document.add_paragraph(f"{statement} ({count})", style="List Bullet")
        if section.quotes:
            document.add_heading(labels["quotes"], level=2)
            for quote in section.quotes:
                document.add_paragraph(f"«{quote.text}»", style="Quote")
                document.add_paragraph(f"— {quote.attribution}", style="Caption")
    document.add_heading(labels["spread"], level=1)
    groups = [s.name for s in sections]
    table = document.add_table(rows=1, cols=len(stages) + 1)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = labels["group"]
    for cell, stage in zip(table.rows[0].cells[1:], stages, strict=True):
        cell.text = stage
    for group in groups:
        cells = table.add_row().cells
        cells[0].text = group
        for cell, stage in zip(cells[1:], stages, strict=True):
            cell.text = str(spread.get(group, {}).get(stage, "")) or "–"
    document.add_heading(labels["checks"], level=1)
    if not checks:
        document.add_paragraph(labels["no_checks"])
    for check in checks:
        line = f"{check.at.date().isoformat()} ({check.coder}): {check.summary}"
        document.add_paragraph(line, style="List Bullet")
    return save_document(document, path)
