"""The project's similarity engine: `sdi.nlp.similarity` weighted by how rare each word is in this project's
turns. Used by similar codes (code picker, `sdi code similar`), fuzzy quote retrieval and codebook merge.

A project with fewer than `MIN_TURNS` indexed turns has no telling frequencies yet; its words then weigh
alike (the engine's default weight)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from sdi.nlp.similarity import RETRIEVAL_FLOOR, SAME_AT, SimilarityEngine, TermWeights, engine
from sdi.nlp.wording import Wording

if TYPE_CHECKING:  # a cold command reads the counts through `sdi.storage.lean` (no SQLAlchemy)
    from sdi.workflow.project import Project

# (turns indexed, {term: turns holding it}) for single words: `term_document_counts` over some store
TermCounts = Callable[[Collection[str]], tuple[int, dict[str, int]]]

MIN_TURNS = 50
# The faces read the engine's two thresholds from here (they do not import sdi.nlp).
__all__ = ["RETRIEVAL_FLOOR", "SAME_AT", "TermCounts", "explain", "lookup_terms", "project_engine",
           "project_weights", "weigh", "weigh_by", "weights_of"]  # fmt: skip


def lookup_terms(wordings: Iterable[Wording]) -> set[str]:
    """The single words whose frequency the weights need for these statements: each content term, and the
    words of a multi-word or hyphenated one (`ppt-rådgiver` is indexed as `ppt` and `rådgiver`)."""
    found: set[str] = set()
    for wording in wordings:
        for term in wording.content:
            found.add(term)
            found.update(part for part in term.replace("-", " ").split() if part)
    return found


def project_weights(project: Project, terms: Collection[str]) -> TermWeights:
    """Weights for `terms` (and the words of multi-word terms) from the project's full-text index."""
    from sdi.storage.search_index import term_document_counts

    def count(words: Collection[str]) -> tuple[int, dict[str, int]]:
        with project.store.reading() as session:
            return term_document_counts(session, words)

    return weights_of(count, terms)


def weights_of(count: TermCounts, terms: Collection[str]) -> TermWeights:
    """`project_weights` with the index's counts read by `count`."""
    words = {part for term in terms for part in term.replace("-", " ").split()}
    turns, counts = count(words | set(terms))
    if turns < MIN_TURNS:
        return TermWeights()
    for term in terms:  # a phrase or hyphenated word occurs at most as often as its rarest word
        parts = [counts.get(part, 0) for part in term.replace("-", " ").split()]
        if len(parts) > 1 or (parts and term not in counts):
            counts[term] = min(parts)
    return TermWeights(turns, counts)


def project_engine(project: Project) -> SimilarityEngine:
    """The engine with no frequencies looked up yet; `weigh` adds them for the statements to compare."""
    return engine(TermWeights())


def weigh(project: Project, engine_: SimilarityEngine, wordings: Iterable[Wording]) -> SimilarityEngine:
    """`engine_` with weights for every content term of `wordings` (one lookup in the index)."""
    engine_.weights = project_weights(project, lookup_terms(wordings))
    return engine_


def weigh_by(count: TermCounts, engine_: SimilarityEngine, wordings: Iterable[Wording]) -> SimilarityEngine:
    """`weigh` with the index's counts read by `count`."""
    engine_.weights = weights_of(count, lookup_terms(wordings))
    return engine_


def explain(shared: Iterable[tuple[str, str, str]], language: str = "nb") -> str:
    """Why two statements were matched, for a face to show: `felles: ringe, forelder; forstå ≈ skjønne
    (synonym)`; the words that matched as themselves first."""
    from sdi.i18n import t

    same = [word for word, _other, kind in shared if kind == "same"]
    related = [f"{word} ≈ {other} ({t('sim.kind.' + kind, language)})"
               for word, other, kind in shared if kind != "same"]  # fmt: skip
    words = ", ".join(same + related)
    return t("sim.shared", language, words=words) if words else t("sim.nothing_shared", language)
