"""Importing transcripts into the store (SDI step 1, raw data).

Each file is parsed by `sdi.ingest`, then written in its own transaction: a bad file fails alone and leaves
the store exactly as it was. Re-importing an unchanged file writes nothing; a changed file becomes a new
version of its transcript, its old text is kept, and its codings are re-anchored to the same words."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from sdi.i18n import Notice
from sdi.ingest import SUPPORTED_SUFFIXES, read_transcript
from sdi.ingest.model import IngestError, IngestOptions, ParsedTranscript
from sdi.nlp.tokens import count_words
from sdi.storage.models import (
    Document,
    FocusGroup,
    Participant,
    Stage,
)
from sdi.workflow.bounds import check_speaker_patterns
from sdi.workflow.project import Project
from sdi.workflow.search import compact_index, index_document
from sdi.workflow.transcript_version import new_version
from sdi.workflow.turn_rows import TurnRow, write_turns

SKIPPED_NAMES = {"readme.md", "readme.txt", "license.md", "license.txt"}


@dataclass
class ImportOutcome:
    """What happened to one file."""

    path: str
    action: str  # imported | updated | metadata | unchanged | failed
    document_id: int | None = None
    version: int | None = None
    turns: int = 0
    words: int = 0
    message: str = ""
    warnings: tuple[str, ...] = ()
    flagged: int = 0  # codings whose words changed or vanished


@dataclass
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.action == "failed"]

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)


Progress = Callable[[int, int, ImportOutcome], None]


def ingest_options(project: Project) -> IngestOptions:
    config = project.config
    check_speaker_patterns(config)  # a runaway pattern is refused naming sdi.toml, before any file is read
    return IngestOptions(
        moderator_labels=config.moderator_labels,
        speaker_patterns=config.speaker_patterns,
        pseudonyms=dict(config.pseudonyms),
    )


def collect_files(project: Project, paths: Iterable[Path]) -> tuple[list[Path], list[ImportOutcome]]:
    """Expand folders to the transcripts inside them; refuse paths outside the project or missing."""
    root = project.root
    files: list[Path] = []
    problems: list[ImportOutcome] = []
    for raw in paths:
        path = (raw if raw.is_absolute() else Path.cwd() / raw).resolve()
        shown = _shown(root, path)
        if not path.is_relative_to(root):
            problems.append(
                ImportOutcome(shown, "failed", message=Notice("ingest.outside", path=shown, root=root))
            )
        elif not path.exists():
            problems.append(ImportOutcome(shown, "failed", message=Notice("ingest.no_such", path=shown)))
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and p.name.lower() not in SKIPPED_NAMES
                and not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
            for file in found:  # a link (or a linked folder) leading out of the project is refused
                target = file.resolve()
                if target.is_relative_to(root):
                    files.append(file)
                else:
                    shown = _shown(root, file)
                    outside = Notice("ingest.link_outside", path=shown, target=target, root=root)
                    problems.append(ImportOutcome(shown, "failed", message=outside))
        else:
            files.append(path)
    unique = list(dict.fromkeys(files))
    return unique, problems


def import_paths(project: Project, paths: Sequence[Path], progress: Progress | None = None) -> ImportReport:
    """Import files and folders (default: the project's corpus folder), one transaction per file."""
    files, problems = collect_files(project, paths or [project.config.corpus_dir])
    report = ImportReport()
    options = ingest_options(project)
    total = len(problems) + len(files)
    pending = [*((None, outcome) for outcome in problems), *((path, None) for path in files)]
    for index, (path, refused) in enumerate(pending, start=1):
        outcome = refused if path is None else import_file(project, path, options)
        assert outcome is not None
        report.outcomes.append(outcome)
        if progress is not None:
            progress(index, total, outcome)
    if any(o.action in ("imported", "updated") for o in report.outcomes):
        compact_index(project)
        project.store.checkpoint()
    return report


def import_file(project: Project, path: Path, options: IngestOptions | None = None) -> ImportOutcome:
    shown = _shown(project.root, path)
    try:
        parsed = read_transcript(path, options or ingest_options(project))
        with project.store.transaction() as session:
            return _store(project, session, parsed, shown)
    except IngestError as exc:
        where = f"{shown}:{exc.line}" if exc.line is not None else shown
        return ImportOutcome(
            shown, "failed", message=Notice("ingest.failed", where=where, reason=exc.message)
        )
    except _Refused as exc:
        return ImportOutcome(shown, "failed", message=Notice("ingest.failed", where=shown, reason=exc.reason))
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return ImportOutcome(
            shown, "failed", message=Notice("ingest.store_refused", path=shown, detail=detail)
        )


class _Refused(Exception):
    """Raised inside the transaction to roll it back with a message for the researcher."""

    def __init__(self, reason: Notice) -> None:
        self.reason = reason
        super().__init__(reason)


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _store(project: Project, session: Session, parsed: ParsedTranscript, shown: str) -> ImportOutcome:
    meta = parsed.meta
    source_hash = _sha256(parsed.source.read_bytes())
    content_hash = _sha256(parsed.text.encode("utf-8"))
    group_name = meta.group or parsed.source.stem
    stage_number = meta.stage or 1
    warnings = list(parsed.warnings)
    if meta.group is None:
        warnings.append(Notice("ingest.no_group", group=group_name))
    if meta.stage is None:
        warnings.append(Notice("ingest.no_stage"))

    group = session.scalar(select(FocusGroup).where(FocusGroup.name == group_name))
    if group is None:
        group = FocusGroup(name=group_name, site=meta.site or "", category=meta.category or "")
        session.add(group)
        session.flush()
    else:
        _assign(group, site=meta.site, category=meta.category)
    stage = session.scalar(select(Stage).where(Stage.group_id == group.id, Stage.number == stage_number))
    if stage is None:
        stage = Stage(group_id=group.id, number=stage_number, date=meta.date, summary=meta.summary or "")
        session.add(stage)
        session.flush()
    else:
        _assign(stage, date=meta.date, summary=meta.summary)

    document = session.scalar(select(Document).where(Document.source_path == shown))
    occupant = session.scalar(select(Document).where(Document.stage_id == stage.id))
    if occupant is not None and (document is None or occupant.id != document.id):
        raise _Refused(Notice("ingest.duplicate_stage", stage=stage_number, group=group_name,
                              transcript=occupant.source_path))  # fmt: skip
    participants = _upsert_participants(session, group, parsed)
    counts = [
        count_words(parsed.text[t.start : t.end], [(c.start - t.start, c.end - t.start) for c in t.cues])
        for t in parsed.turns
    ]
    words = sum(counts)
    utterances = _turn_rows(parsed, participants, counts)  # made as they are written, a chunk at a time
    title = meta.title or parsed.source.stem
    outcome = ImportOutcome(shown, "imported", turns=len(parsed.turns), words=words, warnings=tuple(warnings))

    if document is None:
        document = Document(
            stage_id=stage.id,
            title=title,
            source_path=shown,
            format=parsed.format,
            encoding=parsed.encoding,
            source_hash=source_hash,
            content_hash=content_hash,
            text=parsed.text,
            version=1,
            word_count=words,
        )
        session.add(document)
        session.flush()
        write_turns(session, document.id, utterances)
        index_document(project, session, document)
        project.record(
            session,
            "import",
            "document",
            document.id,
            f"importerte {shown}",
            undoable=False,
            version=1,
            turns=len(counts),
            words=words,
            format=parsed.format,
        )
    elif document.content_hash == content_hash:
        _assign(
            document,
            stage_id=stage.id,
            title=title,
            source_hash=source_hash,
            encoding=parsed.encoding,
            format=parsed.format,
        )
        changed = [obj for obj in (*session.new, *session.dirty) if session.is_modified(obj)]
        outcome.action = "metadata" if changed or session.new else "unchanged"
        index_document(project, session, document)  # turns left unindexed by an older version of sdi
        if outcome.action == "metadata":
            project.record(
                session,
                "import-metadata",
                "document",
                document.id,
                f"oppdaterte metadata for {shown}",
                undoable=False,
            )
    else:
        outcome.action = "updated"
        outcome.flagged = new_version(project, session, document, parsed.text, utterances, words)
        index_document(project, session, document)
        _assign(
            document,
            stage_id=stage.id,
            title=title,
            source_hash=source_hash,
            content_hash=content_hash,
            encoding=parsed.encoding,
            format=parsed.format,
        )
    outcome.document_id = document.id
    outcome.version = document.version
    return outcome


def _turn_rows(
    parsed: ParsedTranscript, participants: dict[str, Participant], counts: list[int]
) -> Iterator[TurnRow]:
    for turn, turn_words in zip(parsed.turns, counts, strict=True):
        speaker = participants.get(turn.speaker) if turn.speaker else None
        yield {
            "seq": turn.seq, "participant_id": speaker.id if speaker else None, "speaker": turn.speaker or "",
            "is_moderator": turn.is_moderator, "start": turn.start, "end": turn.end, "line": turn.line,
            "time_start": turn.time_start, "time_end": turn.time_end, "word_count": turn_words,
            "cues": [[c.start, c.end] for c in turn.cues],
        }  # fmt: skip


def _assign(obj: object, **values: object) -> None:
    """Set only the values the file actually gives (None means 'not stated', not 'clear it')."""
    for name, value in values.items():
        if value is not None and getattr(obj, name) != value:
            setattr(obj, name, value)


def _upsert_participants(
    session: Session, group: FocusGroup, parsed: ParsedTranscript
) -> dict[str, Participant]:
    existing = {
        p.pseudonym: p for p in session.scalars(select(Participant).where(Participant.group_id == group.id))
    }
    for info in parsed.meta.participants:
        participant = existing.get(info.pseudonym)
        if participant is None:
            participant = Participant(
                group_id=group.id,
                pseudonym=info.pseudonym,
                role=info.role,
                service=info.service,
                is_moderator=info.is_moderator,
                attributes=dict(info.attributes),
            )
            session.add(participant)
            existing[info.pseudonym] = participant
        else:
            _assign(
                participant,
                role=info.role or None,
                service=info.service or None,
                is_moderator=info.is_moderator or None,
            )
            if info.attributes and {**participant.attributes, **info.attributes} != participant.attributes:
                participant.attributes = {**participant.attributes, **info.attributes}
    session.flush()
    return existing
