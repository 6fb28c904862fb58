"""The existing codes most like a statement (`sdi code similar`), for a command run once: an SQLite store at
the current schema is read through `sdi.storage.lean` (plain SQL, no SQLAlchemy, no ORM mapping), anything
else through the project as the code picker reads it (`sdi.workflow.code_assist`). Both build the same
similarity index over the same codes, weighted by the same counts of the full-text index."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.nlp.similarity import Likeness, SimilarityIndex, TermWeights, engine
from sdi.workflow.code_list import CodeSummary, read_codes
from sdi.workflow.likeness import TermCounts, weigh_by

if TYPE_CHECKING:
    from sdi.config import Config


def similarity_index(statements: Sequence[str], counts: TermCounts) -> SimilarityIndex:
    """The statements read once by the engine, their words weighed by the index's `counts`."""
    engine_ = engine(TermWeights())
    index = SimilarityIndex(engine_, statements)
    weigh_by(counts, engine_, index.items)
    return index


def ranked_codes(
    codes: list[CodeSummary], index: SimilarityIndex, text: str, limit: int
) -> list[tuple[CodeSummary, Likeness]]:
    """The codes most like `text`, best first (`index` made over their statements)."""
    text = " ".join(text.split())
    if not text:
        return []
    return [(codes[i], likeness) for i, likeness in index.rank(text, limit)]


def similar_codes_at(
    start: Path | None, coder: str | None, text: str, limit: int = 8
) -> tuple[list[tuple[CodeSummary, Likeness]], Config]:
    """`code_assist.similar_codes` in the project at `start` (or found from the cwd), as a cold command
    reads it."""
    from sdi.storage.lean import sqlite_term_counts
    from sdi.workflow.search import lean_reading

    with lean_reading(start) as (read, config):
        if read is not None:
            lean = read
            codes = read_codes(lean)
            statements = [c.statement for c in codes]
            index = similarity_index(statements, lambda words: sqlite_term_counts(lean, words))
            return ranked_codes(codes, index, text, limit), config
    from sdi.workflow.code_assist import similar_codes
    from sdi.workflow.project import open_project

    project = open_project(start, coder=coder)
    try:
        return similar_codes(project, text, limit), config
    finally:
        project.close()
