"""How two different lemmas can still say the same: synonyms, compounds, inflection the table missed, typos.

Each relation has a strength (0–1) that the similarity engine multiplies into a shared word's weight:

- `synonym` — the Norwegian Wordnet and our own list of near-synonyms (`sdi/nlp/data/`): `forstå` ~
  `skjønne`, `ringe` ~ `telefonere`, `forhold` ~ `relasjon`; multi-word ones (`i lag` ~ `sammen`) are read as
  one term by `sdi.nlp.wording`.
- `stem` — one lemma is the other plus a short ending the lookup table did not take off (`redd` ~ `redde`,
  `eier` ~ `eie`).
- compounds, split on known words (`stafett|pinne`, `undrings|samtale`, `PPT-|rådgiver`): a compound and its
  head (`stafettlogg` ~ `logg`) or its first part (`stafettlogg` ~ `stafett`); two compounds with the same
  first part (`stafettpinne` ~ `stafettholder`) or the same head (`foreldremøte` ~ `rektormøte`).
- `typo` — a word no table knows, close in spelling to one the other side has; a weak signal only.

`Vocabulary` indexes a set of terms (the codes of a codebook, the words of candidate turns) so that the terms
related to one query word are found by dictionary lookups, not by comparing every pair.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).parent / "data"
SYNONYM_FILES = ("synonyms.tsv", "synonyms-sdi.tsv")

SAME = 1.0
SYNONYM = 0.8
STEM = 0.75
HEAD = 0.6  # a compound and its head: a `stafettlogg` is a `logg`
MODIFIER = 0.45  # a compound and its first part
SHARED_MODIFIER = 0.45
SHARED_HEAD = 0.3
TYPO = 0.4  # times the spelling likeness (0–1)
TYPO_CUTOFF = 84.0  # rapidfuzz ratio for two spellings of one word
MIN_TYPO_WORD = 5

MIN_TELLING_FIRST = 6  # a shorter first part (`barn-`, `skole-`) is too common to link compounds by
MIN_TELLING_HEAD = 5
MIN_PART = 4  # shortest compound part (`barn|hage`), except a 3-letter head after a long first part
MIN_LONG_FIRST = 5  # (`kveld|tid`, `arbeid|dag`)
STEM_ENDING = 2
STEM_KEY = 2  # letters two spellings of one stem surely share (`åpen` / `åpne`)
# Heads that are really derivational endings (`kjærlig|het`, `venn|skap`), never compound parts.
ENDINGS = frozenset(
    ["het", "heten", "skap", "dom", "else", "sel", "nad", "ing", "ning", "sjon", "asjon", "ant", "ent",
     "ist", "isme", "tet", "lig", "som", "bar", "aktig", "messig", "vis", "ere"]
)


class Link(NamedTuple):
    """One word of a statement matched to one of the other's: how strongly, and why."""

    strength: float
    kind: str  # same | synonym | stem | head | modifier | shared-modifier | shared-head | typo


def _read_synonyms(paths: Iterable[Path]) -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            group = {" ".join(word.split()) for word in line.split("|") if word.strip()}
            for word in group:
                sets.setdefault(word, set()).update(group - {word})
    return {word: frozenset(others) for word, others in sets.items()}


@cache
def synonym_table() -> dict[str, frozenset[str]]:
    """Word → its synonyms, from the tables in `sdi/nlp/data/` (read once per process)."""
    return _read_synonyms(DATA / name for name in SYNONYM_FILES)


def phrases(synonyms: Mapping[str, Collection[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The multi-word entries of a synonym table by their first word, longest first (for `Wordings`)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for entry in synonyms:
        words = tuple(entry.split())
        if len(words) > 1:
            found.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in found.items()}


class WordRelations:
    """Synonyms and compound splitting over one lemma lookup.

    `known(word)` says whether a lowercased word is a word of the language (the lemma table knows it);
    `lemma(word)` gives its lemma. Compound splits are remembered per word."""

    def __init__(self, known: Callable[[str], bool], lemma: Callable[[str], str],
                 synonyms: Mapping[str, frozenset[str]] | None = None) -> None:  # fmt: skip
        self._known = known
        self._lemma = lemma
        self.synonyms = synonym_table() if synonyms is None else synonyms
        self._parts: dict[str, tuple[str, str] | None] = {}

    def parts(self, term: str) -> tuple[str, str] | None:
        """(first part, head) of a compound, as lemmas, or None: `stafettpinne` → (`stafett`, `pinne`),
        `undringssamtale` → (`undring`, `samtale`), `ppt-rådgiver` → (`ppt`, `rådgiver`)."""
        if term in self._parts:
            return self._parts[term]
        found = self._split(term)
        if len(self._parts) > 200_000:
            self._parts.clear()
        self._parts[term] = found
        return found

    def _split(self, term: str) -> tuple[str, str] | None:
        if " " in term:
            return None
        if "-" in term:
            first, _, head = term.rpartition("-")
            return (first, head) if first and head else None
        if len(term) < MIN_PART + 3:
            return None
        for cut in range(3, len(term) - 2):  # longest head first
            head = term[cut:]
            if head in ENDINGS or not self._known(head):
                continue
            first = self._first_part(term[:cut])
            if first is None:
                continue
            if len(head) >= MIN_PART or (len(head) == 3 and len(first) >= MIN_LONG_FIRST):
                return first, self._lemma(head)
        return None

    def _first_part(self, text: str) -> str | None:
        """The lemma of a compound's first part, with a linking `-s-` or `-e-` taken off (`undrings`)."""
        for candidate in (text, text[:-1] if text[-1:] in ("s", "e") else ""):
            if len(candidate) >= MIN_PART and self._known(candidate):
                return self._lemma(candidate)
        return None

    def known(self, word: str) -> bool:
        return self._known(word)


@dataclass
class Vocabulary:
    """A set of terms indexed for `related`: by compound head, by first part, and by first letters."""

    relations: WordRelations
    terms: set[str] = field(default_factory=set)
    by_head: dict[str, set[str]] = field(default_factory=dict)
    by_first: dict[str, set[str]] = field(default_factory=dict)
    by_start: dict[str, set[str]] = field(default_factory=dict)
    _related: dict[str, dict[str, Link]] = field(default_factory=dict)

    def add(self, terms: Iterable[str]) -> None:
        for term in terms:
            if term in self.terms:
                continue
            self.terms.add(term)
            self._related.clear()
            self.by_start.setdefault(term[:STEM_KEY], set()).add(term)
            parts = self.relations.parts(term)
            if parts is not None:
                if _telling_first(term, parts[0]):
                    self.by_first.setdefault(parts[0], set()).add(term)
                self.by_head.setdefault(parts[1], set()).add(term)

    def related(self, term: str, typos: bool = True) -> dict[str, Link]:
        """The terms of this vocabulary that `term` may mean, each with the strongest link (itself
        included when present). Remembered per term until the vocabulary grows."""
        found = self._related.get(term)
        if found is None:
            found = self._related[term] = self._find(term, typos)
        return found

    def _find(self, term: str, typos: bool) -> dict[str, Link]:
        found: dict[str, Link] = {}

        def offer(others: Iterable[str], strength: float, kind: str) -> None:
            for other in others:
                if other in self.terms and (other not in found or found[other].strength < strength):
                    found[other] = Link(strength, kind)

        relations = self.relations
        offer(self.by_head.get(term, ()), HEAD, "head")
        offer(self.by_first.get(term, ()), MODIFIER, "modifier")
        parts = relations.parts(term)
        if parts is not None:
            first, head = parts
            if _telling_first(term, first):
                offer(self.by_first.get(first, ()), SHARED_MODIFIER, "shared-modifier")
                offer((first,), MODIFIER, "modifier")
            if len(head) >= MIN_TELLING_HEAD:
                offer(self.by_head.get(head, ()), SHARED_HEAD, "shared-head")
            offer((head,), HEAD, "head")
        if len(term) >= MIN_PART:
            offer((other for other in self.by_start.get(term[:STEM_KEY], ()) if _same_stem(term, other)),
                  STEM, "stem")  # fmt: skip
        offer(relations.synonyms.get(term, ()), SYNONYM, "synonym")
        offer((term,), SAME, "same")
        found.pop("", None)
        unknown = " " not in term and not relations.known(term)
        if typos and not found and len(term) >= MIN_TYPO_WORD and unknown:
            found.update(self._typos(term))
        return found

    def _typos(self, term: str) -> dict[str, Link]:
        from rapidfuzz import fuzz, process

        near = process.extract(term, [t for t in self.terms if abs(len(t) - len(term)) <= 2],
                               scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=3)  # fmt: skip
        return {other: Link(round(TYPO * score / 100, 3), "typo") for other, score, _ in near
                if other != term}  # fmt: skip


def _telling_first(term: str, first: str) -> bool:
    """Whether a compound's first part says enough to relate it to other compounds and to the part itself:
    `stafett-` does, `barn-` does not (`barnehage` and `barnevern` are different things). A first part
    written with a hyphen (`PPT-rådgiver`) always does."""
    return len(first) >= MIN_TELLING_FIRST or "-" in term


def _same_stem(a: str, b: str) -> bool:
    """`redd` ~ `redde`, `eier` ~ `eie`; `liggende` ~ `ligge` (present participle); `melding` ~ `melde`
    (verbal noun); `sikker` ~ `sikre`,
    `enkel` ~ `enkle`, `åpen` ~ `åpne` (the inflected adjective drops the unstressed e)."""
    short, long = sorted((a, b), key=len)
    if short == long:
        return False
    if long.startswith(short) and len(long) - len(short) <= STEM_ENDING:
        return True
    if long.endswith("nde") and long[:-2] == short:
        return True
    if long.endswith("ing") and short.endswith("e") and long[:-3] == short[:-1] and len(short) >= MIN_PART:
        return True  # the verbal noun: `melding` ~ `melde`, `kartlegging` ~ `kartlegge`
    return _syncope(long) == short or _syncope(short) == long


def _syncope(word: str) -> str:
    """`sikker` → `sikre`, `enkel` → `enkle`, `åpen` → `åpne`; other words unchanged."""
    if len(word) >= 5 and word[-2:] in ("er", "el", "en"):
        stem = word[:-2]
        if len(stem) >= 2 and stem[-1] == stem[-2]:
            stem = stem[:-1]
        return stem + word[-1] + "e"
    return word
