"""Do two Norwegian statements say the same thing? One engine, calibrated 0–100, behind similar codes while
coding, fuzzy quote retrieval and the pairing of codes when codebooks are merged.

What is compared is content, not characters. Both statements are read into lemmas (`sdi.nlp.wording`);
each content lemma weighs by how rare it is in the project (inverse document frequency over the project's
turns, `TermWeights`), function words and fillers weigh almost nothing. A word of one statement is matched
to the best word of the other: the same lemma fully, a synonym, a compound part, an unlisted inflection or a
typo partly (`sdi.nlp.word_relations`). Then

- coverage of A: the weighted share of A's words found in B; coverage of B likewise;
- the score is their harmonic mean (F1) — a statement and a longer one that merely contains its words are
  not "the same" — or, for retrieval, F2, which lets the remembered words count four times the sentence's
  extra ones: the sentence a researcher half remembers is usually longer than what she remembers;
- times 0.8 when one statement is negated and the other is not (`ringer tilbake` / `ringer ikke tilbake`);
- with word order as a small bonus: 10 % of the score rides on shared lemma bigrams.

Calibration: statements that share one ordinary word land far below `SAME_AT`; paraphrases land above it
(measured on our paraphrase set, tests/nlp/paraphrases.toml; `bench/similarity.py` prints the figures).
Ties are broken by the weight of the shared words, then by how much of the query was found, then by the
shorter statement — never by alphabetical or file order.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sdi.nlp.word_relations import Link, Vocabulary, WordRelations
from sdi.nlp.wording import Wording, Wordings

SAME_AT = 60.0  # at or above: the two say the same (merge proposes them; `sdi code similar` says `same`)
RETRIEVAL_FLOOR = 30.0  # below this, a fuzzy search says nothing matched well
FUNCTION_WEIGHT = 0.04
MIN_WEIGHT = 0.05
DEFAULT_WEIGHT = 0.5  # a content word whose frequency was not looked up
NEGATION_FACTOR = 0.8
ORDER_SHARE = 0.1
Shared = tuple[str, str, str]  # (word of the query, word of the other, how they matched)


class TermWeights:
    """Inverse document frequency of lemmas over the project's turns, scaled to 0–1.

    `counts` holds, for the terms looked up, the number of turns that use them (0: looked up, never used:
    the rarest possible). Terms not looked up weigh `DEFAULT_WEIGHT`."""

    def __init__(self, documents: int = 0, counts: Mapping[str, int] | None = None) -> None:
        self.documents = documents
        self.counts: dict[str, int] = dict(counts or {})
        self._scale = math.log((documents + 1) / 0.5) if documents else 0.0
        self._memo: dict[str, float] = {}

    def __call__(self, term: str) -> float:
        found = self._memo.get(term)
        if found is None:
            count = self.counts.get(term)
            if count is None or not self._scale:
                found = DEFAULT_WEIGHT
            else:
                rarity = math.log((self.documents + 1) / (count + 0.5)) / self._scale
                found = max(MIN_WEIGHT, min(1.0, rarity))
            self._memo[term] = found
        return found

    def knows(self, term: str) -> bool:
        return term in self.counts

    def update(self, counts: Mapping[str, int]) -> None:
        self.counts.update(counts)
        self._memo.clear()


@dataclass(frozen=True)
class Likeness:
    """How alike a statement is to a query: the calibrated score and what it rests on."""

    score: float  # 0–100
    shared: tuple[Shared, ...]  # the query's words found in the other, with the word and kind of match
    weight: float  # the weight of what was found (ties: more shared rare words first)
    coverage: float  # the share of the query found, 0–1 (ties, after weight)
    length: int  # content words of the other statement (ties, last: the shorter first)

    @property
    def same(self) -> bool:
        return self.score >= SAME_AT

    def key(self) -> tuple[float, float, float, int]:
        """Sort key, best first."""
        return (-self.score, -self.weight, -self.coverage, self.length)


class SimilarityEngine:
    """Reads statements and scores them against each other with one set of term weights."""

    def __init__(
        self, wordings: Wordings, relations: WordRelations, weights: TermWeights | None = None
    ) -> None:
        self.wordings = wordings
        self.relations = relations
        self.weights = weights or TermWeights()

    def read(self, text: str) -> Wording:
        return self.wordings(text)

    def vocabulary(self, wordings: Iterable[Wording]) -> Vocabulary:
        vocabulary = Vocabulary(self.relations)
        vocabulary.add(term for wording in wordings for term in wording.content)
        return vocabulary

    def compare(self, query: str, other: str, beta: float = 1.0) -> Likeness:
        """How alike `other` is to `query` (F1 by default: symmetric)."""
        a, b = self.read(query), self.read(other)
        links = self.links(a, self.vocabulary([b]))
        return self.score(a, b, links, beta)

    def links(self, query: Wording, vocabulary: Vocabulary) -> dict[str, dict[str, Link]]:
        """For each content word of the query, the words of `vocabulary` it may mean."""
        return {term: vocabulary.related(term) for term in query.content}

    def score(self, query: Wording, other: Wording, links: Mapping[str, Mapping[str, Link]],
              beta: float = 1.0) -> Likeness:  # fmt: skip
        """The likeness of `other` to `query`, given the query's `links` into a vocabulary holding
        `other`'s words (see the module docstring for the formula)."""
        if not query.content:
            return self._score_function_words(query, other, beta)
        weight = self.weights
        found_query = 0.0
        found_other: dict[str, float] = {}
        shared: list[Shared] = []
        for term in query.content:
            related = links.get(term)
            best: tuple[str, Link] | None = None
            if related:
                for word in other.content:
                    link = related.get(word)
                    if link is None:
                        continue
                    if best is None or link.strength > best[1].strength:
                        best = (word, link)
                    if link.strength > found_other.get(word, 0.0):
                        found_other[word] = link.strength
            if best is not None:
                found_query += weight(term) * best[1].strength
                shared.append((term, best[0], best[1].kind))
        query_function, other_function = query.function_words, other.function_words
        common = FUNCTION_WEIGHT * len(query_function & other_function)
        query_total = sum(weight(t) for t in query.content) + FUNCTION_WEIGHT * len(query_function)
        other_total = sum(weight(t) for t in other.content) + FUNCTION_WEIGHT * len(other_function)
        recall = (found_query + common) / query_total if query_total else 0.0
        found = sum(weight(w) * s for w, s in found_other.items()) + common
        precision = found / other_total if other_total else 0.0
        return self._likeness(query, other, recall, precision, beta, tuple(shared), found_query)

    def _score_function_words(self, query: Wording, other: Wording, beta: float) -> Likeness:
        """A query of function words only (`det er sånn det er`, remembered word for word): its words are
        what it says, so they count in full; the other's content words weigh as usual."""
        words = set(query.lemmas)
        found = words & set(other.lemmas)
        recall = len(found) / len(words)
        other_total = len(other.function_words) + sum(self.weights(t) for t in other.content)
        precision = len(found) / other_total if other_total else 0.0
        shared = tuple((word, word, "same") for word in query.lemmas if word in found)
        return self._likeness(query, other, recall, precision, beta, tuple(dict.fromkeys(shared)), 0.0)

    def _likeness(self, query: Wording, other: Wording, recall: float, precision: float, beta: float,
                  shared: tuple[Shared, ...], weight: float) -> Likeness:  # fmt: skip
        if not recall or not precision:
            return Likeness(0.0, shared, weight, recall, len(other.content))
        f = (1 + beta * beta) * precision * recall / (beta * beta * precision + recall)
        f *= (1 - ORDER_SHARE) + ORDER_SHARE * _order(query.lemmas, other.lemmas)
        if query.negated != other.negated:
            f *= NEGATION_FACTOR
        return Likeness(round(100 * min(1.0, f), 1), shared, round(weight, 6), recall, len(other.content))


def reachable(engine: SimilarityEngine, query: Wording, links: Mapping[str, Mapping[str, Link]],
              floor: float, beta: float = 1.0) -> Callable[[Wording], bool]:  # fmt: skip
    """A quick test that lets through every statement whose likeness to `query` could reach `floor`: the
    query words it has any related word for must weigh enough that, were all of the statement explained
    (precision 1), the score would get there. For ranking many sentences, most of which cannot."""
    weight = engine.weights
    meaning: dict[str, set[str]] = {}
    for term, related in links.items():
        for word in related:
            meaning.setdefault(word, set()).add(term)
    functional = FUNCTION_WEIGHT * len(query.function_words)
    total = sum(weight(t) for t in query.content) + functional
    f = floor / 100
    needed = total * f * beta * beta / (1 + beta * beta - f)  # recall at which F_beta(P=1) is `floor`

    def test(other: Wording) -> bool:
        if not query.content:
            return True
        found: set[str] = set()
        for word in other.content:
            terms = meaning.get(word)
            if terms:
                found |= terms
        return bool(found) and sum(weight(t) for t in found) + functional >= needed

    return test


def _bigrams(lemmas: Sequence[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(lemmas))


def _order(a: Sequence[str], b: Sequence[str]) -> float:
    """Shared lemma bigrams (Dice): 1 when the words come in the same order, 0 when no pair does."""
    first, second = _bigrams(a), _bigrams(b)
    if not first or not second:
        return 1.0 if list(a) == list(b) else 0.0
    return 2 * len(first & second) / (len(first) + len(second))


class SimilarityIndex:
    """Many statements (the codes of a codebook) read once, for ranking them against a query quickly:
    only statements that share a related word with the query are scored."""

    def __init__(self, engine: SimilarityEngine, statements: Sequence[str]) -> None:
        self.engine = engine
        self.items = [engine.read(statement) for statement in statements]
        self.vocabulary = engine.vocabulary(self.items)
        self._postings: dict[str, list[int]] = {}
        self._function_postings: dict[str, set[int]] = {}
        for index, wording in enumerate(self.items):
            for term in wording.content:
                self._postings.setdefault(term, []).append(index)
            for word in wording.function_words:
                self._function_postings.setdefault(word, set()).add(index)

    @property
    def terms(self) -> Collection[str]:
        return self.vocabulary.terms

    def __len__(self) -> int:
        return len(self.items)

    def rank(self, text: str, limit: int = 8, beta: float = 1.0,
             skip: Collection[int] = ()) -> list[tuple[int, Likeness]]:  # fmt: skip
        """(position, likeness) of the statements most like `text`, best first, leaving out positions in
        `skip`. A query of function words only (`det er sånn det er`) is compared with the statements that
        have all of its words; a single function word finds nothing."""
        query = self.engine.read(text)
        if not query.lemmas:
            return []
        links = self.engine.links(query, self.vocabulary)
        if query.content:
            postings = self._postings
            candidates = {i for related in links.values() for word in related for i in postings.get(word, ())}
        elif len(set(query.lemmas)) > 1:
            having = [self._function_postings.get(word, set()) for word in set(query.lemmas)]
            candidates = set.intersection(*having)
        else:
            return []
        scored = []
        for index in candidates - set(skip):
            likeness = self.engine.score(query, self.items[index], links, beta)
            if likeness.score > 0:
                scored.append((index, likeness))
        scored.sort(key=lambda pair: (*pair[1].key(), pair[0]))
        return scored[:limit]


_shared: dict[str, tuple[Wordings, WordRelations]] = {}


def engine(weights: TermWeights | None = None, cache_dir: str = "") -> SimilarityEngine:
    """An engine over the lookup lemmatiser (built once per process; no spaCy), with `weights`."""
    if cache_dir not in _shared:
        from pathlib import Path

        from sdi.nlp.lemmatizer import lemmatizer
        from sdi.nlp.lexicon import DIALECT
        from sdi.nlp.word_relations import phrases, synonym_table

        lemmatize = lemmatizer(Path(cache_dir) if cache_dir else None)
        table = lemmatize.table.lemmas

        def lemma(word: str) -> str:
            return lemmatize(word, True)

        def known(word: str) -> bool:
            return word in table or word in DIALECT

        synonyms = synonym_table()
        wordings = Wordings(lemma, phrases(synonyms), known)
        _shared[cache_dir] = (wordings, WordRelations(known, lemma, synonyms))
    wordings, relations = _shared[cache_dir]
    return SimilarityEngine(wordings, relations, weights)
