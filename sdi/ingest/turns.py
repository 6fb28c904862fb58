"""Turn assembly shared by every reader: source lines in, a `ParsedTranscript` out.

Readers only know their format's layout; everything about speakers, pseudonyms, continuation lines,
cues and offsets is decided here, so all formats behave the same way.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sdi.i18n import Notice
from sdi.ingest import limits
from sdi.ingest.frontmatter import meta_from_values
from sdi.ingest.model import Cue, IngestError, IngestOptions, ParsedTranscript, ParticipantInfo, Turn
from sdi.ingest.pseudonymise import Pseudonymiser
from sdi.ingest.speakers import LabelHit, LabelMatcher, SourceLine

NO_LABELS = "ingest.no_labels"  # the catalogue's refusal of a file without speaker labels
_HEADING = re.compile(r"^#{1,6}(?:\s|$)")
_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
# Short parenthesised or bracketed asides: (ler), (pause), [utydelig], [00:13:02].
_CUE = re.compile(r"\([^()\n]{1,40}\)|\[[^\[\]\n]{1,40}\]")


def cue_spans(text: str, skip: Collection[str] = ()) -> list[tuple[int, int]]:
    """Non-speech cues in a turn's text — «(ler)», «[utydelig]» — as (start, end); pseudonyms such as
    «[barnehage]» (`skip`) are words, not cues. The one rule for every format (REFI-QDA imports too)."""
    return [found.span() for found in _CUE.finditer(text) if found.group() not in skip]


@dataclass(slots=True)
class _Draft:
    label: str | None
    line: int
    time_start: float | None
    time_end: float | None
    parts: list[str] = field(default_factory=list)
    pending_break: bool = False

    def add(self, piece: str, paragraph: bool) -> None:
        if not piece:
            return
        if self.parts:
            self.parts.append("\n" if self.pending_break or paragraph else " ")
        self.parts.append(piece)
        self.pending_break = False


def build_transcript(
    path: Path,
    *,
    fmt: str,
    encoding: str,
    lines: Iterable[SourceLine],
    values: Mapping[str, Any],
    options: IngestOptions,
    warnings: list[str],
    matcher: LabelMatcher | None = None,
) -> ParsedTranscript:
    """Find labels, join continuations, pseudonymise each turn, then compute offsets and cues."""
    declared: list[ParticipantInfo] = list(values.get("participants", ()))
    pseudo = Pseudonymiser.build(options.pseudonyms, declared)
    matcher = matcher or LabelMatcher(path, options, declared)
    drafts = _collect(lines, matcher)
    if not any(draft.label is not None for draft in drafts):
        raise IngestError(path, Notice(NO_LABELS))
    speakers = _Speakers(declared, pseudo, matcher, warnings)
    skip = pseudo.values
    pieces: list[str] = []
    turns: list[Turn] = []
    offset = 0
    for draft in drafts:
        body = pseudo.apply("".join(draft.parts)).strip()
        speaker, moderator = speakers.resolve(draft.label, draft.line)
        if speaker is not None and len(speaker) > limits.MAX_NAME:
            raise limits.too_long(
                path, Notice("ingest.the_speaker_label"), speaker, limits.MAX_NAME, draft.line
            )
        if not body:
            if speaker is not None:
                warnings.append(Notice("ingest.empty_turn", speaker=speaker, line=draft.line))
            continue
        if pieces:
            offset += 1
        start = offset
        offset += len(body)
        pieces.append(body)
        cues = tuple(Cue(start + a, start + b, body[a:b]) for a, b in cue_spans(body, skip))
        turns.append(
            Turn(
                seq=len(turns) + 1,
                speaker=speaker,
                start=start,
                end=offset,
                line=draft.line,
                time_start=draft.time_start,
                time_end=draft.time_end,
                cues=cues,
                is_moderator=moderator,
            )
        )
    if not any(turn.speaker is not None for turn in turns):
        raise IngestError(path, Notice(NO_LABELS))
    meta = pseudo.meta(meta_from_values(values))
    return ParsedTranscript(
        source=path,
        format=fmt,
        encoding=encoding,
        meta=replace(meta, participants=speakers.participants()),
        text="\n".join(pieces),
        turns=tuple(turns),
        warnings=tuple(warnings),
    )


def _collect(lines: Iterable[SourceLine], matcher: LabelMatcher) -> list[_Draft]:
    """Group source lines into draft turns: a label starts one, anything else continues the last."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for source in lines:
        text = source.text.strip()
        hit: LabelHit | None
        if source.label is not None:
            hit = LabelHit(source.label, text, source.time_start)
        elif not text or _HEADING.match(text) or _RULE.match(text):
            if current is not None:
                current.pending_break = True
            continue
        else:
            hit = matcher.match(text, source.line)
        if hit is not None:
            current = _Draft(hit.label, source.line, hit.time_start, source.time_end)
            drafts.append(current)
            current.add(hit.text, paragraph=False)
            continue
        if current is None:
            current = _Draft(None, source.line, source.time_start, source.time_end)
            drafts.append(current)
        current.add(text, paragraph=source.paragraph)
        if source.time_end is not None:
            current.time_end = source.time_end
    return drafts


class _Speakers:
    """Maps labels as written to stored speakers, and records every speaker for `meta.participants`."""

    def __init__(
        self,
        declared: list[ParticipantInfo],
        pseudo: Pseudonymiser,
        matcher: LabelMatcher,
        warnings: list[str],
    ) -> None:
        self._pseudo = pseudo
        self._matcher = matcher
        self._warnings = warnings
        self._warn_undeclared = bool(declared)
        self._declared: list[ParticipantInfo] = []
        self._by_name: dict[str, ParticipantInfo] = {}
        for person in declared:
            stored = pseudo.participant(person)
            moderator = person.is_moderator or matcher.is_moderator(person.label)
            stored = replace(stored, is_moderator=moderator)
            self._declared.append(stored)
            for name in (person.label, person.pseudonym, stored.pseudonym):
                self._by_name.setdefault(name, stored)
        self._found: dict[str, ParticipantInfo] = {}

    def resolve(self, label: str | None, line: int) -> tuple[str | None, bool]:
        if label is None:
            return None, False
        person = self._by_name.get(label) or self._found.get(label)
        if person is None:
            person = ParticipantInfo(
                label=label,
                pseudonym=self._pseudo.apply(label),
                is_moderator=self._matcher.is_moderator(label),
            )
            self._found[label] = person
            if self._warn_undeclared and not self._matcher.is_known(label):
                notice = Notice("ingest.undeclared_speaker", speaker=person.pseudonym, line=line)
                self._warnings.append(notice)
        return person.pseudonym, person.is_moderator

    def participants(self) -> tuple[ParticipantInfo, ...]:
        return (*self._declared, *self._found.values())
