"""`sdi check`: is the store sound? The engine's own integrity check, foreign keys, every coding inside its
transcript's text and anchored to the words it was made on, every turn inside its text, and the search index
complete. Reports; never repairs behind the researcher's back."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from sdi.i18n import Notice
from sdi.storage.models import Coding, Document, Utterance, UtteranceIndex
from sdi.workflow.anchor import FLAGGED
from sdi.workflow.project import Project


@dataclass
class IntegrityReport:
    problems: list[str] = field(default_factory=list)  # the store is inconsistent (Notices: said by the face)
    notes: list[str] = field(default_factory=list)  # sound, but worth the researcher's attention

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(project: Project) -> IntegrityReport:
    report = IntegrityReport()
    with project.store.reading() as session:
        if session.get_bind().dialect.name == "sqlite":
            verdict = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
            if verdict != ["ok"]:
                report.problems += [Notice("check.sqlite", detail=line) for line in verdict]
            for table, rowid, parent, _ in session.execute(text("PRAGMA foreign_key_check")):
                report.problems.append(Notice("check.foreign_key", table=table, row=rowid, parent=parent))
        texts = dict(session.execute(select(Document.id, Document.text)).all())
        paths = dict(session.execute(select(Document.id, Document.source_path)).all())
        lengths = {document_id: len(value) for document_id, value in texts.items()}
        flagged = 0
        for coding in session.scalars(select(Coding)):
            where = paths.get(coding.document_id)
            if not 0 <= coding.start <= coding.end <= lengths.get(coding.document_id, 0):
                report.problems.append(
                    Notice(
                        "check.coding_outside",
                        coding=coding.id,
                        start=coding.start,
                        end=coding.end,
                        where=where,
                    )
                )
            elif coding.status in FLAGGED:
                flagged += 1
            elif (
                coding.anchor_text
                and texts[coding.document_id][coding.start : coding.end] != coding.anchor_text
            ):
                report.problems.append(Notice("check.coding_moved", coding=coding.id, where=where))
        for utterance in session.execute(
            select(Utterance.id, Utterance.document_id, Utterance.start, Utterance.end)
        ):
            if not 0 <= utterance.start <= utterance.end <= lengths.get(utterance.document_id, 0):
                outside = Notice(
                    "check.turn_outside", turn=utterance.id, where=paths.get(utterance.document_id)
                )
                report.problems.append(outside)
        turns = session.scalar(select(func.count()).select_from(Utterance)) or 0
        indexed = session.scalar(select(func.count()).select_from(UtteranceIndex)) or 0
    if flagged:
        report.notes.append(Notice("check.flagged", count=flagged))
    if indexed < turns:
        report.notes.append(Notice("check.unindexed", missing=turns - indexed, turns=turns))
    return report
