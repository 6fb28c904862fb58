"""Importing a REFI-QDA file (`sdi refi import`): what `sdi.ingest.refi` read, written into the store in one
transaction. Idempotent: objects are matched by GUID (transcripts also by path or identical text), so
importing the same file twice adds nothing. A source without our metadata joins a focus group named after the
file, its stage numbered by order; code groups come from Sets (a concept riding in the Set's description).
Our quote sets and key quotes are read by `refi_quotes`; a known transcript with other words is handled by
`refi_versions` (a new version, or codings moved forward from an older one)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
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
    Concept,
    Document,
    FocusGroup,
    Memo,
    Participant,
    Stage,
)
from sdi.workflow.anchor import FLAGGED, anchor_for
from sdi.workflow.code_group import REST_GROUP_NAME
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project
from sdi.workflow.refi import CONCEPT_PATTERN, TEXTS, VARIABLES
from sdi.workflow.refi_quotes import import_quotes, split_sets
from sdi.workflow.refi_versions import cue_marks, forward, spoken, turns, version
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
    skipped: int = 0  # objects already present (matched by GUID, path or text)
    flagged: int = 0  # codings whose words changed or vanished when re-anchored to another text
    warnings: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        counted = vars(self).items()
        return sum(v for k, v in counted if k not in ("matched", "skipped", "flagged", "warnings"))


def import_refi_file(project: Project, path: Path) -> RefiReport:
    """Read `path` (IngestError for a bad file) and import it in one transaction (nothing on any error)."""
    data = read_refi(path)
    report = RefiReport(warnings=list(data.warnings))
    with project.store.transaction() as session:
        _Importer(project, session, data, path.stem, report).run()
    return report


def _slug(name: str) -> str:
    return "-".join("".join(ch.lower() if ch.isalnum() else " " for ch in name).split())[:80] or "refi"


class _Importer:
    def __init__(self, project: Project, session: Session, data: RefiProject, label: str, report: RefiReport):
        self.project, self.session, self.data, self.label, self.report = project, session, data, label, report
        self.texts = TEXTS.get(project.config.language, TEXTS["nb"])
        self.coder = project.coder_id(session)
        self.users: dict[str, int] = {}
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
        self.groups: dict[str, CodeGroup] = {}  # Set GUID → code group
        self.coding_of: dict[str, Coding] = {}  # note GUID → the coding whose selection points at it

    def existing(self, model: Any, kind: str) -> dict[str, Any]:
        return {refi_guid(kind, row.uid): row for row in self.session.scalars(select(model))}

    def add(self, row: Any) -> Any:
        """Insert now: later rows need its id."""
        self.session.add(row)
        self.session.flush()
        return row

    def run(self) -> None:
        self.import_users()
        self.import_codes()
        self.import_sets()
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
        self.import_codings()
        self.import_notes()
        quoted = import_quotes(self.session, self.data, self.parts, self.coding_of, self.groups)
        r = self.report
        r.quote_sets, r.quotes, r.key_quotes = quoted.quote_sets, quoted.quotes, quoted.key_quotes
        r.skipped += quoted.skipped
        r.warnings += quoted.warnings
        if r.added:  # undoable only without new transcripts (undo cannot take away their stages)
            self.project.record(
                self.session, "refi-import", "project", None, f"importerte REFI-QDA {self.label}",
                undoable=not (r.transcripts or r.participants or r.versions), codes=r.codes, groups=r.groups,
                codings=r.codings, transcripts=r.transcripts, memos=r.memos,
            )  # fmt: skip

    def import_users(self) -> None:
        existing = self.existing(Coder, "coder")
        existing |= {coder.name: coder for coder in list(existing.values())}  # matched by GUID, then name
        for user in self.data.users:
            name = (" ".join(user.name.split()) or f"REFI {user.guid[:8]}")[:200]
            if (coder := existing.get(user.guid) or existing.get(name)) is None:
                coder = existing[user.guid] = existing[name] = self.add(Coder(uid=user.guid, name=name))
            self.users[user.guid] = coder.id

    def import_codes(self) -> None:
        existing = self.existing(Code, "code")
        names = {code.guid: code.name for code in self.data.codes}
        for position, item in enumerate(self.data.codes, start=1):
            code = existing.get(item.guid)
            if code is None:
                parent = self.texts["parent"].format(names.get(item.parent)) if item.parent else ""
                code = existing[item.guid] = Code(
                    uid=item.guid, statement=(item.name or item.guid[:8])[:1000], color=item.color,
                    description="\n\n".join(filter(None, [item.description.strip(), parent])),
                    author_id=self.coder, position=position,
                )  # fmt: skip
                self.session.add(code)
                self.new_codes.add(item.guid)
                self.report.codes += 1
            else:
                self.report.skipped += 1
            self.codes[item.guid] = code
            self.targets |= {note: ("code", code) for note in item.notes if note not in self.targets}
        self.session.flush()

    def import_sets(self) -> None:
        existing = self.existing(CodeGroup, "group")
        by_name = {group.name: group for group in existing.values()}
        has_rest = any(group.is_rest for group in existing.values())
        for position, item in enumerate(self.parts.groups, start=1):
            name = " ".join(item.name.split())[:300] or f"{self.texts['set']} {item.guid[:8]}"
            group = existing.get(item.guid) or by_name.get(name)
            if group is None:
                match = CONCEPT_PATTERN.search(item.description)
                description = item.description[: match.start()] if match else item.description
                rest, has_rest = name == REST_GROUP_NAME and not has_rest, has_rest or name == REST_GROUP_NAME
                group = existing[item.guid] = by_name[name] = self.add(CodeGroup(
                    uid=item.guid, name=name, description=description.strip(), position=position, is_rest=rest
                ))  # fmt: skip
                self.report.groups += 1
                if match and match.group(1).strip():
                    self.session.add(Concept(group_id=group.id, name=match.group(1).strip()[:300],
                                             definition=match.group(2).strip()))  # fmt: skip
                    self.report.concepts += 1
            else:
                self.report.skipped += 1
            self.groups[item.guid] = group
            self.targets |= {note: ("code_group", group) for note in item.notes
                             if note not in self.targets and note not in self.parts.notes}  # fmt: skip
            for order, guid in enumerate(item.codes, start=1):  # a code in several sets stays in the first
                code = self.codes.get(guid)  # codes already in the project keep the researchers' grouping
                if code is not None and guid in self.new_codes and code.group_id is None:
                    code.group_id, code.position = group.id, order
        self.session.flush()

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
            raise WorkflowError(f"source «{source.name}»: stage {number} of «{group.name}» has a transcript")
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
        document = self.add(Document(
            uid=source.guid, stage_id=stage.id, title=source.name[:500], source_path=path, format="refi",
            encoding="utf-8", source_hash=digest, content_hash=digest, text=source.text, version=1,
        ))  # fmt: skip
        self.new_documents.append((document, source))
        self.report.transcripts += 1
        return document

    def import_case(self, case: qda.RefiCase) -> None:
        """A participant of the focus group its variable names, or of the transcripts it points at."""
        meta = self.meta(case.values)
        spots = [self.documents[s.guid] for s in self.data.sources if s.guid in case.sources
                 or any(x.guid in case.selections for x in s.selections)]  # fmt: skip
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
        for guid in case.selections:
            self.speaker_of.setdefault(guid, person)

    def add_turns(self) -> None:
        """Turns of new transcripts (speakers from the cases, each other line a turn of its own), and new
        versions of known transcripts whose text the file changed."""
        for document, source in self.new_documents:
            made = turns(source.text, spoken(source, self.speaker_of), cue_marks(source.selections))
            document.utterances.extend(made)
            document.word_count = sum(turn.word_count for turn in made)
            self.session.flush()
            index_document(self.project, self.session, document)
        for document, source in self.changed:
            self.report.flagged += version(self.project, self.session, document, source, self.speaker_of)
            self.report.versions += 1
            index_document(self.project, self.session, document)

    def import_codings(self) -> None:
        existing = self.existing(Coding, "coding")
        for source in self.data.sources:
            document = self.documents[source.guid]
            for selection in source.selections:
                for item in selection.codings:
                    if item.code not in self.codes:
                        self.report.warnings.append(f"coding {item.guid} skipped: no such code")
                        continue
                    coding = existing.get(item.guid)
                    if coding is None:
                        coding = existing[item.guid] = self.coding(item, selection, source, document)
                        coding.created_at = item.created or coding.created_at
                        self.session.add(coding)
                        self.report.codings += 1
                    else:
                        self.report.skipped += 1
                    for note in (*item.notes, *selection.notes):
                        self.targets.setdefault(note, ("coding", coding))
                    for note in selection.notes:
                        self.coding_of.setdefault(note, coding)
                for note in selection.notes:  # a note on a turn or an uncoded passage: on the transcript
                    self.targets.setdefault(note, ("document", document))
        self.session.flush()

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
            coder_id=self.users.get(item.user or "", self.coder), document_version=document.version,
        )  # fmt: skip

    def import_notes(self) -> None:
        """Memos on what their NoteRef points at; notes nothing points at are memos on the project."""
        existing = self.existing(Memo, "memo")
        for note in self.data.notes:
            if note.guid in self.parts.notes:  # a quote or key quote, not a memo
                continue
            if note.guid in existing:
                self.report.skipped += 1
                continue
            kind, target = self.targets.get(note.guid) or ("project", None)
            memo = existing[note.guid] = Memo(
                uid=note.guid, target_type=kind, target_id=target.id if target is not None else None,
                title=note.name[:300], text=note.text or note.description,
                author_id=self.users.get(note.user or "", self.coder),
            )  # fmt: skip
            memo.created_at = note.created or memo.created_at
            self.session.add(memo)
            self.report.memos += 1
        self.session.flush()
