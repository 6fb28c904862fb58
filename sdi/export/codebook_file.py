"""Writing a codebook as diff-friendly TOML (`sdi-codebook/1`): stable order, one key per line, so two
coders' codebooks can be compared and merged line by line in git; or as CSV for spreadsheets and Taguette."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sdi.config.files import toml_string, write_atomically
from sdi.interchange.codebook import FORMAT, Codebook, CodebookCode, CodebookGroup


def _group(lines: list[str], group: CodebookGroup) -> None:
    lines += ["[[groups]]", f"id = {toml_string(group.id)}", f"name = {toml_string(group.name)}"]
    if group.description:
        lines.append(f"description = {toml_string(group.description)}")
    if group.rest:
        lines.append("rest = true")
    if group.concept is not None:
        concept = group.concept
        lines += [
            "",
            "[groups.concept]",
            f"id = {toml_string(concept.id)}",
            f"name = {toml_string(concept.name)}",
        ]
        if concept.definition:
            lines.append(f"definition = {toml_string(concept.definition)}")
        if concept.notes:
            lines.append(f"notes = {toml_string(concept.notes)}")
        if concept.key_quotes:
            lines.append("key_quotes = [")
            lines += [
                f"    {{ code = {toml_string(q.code)}, transcript = {toml_string(q.transcript)} }},"
                for q in concept.key_quotes
            ]
            lines.append("]")
    lines.append("")


def _code(lines: list[str], code: CodebookCode) -> None:
    lines += ["[[codes]]", f"id = {toml_string(code.id)}", f"statement = {toml_string(code.statement)}"]
    if code.description:
        lines.append(f"description = {toml_string(code.description)}")
    if code.group:
        lines.append(f"group = {toml_string(code.group)}")
    if code.memo:
        lines.append(f"memo = {toml_string(code.memo)}")
    for coding in code.codings:
        lines += [
            "",
            "[[codes.codings]]",
            f"transcript = {toml_string(coding.transcript)}",
            f"words = {toml_string(coding.words)}",
        ]
    lines.append("")


def render_codebook(codebook: Codebook) -> str:
    lines = [f"format = {toml_string(FORMAT)}", f"title = {toml_string(codebook.title)}"]
    if codebook.description:
        lines.append(f"description = {toml_string(codebook.description)}")
    lines.append("")
    for group in codebook.groups:
        _group(lines, group)
    for code in codebook.codes:
        _code(lines, code)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_codebook(codebook: Codebook, path: Path) -> Path:
    """Write atomically: a crash never leaves half a codebook behind."""
    return write_atomically(path, render_codebook(codebook))


CSV_COLUMNS = ("name", "description", "group", "memo", "id")


def render_codebook_csv(codebook: Codebook) -> str:
    """The codebook as CSV for spreadsheets and Taguette: one row per code. The header is in English on
    purpose: Taguette finds the codes by a column called `name` (or `tag`, `path`), and a second,
    translated header row would be read as a code."""
    groups = {group.id: group.name for group in codebook.groups}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for code in codebook.codes:
        group = groups.get(code.group or "", "")
        writer.writerow([code.statement, code.description, group, code.memo, code.id])
    return out.getvalue()


def write_codebook_csv(codebook: Codebook, path: Path) -> Path:
    """UTF-8 with a BOM, so Excel opens æøå right (Taguette reads the BOM too)."""
    return write_atomically(path, "\ufeff" + render_codebook_csv(codebook))
