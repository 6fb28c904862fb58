"""Grouping suggestions for SDI step 3: candidate code groups among the codes not yet grouped (and those
left in the rest group), found by the content lemmas they share. The researcher accepts one — a new group
with those codes, one undo step — or dismisses it. Called by the Code groups screen.

Clustering is pure (`sdi.nlp.clustering`); here the codes are read, lemmatised (once per statement and
process) and the answer is put in SDI words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from sdi.nlp.clustering import cluster_codes
from sdi.storage.models import CodeGroup
from sdi.workflow.code import list_codes
from sdi.workflow.code_assist import statement_lemmas
from sdi.workflow.code_group import create_group_with_codes
from sdi.workflow.project import Project
from sdi.workflow.search import pipeline


@dataclass(frozen=True)
class GroupSuggestion:
    """A candidate code group: its codes (best linked first) and the words they share."""

    code_ids: tuple[int, ...]
    statements: tuple[str, ...]
    shared: tuple[str, ...]
    cohesion: float

    @property
    def name(self) -> str:
        """A first name for the group, from the shared words; the researcher is asked to improve it."""
        words = ", ".join(self.shared[:2])
        return words[:1].upper() + words[1:] if words else self.statements[0]


@dataclass(frozen=True)
class GroupingInput:
    """What the suggestions are made from, read in one go: every code (for word frequencies) and which of
    them are still open for grouping (no group, or the rest group)."""

    codes: tuple[tuple[int, str], ...]  # (id, statement) of every code
    open_codes: tuple[int, ...]


def grouping_input(project: Project) -> GroupingInput:
    """Read the codebook for `group_suggestions` (quick; the store is only touched here)."""
    codes = list_codes(project)
    with project.store.reading() as session:
        rest = set(session.scalars(select(CodeGroup.id).where(CodeGroup.is_rest.is_(True))))
    open_codes = tuple(c.id for c in codes if c.group_id is None or c.group_id in rest)
    return GroupingInput(tuple((c.id, c.statement) for c in codes), open_codes)


def group_suggestions(project: Project, given: GroupingInput) -> list[GroupSuggestion]:
    """Candidate groups among the open codes, most cohesive first. Slow the first time (loads the pipeline,
    lemmatises every statement), so faces run it in a worker; it does not touch the store."""
    if len(given.open_codes) < 2:
        return []
    statements = [statement for _, statement in given.codes]
    lemmas = statement_lemmas(pipeline(project), statements)
    statement = dict(given.codes)
    bags = {code_id: words for (code_id, _), words in zip(given.codes, lemmas, strict=True)}
    return [
        GroupSuggestion(c.members, tuple(statement[i] for i in c.members), c.shared, c.cohesion)
        for c in cluster_codes(bags, given.open_codes)
    ]


def suggest_groups(project: Project, limit: int | None = None) -> list[GroupSuggestion]:
    """Candidate groups among the ungrouped and rest-group codes, most cohesive first. Word frequencies
    are counted over the whole codebook, so words common to many codes weigh little."""
    found = group_suggestions(project, grouping_input(project))
    return found[:limit] if limit is not None else found


def accept_suggestion(project: Project, name: str, code_ids: Sequence[int]) -> int:
    """Create the group `name` with the suggested codes in it — one transaction, one undo. Returns its id."""
    return create_group_with_codes(project, name, code_ids)
