"""Reading a codebook from CSV (`sdi codebook import kodebok.csv`): what spreadsheets and Taguette write.

The header row names the columns, in any case and order: the code is the `name` column — or `tag` or
`path`, as Taguette calls it (its tag paths use `.` for nesting and are kept as written) — and `description`,
`group` (a code group, by name), `memo` and `id` (our stable id) are read when present; other columns
(Taguette's `number of highlights`) are ignored. UTF-8 with or without BOM, or cp1252 from Excel on Windows;
comma or semicolon separated. A problem is one IngestError naming the file and line."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from sdi.i18n import Notice
from sdi.i18n.outside import csv_reason, os_reason
from sdi.ingest import limits
from sdi.ingest.model import IngestError
from sdi.interchange.codebook import Codebook, CodebookCode, CodebookGroup

NAME_COLUMNS = ("name", "tag", "path")  # Taguette accepts exactly one of these; so do we
MAX_BYTES = 20 * 1024 * 1024


def csv_id(kind: str, name: str) -> str:
    """A stable id for a code or group that the file gives none: the same name, the same id."""
    return f"{kind}-{hashlib.sha1(' '.join(name.split()).casefold().encode('utf-8')).hexdigest()[:16]}"


def _decode(path: Path, raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError(path, Notice("ingest.csv.encoding"))


def read_codebook_csv(path: Path) -> Codebook:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, Notice("ingest.unreadable", reason=os_reason(exc))) from None
    if len(raw) > MAX_BYTES:
        raise IngestError(path, Notice("ingest.csv.too_large", size=len(raw)))
    text = _decode(path, raw)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [cell.strip().casefold() for cell in next(rows)]
    except StopIteration:
        raise IngestError(path, Notice("ingest.csv.empty")) from None
    except csv.Error as exc:
        raise IngestError(path, Notice("ingest.csv.unreadable", reason=csv_reason(str(exc))), 1) from None
    named = [column for column in NAME_COLUMNS if column in header]
    if len(named) != 1:
        if named:
            both = Notice("ingest.csv.both_columns", columns=", ".join(named[:-1]), last=named[-1])
            raise IngestError(path, both, 1)
        raise IngestError(path, Notice("ingest.csv.no_name_column"), 1)
    wanted = (*named, "description", "group", "memo", "id")
    column = {key: header.index(key) for key in wanted if key in header}

    def cell(row: list[str], key: str) -> str:
        index = column.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    codes: list[CodebookCode] = []
    groups: dict[str, CodebookGroup] = {}
    seen: set[str] = set()
    try:
        for number, row in enumerate(rows, start=2):
            if not any(cell.strip() for cell in row):
                continue
            name = " ".join(cell(row, named[0]).split())
            if not name:
                raise IngestError(path, Notice("ingest.csv.no_code", column=named[0]), number)
            if len(name) > limits.MAX_STATEMENT:
                raise limits.too_long(path, Notice("ingest.csv.the_code"), name, limits.MAX_STATEMENT, number)
            if name.casefold() in seen:
                raise IngestError(path, Notice("ingest.csv.twice", code=name[:60]), number)
            seen.add(name.casefold())
            group_name = " ".join(cell(row, "group").split())
            if len(group_name) > limits.MAX_GROUP_NAME:
                raise limits.too_long(
                    path, Notice("ingest.csv.the_group"), group_name, limits.MAX_GROUP_NAME, number
                )
            if group_name and group_name.casefold() not in groups:
                groups[group_name.casefold()] = CodebookGroup(csv_id("group", group_name), group_name)
            ident = cell(row, "id") or csv_id("code", name)
            group = groups[group_name.casefold()].id if group_name else None
            codes.append(CodebookCode(ident, name, cell(row, "description"), group, cell(row, "memo")))
    except csv.Error as exc:
        raise IngestError(path, Notice("ingest.csv.unreadable", reason=csv_reason(str(exc)))) from None
    return Codebook(path.stem, "", tuple(groups.values()), tuple(codes))
