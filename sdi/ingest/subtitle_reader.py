"""WebVTT and SRT transcripts, as exported by Teams, Zoom and transcription services.

Subtitle cues are a few seconds each, so consecutive cues of one speaker are merged into a single turn
before the shared turn assembly sees them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sdi.i18n import Notice
from sdi.ingest.encoding import decode_bytes, read_bytes
from sdi.ingest.frontmatter import read_sidecar
from sdi.ingest.model import IngestError, IngestOptions, ParsedTranscript, ParticipantInfo
from sdi.ingest.speakers import LabelMatcher, SourceLine
from sdi.ingest.turns import build_transcript

_TIME = r"(?:(\d{1,4}):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"  # at most 9999 hours: a number Python can add
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*)>")
_TAG = re.compile(r"</?[^>\s][^>]*>|<>")
_ASS_OVERRIDE = re.compile(r"\{\\[^}]*\}")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True, slots=True)
class _Cue:
    line: int  # the timing line
    start: float
    end: float
    speaker: str | None
    text: str


def read_subtitles(path: Path, options: IngestOptions) -> ParsedTranscript:
    """Parse cues, attribute speakers (voice tags or `Name:` prefixes), merge runs of one speaker."""
    warnings: list[str] = []
    text, encoding = decode_bytes(path, read_bytes(path, options.max_bytes), warnings)
    values = read_sidecar(path, options.max_bytes)
    declared: list[ParticipantInfo] = list(values.get("participants", ()))
    matcher = LabelMatcher(path, options, declared)
    is_vtt = path.suffix.lower() == ".vtt"
    blocks = list(_blocks(text.split("\n")))
    cues = _vtt_cues(path, blocks, matcher) if is_vtt else _srt_cues(path, blocks, matcher)
    return build_transcript(
        path,
        fmt="vtt" if is_vtt else "srt",
        encoding=encoding,
        lines=_merge(cues),
        values=values,
        options=options,
        warnings=warnings,
        matcher=matcher,
    )


def _blocks(lines: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """Blank-line separated blocks as (line number of first line, lines)."""
    block: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if not block:
                first = number
            block.append(line.rstrip())
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def _vtt_cues(path: Path, blocks: list[tuple[int, list[str]]], matcher: LabelMatcher) -> list[_Cue]:
    if not blocks or not blocks[0][1][0].lstrip("\ufeff").startswith("WEBVTT"):
        raise IngestError(path, Notice("ingest.sub.not_vtt"), blocks[0][0] if blocks else 1)
    cues: list[_Cue] = []
    header_first, header = blocks[0]
    # A header without a blank line before the first cue is common in hand-edited files.
    rest = [(header_first + 1, header[1:])] if len(header) > 1 and "-->" in "".join(header[1:3]) else []
    for first, block in [*rest, *blocks[1:]]:
        if block[0].split(maxsplit=1)[0] in _SKIPPED_BLOCKS:
            continue
        timing = 0 if "-->" in block[0] else 1
        cues.extend(_cue(path, first, block, timing, matcher, vtt=True))
    return cues


def _srt_cues(path: Path, blocks: list[tuple[int, list[str]]], matcher: LabelMatcher) -> list[_Cue]:
    cues: list[_Cue] = []
    for first, block in blocks:
        head = block[0].lstrip("\ufeff").strip()
        if "-->" in head:
            timing = 0
        elif head.isdigit():
            timing = 1
        else:
            raise IngestError(
                path, Notice("ingest.sub.cue_number", example="HH:MM:SS,mmm --> HH:MM:SS,mmm"), first
            )
        cues.extend(_cue(path, first, block, timing, matcher, vtt=False))
    return cues


def _cue(
    path: Path, first: int, block: list[str], timing: int, matcher: LabelMatcher, *, vtt: bool
) -> Iterator[_Cue]:
    """One cue block; several `<v>` voices in a cue become several segments with the same timing."""
    example = "HH:MM:SS.mmm --> HH:MM:SS.mmm" if vtt else "HH:MM:SS,mmm --> HH:MM:SS,mmm"
    line = first + timing
    if timing >= len(block):
        raise IngestError(path, Notice("ingest.sub.timing_expected", example=example), first + len(block) - 1)
    found = _TIMING.match(block[timing].strip())
    if found is None:
        raise IngestError(path, Notice("ingest.sub.malformed", example=example), line)
    start, end = _seconds(found.groups()[:4]), _seconds(found.groups()[4:])
    if start is None or end is None:
        raise IngestError(path, Notice("ingest.sub.below_60", example=example), line)
    if end < start:
        raise IngestError(path, Notice("ingest.sub.ends_before"), line)
    raw = " ".join(part.strip() for part in block[timing + 1 :])
    for speaker, text in _segments(raw, matcher, line):
        if text:
            yield _Cue(line, start, end, speaker, text)


def _segments(raw: str, matcher: LabelMatcher, line: int) -> Iterator[tuple[str | None, str]]:
    voices = list(_VOICE.finditer(raw))
    if not voices:
        text = _plain(raw)
        hit = matcher.match(text, line)
        yield (hit.label, hit.text) if hit else (None, text)
        return
    if voices[0].start() > 0:
        yield None, _plain(raw[: voices[0].start()])
    for index, voice in enumerate(voices):
        stop = voices[index + 1].start() if index + 1 < len(voices) else len(raw)
        speaker = " ".join(html.unescape(voice.group(1)).split()) or None
        yield speaker, _plain(raw[voice.end() : stop])


def _plain(text: str) -> str:
    """Remove formatting tags (<i>, <c.x>, <00:00:01.000>, {\\an8}) and decode HTML entities."""
    text = _ASS_OVERRIDE.sub("", _TAG.sub("", text))
    return " ".join(html.unescape(text).split())


def _seconds(parts: Sequence[str | None]) -> float | None:
    hours, minutes, seconds, millis = parts
    if int(minutes or 0) >= 60 or int(seconds or 0) >= 60:
        return None
    fraction = int((millis or "0").ljust(3, "0")) / 1000
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds or 0) + fraction


def _merge(cues: Sequence[_Cue]) -> Iterator[SourceLine]:
    """Runs of one speaker (and unattributed cues after a speaker) become one source line each."""
    speaker: str | None = None
    run: list[_Cue] = []
    for cue in cues:
        if run and (cue.speaker is None or cue.speaker == speaker):
            run.append(cue)
            continue
        if run:
            yield _joined(speaker, run)
        speaker, run = cue.speaker, [cue]
    if run:
        yield _joined(speaker, run)


def _joined(speaker: str | None, run: Sequence[_Cue]) -> SourceLine:
    return SourceLine(
        run[0].line,
        " ".join(cue.text for cue in run),
        label=speaker,
        time_start=run[0].start,
        time_end=run[-1].end,
    )
