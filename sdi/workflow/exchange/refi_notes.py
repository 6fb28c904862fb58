"""Memos from a REFI-QDA file (`refi_import` runs this inside its transaction): notes, annotations and the
memos that ride in descriptions.

- A note is a memo on what points at it (a code, a coding, a turn, a transcript, a code group), else on the
  project. An annotation — a note holding a passage of a source, as QualCoder writes them — is a memo on the
  coding of exactly that passage, else on the turn holding it, else on the transcript, titled by its words.
- A coding memo is the `<Description>` of the coded selection (QualCoder, ATLAS.ti); a code's, group's or
  category's memos are the `[Memo] ` parts of its `<Description>` (as we write them for QualCoder).
- Empty notes, our own markers («[Ikke-tale]») and memos the target already has (`refi_identity`) are
  never memos, so a round trip through another tool adds none."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.ingest.refi import RefiNote, RefiProject
from sdi.storage.models import Code, CodeGroup, Coding, Concept, Document, Memo, Utterance
from sdi.workflow.exchange.refi import CUE_MARKERS
from sdi.workflow.exchange.refi_identity import MemoIndex, norm
from sdi.workflow.exchange.refi_quotes import QuoteParts

MARKERS = frozenset(norm(marker) for marker in CUE_MARKERS)


class NotePart:
    """Mixed into `refi_import._Importer`, whose state it uses."""

    session: Session
    data: RefiProject
    parts: QuoteParts
    coder: int
    report: Any
    documents: dict[str, Document]
    targets: dict[str, tuple[str, Any]]
    code_memos: list[tuple[Code, list[str]]]
    group_memos: list[tuple[CodeGroup, list[str]]]
    coding_memos: list[tuple[Coding, str]]
    turn_notes: dict[str, tuple[Document, int, int]]

    def user_id(self, guid: str | None) -> int:
        raise NotImplementedError

    def memo(self, kind: str, target: Any, text: str, *, uid: str | None = None, title: str = "",
             note: RefiNote | None = None, also: tuple[str, int | None] | None = None) -> None:  # fmt: skip
        """Add a memo unless it is empty, a marker of ours, or one its target (or `also`) already has."""
        target_id = target.id if target is not None else None
        if not text.strip() or norm(text) in MARKERS:
            self.report.notes_skipped += 1
            return
        if self.memos.known(kind, target_id, text) or (also is not None and self.memos.known(*also, text)):
            self.report.memos_matched += 1
            return
        memo = Memo(target_type=kind, target_id=target_id, title=title[:300], text=text,
                    author_id=self.user_id(note.user) if note is not None else self.coder)  # fmt: skip
        if uid is not None:
            memo.uid = uid
        if note is not None and note.created is not None:
            memo.created_at = note.created
        self.session.add(memo)
        self.memos.add(kind, target_id, text)
        self.report.memos += 1

    def import_memos(self) -> None:
        """Notes first (they carry GUIDs and titles), then the memos riding in descriptions."""
        existing = {memo.uid for memo in self.session.scalars(select(Memo))}
        self.memos = MemoIndex(self.session.scalars(select(Memo)))
        for note in self.data.notes:
            if note.guid in self.parts.notes:  # a quote or key quote, not a memo
                continue
            if note.guid in existing:
                self.report.skipped += 1
                continue
            if note.selections and note.source in self.documents:  # an annotation: on its passage
                kind, target = self.annotated(note)
            else:
                kind, target = self.targets.get(note.guid) or ("project", None)
            text = note.text or note.description
            self.memo(kind, target, text, uid=note.guid, title=note.name or self.passage(note), note=note)
        for code, memos in self.code_memos:
            for text in memos:
                self.memo("code", code, text)
        for group, memos in self.group_memos:  # a concept's memos ride in its group's category too
            concept = self.session.scalar(select(Concept.id).where(Concept.group_id == group.id))
            for text in memos:
                self.memo("code_group", group, text, also=("concept", concept) if concept else None)
        for coding, text in self.coding_memos:
            self.memo("coding", coding, text)
        self.session.flush()

    def annotated(self, note: RefiNote) -> tuple[str, Any]:
        """Where an annotation belongs: the coding of its passage, the turn holding it, its transcript."""
        document = self.documents.get(note.source or "")
        if document is None or not note.selections:
            return "project", None
        span = note.selections[0]
        coding = self.session.scalar(select(Coding).where(
            Coding.document_id == document.id, Coding.start == span.start, Coding.end == span.end
        ).order_by(Coding.id).limit(1))  # fmt: skip
        if coding is not None:
            return "coding", coding
        return self.turn_at(document, span.start, span.end)

    def turn_at(self, document: Document, start: int, end: int) -> tuple[str, Any]:
        turn = self.session.scalar(select(Utterance).where(
            Utterance.document_id == document.id, Utterance.start <= start, Utterance.end >= end
        ).limit(1))  # fmt: skip
        return ("utterance", turn) if turn is not None else ("document", document)

    def passage(self, note: RefiNote) -> str:
        """An annotation's title: «the words it annotates»."""
        document = self.documents.get(note.source or "")
        if document is None or not note.selections:
            return ""
        words = " ".join(document.text[note.selections[0].start : note.selections[0].end].split())
        return f"«{words[:80]}»" if words else ""

    def place_turn_notes(self) -> None:
        """Notes on a turn's selection, once the turns exist: memos on that turn."""
        for note, (document, start, end) in self.turn_notes.items():
            self.targets.setdefault(note, self.turn_at(document, start, end))
