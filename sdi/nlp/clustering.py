"""Grouping suggestions (SDI step 3): clusters of codes that share content lemmas, as candidate code groups.

Pure functions over plain lemma lists, so the workflow can feed them from any source and tests need no
pipeline. Each code is a bag of its content lemmas, weighted by inverse document frequency over the whole
codebook — `forelder` in every third code links little, `stafettpinne` in two links a lot. Norwegian
compounds are opened up: a lemma that ends in another lemma of the codebook (`stafettlogg` → `logg`,
`undringssamtale` → `samtale`) also counts as that head word. Codes are then merged bottom-up (average
linkage over cosine similarity) until no two clusters are alike enough; clusters of two or more codes are
the suggestions, with the words their codes share.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

MIN_HEAD = 4  # shortest compound head counted (`logg`, `barn`); shorter ones match by accident
THRESHOLD = 0.3  # average cosine two clusters need to be merged
MAX_SIZE = 12  # a suggestion larger than this is a theme, not a group: stop it growing
SHOWN_WORDS = 4
UNIQUE = 0.5  # a word only one code uses cannot link it, so it should not push its code away either


@dataclass(frozen=True)
class Cluster(Generic[K]):
    """A candidate group: its members (best linked first) and the words they share, most telling first."""

    members: tuple[K, ...]
    shared: tuple[str, ...]
    cohesion: float  # average pairwise similarity inside the cluster, 0–1


def compound_heads(vocabulary: set[str]) -> dict[str, set[str]]:
    """For each lemma, the other lemmas of `vocabulary` it ends in (its compound heads)."""
    heads = sorted((word for word in vocabulary if len(word) >= MIN_HEAD and word.isalpha()), key=len)
    found: dict[str, set[str]] = {}
    for word in vocabulary:
        for head in heads:
            if len(head) >= len(word):
                break
            if word.endswith(head) and word[: -len(head)].rstrip("-").isalpha():
                found.setdefault(word, set()).add(head)
    return found


def features(lemmas: Mapping[K, Sequence[str]]) -> dict[K, set[str]]:
    """Each code's content lemmas, plus the heads of its compounds that occur as words elsewhere."""
    vocabulary = {lemma for words in lemmas.values() for lemma in words}
    heads = compound_heads(vocabulary)
    return {
        key: set(words) | {head for word in words for head in heads.get(word, ())}
        for key, words in lemmas.items()
    }


def weights(bags: Mapping[K, set[str]]) -> dict[str, float]:
    """Inverse document frequency of every feature over all codes (smoothed, always > 0)."""
    frequency = Counter(feature for bag in bags.values() for feature in bag)
    total = len(bags)
    return {f: math.log((1 + total) / n) * (UNIQUE if n == 1 else 1.0) for f, n in frequency.items()}


def _cosine(a: set[str], b: set[str], weight: Mapping[str, float], norms: tuple[float, float]) -> float:
    shared = a & b
    if not shared or not norms[0] or not norms[1]:
        return 0.0
    return sum(weight[f] ** 2 for f in shared) / (norms[0] * norms[1])


def cluster_codes(
    lemmas: Mapping[K, Sequence[str]],
    candidates: Sequence[K] | None = None,
    *,
    threshold: float = THRESHOLD,
    max_size: int = MAX_SIZE,
) -> list[Cluster[K]]:
    """Clusters of `candidates` (default: all codes) by shared content lemmas, most cohesive first.

    `lemmas` should hold every code of the codebook, grouped or not: the document frequencies come from all
    of them, while only `candidates` (the ungrouped codes) are clustered.
    """
    bags = features(lemmas)
    weight = weights(bags)
    keys = [key for key in (candidates if candidates is not None else list(lemmas)) if bags.get(key)]
    norm = {key: math.sqrt(sum(weight[f] ** 2 for f in bags[key])) for key in keys}
    # Sparse similarities: only pairs that share a feature are ever linked.
    holders: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        for feature in bags[key]:
            holders.setdefault(feature, []).append(index)
    similarity: dict[tuple[int, int], float] = {}
    for members in holders.values():
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                if (i, j) not in similarity:
                    a, b = keys[i], keys[j]
                    similarity[(i, j)] = _cosine(bags[a], bags[b], weight, (norm[a], norm[b]))
    clusters = _merge(len(keys), similarity, threshold, max_size)
    found = []
    for members in clusters:
        if len(members) < 2:
            continue
        pairs = [(i, j) for n, i in enumerate(members) for j in members[n + 1 :]]
        cohesion = sum(similarity.get((min(i, j), max(i, j)), 0.0) for i, j in pairs) / len(pairs)
        ordered = sorted(members, key=lambda i: -sum(similarity.get((min(i, j), max(i, j)), 0.0)
                                                     for j in members if j != i))  # fmt: skip
        member_keys = [keys[i] for i in ordered]
        found.append(Cluster(tuple(member_keys), shared_words(member_keys, bags, weight), cohesion))
    return sorted(found, key=lambda c: (-c.cohesion * math.log(1 + len(c.members)), str(c.members[0])))


def _merge(
    count: int, similarity: dict[tuple[int, int], float], threshold: float, max_size: int
) -> list[list[int]]:
    """Average-linkage agglomeration over a sparse similarity map, with a heap of candidate merges."""
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(count)}
    for (i, j), value in similarity.items():
        if value > 0:
            links[i][j] = links[j][i] = value
    heap = [(-value, i, j) for (i, j), value in similarity.items() if value >= threshold]
    heapq.heapify(heap)
    next_id = count
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or links[a].get(b) != -negative:
            continue  # stale: one side was merged since
        if len(members[a]) + len(members[b]) > max_size:
            continue
        merged = next_id
        next_id += 1
        size_a, size_b = len(members[a]), len(members[b])
        members[merged] = members.pop(a) + members.pop(b)
        links[merged] = {}
        for other in (set(links[a]) | set(links[b])) - {a, b}:
            value = (size_a * links[a].get(other, 0.0) + size_b * links[b].get(other, 0.0)) / (
                size_a + size_b
            )
            links[other].pop(a, None)
            links[other].pop(b, None)
            if value > 0:
                links[merged][other] = links[other][merged] = value
                if value >= threshold:
                    heapq.heappush(heap, (-value, min(merged, other), max(merged, other)))
        del links[a], links[b]
    return [sorted(group) for group in members.values()]


def shared_words(
    members: Sequence[K], bags: Mapping[K, set[str]], weight: Mapping[str, float]
) -> tuple[str, ...]:
    """The features at least two members share, most widely shared and most distinctive first; a compound
    head is left out when a longer shared word already says it."""
    counts = Counter(feature for key in members for feature in bags[key])
    shared = [feature for feature, count in counts.items() if count >= 2]
    shared = [
        f for f in shared if not any(o != f and o.endswith(f) and counts[o] >= counts[f] for o in shared)
    ]
    shared.sort(key=lambda f: (-counts[f] * weight[f], f))
    return tuple(shared[:SHOWN_WORDS])
