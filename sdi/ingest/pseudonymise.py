"""Replace real names and places with pseudonyms before anything is stored.

Applied to each turn's text before offsets and cues are computed, so every offset the store keeps
refers to the pseudonymised text and no real name can leak into it. Working on the joined turn
(rather than single lines) also catches a two-word name wrapped across a line break.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace

from sdi.ingest.model import ParticipantInfo, TranscriptMeta

# Words inside a multi-word key may be separated by any run of whitespace, including a line wrap.
_GAP = r"\s+"
_SPACES = re.compile(r"\s+")


class Pseudonymiser:
    """Whole-word, case-sensitive, longest-key-first replacement with one compiled regex.

    A genitive `s` directly after a name is kept: with Emil → [barn], "Emils" becomes "[barn]s".
    """

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self.mapping: dict[str, str] = {}
        for key, value in mapping.items():
            norm = _norm(key)
            if norm and norm != value.strip():
                self.mapping[norm] = value.strip()
        self._pattern: re.Pattern[str] | None = None
        if self.mapping:
            keys = sorted(self.mapping, key=lambda k: (-len(k), k))
            alternation = "|".join(_GAP.join(re.escape(word) for word in key.split(" ")) for key in keys)
            self._pattern = re.compile(rf"(?<!\w)(?P<key>{alternation})(?P<gen>s?)(?!\w)")

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
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(self._replace, text)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) for every match in `text`, in order: `apply` as edits, so a caller
        rewriting stored text can move its own offsets (turns, cues) along with the words."""
        if self._pattern is None or not text:
            return []
        return [(m.start(), m.end(), self._replace(m)) for m in self._pattern.finditer(text)]

    def _replace(self, match: re.Match[str]) -> str:
        return self.mapping[_SPACES.sub(" ", match.group("key"))] + match.group("gen")

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
