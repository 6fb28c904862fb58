"""The code list as the faces show it (`CodeSummary`: statement, group, how many codings), read in plain SQL
through any reader (`sdi.storage.lean`): the same statement for the workbench's session and for a cold
`sdi code similar`, which reads an SQLite store without SQLAlchemy. Called by `sdi.workflow.code` and
`sdi.workflow.code_similarity`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.storage.lean import Reader


@dataclass(frozen=True)
class CodeSummary:
    """A code in the code list: what the Code groups screen and the fuzzy picker show."""

    id: int
    statement: str
    description: str
    group_id: int | None
    group_name: str | None
    codings: int
    version: int = 1  # pass back when editing, so a colleague's change since is not overwritten


_CODINGS = "SELECT code_id, count(*) FROM codings GROUP BY code_id"
_CODES = (
    "SELECT c.id, c.statement, c.description, c.group_id, g.name, c.version FROM codes c "
    "LEFT OUTER JOIN code_groups g ON g.id = c.group_id ORDER BY c.statement, c.id"
)


def read_codes(read: Reader) -> list[CodeSummary]:
    """Every code, by statement (then id), with its group and its number of codings."""
    counts = {int(code): int(n) for code, n in read(_CODINGS)}
    return [
        CodeSummary(int(i), st, d, None if g is None else int(g), gn, counts.get(int(i), 0), int(v))
        for i, st, d, g, gn, v in read(_CODES)
    ]
