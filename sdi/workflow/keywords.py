"""Keywords by focus group, category, site or stage: the lemma counts of each slice, read from the annotations
stored at import (spaCy is never run again), handed to `sdi.nlp.keywords` for the statistics. Called by
`sdi keywords` and the workbench's keyword table.

Only informants' turns are counted: the moderator asks the same questions in every group, so their words
would say more about the interview guide than about the group. No word of a real name the project knows
(the key, `[pseudonyms]`, `[privacy]`) is ever offered."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from sdi.nlp.keywords import CRITICAL_1, MIN_COUNT, Keyword, keywords
from sdi.nlp.known_names import fold, words_of
from sdi.storage.lemma_counts import lemma_counts
from sdi.storage.models import Document, FocusGroup, Stage, Utterance
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project

SLICES = ("group", "category", "site", "stage")
__all__ = ["CRITICAL_1", "SLICES", "KeywordSlice", "keywords_by"]


@dataclass(frozen=True)
class KeywordSlice:
    """One slice (`name` is the group, category or site; for stages the stage number) and its keywords."""

    by: str
    name: str
    words: int  # informants' words in the slice
    keywords: tuple[Keyword, ...]


def keywords_by(
    project: Project, by: str = "group", top: int = 10, min_count: int = MIN_COUNT, min_g2: float = CRITICAL_1
) -> list[KeywordSlice]:
    """The distinctive content lemmas of each slice against the rest of the corpus, slices in name order
    (stages by number)."""
    from sdi.nlp.stopwords import is_stop

    if by not in SLICES:
        raise WorkflowError(key="refusal.keywords.by", by=by, choices=", ".join(SLICES))
    if top < 1 or min_count < 1:
        raise WorkflowError(key="refusal.keywords.counts")
    column = {"group": FocusGroup.name, "category": FocusGroup.category, "site": FocusGroup.site,
              "stage": Stage.number}[by]  # fmt: skip
    counts: dict[str, Counter[str]] = {}
    turns = (
        select(column, Utterance.id)
        .join(Document, Document.id == Utterance.document_id)
        .join(Stage, Stage.id == Document.stage_id)
        .join(FocusGroup, FocusGroup.id == Stage.group_id)
        .where(Utterance.is_moderator.is_(False))
    )
    with project.store.reading() as session:  # counted by the database: memory of the counts, not the words
        for name, counted in lemma_counts(session, turns).items():
            counts.setdefault(str(name) if name not in (None, "") else "–", Counter()).update(counted)
    if len(counts) < 2:
        return [KeywordSlice(by, name, sum(c.values()), ()) for name, c in counts.items()]
    names = words_of(project.config.known_names)  # a real name is never offered as a keyword

    def left_out(word: str) -> bool:
        folded = fold(word)
        return is_stop(word) or folded in names or (folded.endswith("s") and folded[:-1] in names)

    found = keywords(counts, stop=left_out, top=top, min_count=min_count, min_g2=min_g2)
    order = sorted(counts, key=lambda n: (int(n), n) if by == "stage" and n.isdigit() else (0, n.casefold()))
    return [KeywordSlice(by, name, sum(counts[name].values()), tuple(found[name])) for name in order]
