"""The last guard before a file leaves the project: read a written file back and look for every real name the
project knows (the pseudonym key, `[pseudonyms]`, the `[privacy]` lists) with the one known-name matcher
(`sdi.nlp.known_names`): any case, soft hyphens and zero-width characters, names wrapped across lines or
split over paragraphs, genitives, and names joined by `-`, `_` or `.` as in file names. Finding one means
the file is refused (unless the researcher insists), or, for the text files sdi writes for the team
(codebooks, merge decisions), written with the names replaced when asked to."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from pathlib import Path

from sdi.nlp.known_names import KnownNames, file_name_part


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


def find_names(texts: Iterable[tuple[str, str]], names: Iterable[str]) -> list[str]:
    """'where: name as written' for each known name in `texts`. The texts are read as one (joined by line
    breaks), so a name wrapped from one paragraph or line into the next is found too."""
    matcher = KnownNames(names, loose=True)
    parts = list(texts)
    if not matcher or not parts:
        return []
    starts, joined, offset = [], [], 0
    for _where, text in parts:
        starts.append(offset)
        joined.append(text)
        offset += len(text) + 1
    whole = "\n".join(joined)
    found = []
    for match in matcher.find(whole):
        where = parts[bisect_right(starts, match.start) - 1][0]
        written = " ".join(whole[match.start : match.end].split())
        found.append(f"{where}: {written}")
    return found


def without_names(text: str, names: Mapping[str, str]) -> str:
    """`text` (a TOML or CSV file sdi writes) with every known name replaced by what `names` gives for it
    (its pseudonym, or «[navn]» for a listed name without one). Names inside file names («intervju-kari-
    nordmann.md») become the pseudonym as a file-name part («intervju-person-a.md»). Quotes and backslashes
    are left out of the replacement so a TOML string stays a TOML string."""
    safe = {name: value.replace("\\", "").replace('"', "'") for name, value in names.items()}
    text = KnownNames(safe).replace(text, safe)
    loose = KnownNames(safe, loose=True)
    parts, cursor = [], 0
    for match in loose.find(text):
        parts += [text[cursor : match.start], file_name_part(safe[match.name])]
        cursor = match.suffix_end
    parts.append(text[cursor:])
    return "".join(parts)


def names_in_export(path: Path, names: Iterable[str]) -> list[str]:
    """Every real name found in a written export, read back the way its readers will see it."""
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
    return find_names(texts, names)
