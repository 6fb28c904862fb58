"""Importing a REFI-QDA file (`sdi refi import`): what `sdi.ingest.refi` read, written into the store in one
transaction. Idempotent, also across other tools: objects are matched by GUID, and what comes back with new
GUIDs is recognised (`refi_identity`: codes by name and place, description or codings; codings by span;
memos by their words), so importing a file twice — or a colleague's round trip through QualCoder — adds
only what is new. Transcripts are matched by GUID, path or identical text. A source without our metadata
joins a focus group named after the file, its stage numbered by order. The codebook part (categories and
Sets as code groups, participants' codes as turns) is `refi_codebook`, memos are `refi_notes`, our quote
sets and key quotes `refi_quotes`; a known transcript with other words is handled by `refi_versions`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.ingest import refi as qda
from sdi.ingest.refi import RefiProject, RefiSource, RefiValue, read_refi, refi_guid
from sdi.storage.models import (
    Code,
    CodeGroup,
    Coder,
    Coding,
    Document,
    FocusGroup,
    Participant,
    Stage,
)
from sdi.workflow.anchor import FLAGGED, anchor_for
from sdi.workflow.errors import WorkflowError
from sdi.workflow.exchange.refi import TEXTS, VARIABLES
from sdi.workflow.exchange.refi_codebook import CodebookPart
from sdi.workflow.exchange.refi_identity import CodingIndex
from sdi.workflow.exchange.refi_notes import NotePart
from sdi.workflow.exchange.refi_quotes import import_quotes, split_sets
from sdi.workflow.exchange.refi_versions import forward, spoken, turns, version
from sdi.workflow.project import Project
from sdi.workflow.search import index_document


@dataclass
class RefiReport:
    transcripts: int = 0  # new transcripts made from the file's sources
    matched: int = 0  # sources that were transcripts already in the project
    codes: int = 0
    groups: int = 0
    concepts: int = 0
    codings: int = 0
    memos: int = 0
    participants: int = 0
    quote_sets: int = 0
    quotes: int = 0
    key_quotes: int = 0
    versions: int = 0  # known transcripts given the file's (changed) text as a new version
    attributes: int = 0  # transcripts given an attribute by a document set
    skipped: int = 0  # objects already present (matched by GUID, path or text)
    flagged: int = 0  # codings whose words changed or vanished when re-anchored to another text
    codings_matched: int = 0  # codings with other GUIDs recognised by code and span
    memos_matched: int = 0  # notes and description memos a target already had
    notes_skipped: int = 0  # empty notes and our own markers: no memos
    recognised: Counter[str] = field(default_factory=Counter)  # codes with other GUIDs, by how
    positions: str = ""  # how the file's text positions were read
    warnings: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        counted = ("transcripts", "codes", "groups", "concepts", "codings", "memos", "participants",
                   "quote_sets", "quotes", "key_quotes", "versions", "attributes")  # fmt: skip
        return sum(getattr(self, name) for name in counted)


def import_refi_file(project: Project, path: Path, *, codebook_only: bool = False) -> RefiReport:
    """Read `path` (IngestError for a bad file) and import it in one transaction (nothing on any error);
    `codebook_only` takes only its codes, categories and Sets (`sdi codebook import X.qdpx`)."""
    data = read_refi(path)
    if codebook_only:
        data = RefiProject(data.name, data.origin, codes=data.codes,
                           sets=tuple(s for s in data.sets if s.codes))  # fmt: skip
    report = RefiReport(warnings=list(data.warnings), positions=data.positions)
    with project.store.transaction() as session:
        _Importer(project, session, data, path.stem, report).run()
    return report


def _slug(name: str) -> str:
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in name).split())[:80] or "refi"


class _Importer(CodebookPart, NotePart):
    def __init__(self, project: Project, session: Session, data: RefiProject, label: str, report: RefiReport):
        self.project, self.session, self.data, self.label, self.report = project, session, data, label, report
        self.texts = TEXTS.get(project.config.language, TEXTS["nb"])
        self.coder = project.coder_id(session)
        self.users: dict[str, int] = {}  # user GUID → coder, made when a coding or memo needs one
        self.codes: dict[str, Code] = {}
        self.new_codes: set[str] = set()
        self.variables: dict[str, str] = {}  # variable GUID → our key, or "attr:<name>"
        self.documents: dict[str, Document] = {}  # source GUID → transcript
        self.new_documents: list[tuple[Document, RefiSource]] = []
        self.changed: list[tuple[Document, RefiSource]] = []  # known transcripts, the file's text is new
        self.older: dict[str, str] = {}  # source GUID → the older text of ours it was coded on
        self.speaker_of: dict[str, Participant] = {}  # selection GUID → participant (a turn)
        self.targets: dict[str, tuple[str, Any]] = {}  # note GUID → (memo target type, object)
        self.parts = split_sets(data)  # code groups apart from quote sets; notes that are quotes
        self.groups: dict[str, CodeGroup] = {}  # category or Set GUID → code group
        self.coding_of: dict[str, Coding] = {}  # note GUID → the coding whose selection points at it
        self.code_memos: list[tuple[Code, list[str]]] = []
        self.group_memos: list[tuple[CodeGroup, list[str]]] = []
        self.coding_memos: list[tuple[Coding, str]] = []
        self.turn_notes: dict[str, tuple[Document, int, int]] = {}  # note GUID → the turn it is on
        coders = set(session.scalars(select(Coder.id)))
        self.spans = CodingIndex(session.scalars(select(Coding).where(Coding.end > Coding.start)), coders)

    def existing(self, model: Any, kind: str) -> dict[str, Any]:
        return {refi_guid(kind, row.uid): row for row in self.session.scalars(select(model))}

    def add(self, row: Any) -> Any:
        """Insert now: later rows need its id."""
        self.session.add(row)
        self.session.flush()
        return row

    def run(self) -> None:
        self.classify()
        for variable in self.data.variables:
            name = variable.name.casefold()
            key = next((k for k in VARIABLES if refi_guid("variable", k) == variable.guid), None) or next(
                (k for k, v in VARIABLES.items() if name in (v[0].casefold(), v[1].casefold())), None
            )
            self.variables[variable.guid] = key or f"attr:{variable.name or variable.guid[:8]}"
        documents = list(self.session.scalars(select(Document)))
        for order, source in enumerate(self.data.sources, start=1):
            self.import_source(source, order, documents)
        for case in self.data.cases:
            self.import_case(case)
        self.add_turns()
        self.import_groups()
        self.import_codes()
        self.join_sets()
        self.document_sets(self.parts.groups)
        self.import_codings()
        self.place_turn_notes()
        self.import_memos()
        quoted = import_quotes(self.session, self.data, self.parts, self.coding_of, self.groups)
        r = self.report
        r.quote_sets, r.quotes, r.key_quotes = quoted.quote_sets, quoted.quotes, quoted.key_quotes
        r.skipped += quoted.skipped
        r.warnings += quoted.warnings
        if r.added:  # undoable only without new transcripts (undo cannot take away their stages)
            self.project.record(
                self.session, "refi-import", "project", None, f"importerte REFI-QDA {self.label}",
                undoable=not (r.transcripts or r.participants or r.versions or r.attributes), codes=r.codes,
                groups=r.groups, codings=r.codings, transcripts=r.transcripts, memos=r.memos,
            )  # fmt: skip

    def user_id(self, guid: str | None) -> int:
        """The coder a file's user is (matched by GUID, then name), made on first use."""
        if not guid:
            return self.coder
        if guid not in self.users:
            user = next((u for u in self.data.users if u.guid == guid), None)
            if user is None:
                return self.coder
            name = (" ".join(user.name.split()) or f"REFI {user.guid[:8]}")[:200]
            coder = self.session.scalar(select(Coder).where(Coder.uid == guid)) or self.session.scalar(
                select(Coder).where(Coder.name == name)
            )
            if coder is None:
                coder = self.add(Coder(uid=guid, name=name))
            self.users[guid] = coder.id
        return self.users[guid]

    def meta(self, values: tuple[RefiValue, ...]) -> dict[str, str]:
        return {self.variables.get(v.variable, f"attr:{v.variable[:8]}"): v.value for v in values}

    def import_source(self, source: RefiSource, order: int, documents: list[Document]) -> None:
        meta, digest = self.meta(source.values), hashlib.sha256(source.text.encode("utf-8")).hexdigest()
        document = (
            next((d for d in documents if refi_guid("document", d.uid) == source.guid), None)
            or next((d for d in documents if meta.get("path") and d.source_path == meta["path"]), None)
            or next((d for d in documents if d.content_hash == digest), None)
        )
        if document is not None and document.text != source.text:
            older = next((v.text for v in document.versions if v.content_hash == digest), None)
            if older is not None:  # coded on a text we have since replaced: codings move forward
                self.older[source.guid] = older
            else:  # a text we do not have: it becomes the transcript's next version
                self.changed.append((document, source))
        if document is not None:
            self.report.matched += 1
        else:
            document = self.new_document(source, meta, digest, order, {d.source_path for d in documents})
            documents.append(document)
        self.documents[source.guid] = document
        self.targets |= {note: ("document", document) for note in source.notes if note not in self.targets}

    def focus_group(self, name: str, meta: dict[str, str]) -> FocusGroup:
        group = self.session.scalar(select(FocusGroup).where(FocusGroup.name == name[:200]))
        if group is None:
            group = self.add(FocusGroup(name=name[:200], site=meta.get("site", "")[:200],
                                        category=meta.get("category", "")[:200]))  # fmt: skip
        return group

    def new_document(self, source: RefiSource, meta: dict[str, str], digest: str, order: int,
                     paths: set[str]) -> Document:  # fmt: skip
        """A transcript for a source: our metadata when present, else the file's group, stage = order."""
        group = self.focus_group(meta.get("group") or self.label, meta)
        taken = set(self.session.scalars(select(Stage.number).join(Document, Document.stage_id == Stage.id)
                                         .where(Stage.group_id == group.id)))  # fmt: skip
        number = int(meta["stage"]) if re.fullmatch(r"\d{1,6}", meta.get("stage", "")) else None
        if number is not None and number in taken:
            raise WorkflowError(key="exchange.refi_stage_taken", source=source.name, number=number,
                                group=group.name)  # fmt: skip
        number = number or next(n for n in range(order, order + len(taken) + 1) if n not in taken)
        stage = self.session.scalar(select(Stage).where(Stage.group_id == group.id, Stage.number == number))
        if stage is None:
            day = meta.get("date", "")
            date = dt.date.fromisoformat(day) if re.fullmatch(r"\d{4}-\d\d-\d\d", day) else None
            stage = self.add(Stage(group_id=group.id, number=number, summary=source.description.strip(),
                                   date=date))  # fmt: skip
        path = meta.get("path", "")[:1000]
        if not path or path in paths:  # the source's GUID keeps the made-up path unique
            path = f"refi/{_slug(self.label)}/{_slug(source.name)}-{source.guid[:8]}.txt"
        document: Document = self.add(Document(
            uid=source.guid, stage_id=stage.id, title=source.name[:500], source_path=path, format="refi",
            encoding="utf-8", source_hash=digest, content_hash=digest, text=source.text, version=1,
            attributes={k.removeprefix("attr:"): v for k, v in meta.items() if k.startswith("attr:")},
        ))  # fmt: skip
        self.new_documents.append((document, source))
        self.report.transcripts += 1
        return document

    def import_case(self, case: qda.RefiCase) -> None:
        """A participant of the focus group its variable names, or of the transcripts it points at."""
        meta = self.meta(case.values)
        codes = {code for code, owner in self.case_codes.items() if owner == case.guid}
        spots = [self.documents[s.guid] for s in self.data.sources if s.guid in case.sources
                 or any(x.guid in case.selections or any(c.code in codes for c in x.codings)
                        for x in s.selections)]  # fmt: skip
        if not meta.get("group") and not spots:
            self.report.warnings.append(f"case «{case.name}» skipped: it belongs to no transcript")
            return
        group = self.focus_group(meta["group"], meta) if meta.get("group") else spots[0].stage.group
        pseudonym = (meta.get("pseudonym") or case.name or case.guid[:8]).strip()[:200]
        here = (Participant.group_id == group.id) & (Participant.pseudonym == pseudonym)
        person = self.session.scalar(select(Participant).where((Participant.uid == case.guid) | here))
        if person is None:
            fields = ("group", "pseudonym", "role", "service", "moderator")
            attributes = {k.removeprefix("attr:"): v for k, v in meta.items() if k not in fields}
            person = self.add(Participant(
                uid=case.guid, group_id=group.id, pseudonym=pseudonym, role=meta.get("role", "")[:200],
                service=meta.get("service", "")[:200], attributes=attributes,
                is_moderator=meta.get("moderator", "").lower() in ("true", "1"),
            ))  # fmt: skip
            self.report.participants += 1
        turns_coded = [x.guid for s in self.data.sources for x in s.selections
                       if any(c.code in codes for c in x.codings)]  # fmt: skip
        for guid in (*case.selections, *turns_coded):
            self.speaker_of.setdefault(guid, person)

    def add_turns(self) -> None:
        """Turns of new transcripts (speakers from the cases, each other line a turn of its own), and new
        versions of known transcripts whose text the file changed."""
        skip = self.pseudonyms()
        for document, source in self.new_documents:
            made = turns(source.text, spoken(source, self.speaker_of), skip)
            document.utterances.extend(made)
            document.word_count = sum(turn.word_count for turn in made)
            self.session.flush()
            index_document(self.project, self.session, document)
        for document, source in self.changed:
            flagged = version(self.project, self.session, document, source, self.speaker_of, skip)
            self.report.flagged += flagged
            self.report.versions += 1
            index_document(self.project, self.session, document)

    def pseudonyms(self) -> frozenset[str]:
        """Pseudonyms of the project and of the file's participants: words, not non-speech cues."""
        with_key = set(self.project.config.pseudonyms.values())
        people = self.session.scalars(select(Participant.pseudonym))
        return frozenset(with_key | {name for name in people if name})

    def import_codings(self) -> None:
        """Codings of the file's codes (a participant's code codes turns, not passages), recognised by GUID
        or by code and span; the selection's description is the coding's memo."""
        existing = self.existing(Coding, "coding")
        for source in self.data.sources:
            document = self.documents[source.guid]
            for selection in source.selections:
                first = None
                for item in selection.codings:
                    if item.code in self.case_codes:
                        for note in selection.notes:
                            self.turn_notes.setdefault(note, (document, selection.start, selection.end))
                        continue
                    if item.code not in self.codes:
                        self.report.warnings.append(f"coding {item.guid} skipped: no such code")
                        continue
                    coding = existing.get(item.guid) or self.same(item, selection, source, document)
                    if coding is None:
                        coding = existing[item.guid] = self.coding(item, selection, source, document)
                        coding.created_at = item.created or coding.created_at
                        self.session.add(coding)
                        self.session.flush()
                        self.spans.add(coding)
                        self.report.codings += 1
                    else:
                        self.report.skipped += 1
                    first = first or coding
                    for note in (*item.notes, *selection.notes):
                        self.targets.setdefault(note, ("coding", coding))
                    for note in selection.notes:
                        self.coding_of.setdefault(note, coding)
                if first is not None and selection.description.strip():
                    self.coding_memos.append((first, selection.description))
                for note in selection.notes:  # a note on an uncoded passage: on the transcript
                    self.targets.setdefault(note, ("document", document))
        self.session.flush()

    def same(self, item: qda.RefiCoding, selection: qda.RefiSelection, source: RefiSource,
             document: Document) -> Coding | None:  # fmt: skip
        """A coding of ours on the same span by the same code (the file gave it a GUID of its own)."""
        if source.guid in self.older or self.codes[item.code].id is None:
            return None
        found = self.spans.find(document.id, self.codes[item.code].id, selection.start, selection.end,
                                self.known_user(item.user))  # fmt: skip
        if found is not None:
            self.report.codings_matched += 1
        return found

    def known_user(self, guid: str | None) -> int | None:
        """The coder a file's user already is in the project (None for a user new here)."""
        user = next((u for u in self.data.users if u.guid == guid), None)
        if user is None:
            return self.coder if not guid else None
        coder = self.session.scalar(select(Coder).where(Coder.uid == user.guid)) or self.session.scalar(
            select(Coder).where(Coder.name == " ".join(user.name.split()))
        )
        return coder.id if coder is not None else None

    def coding(self, item: qda.RefiCoding, selection: qda.RefiSelection, source: RefiSource,
               document: Document) -> Coding:  # fmt: skip
        """A new coding on the transcript's current text, re-anchored when the file coded an older one."""
        start, end, status = selection.start, selection.end, "ok"
        spot = anchor_for(document.text, start, end)
        if source.guid in self.older:
            old = self.older[source.guid]
            start, end, status = forward(old, document.text, start, end)
            spot = anchor_for(document.text, start, end)
            if status in FLAGGED:  # keep the words as coded, to show when the flag is resolved
                spot = anchor_for(old, selection.start, selection.end)
                self.report.flagged += 1
        return Coding(
            uid=item.guid, code_id=self.codes[item.code].id, document_id=document.id, start=start, end=end,
            status=status, anchor_text=spot.text, context_before=spot.before, context_after=spot.after,
            coder_id=self.user_id(item.user), document_version=document.version,
        )  # fmt: skip
