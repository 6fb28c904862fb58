"""Recognising speaker labels at the start of a line.

Transcribers write labels in many ways (`Kari:`, `[Kari]`, `**Kari:**`, `00:12:30 Kari:`, `Kari
(00:12:30):`), while ordinary Norwegian sentences also contain colons. The rule that separates them:
a label is declared, a configured moderator label, or 1–4 capitalised words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sdi.i18n import Notice
from sdi.ingest import limits
from sdi.ingest.model import IngestError, IngestOptions, ParticipantInfo

TIMESTAMP = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TIMESTAMP_PREFIX = re.compile(
    rf"^(?:\[(?P<a>{TIMESTAMP})\]|\((?P<b>{TIMESTAMP})\)|(?P<c>{TIMESTAMP}))(?:\s*[-–—]\s*|\s+|$)"
)
_TIMESTAMP_ANYWHERE = re.compile(TIMESTAMP)
_BOLD = re.compile(
    r"^(?:\*\*|__)(?P<label>[^*_:]{1,60}?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*(?P<text>.*)$", re.S
)
_BRACKET = re.compile(r"^\[(?P<label>[^\[\]:]{1,60})\]\s*:?\s*(?P<text>.*)$", re.S)
_PLAIN = re.compile(
    rf"^(?P<label>[^:\[\]()*]{{1,60}}?)\s*(?:[\[(](?P<ts>{TIMESTAMP})[\])]\s*)?:(?P<sp>\s*)(?P<text>.*)$",
    re.S,
)
_WORD_CHARS = frozenset(".-'’")
_MAX_GENERIC_LEN = 40
# Transcriber annotations that look like `[Latter]` or `Pause:` but are never speakers.
CUE_WORDS = frozenset(
    (
        "ler", "latter", "alle ler", "pause", "utydelig", "uhørbart", "uhørlig", "uklart", "uklar",
        "uforståelig", "avbrutt", "avbrytelse", "stillhet", "stille", "hoster", "hosting", "kremter",
        "kremt", "sukker", "sukk", "gråter", "samtidig", "flere snakker samtidig", "snakker samtidig",
        "støy", "bakgrunnsstøy", "musikk", "applaus", "telefon", "navn", "sted", "anonymisert",
        "utelatt", "sensurert", "opptak slutt", "slutt", "crosstalk", "inaudible", "unclear",
        "laughter", "laughs", "silence", "music", "noise", "applause", "coughs", "sighs",
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line as a reader saw it, before speakers and turns are worked out.

    `label` is set when the reader already knows the speaker from the layout (a bold first run, a
    table cell, a VTT voice tag); otherwise the text itself is searched for a label.
    """

    line: int
    text: str
    label: str | None = None
    time_start: float | None = None
    time_end: float | None = None
    paragraph: bool = False  # a continuation starts a new paragraph ("\n") rather than a wrapped line


@dataclass(frozen=True, slots=True)
class LabelHit:
    label: str
    text: str
    time_start: float | None = None


def parse_timestamp(text: str) -> float | None:
    """Seconds from `hh:mm:ss`, `mm:ss` or either with a `.mmm`/`,mmm` fraction, found anywhere in `text`."""
    match = _TIMESTAMP_ANYWHERE.search(text)
    if match is None:
        return None
    parts = match.group().split(":")
    seconds = float(parts[-1].replace(",", "."))
    for unit, part in zip((60, 3600), reversed(parts[:-1]), strict=False):
        seconds += unit * int(part)
    return seconds


class LabelMatcher:
    """Decides whether a line starts with a speaker label, given the options and declared speakers."""

    def __init__(
        self, path: Path, options: IngestOptions, participants: Iterable[ParticipantInfo] = ()
    ) -> None:
        self.declared: frozenset[str] = frozenset(
            name for person in participants for name in (person.label, person.pseudonym)
        )
        self.moderator_labels = frozenset(options.moderator_labels)
        self._moderators_folded = frozenset(label.casefold() for label in options.moderator_labels)
        self.path = path
        self._custom: list[Any] = []  # regex.Pattern: run with a time limit, unlike re's
        for pattern in options.speaker_patterns:
            compiled = compile_pattern(pattern)
            if isinstance(compiled, str):
                raise IngestError(
                    path, Notice("ingest.speakers.invalid", pattern=repr(pattern), reason=compiled)
                )
            if "label" not in compiled.groupindex:
                raise IngestError(path, Notice("ingest.speakers.no_label", pattern=repr(pattern)))
            self._custom.append(compiled)

    def is_moderator(self, label: str) -> bool:
        return label.casefold() in self._moderators_folded

    def is_known(self, label: str) -> bool:
        return label in self.declared or label in self.moderator_labels

    def is_label(self, candidate: str) -> bool:
        label = " ".join(candidate.split())
        return bool(label) and (self.is_known(label) or looks_like_label(label))

    def match(self, line: str, number: int | None = None) -> LabelHit | None:
        """The label at the start of `line` (line `number` of the file) with the rest of the line, or None
        for a continuation. A speaker pattern from sdi.toml that runs away on the line refuses the file."""
        text = line.strip()
        if not text:
            return None
        for custom in self._custom:
            try:
                found = custom.match(text, timeout=limits.PATTERN_SECONDS)
            except TimeoutError:
                raise limits.refusal(self.path, "pattern_slow", number, pattern=repr(custom.pattern),
                                     seconds=limits.PATTERN_SECONDS) from None  # fmt: skip
            if found and found.group("label") and found.group("label").strip():
                rest = found.groupdict().get("text")
                rest = text[found.end() :] if rest is None else rest
                return LabelHit(" ".join(found.group("label").split()), rest.strip())
        stamp: float | None = None
        prefix = _TIMESTAMP_PREFIX.match(text)
        if prefix:
            stamp = parse_timestamp(prefix.group("a") or prefix.group("b") or prefix.group("c"))
            text = text[prefix.end() :]
        hit = self._label_forms(text)
        if hit is None:
            return None
        if stamp is not None and hit.time_start is None:
            return LabelHit(hit.label, hit.text, stamp)
        return hit

    def _label_forms(self, text: str) -> LabelHit | None:
        for pattern in (_BOLD, _BRACKET):
            found = pattern.match(text)
            if found and self.is_label(found.group("label")):
                return LabelHit(" ".join(found.group("label").split()), found.group("text").strip())
        found = _PLAIN.match(text)
        if not found:
            return None
        label = " ".join(found.group("label").split())
        rest = found.group("text").strip()
        spaced = bool(found.group("sp")) or not rest
        if not label or not (self.is_known(label) or (spaced and looks_like_label(label))):
            return None
        stamp = parse_timestamp(found.group("ts")) if found.group("ts") else None
        return LabelHit(label, rest, stamp)


def compile_pattern(pattern: str) -> Any:
    """A speaker pattern compiled for `regex` (which takes a time limit) with `re`'s syntax, or the
    reason it does not compile."""
    import regex

    try:
        return regex.compile(pattern, regex.VERSION0)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        return str(exc) or type(exc).__name__


# What a runaway pattern is tried on before an import: runs of one kind of character (and of the pattern's
# own literal characters), ending in one that matches nothing the run did.
_PROBE_RUNS = ("a", "A", "1", " ", "Aa", "a ", "Aa ", "aA1", ".", "-", "_", "æ", "\t", ":", "*", "(", "[")
_PROBE_ENDS = ("", "!", "\x00", "\n")
PROBE_LENGTH = 48


def runaway_pattern(patterns: Iterable[str]) -> str | None:
    """The first speaker pattern that takes more than `limits.PATTERN_SECONDS` on a probe line of
    `PROBE_LENGTH` characters — catastrophic backtracking, which a transcript line would set off."""
    for pattern in patterns:
        compiled = compile_pattern(pattern)
        if isinstance(compiled, str):
            continue
        literals = {ch for ch in pattern if ch.isprintable() and ch not in "\\^$.|?*+()[]{}"}
        for run in (*_PROBE_RUNS, *sorted(literals)):
            for end in _PROBE_ENDS:
                probe = (run * PROBE_LENGTH)[:PROBE_LENGTH] + end
                try:
                    compiled.match(probe, timeout=limits.PATTERN_SECONDS)
                except TimeoutError:
                    return pattern
    return None


def looks_like_label(label: str) -> bool:
    """1–4 words, each starting with a capital or digit, with at least one letter: `FB1`, `Speaker 1`.

    Lowercase words rule out sentences such as "Det er sånn: …" or "Kari sa: ja".
    """
    words = label.split()
    if not 1 <= len(words) <= 4 or len(label) > _MAX_GENERIC_LEN:
        return False
    if not any(ch.isalpha() for ch in label) or label.casefold() in CUE_WORDS:
        return False
    for word in words:
        if not (word[0].isupper() or word[0].isdigit()):
            return False
        if not all(ch.isalnum() or ch in _WORD_CHARS for ch in word):
            return False
    return True
