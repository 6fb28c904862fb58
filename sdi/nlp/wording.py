"""A statement or sentence as the similarity engine reads it: the lemma of every word, which lemmas carry
content, and whether the statement is negated.

Built without spaCy — a word pattern and the lookup lemmatiser (`sdi.nlp.lemmatizer`, which already maps
spoken and dialect forms: `ikkje` → `ikke`, `eg` → `jeg`) — so it is cheap enough for every keystroke in
the code picker and for the hundreds of candidate turns of a fuzzy search. Every side of a comparison goes
through the same `Wordings`, so the lemmas agree with each other whichever pipeline indexed the corpus.

Function words are closed-class words (pronouns, determiners, prepositions, conjunctions, auxiliaries and
modal verbs, discourse particles) and the fillers of transcribed speech: they say little about *what* a
statement says and get almost no weight. Content words that are merely frequent (`tro`, `ta`, `gå`) stay
content words; their weight comes from how common they are in the project (`sdi.nlp.similarity`).
Negation (`ikke`, `aldri`, `ingen`, …) is a function word too, but is kept as the statement's polarity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sdi.nlp.lexicon import words

# Letters, with inner hyphens and apostrophes (`PPT-rådgiveren`, `ka'kke`); digits on their own are no words.
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W_]+)*")
MEMO_LIMIT = 100_000

# Closed-class words and fillers, as lemmas of the lookup lemmatiser (dialect forms arrive mapped).
FUNCTION_WORDS: frozenset[str] = frozenset(
    words(
        """
        å jeg du han hun den det vi dere de seg man meg deg ham henne oss dem hverandre
        en ei et ett denne dette disse min mi mitt mine din di ditt dine sin sitt sine vår vårt våre
        hans hennes deres dens dets all alle alt noen noe hver hvert annen annet andre samme egen eget egne
        slik slikt slike sånn sånt sånne selv hvilken hvilket hvilke hva hvem hvor hvordan hvorfor
        i på til med av fra for om hos ved mot etter før over under mellom gjennom uten rundt blant langs
        innen bak foran forbi utenfor innenfor ovenfor inn ut opp ned bort fram frem hit dit oppå nedi oppi
        borti utpå innpå bortpå nedpå attmed
        og eller men så at som når da fordi hvis dersom enn mens både enten om siden ettersom
        jo vel nok bare også òg kanskje alltid nå her der litt mye mer mest ganske veldig helt altså
        liksom egentlig faktisk sikkert nettopp akkurat igjen enda ennå fortsatt allerede heller
        visst vist derfor likevel dessuten ellers bl.a. f.eks. osv. dvs. ca. typ
        være ha bli kunne skulle ville måtte burde gjøre få
        ja nei jaja okei ok eh ehm eeh ehh øh øhm hm hmm mm mmm mhm åh ah aha oi
        ler pause utydelig
        """
    )
)
# Words that turn a statement into its opposite; part of FUNCTION_WORDS where they are lemmas too.
NEGATIONS: frozenset[str] = frozenset(words("ikke aldri ingen ingenting intet verken hverken uten"))
FUNCTION_AND_NEGATION = FUNCTION_WORDS | NEGATIONS
NEGATING_PREFIX = "u"  # `uoppdatert` = not updated: read as `oppdatert`, negated
MIN_NEGATED = 5  # letters after the prefix
# Stress and loan-word accents (`én`, `òg`, `idé`) are spelling, not different words; æ, ø and å stay.
ACCENTS = str.maketrans("éèêëóòôáàâíìîúùû", "eeeeoooaaaiiiuuu")


@dataclass(frozen=True, slots=True)
class Wording:
    """One statement, read: `lemmas` of every word in order, `content` the distinct content lemmas (in
    order of first use), `forms` the lowercased words (parallel to `lemmas`)."""

    text: str
    lemmas: tuple[str, ...]
    forms: tuple[str, ...]
    content: tuple[str, ...]
    negated: bool
    function_words: frozenset[str] = frozenset()


class Wordings:
    """Text → `Wording`, remembered per text (statements are read again and again while a code is typed).

    `lemmatize` maps one lowercased word to its lemma; `phrases` maps a first lemma to the multi-word
    expressions starting with it (`i lag`, `kalle inn`), each read as one content term — only those with at
    most one content word, so that no content word is hidden from a plain match. `known` says whether a
    word is in the lexicon: an unknown `u`-word whose rest is known is read as the rest, negated."""

    def __init__(self, lemmatize: Callable[[str], str],
                 phrases: dict[str, tuple[tuple[str, ...], ...]] | None = None,
                 known: Callable[[str], bool] | None = None) -> None:  # fmt: skip
        self._lemmatize = lemmatize
        self._phrases = {
            first: kept
            for first, group in (phrases or {}).items()
            if (kept := tuple(p for p in group if sum(w not in FUNCTION_AND_NEGATION for w in p) <= 1))
        }
        self._known = known
        self._memo: dict[str, Wording] = {}
        self._lemmas: dict[str, str] = {}  # form → its lowercased lemma (a form recurs across statements)

    def __call__(self, text: str) -> Wording:
        found = self._memo.get(text)
        if found is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[text] = self._read(text)
        return found

    def lemma(self, word: str) -> str:
        """The lemma of one word as the engine reads it (lowercased)."""
        return self._lemmatize(word.lower()).lower()

    def _read(self, text: str) -> Wording:
        forms = tuple(match.group().lower().translate(ACCENTS) for match in WORD.finditer(text))
        # A closed-class word is its own lemma (`helt` is not a form of `hele`, nor `å` a content word).
        memo = self._lemmas
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        lemmas = [
            form if form in FUNCTION_AND_NEGATION
            else memo.get(form) or memo.setdefault(form, self._lemmatize(form).lower())
            for form in forms
        ]  # fmt: skip
        negated = any(lemma in NEGATIONS for lemma in lemmas)
        if self._known is not None:
            for position, form in enumerate(forms):
                rest = form[len(NEGATING_PREFIX) :]
                if (form.startswith(NEGATING_PREFIX) and len(rest) >= MIN_NEGATED and not self._known(form)
                        and self._known(rest)):  # fmt: skip
                    lemmas[position] = self._lemmatize(rest).lower()
                    negated = not negated
        terms = self._terms(lemmas)
        content = tuple(dict.fromkeys(t for t in terms if t not in FUNCTION_AND_NEGATION))
        function = frozenset(lemma for lemma in lemmas if lemma in FUNCTION_AND_NEGATION)
        return Wording(text, tuple(lemmas), forms, content, negated, function)

    def _terms(self, lemmas: Sequence[str]) -> list[str]:
        """The lemmas with known multi-word expressions joined into one term (`i lag` → `i lag`)."""
        if not self._phrases:
            return list(lemmas)
        terms: list[str] = []
        position = 0
        while position < len(lemmas):
            for phrase in self._phrases.get(lemmas[position], ()):
                if tuple(lemmas[position : position + len(phrase)]) == phrase:
                    terms.append(" ".join(phrase))
                    position += len(phrase)
                    break
            else:
                terms.append(lemmas[position])
                position += 1
        return terms
