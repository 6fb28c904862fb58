"""Lemmas from a tagging model and the lookup table together: the model's part of speech chooses.

A model trained on 243,000 treebank words knows their lemmas in context but guesses on words it never saw;
Norsk Ordbank (`sdi.nlp.pos_readings`) lists 585,000 forms but cannot tell `landet` the noun (`land`) from
`landet` the verb (`lande`). Together, for a word tagged as a noun, verb, adjective or adverb:

1. the model's lemma when the table lists it as a reading of the word for that part of speech, or knows
   it as a lemma of that part of speech in its own right (`nytt` → `ny`, where the table's only
   adjective reading is a slip);
2. otherwise the table's reading for that part of speech (the model misspelt a lemma it never saw:
   `barnehagelærerne` → `barnehagelærer`), the most plausible first when there are several;
3. otherwise, when the table has no reading for that part of speech, the model's own lemma — except for a
   noun whose model lemma is no word the table knows, where the lookup lemmatiser's compound rule is
   surer (`stafettholder` → `stafettholder` by its head `holder`, where the model wrote `stafettholde`).

Closed-class words, names, numbers and punctuation keep the model's lemma; dialect and Nynorsk forms of
speech (`ikkje`, `eg`) take their Bokmål lemma from our lexicon. Pure: called by the lemma component
(`sdi.nlp.lemmatizer`) with the tables it holds.
"""

from __future__ import annotations

from collections.abc import Callable

from sdi.nlp.lemma_table import NOUN_ENDINGS
from sdi.nlp.lexicon import DIALECT, PREFERRED
from sdi.nlp.pos_readings import UPOS_CODES, Readings

_RANK = {lemma: index for index, lemma in enumerate(PREFERRED)}
KEEP_MODEL = frozenset({"PROPN", "PUNCT", "NUM", "SYM", "X"})


def candidates(readings: Readings, lower: str, upos: str) -> tuple[str, ...]:
    """The table's lemmas of `lower` as `upos`; for nouns also the regular noun readings the packaged
    table lost where two nouns share a form (`saken`: `sak` besides `sake`)."""
    found = readings.get(lower, upos)
    if upos != "NOUN":
        return found
    extra = []
    for ending, replacement, lemma_endings in NOUN_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 2:
            stem = lower[: len(lower) - len(ending)] + replacement
            if stem not in found and stem.endswith(lemma_endings) and stem in readings.get(stem, "NOUN"):
                extra.append(stem)
    return (*found, *extra) if extra else found


def is_lemma(readings: Readings, lemma: str, upos: str) -> bool:
    """Whether the table lists `lemma` as a lemma (its own base form) for `upos`."""
    return lemma in readings.get(lemma.lower(), upos)


def pick(lower: str, found: tuple[str, ...]) -> str:
    """One of several readings: a preferred (frequent) lemma, the word itself, then the shortest."""
    ranked = [lemma for lemma in found if lemma.lower() in _RANK]
    if ranked:
        return min(ranked, key=lambda lemma: _RANK[lemma.lower()])
    return min(found, key=lambda lemma: (lemma != lower, len(lemma), lemma))


def known_word(readings: Readings, lemma: str) -> bool:
    """Whether the table lists `lemma` as a lemma of any part of speech."""
    return any(lemma in lemmas for lemmas in readings.all(lemma.lower()).values())


def tagged_lemma(
    text: str,
    upos: str,
    model_lemma: str,
    readings: Readings,
    guess: Callable[[str], str | None] = lambda lower: None,
) -> str | None:
    """The lemma of a word the model tagged `upos` and lemmatised `model_lemma` (may be empty), or None
    when neither the model nor the table has one (the caller's lookup lemmatiser decides then). `guess` is
    the lookup lemmatiser's rule for words no list has (compounds, regular endings)."""
    lower = text.lower()
    dialect = DIALECT.get(lower)
    if dialect is not None:
        return dialect
    if upos in KEEP_MODEL or upos not in UPOS_CODES:
        return model_lemma or None
    found = candidates(readings, lower, upos)
    if not found:
        if upos == "NOUN" and not (model_lemma and known_word(readings, model_lemma)):
            return guess(lower) or model_lemma or None
        return model_lemma or None
    if model_lemma and (model_lemma in found or is_lemma(readings, model_lemma, upos)):
        return model_lemma
    if len(found) == 1:
        return found[0]
    return pick(lower, found)
