"""Writing a codebook as diff-friendly TOML (`sdi-codebook/1`): stable order, one key per line, so two
coders' codebooks can be compared and merged line by line in git."""

from __future__ import annotations

from pathlib import Path

from sdi.config import toml_string, write_atomically
from sdi.ingest.codebook import FORMAT, Codebook, CodebookCode, CodebookGroup


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
