"""Every lemma a word may have, from the lookup tables alone — no spaCy, no model: what a search query's words
are lemmatised with, and what the words of a hit are marked by.

The search index holds each word's lemma as the index pipeline chose it in context (a tagging model picks
one of Norsk Ordbank's readings by part of speech: `landet` is `land` or `lande`). A query word has no
context, so it stands for all of them: its own form, the lookup lemmatiser's lemma (which also covers
dialect forms and compounds the table does not list) and every reading the table gives it. A query then
matches a turn whose indexed lemma is any of those, and the index and the query agree without loading the
pipeline that made the index (half a second of spaCy for a one-word search). Called by `sdi.workflow.search`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from sdi.nlp.lemmatizer import SENTENCE_OPENERS, Lemmatizer, lemmatizer
from sdi.nlp.pos_readings import Readings, readings
from sdi.nlp.stopwords import stop_words

# A word as the tokeniser leaves it for lemmatising: letters and digits, joined by inner hyphens or
# apostrophes (`PPT-tjenesten`, `stafett-loggen`); punctuation is never a word.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
JOINERS = "-'’"  # inside a word, between word characters
MEMO_LIMIT = 200_000
MARKERS_KEPT = 64  # searches whose word decisions are kept

Span = tuple[int, int, frozenset[str]]


class WordReadings:
    """Form → every lemma it may have, memoised per (form, may a capital be grammar)."""

    def __init__(self, lemmatize: Lemmatizer, table: Readings | None, stop: frozenset[str]) -> None:
        self.lemmatize = lemmatize
        self.table = table
        self.stop = stop
        self._memo: dict[tuple[str, bool], frozenset[str]] = {}
        self._markers: dict[tuple[frozenset[str], tuple[str, ...]], Marker] = {}
        self._lock = threading.Lock()
        self.met = MetWords()

    def possible(self, word: str, sentence_start: bool = True) -> frozenset[str]:
        """The lowercased form, its lookup lemma and (for an index a tagging model made) every reading the
        table lists for it. Whether a sentence opens matters only for a word with a capital, so a lowercase
        word is looked up (and remembered) once for both."""
        key = (word, sentence_start or word.islower())
        found = self._memo.get(key)
        if found is None:
            lower = word.lower()
            made = {lower, self.lemmatize(word, sentence_start).lower()}
            if self.table is not None:
                made.update(lemma.lower() for lemmas in self.table.all(lower).values() for lemma in lemmas)
            found = frozenset(made)
            with self._lock:
                if len(self._memo) >= MEMO_LIMIT:
                    self._memo.clear()
                self._memo[key] = found
        return found

    def is_stop(self, word: str) -> bool:
        """A word that carries no content of its own (its form or its lookup lemma is a stop word)."""
        return word.lower() in self.stop or self.lemmatize(word, True).lower() in self.stop

    def query_word(self, word: str, sentence_start: bool = True) -> tuple[str, ...]:
        """The lemmas a query word matches in the index, its lookup lemma first. An index of the lookup
        lemmatiser holds that lemma only; one a tagging model made may hold any of the word's readings:
        the content readings, or all of them when every reading is a stop word (it was asked for)."""
        lemma = self.lemmatize(word, sentence_start).lower()
        if self.table is None:
            return (lemma,)
        possible = self.possible(word, sentence_start)
        content = {w for w in possible if w not in self.stop} or set(possible)
        return (lemma, *sorted(content - {lemma})) if lemma in content else tuple(sorted(content))

    def words(self, text: str) -> list[Span]:
        """The words of `text` as (start, end, every lemma the word may have); a capital after a sentence
        opener (or at the start) may be grammar, elsewhere it may be a name."""
        found: list[Span] = []
        previous_end = 0
        for match in WORD.finditer(text):
            start, end = match.span()
            gap = text[previous_end:start]
            opens = not found or any(ch in SENTENCE_OPENERS for ch in gap)
            found.append((start, end, self.possible(match.group(), opens)))
            previous_end = end
        return found

    def of_texts(self, texts: Iterable[str]) -> Iterator[list[Span]]:
        """`words` of each text, in order."""
        for text in texts:
            yield self.words(text)

    def marker(self, wanted: frozenset[str], prefixes: tuple[str, ...] = ()) -> Marker:
        """What marks the words of search hits: those that may have a lemma in `wanted`, or begin with one
        of `prefixes` (lowercase). The same search asked again reuses its marker (what it decided of each
        word cannot change within a process: the tables are read once)."""
        key = (wanted, prefixes)
        found = self._markers.get(key)
        if found is None:
            found = Marker(self, wanted, prefixes)
            with self._lock:
                if len(self._markers) >= MARKERS_KEPT:
                    self._markers.clear()
                self._markers[key] = found
        return found


class MetWords:
    """The words searches have shown so far, indexed by every lemma they may have (either way a capital is
    read) and by their first two lowercase characters: a new search finds the words it may mark among them
    without looking at each (`Marker`). Emptied, and `generation` moved on, at `MEMO_LIMIT` words."""

    def __init__(self) -> None:
        self.words: set[str] = set()
        self.order: list[tuple[str, frozenset[str]]] = []  # (word, its lemmas) as met
        self.by_lemma: dict[str, set[str]] = {}
        self.by_start: dict[str, set[str]] = {}
        self.generation = 0
        self.lock = threading.Lock()

    def meet(self, readings: WordReadings, words: set[str]) -> None:
        """Index the words of `words` not met before (all of them when the index is full and let go)."""
        new = words.difference(self.words)
        if not new:
            return
        if len(self.words) + len(new) > MEMO_LIMIT:
            with self.lock:
                self.words, self.order, self.by_lemma, self.by_start = set(), [], {}, {}
                self.generation += 1
            new = set(words)
        lemmas = [(word, readings.possible(word, True) | readings.possible(word, False)) for word in new]
        with self.lock:
            for word, its in lemmas:
                if word in self.words:  # met meanwhile in another thread
                    continue
                self.words.add(word)
                self.order.append((word, its))
                for lemma in its:
                    self.by_lemma.setdefault(lemma, set()).add(word)
                self.by_start.setdefault(word.lower()[:2], set()).add(word)


class Marker:
    """`WordReadings.words` narrowed to one search: each distinct word is decided once (most words of a
    hit are not what was asked for), and where a capital may be grammar is looked at only for the few
    capitalised words whose reading depends on it. The spans equal those of the words whose readings meet
    the wanted lemmas, or that start with a wanted prefix.

    A hit's words are listed (`WORD.findall`) only to find, among the words met so far (`MetWords`), the
    few that may be marked; only these are decided and looked for in the text, where they stand as whole
    words: no Python step per word of a hit, and a new search decides only the words it may mark."""

    def __init__(self, readings: WordReadings, wanted: frozenset[str], prefixes: tuple[str, ...]) -> None:
        self._readings = readings
        self._wanted = wanted
        self._prefixes = prefixes
        self._decided: dict[str, bool | None] = {}  # None: depends on whether a sentence opens there
        # The words met so far that may be marked (their lemmas meet the wanted ones, or they begin with
        # a prefix): a superset of those it marks, read from `MetWords` up to `_taken` of its order.
        self._maybe: set[str] = set()
        self._generation = -1
        self._taken = 0

    def _catch_up(self) -> None:
        met = self._readings.met
        if self._generation == met.generation and self._taken == len(met.order):
            return
        wanted, prefixes = self._wanted, self._prefixes
        with met.lock:
            if self._generation != met.generation:  # first use (or the words were let go): the indexes
                maybe: set[str] = set()
                for lemma in wanted:
                    maybe.update(met.by_lemma.get(lemma, ()))
                for prefix in prefixes:
                    among = met.by_start.get(prefix[:2], ()) if len(prefix) >= 2 else met.words
                    maybe.update(word for word in among if word.lower().startswith(prefix))
                self._maybe, self._generation = maybe, met.generation
            else:  # the words met since
                self._maybe.update(
                    word for word, lemmas in met.order[self._taken :]
                    if lemmas & wanted or (prefixes and word.lower().startswith(prefixes))
                )  # fmt: skip
            self._taken = len(met.order)

    def _decide(self, word: str) -> bool | None:
        wanted, possible = self._wanted, self._readings.possible
        if self._prefixes and word.lower().startswith(self._prefixes):
            found: bool | None = True
        elif word[:1].isupper() or not word.islower():
            opening, inside = bool(possible(word, True) & wanted), bool(possible(word, False) & wanted)
            found = opening if opening == inside else None
        else:
            found = bool(possible(word, True) & wanted)
        self._decided[word] = found
        return found

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """The marked words of `text`, as (start, end). Most words are decided (and not wanted) by one
        lookup; where a sentence opens is looked at only for a word whose reading depends on it."""
        decided = self._decided
        words = set(WORD.findall(text))
        met = self._readings.met
        met.meet(self._readings, words)
        self._catch_up()
        if self._generation == met.generation and words.issubset(met.words):
            present = words.intersection(self._maybe)
        else:  # another thread let the met words go meanwhile: every word of the text is decided
            present = words
        if not present:
            return ()
        marked: list[tuple[int, int]] = []
        for word in present:
            found = decided.get(word, _UNDECIDED)
            if found is _UNDECIDED:
                found = self._decide(word)
            if found is False:
                continue
            start = text.find(word)
            while start >= 0:
                end = start + len(word)
                # a word decided None: the test `words` makes (the first word, or after a sentence opener)
                if _whole(text, start, end) and (
                    found or self._readings.possible(word, _opens(text, start)) & self._wanted
                ):
                    marked.append((start, end))
                start = text.find(word, start + 1)
        if len(present) > 1:
            marked.sort()
        return tuple(marked)


_UNDECIDED = object()


def _whole(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` (a word as `WORD` reads it) stands there as one whole word, as `WORD`
    reads the text: not continued by a word character (`\\w`: alphanumeric or `_`), nor by an inner hyphen
    or apostrophe and a word character, on either side."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or before == "_":
            return False
        if before in JOINERS and start > 1 and (text[start - 2].isalnum() or text[start - 2] == "_"):
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or after == "_":
            return False
        if after in JOINERS and end + 1 < len(text) and (text[end + 1].isalnum() or text[end + 1] == "_"):
            return False
    return True


def _opens(text: str, start: int) -> bool:
    """Whether the word at `start` may open a sentence, as `WordReadings.words` decides it: it is the first
    word, or the gap since the previous word holds a sentence opener. Every word ends in a word character
    and the gap holds none, so the gap is the run of other characters just before `start`."""
    at = start
    while at > 0 and not (text[at - 1].isalnum() or text[at - 1] == "_"):  # `\w`, as the regex has it
        at -= 1
    return at == 0 or any(ch in SENTENCE_OPENERS for ch in text[at:start])


@cache
def word_readings(tagged: bool = True, cache_dir: Path | None = None) -> WordReadings:
    """One per process, kind of index and cache folder (the tables are read once; lookups are memoised).
    `tagged`: the index was made by a pipeline that tags parts of speech (its lemmas are chosen among the
    table's readings), else by the lookup lemmatiser alone."""
    return WordReadings(lemmatizer(cache_dir), readings(cache_dir) if tagged else None, stop_words())
