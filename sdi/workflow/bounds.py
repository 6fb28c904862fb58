"""The workflow's side of bounded input: what a researcher types is checked against what the store keeps
(the same on SQLite and PostgreSQL) before any work starts; the speaker patterns of `sdi.toml` are tried
for catastrophic backtracking before an import reads a transcript with them; a store holding text longer
than its columns (written before the check) is refused by `sdi db copy` before it writes anything.

Called by `code` (statements), `corpus_import` (patterns) and `database` (copy)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sdi.config import Config, ConfigError
from sdi.i18n import Notice, t
from sdi.ingest.limits import PATTERN_SECONDS
from sdi.ingest.speakers import PROBE_LENGTH, runaway_pattern
from sdi.storage.faults import describe
from sdi.workflow.errors import WorkflowError

if TYPE_CHECKING:  # the column lengths are the models' (SQLAlchemy): loaded when a length is checked
    from sqlalchemy import Engine


def fitting(value: str, table: str, column: str) -> str:
    """`value` when `table.column` keeps it whole; else a WorkflowError saying how long it may be."""
    from sdi.storage import lengths

    limit = lengths.column_limit(table, column)
    if len(value) > limit:
        raise WorkflowError(
            key="limits.too_long", what=f"limits.what.{table}.{column}", length=len(value), limit=limit
        )
    return value


def check_speaker_patterns(config: Config) -> None:
    """Refuse a speaker pattern that backtracks catastrophically, naming `sdi.toml` and its line."""
    pattern = runaway_pattern(config.speaker_patterns)
    if pattern is None:
        return
    message = Notice("limits.pattern_runaway", pattern=repr(pattern), seconds=PATTERN_SECONDS,
                     length=PROBE_LENGTH)  # fmt: skip
    raise ConfigError(config.path, message, _pattern_line(config, pattern))


def _pattern_line(config: Config, pattern: str) -> int | None:
    """The line of `sdi.toml` that holds `pattern` (as a literal or a basic string), else `patterns =`."""
    try:
        lines = config.path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    escaped = pattern.replace("\\", "\\\\").replace('"', '\\"')
    for number, line in enumerate(lines, start=1):
        if f"'{pattern}'" in line or f'"{escaped}"' in line:
            return number
    key = re.compile(r"^\s*patterns\s*=")
    return next((number for number, line in enumerate(lines, start=1) if key.match(line)), None)


def refuse_oversized(source: Engine, language: str) -> None:
    """`sdi db copy`: refuse a store holding text its columns do not allow, before the target is touched."""
    from sdi.storage import lengths

    with source.connect() as connection:
        found = list(lengths.oversized(connection))
    if not found:
        return
    items = [
        t("limits.copy_oversized_item", language, what=lengths.what(o.table, o.column, language), rows=o.rows,
          longest=o.longest, limit=o.limit)
        for o in found
    ]  # fmt: skip
    database = describe(str(source.url))
    raise WorkflowError(t("limits.copy_oversized", language, database=database, found="; ".join(items)))
