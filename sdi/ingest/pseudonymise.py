"""Replace real names and places with pseudonyms before anything is stored.

Applied to each turn's text before offsets and cues are computed, so every offset the store keeps
refers to the pseudonymised text and no real name can leak into it. Working on the joined turn
(rather than single lines) also catches a two-word name wrapped across a line break. Names are found by
the one known-name matcher (`sdi.nlp.known_names`): in any case, with soft hyphens or zero-width
characters inside them, and in the genitive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace

from sdi.ingest.model import ParticipantInfo, TranscriptMeta
from sdi.nlp.known_names import KnownNames, fold

_SPACES = re.compile(r"\s+")


class Pseudonymiser:
    """Whole-word, case-insensitive, longest-key-first replacement of known names (see
    `sdi.nlp.known_names`).

    A genitive ending directly after a name is kept as written: with Emil → [barn], "Emils" becomes
    "[barn]s" and "EMIL'S" "[barn]'S". Of two keys that differ only in case, the one written as in the text
    wins.
    """

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self.mapping: dict[str, str] = {}
        for key, value in mapping.items():
            norm = _norm(key)
            if norm and fold(norm) != fold(value.strip()):
                self.mapping[norm] = value.strip()
        self._matcher = KnownNames(self.mapping)

    @classmethod
    def build(cls, pseudonyms: Mapping[str, str], participants: Iterable[ParticipantInfo]) -> Pseudonymiser:
        """Project-wide pseudonyms plus, from front matter, every label whose pseudonym differs.

        A participant's declaration is the more specific one, so it wins over the project list.
        """
        mapping = dict(pseudonyms)
        for person in participants:
            if person.pseudonym != person.label:
                mapping[person.label] = person.pseudonym
        return cls(mapping)

    @property
    def values(self) -> frozenset[str]:
        """The pseudonyms themselves (so cue detection can leave `[barn]` alone)."""
        return frozenset(self.mapping.values())

    def apply(self, text: str) -> str:
        if not self._matcher or not text:
            return text
        return self._matcher.replace(text, self.mapping)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) for every match in `text`, in order: `apply` as edits, so a caller
        rewriting stored text can move its own offsets (turns, cues) along with the words."""
        if not self._matcher or not text:
            return []
        return [
            (m.start, m.suffix_end, self.mapping[m.name] + m.suffix(text)) for m in self._matcher.find(text)
        ]

    def participant(self, person: ParticipantInfo) -> ParticipantInfo:
        """Stored form of a declared participant: `label` stays as written (the contract), the rest is
        pseudonymised; an unmapped default pseudonym still goes through the project list."""
        pseudonym = person.pseudonym if person.pseudonym != person.label else self.apply(person.label)
        return replace(
            person,
            pseudonym=pseudonym,
            role=self.apply(person.role),
            service=self.apply(person.service),
            attributes={key: self.apply(value) for key, value in person.attributes.items()},
        )

    def meta(self, meta: TranscriptMeta) -> TranscriptMeta:
        """Free text (title, summary) can name people and places. Group, site and category are left as
        written: they identify the group across stages, and mapping two of them to the same pseudonym
        would merge different groups."""
        title = None if meta.title is None else self.apply(meta.title)
        summary = None if meta.summary is None else self.apply(meta.summary)
        return replace(meta, title=title, summary=summary)


def _norm(key: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", key)).strip()
