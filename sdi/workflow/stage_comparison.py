"""Stage comparison: per focus group, what appears in one stage that did not in the stage before (and what
was there before but not now) — how the summary that opens the next stage moved the conversation. Counts
come from the transcript matrix (`sdi.workflow.matrix`); called by `sdi matrix --stages`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from sdi.workflow.coded_turns import natural
from sdi.workflow.matrix import Matrix, matrix
from sdi.workflow.project import Project


@dataclass(frozen=True)
class StageChange:
    """Between two stages of one focus group: rows (codes, code groups or concepts) with their codings."""

    group: str
    earlier: int
    later: int
    new: tuple[tuple[str, int], ...]  # in the later stage only: (label, codings there)
    gone: tuple[tuple[str, int], ...]  # in the earlier stage only: (label, codings there)
    kept: tuple[tuple[str, int, int], ...]  # in both: (label, codings earlier, codings later)


def changes_between_stages(table: Matrix) -> list[StageChange]:
    """From a matrix by transcript: each focus group's consecutive stages compared."""
    if table.columns_by != "transcript":
        raise RuntimeError("programming error: a stage comparison needs the matrix by transcript")
    stages: dict[str, dict[int, int]] = defaultdict(dict)  # group -> stage -> column
    for column, heading in enumerate(table.columns):
        group, _, number = heading.key.removeprefix("transcript:").rpartition("/")
        stages[group][int(number)] = column
    changes = []
    for group in sorted(stages, key=natural):
        numbers = sorted(stages[group])
        for earlier, later in pairwise(numbers):
            before, after = stages[group][earlier], stages[group][later]
            new, gone, kept = [], [], []
            for row, heading in enumerate(table.rows):
                first, second = table.cell(row, before).codings, table.cell(row, after).codings
                if second and not first:
                    new.append((heading.label, second))
                elif first and not second:
                    gone.append((heading.label, first))
                elif first and second:
                    kept.append((heading.label, first, second))
            changes.append(StageChange(group, earlier, later, tuple(new), tuple(gone), tuple(kept)))
    return changes


def compare_stages(project: Project, rows_by: str = "code_group") -> list[StageChange]:
    return changes_between_stages(matrix(project, rows_by, "transcript"))
