"""Tables for R, SPSS and Excel: CSV (UTF-8 with BOM, so Excel opens æøå right) and xlsx (openpyxl, one sheet
per table, a bold header row, numbers stored as numbers, shares formatted as percent). Plain data in, a file
out; called by `sdi matrix` and `sdi cooccurrence`. openpyxl is imported only when an xlsx is written."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sdi.config.files import write_atomically

Value = str | int | float | None
SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
LANGUAGE_TAGS = {"nb": "nb-NO", "en": "en-GB"}


@dataclass(frozen=True)
class SheetTable:
    """One table: a name (the sheet's), a header row and the rows under it."""

    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Value]]
    percent: frozenset[int] = field(default_factory=frozenset)  # columns holding shares (0–1)
    decimals: frozenset[int] = field(default_factory=frozenset)  # columns holding other fractions


def matrix_sheet(table: Any, measure: str, language: str) -> SheetTable:
    """A matrix (the workflow's `Matrix`) of one measure with a total column and a total row, numbers as
    numbers — what `sdi matrix` prints and writes, and the Matrise screen writes."""
    from sdi.i18n import t

    total = t("mx.total", language)
    header = [t(f"mx.rows.{table.rows_by}", language), *(c.label for c in table.columns), total]
    rows: list[list[str | int | float | None]] = []
    for index, (heading, values) in enumerate(zip(table.rows, table.values(measure), strict=True)):
        rows.append([heading.label, *values, table.row_totals[index].value(measure)])
    rows.append([total, *(c.value(measure) for c in table.column_totals), table.total.value(measure)])
    shares = frozenset(range(1, len(header))) if measure == "share" else frozenset()
    return SheetTable(t(f"mx.measure.{measure}", language).capitalize(), header, rows, percent=shares)


def write_csv(path: Path, table: SheetTable) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow(["" if value is None else _plain(value) for value in row])
    return write_atomically(path, ("\ufeff" + buffer.getvalue()).encode("utf-8"))


def _plain(value: Value) -> Value:
    """Fractions with a point and at most four decimals (R and SPSS read them as numbers)."""
    return round(value, 4) if isinstance(value, float) else value


def _sheet_name(name: str, taken: set[str]) -> str:
    base = SHEET_NAME.sub("-", name).strip("'") or "Ark"
    base = base[:31]
    candidate, number = base, 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def write_xlsx(
    path: Path, tables: Sequence[SheetTable], *, title: str = "", author: str = "", language: str = "nb"
) -> Path:
    """One sheet per table, in order; the header row bold and frozen; columns wide enough to read; the
    workbook's properties name the project and the coder (not «openpyxl»)."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    properties = workbook.properties
    properties.title, properties.creator, properties.lastModifiedBy = title or None, author, author or None
    properties.language = LANGUAGE_TAGS.get(language, language)
    properties.created = properties.modified = now
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table.name, taken))
        sheet.append(list(table.header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        for column in table.percent | table.decimals:
            number_format = "0%" if column in table.percent else "0.000"
            for (cell,) in sheet.iter_rows(min_row=2, min_col=column + 1, max_col=column + 1):
                if isinstance(cell.value, float | int):
                    cell.number_format = number_format
        sheet.freeze_panes = "B2"
        for index, values in enumerate(zip(table.header, *table.rows, strict=False), start=1):
            width = max((len(str(v)) for v in values if v is not None), default=4)
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(6, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_atomically(path, buffer.getvalue())


def write_tables(
    path: Path, tables: Sequence[SheetTable], *, title: str = "", author: str = "", language: str = "nb"
) -> Path:
    """By the file's suffix: .xlsx gets every table, .csv the first."""
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(path, tables, title=title, author=author, language=language)
    return write_csv(path, tables[0])


def spreadsheet_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) of every cell and sheet name of an xlsx, for the check for real names."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    found: list[tuple[str, str]] = []
    for sheet in workbook.worksheets:
        found.append((f"sheet {sheet.title}", sheet.title))
        for r, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            for c, value in enumerate(row, start=1):
                if isinstance(value, str):
                    found.append((f"sheet {sheet.title} row {r} cell {c}", value))
    props = workbook.properties
    for name in ("title", "creator", "subject", "description", "lastModifiedBy"):
        found.append((f"document property {name}", getattr(props, name, None) or ""))
    workbook.close()
    return found
