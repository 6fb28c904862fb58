"""Similar codes while a new one is typed: rapidfuzz over the raw statements and over their lemmas.

Raw text catches a near-identical wording; lemmatised, stop-word-free text catches the same statement in
other inflections (`foreldrene ringer ikke tilbake` ~ `forelder ringe ikke tilbake`). A code's score is the
better of the two. Lemmas are compared as sorted bags (`token_sort_ratio`): word order moves in Norwegian
(`nå ringer foreldrene` / `foreldrene ringer nå`), and a code that merely contains the typed lemmas should
not count as the same.

The expensive part — lemmatising every code — is done once, when the index is built (`with_lemmas`). Per
keystroke, `WRatio` over 2,000 statements of sentence length costs 10–20 ms by itself, so only the codes
that share a word beginning with the query are scored: an index of three-letter word prefixes, ignoring
prefixes so common (`ikk`, `det`) that they would pick most codes. A query of only common words is scored
against every code; one with no word of three letters yet, or only words no code has, finds nothing. Small
codebooks are always scored whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

PREFIX = 3
COMMON = 0.2  # a prefix in more than this share of the codes does not narrow the search
SCAN_ALL = 300  # up to this many codes, every keystroke scores them all (a millisecond or two)


def _prepared(text: str) -> str:
    from rapidfuzz import utils

    return utils.default_process(" ".join(text.split()))


def _keys(prepared: str) -> set[str]:
    return {word[:PREFIX] for word in prepared.split() if len(word) >= PREFIX}


@dataclass(frozen=True)
class Choices:
    """Prepared strings and, per word prefix, the positions of the strings that have it."""

    texts: tuple[str, ...]
    postings: dict[str, frozenset[int]] = field(compare=False, repr=False)

    @classmethod
    def of(cls, prepared: Sequence[str]) -> Choices:
        found: dict[str, set[int]] = {}
        for index, text in enumerate(prepared):
            for key in _keys(text):
                found.setdefault(key, set()).add(index)
        return cls(tuple(prepared), {key: frozenset(ids) for key, ids in found.items()})

    def candidates(self, query: str) -> dict[int, str] | Sequence[str]:
        """The strings worth scoring for `query`: those sharing a telling prefix with it, else all."""
        if len(self.texts) <= SCAN_ALL:
            return self.texts
        limit = max(1, int(COMMON * len(self.texts)))
        telling = [
            ids for key in _keys(query) if 0 < len(ids := self.postings.get(key, frozenset())) <= limit
        ]
        if not telling and any(len(self.postings.get(key, ())) > limit for key in _keys(query)):
            return self.texts  # only common words typed: score them all
        return {index: self.texts[index] for index in frozenset().union(*telling)}


@dataclass(frozen=True)
class SimilarityIndex:
    """Prepared choices: `raw.texts[i]` and, once lemmatised, `lemmas.texts[i]` belong to the i-th code."""

    raw: Choices
    lemmas: Choices | None = None

    @classmethod
    def of(cls, statements: Sequence[str]) -> SimilarityIndex:
        """The raw half only: cheap, ready before the language pipeline is."""
        return cls(Choices.of([_prepared(s) for s in statements]))

    def with_lemmas(self, lemma_lists: Sequence[Sequence[str]]) -> SimilarityIndex:
        """The same index with the codes' content lemmas (one list per statement, in order)."""
        if len(lemma_lists) != len(self.raw.texts):
            raise ValueError("one lemma list per statement")
        return SimilarityIndex(self.raw, Choices.of([" ".join(words).lower() for words in lemma_lists]))

    def rank(self, text: str, lemmas: Sequence[str] | None = None, limit: int = 8) -> list[tuple[int, float]]:
        """(index, score 0–100) of the codes most like `text`, best first; `lemmas` are the content lemmas
        of `text`, used when the index has lemmas too."""
        from rapidfuzz import fuzz, process

        query = _prepared(text)
        if not query or not self.raw.texts:
            return []
        best: dict[int, float] = {}
        wanted = max(limit * 2, limit + 4)  # each half may find codes the other misses
        for _, score, index in process.extract(query, self.raw.candidates(query), scorer=fuzz.WRatio,
                                               processor=None, limit=wanted):  # fmt: skip
            best[index] = float(score)
        lemma_query = " ".join(lemmas or ()).lower()
        if self.lemmas is not None and lemma_query:
            for _, score, index in process.extract(
                lemma_query,
                self.lemmas.candidates(lemma_query),
                scorer=fuzz.token_sort_ratio,
                processor=None,
                limit=wanted,
            ):
                best[index] = max(best.get(index, 0.0), float(score))
        ranked = sorted(((i, s) for i, s in best.items() if s > 0), key=lambda pair: (-pair[1], pair[0]))
        return ranked[:limit]
