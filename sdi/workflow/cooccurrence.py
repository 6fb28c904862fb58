"""Co-occurrence of codes (or code groups, concepts): which say something together. Called by
`sdi cooccurrence` and by the figures.

Three ways to be together, each counted and corrected for how common the two are:

- **turn** — both occur in the same turn. Count: the turns coded with both. Jaccard: those turns over the
  turns coded with either, |A∩B| / |A∪B|.
- **overlap** — their spans share words. Count: the pairs of codings (one of each) that overlap. Jaccard:
  the text coded with both over the text coded with either (in characters).
- **near** — within N turns of each other in the same transcript (N = 0 is the same turn). Count: the pairs
  (a turn with one, a turn with the other) at most N turns apart. Jaccard: the turns of either that have the
  other within N turns, over the turns coded with either (for N = 0 exactly the turn measure).

Codings of the same row (two codes of one code group, when rows are code groups) are not a co-occurrence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sdi.workflow.coded_turns import CodedTurns, Heading, PlacedCoding, many_small_objects
from sdi.workflow.errors import WorkflowError
from sdi.workflow.matrix import read_coded_turns
from sdi.workflow.project import Project

MODES = ("turn", "overlap", "near")


@dataclass(frozen=True)
class Pair:
    first: int  # index into Cooccurrence.items
    second: int
    count: int
    jaccard: float


@dataclass(frozen=True)
class Cooccurrence:
    rows_by: str
    mode: str
    within: int  # N for «near»
    items: tuple[Heading, ...]
    units: tuple[int, ...]  # per item: turns coded with it (codings, for «overlap»)
    pairs: tuple[Pair, ...]  # those that occur together at all: most often first

    def square(self, measure: str = "count") -> list[list[float | int]]:
        """Items × items (the diagonal holds each item's own units; 1.0 for Jaccard)."""
        size = len(self.items)
        table: list[list[float | int]] = [[0] * size for _ in range(size)]
        for n in range(size):
            table[n][n] = 1.0 if measure == "jaccard" else self.units[n]
        for pair in self.pairs:
            value = pair.jaccard if measure == "jaccard" else pair.count
            table[pair.first][pair.second] = table[pair.second][pair.first] = value
        return table


def check_mode(mode: str, within: int) -> None:
    if mode not in MODES:
        raise WorkflowError(key="error.cooc.mode", value=mode, valid=", ".join(MODES))
    if within < 0:
        raise WorkflowError(key="error.cooc.within", value=within)


def _turn_sets(coded: CodedTurns) -> dict[int, set[int]]:
    """Per coded turn (global index), the rows coded in it."""
    rows_in: dict[int, set[int]] = defaultdict(set)
    for placed in coded.codings:
        for turn in range(placed.first_turn, placed.last_turn + 1):
            rows_in[turn].add(placed.row)
    return rows_in


def _near(coded: CodedTurns, within: int) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], float],
                                                     list[int]]:  # fmt: skip
    rows_in = _turn_sets(coded)
    units = [0] * len(coded.rows)
    turns_of: dict[int, set[int]] = defaultdict(set)
    for turn, rows in rows_in.items():
        for row in rows:
            units[row] += 1
            turns_of[row].add(turn)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    linked: dict[tuple[int, int], set[int]] = defaultdict(set)
    coded_turns = sorted(rows_in)
    for n, turn in enumerate(coded_turns):
        here = rows_in[turn]
        if len(here) > 1:
            ordered = sorted(here)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    counts[(a, b)] += 1
                    linked[(a, b)].add(turn)
        document = coded.turn_document[turn]
        for later in range(n + 1, len(coded_turns)):
            other = coded_turns[later]
            if coded.turn_document[other] != document or other - turn > within:  # turns of a transcript
                break  # are numbered one after the other
            for a in here:
                for b in rows_in[other]:
                    if a != b:
                        key = (a, b) if a < b else (b, a)
                        counts[key] += 1
                        linked[key].update((turn, other))
    jaccard = {}
    for key, turns in linked.items():
        a, b = key
        either = len(turns_of[a] | turns_of[b])
        jaccard[key] = len(turns) / either if either else 0.0
    return counts, jaccard, units


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _shared(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> int:
    shared = i = j = 0
    while i < len(first) and j < len(second):
        shared += max(0, min(first[i][1], second[j][1]) - max(first[i][0], second[j][0]))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return shared


def _overlap(coded: CodedTurns) -> tuple[dict[tuple[int, int], int], dict[tuple[int, int], float], list[int]]:
    units = [0] * len(coded.rows)
    by_document: dict[int, list[PlacedCoding]] = defaultdict(list)
    for placed in coded.codings:
        units[placed.row] += 1
        by_document[placed.document_id].append(placed)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    spans: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)  # (row, document) -> spans
    together: dict[tuple[int, int], set[int]] = defaultdict(set)  # pair -> documents
    for document, placed in by_document.items():
        placed.sort(key=lambda p: (p.start, p.end))
        active: list[PlacedCoding] = []
        for coding in placed:
            spans[(coding.row, document)].append((coding.start, coding.end))
            active = [a for a in active if a.end > coding.start]
            for other in active:
                if other.row != coding.row and coding.end > coding.start:
                    key = (other.row, coding.row) if other.row < coding.row else (coding.row, other.row)
                    counts[key] += 1
                    together[key].add(document)
            active.append(coding)
    merged = {key: _merged(value) for key, value in spans.items()}
    length: dict[int, int] = defaultdict(int)
    for (row, _), value in merged.items():
        length[row] += sum(end - start for start, end in value)
    jaccard = {}
    for (a, b), documents in together.items():
        both = sum(_shared(merged[(a, d)], merged[(b, d)]) for d in documents)
        either = length[a] + length[b] - both
        jaccard[(a, b)] = both / either if either else 0.0
    return counts, jaccard, units


def count_cooccurrence(coded: CodedTurns, mode: str = "turn", within: int = 1) -> Cooccurrence:
    check_mode(mode, within)
    with many_small_objects():
        if mode == "overlap":
            counts, jaccard, units = _overlap(coded)
        else:
            counts, jaccard, units = _near(coded, 0 if mode == "turn" else within)
    pairs = sorted(
        (Pair(a, b, count, jaccard[(a, b)]) for (a, b), count in counts.items()),
        key=lambda p: (-p.count, -p.jaccard, p.first, p.second),
    )
    return Cooccurrence(coded.rows_by, mode, within if mode == "near" else 0, coded.rows, tuple(units),
                        tuple(pairs))  # fmt: skip


def cooccurrence(
    project: Project, rows_by: str = "code", mode: str = "turn", within: int = 1, language: str | None = None
) -> Cooccurrence:
    check_mode(mode, within)
    return count_cooccurrence(read_coded_turns(project, rows_by, language), mode, within)
