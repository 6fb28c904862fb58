"""The closeness check on a new code: signs that a code was written from the desk, not from the data.

SDI asks for empirically close codes — short statements in the informants' own words. Three signs say a
code may not be one, and each is only a suggestion (the researcher decides):

- a bare topic label: one or two words, or — where the pipeline tags parts of speech — no verb;
- no content lemma shared with the passage it codes;
- made only of words from the interview guide or the model being evaluated (the words the researcher
  brought to the field, not those the informants used).

Pure functions over the pipeline's plain `Token`s and lemma sets; the workflow fetches the passage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from sdi.nlp.pipeline import Token

MAX_LABEL_WORDS = 2
VERB_TAGS = frozenset({"VERB", "AUX"})
MIN_PART = 4  # a compound part shorter than this (`bar`, `tid`) matches by accident

WarningKind = Literal["topic_label", "no_verb", "not_in_passage", "only_guide_words"]


@dataclass(frozen=True)
class ClosenessWarning:
    """One sign; `words` are the code's words it is about (for `only_guide_words`)."""

    kind: WarningKind
    words: tuple[str, ...] = ()


def content_lemmas(tokens: Iterable[Token]) -> list[str]:
    """Lowercased lemmas of the content words, in order (stop words, punctuation and numbers dropped)."""
    return [
        t.lemma.lower()
        for t in tokens
        if not t.is_stop and not t.is_punct and any(ch.isalpha() for ch in t.lemma)
    ]


def words(tokens: Iterable[Token]) -> list[Token]:
    """The tokens that are words (letters in them), stop words included."""
    return [t for t in tokens if not t.is_punct and any(ch.isalpha() for ch in t.text)]


def related(lemma: str, others: Iterable[str]) -> bool:
    """`lemma` is among `others`, or one is a compound of the other (`stafettlogg` ~ `logg`)."""
    for other in others:
        if lemma == other:
            return True
        short, long = sorted((lemma, other), key=len)
        if len(short) >= MIN_PART and (long.endswith(short) or long.startswith(short)):
            return True
    return False


def topic_label(tokens: Sequence[Token], has_pos: bool) -> ClosenessWarning | None:
    """One or two words; or, when parts of speech are known, a phrase without a verb."""
    found = words(tokens)
    if not found:
        return None
    if len(found) <= MAX_LABEL_WORDS:
        return ClosenessWarning("topic_label")
    if has_pos and not any(t.pos in VERB_TAGS for t in found):
        return ClosenessWarning("no_verb")
    return None


def not_in_passage(tokens: Sequence[Token], passage: set[str]) -> ClosenessWarning | None:
    """No content lemma of the code in the passage (compounds counted both ways). A code of small words
    only (`og så går det ikke over`) has nothing to compare: that sign is for the topic label check."""
    lemmas = content_lemmas(tokens)
    if not lemmas or not passage:
        return None
    if any(related(lemma, passage) for lemma in lemmas):
        return None
    return ClosenessWarning("not_in_passage")


def only_guide_words(tokens: Sequence[Token], guide: set[str]) -> ClosenessWarning | None:
    """Every content lemma of the code comes from the interview guide or the model's own terms."""
    lemmas = list(dict.fromkeys(content_lemmas(tokens)))
    if not lemmas or not guide or not all(lemma in guide for lemma in lemmas):
        return None
    return ClosenessWarning("only_guide_words", tuple(lemmas))


def check_closeness(
    tokens: Sequence[Token], passage: set[str], guide: set[str], *, has_pos: bool
) -> list[ClosenessWarning]:
    """Every sign that applies to a code made of `tokens`, coding a passage whose content lemmas are
    `passage`, in a study whose guide and model terms have the content lemmas `guide`."""
    checks = (topic_label(tokens, has_pos), not_in_passage(tokens, passage), only_guide_words(tokens, guide))
    return [warning for warning in checks if warning is not None]
