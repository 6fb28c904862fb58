"""Similar codes while a new one is typed: rapidfuzz over the raw statements and over their lemmas.

Raw text catches a near-identical wording; lemmatised, stop-word-free text catches the same statement in
other inflections (`foreldrene ringer ikke tilbake` ~ `forelder ringe ikke tilbake`). A code's score is the
better of the two. The expensive part — lemmatising every code — is done once, when the index is built
(`with_lemmas`); each keystroke then costs two `process.extract` calls over prepared strings. Lemmas are
compared as sorted bags (`token_sort_ratio`): word order moves in Norwegian (`nå ringer foreldrene` /
`foreldrene ringer nå`), and a code that merely contains the typed lemmas should not count as the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


def _prepared(text: str) -> str:
    from rapidfuzz import utils

    return utils.default_process(" ".join(text.split()))


@dataclass(frozen=True)
class SimilarityIndex:
    """Prepared choices: `raw[i]` and, once lemmatised, `lemmas[i]` belong to the i-th code."""

    raw: tuple[str, ...]
    lemmas: tuple[str, ...] | None = None

    @classmethod
    def of(cls, statements: Sequence[str]) -> SimilarityIndex:
        """The raw half only: cheap, ready before the language pipeline is."""
        return cls(tuple(_prepared(s) for s in statements))

    def with_lemmas(self, lemma_lists: Sequence[Sequence[str]]) -> SimilarityIndex:
        """The same index with the codes' content lemmas (one list per statement, in order)."""
        if len(lemma_lists) != len(self.raw):
            raise ValueError("one lemma list per statement")
        return SimilarityIndex(self.raw, tuple(" ".join(words) for words in lemma_lists))

    def rank(self, text: str, lemmas: Sequence[str] | None = None, limit: int = 8) -> list[tuple[int, float]]:
        """(index, score 0–100) of the codes most like `text`, best first; `lemmas` are the content lemmas
        of `text`, used when the index has lemmas too."""
        from rapidfuzz import fuzz, process

        query = _prepared(text)
        if not query or not self.raw:
            return []
        best: dict[int, float] = {}
        wanted = max(limit * 2, limit + 4)  # each half may find codes the other misses
        for _, score, index in process.extract(query, self.raw, scorer=fuzz.WRatio, processor=None,
                                               limit=wanted):  # fmt: skip
            best[index] = float(score)
        lemma_query = " ".join(lemmas or ())
        if self.lemmas is not None and lemma_query:
            for _, score, index in process.extract(
                lemma_query, self.lemmas, scorer=fuzz.token_sort_ratio, processor=None, limit=wanted
            ):
                best[index] = max(best.get(index, 0.0), float(score))
        ranked = sorted(((i, s) for i, s in best.items() if s > 0), key=lambda pair: (-pair[1], pair[0]))
        return ranked[:limit]
