"""Keywords: the content lemmas a slice of the material (a focus group, a stage, a site) uses distinctly more
than the rest of the corpus, by Dunning's log-likelihood (G²). Pure arithmetic over counts — the workflow
gathers the counts from the stored lemma annotations (`sdi.workflow.keywords`), so nothing is re-lemmatised.

G² compares a word's frequency in the slice with its frequency in the rest, against what equal use would
predict; unlike chi-square it stays reliable for the rare words qualitative material is full of
(Dunning 1993; Rayson & Garside 2000). Only over-use is reported: a slice's keywords are what it talks about
more, not what it avoids."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

CRITICAL_1 = 6.63  # G² at p < 0.01 with one degree of freedom
MIN_COUNT = 5


@dataclass(frozen=True)
class Keyword:
    """A lemma over-used in a slice: G², its count in the slice and in the rest, and its rate per 1,000
    words of the slice."""

    lemma: str
    g2: float
    count: int
    rest: int
    per_thousand: float


def log_likelihood(count: int, rest: int, words: int, rest_words: int) -> float:
    """Signed G² for a word seen `count` times in a slice of `words` words and `rest` times in the other
    `rest_words`: positive when the slice uses it more than the rest (relatively), negative when less."""
    total = count + rest
    corpus = words + rest_words
    if total == 0 or words == 0 or rest_words == 0:
        return 0.0
    expected = words * total / corpus
    expected_rest = rest_words * total / corpus
    g2 = 2.0 * (_term(count, expected) + _term(rest, expected_rest))
    return g2 if count / words >= rest / rest_words else -g2


def _term(observed: int, expected: float) -> float:
    return observed * math.log(observed / expected) if observed else 0.0


def content_word(lemma: str, stop: Callable[[str], bool]) -> bool:
    """Worth reporting: letters only (hyphens allowed), two letters or more, not a stop word or filler."""
    return len(lemma) >= 2 and lemma.replace("-", "").isalpha() and not stop(lemma)


def keywords(
    counts: Mapping[str, Mapping[str, int]],
    *,
    stop: Callable[[str], bool] = lambda lemma: False,
    top: int = 10,
    min_count: int = MIN_COUNT,
    min_g2: float = CRITICAL_1,
) -> dict[str, list[Keyword]]:
    """For each slice in `counts` (slice → lemma → count), its `top` keywords against all the other slices
    together, strongest first. Slice sizes count every word (stop words too), as the text has them; only the
    candidates are restricted to content words seen at least `min_count` times in the slice."""
    totals: dict[str, int] = {}
    for lemmas in counts.values():
        for lemma, n in lemmas.items():
            totals[lemma] = totals.get(lemma, 0) + n
    corpus = sum(totals.values())
    found: dict[str, list[Keyword]] = {}
    for name, lemmas in counts.items():
        words = sum(lemmas.values())
        rest_words = corpus - words
        ranked = []
        for lemma, count in lemmas.items():
            if count < min_count or not content_word(lemma, stop):
                continue
            rest = totals[lemma] - count
            g2 = log_likelihood(count, rest, words, rest_words)
            if g2 >= min_g2:
                ranked.append(Keyword(lemma, g2, count, rest, 1000 * count / words))
        ranked.sort(key=lambda k: (-k.g2, k.lemma))
        found[name] = ranked[:top]
    return found
