"""Tidying a model's named entities before sdi uses them: no sentence-initial common word inside a name.

A news-trained recogniser reads a capitalised word at the start of a sentence as the start of the name that
follows («Leste Karl Marx», «Dødssyke Hannah»); a replacement of such an entity would swallow that word.
The component `sdi_entities` (added after the recogniser by `sdi.nlp.pipeline`) drops a leading word of an
entity when it starts the sentence and the lookup table knows it as a common word, and drops entities of one
character. spaCy is imported only by `register_component`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sdi.nlp.lemma_table import lemma_table

COMPONENT = "sdi_entities"


def trimmed(
    words: list[tuple[str, bool, str]], is_common: Callable[[str], bool]
) -> tuple[int, int] | None:
    """How many words to drop at the front of an entity of `words` (text, starts a sentence, part of
    speech), as (dropped, kept); None when nothing of it is a name. A leading word goes when it starts the
    sentence, is a common word and was not tagged a proper noun («Leste Karl Marx»; not «Per Olav»)."""
    dropped = 0
    while len(words) - dropped > 1:
        text, starts, pos = words[dropped]
        if not (starts and pos not in ("PROPN", "") and is_common(text)):
            break
        dropped += 1
    kept = len(words) - dropped
    if kept == 1 and len(words[dropped][0]) < 2:
        return None
    return dropped, kept


def register_component() -> None:
    """Register the `sdi_entities` spaCy factory; called when a pipeline is built, never at import."""
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.factory(COMPONENT, default_config={"cache_dir": ""})
    def make_component(nlp: Any, name: str, cache_dir: str) -> EntityCleanup:
        table = lemma_table(Path(cache_dir) if cache_dir else None)

        def is_common(word: str) -> bool:
            lemma = table.get(word.lower())
            return lemma is not None and lemma[:1].islower()

        return EntityCleanup(is_common)


class EntityCleanup:
    def __init__(self, is_common: Callable[[str], bool]) -> None:
        self.is_common = is_common

    def __call__(self, doc: Any) -> Any:
        if not doc.ents:
            return doc
        from spacy.tokens import Span

        kept = []
        changed = False
        for entity in doc.ents:
            words = [(t.text, bool(t.is_sent_start) or t.i == 0, t.pos_) for t in entity]
            cut = trimmed(words, self.is_common)
            if cut is None:
                changed = True
                continue
            dropped, _ = cut
            if dropped:
                changed = True
                entity = Span(doc, entity.start + dropped, entity.end, label=entity.label)
            kept.append(entity)
        if changed:
            doc.ents = kept
        return doc
