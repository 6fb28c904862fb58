"""Turns for transcripts that come from a REFI-QDA file, and what happens when a source is a transcript the
project already has but with other words. Called by `refi_import` inside its transaction.

- A source whose text is an *older* version of the transcript (a colleague exported before our last
  re-import): the transcript stays as it is; the file's new codings are re-anchored forward from that text
  to the current one (`forward`), flagged where their words changed or vanished.
- Any other text is a *new version*: it goes through the same path as a changed corpus file
  (`corpus_import.new_version`): the old text is kept, every coding follows its words, and the turns are
  rebuilt — speakers from the file's cases when it names them, else the old turns re-anchored."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping

from sqlalchemy.orm import Session

from sdi.ingest.refi import RefiSource
from sdi.ingest.turns import cue_spans
from sdi.nlp.tokens import count_words
from sdi.storage.models import Document, Participant, Utterance
from sdi.workflow.anchor import anchor_for, reanchor
from sdi.workflow.project import Project
from sdi.workflow.transcript_version import new_version

_LINE = re.compile(r"\S(?:[^\n]*\S)?")
Span = tuple[int, int, Participant | None]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def spoken(source: RefiSource, speaker_of: Mapping[str, Participant]) -> list[Span]:
    """The selections the file's cases point at: each a speaker's turn (overlaps after the first dropped)."""
    spans: list[Span] = []
    cursor = 0
    for selection in sorted(source.selections, key=lambda s: (s.start, -s.end)):
        person = speaker_of.get(selection.guid)
        if person is not None and selection.start >= cursor:
            spans.append((selection.start, selection.end, person))
            cursor = selection.end
    return spans


def turns(text: str, speakers: list[Span], skip: Collection[str] = ()) -> list[Utterance]:
    """Speakers' turns, each other non-blank line as an unattributed turn; non-speech cues found in each
    turn by the rule every format follows (`sdi.ingest.turns.cue_spans`), pseudonyms (`skip`) left alone."""
    spans: list[Span] = []
    cursor = 0
    for start, end, person in speakers:
        spans += [(m.start(), m.end(), None) for m in _LINE.finditer(text, cursor, start)]
        spans.append((start, end, person))
        cursor = end
    spans += [(m.start(), m.end(), None) for m in _LINE.finditer(text, cursor)]
    made = []
    for seq, (start, end, person) in enumerate(spans, start=1):
        cues = cue_spans(text[start:end], skip)
        made.append(Utterance(
            seq=seq, participant_id=person.id if person else None, start=start, end=end,
            speaker=person.pseudonym if person else "", is_moderator=bool(person and person.is_moderator),
            line=text.count("\n", 0, start) + 1, word_count=count_words(text[start:end], cues),
            cues=[[a + start, b + start] for a, b in cues],
        ))  # fmt: skip
    return made


def respoken(document: Document, text: str) -> list[Span]:
    """The transcript's attributed turns, moved to the same words in `text` (edited words included);
    a turn whose words are gone, or that would overlap the one before, loses its speaker."""
    old = [u for u in document.utterances if u.participant is not None]
    anchors = [anchor_for(document.text, u.start, u.end) for u in old]
    places = reanchor(document.text, text, anchors)
    spans: list[Span] = []
    for turn, place in sorted(zip(old, places, strict=True), key=lambda pair: pair[1].start):
        if (
            place.end > place.start
            and place.status != "orphaned"
            and (not spans or place.start >= spans[-1][1])
        ):
            spans.append((place.start, place.end, turn.participant))
    return spans


def version(
    project: Project,
    session: Session,
    document: Document,
    source: RefiSource,
    speaker_of: Mapping[str, Participant],
    skip: Collection[str] = (),
) -> int:
    """The source's text as a new version of `document`; the number of codings flagged."""
    speakers = spoken(source, speaker_of) or respoken(document, source.text)
    made = turns(source.text, speakers, skip)
    flagged = new_version(project, session, document, source.text, made, sum(u.word_count for u in made))
    document.content_hash = document.source_hash = digest(source.text)
    session.flush()
    return flagged


def forward(old: str, new: str, start: int, end: int) -> tuple[int, int, str]:
    """A span of an older text in the current one: (start, end, status as `anchor.reanchor` says)."""
    place = reanchor(old, new, [anchor_for(old, start, end)])[0]
    return place.start, place.end, place.status
