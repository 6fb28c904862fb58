"""Empirically close coding (SDI step 2): codes are short statements in the informants' own terms, and a
coding ties one to a span of a transcript. Every change is one transaction with its audit event."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from sdi.storage.models import Code, Coding, Document
from sdi.workflow.anchor import anchor_for
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project


@dataclass(frozen=True)
class CodingView:
    """A coding as the faces see it: where it is, what it says now, and whether it needs a look."""

    id: int
    code_id: int
    statement: str
    document_id: int
    start: int
    end: int
    text: str  # the words now at the span
    original: str  # the words that were coded
    status: str


def create_code(project: Project, statement: str, description: str = "") -> int:
    statement = " ".join(statement.split())
    if not statement:
        raise WorkflowError("a code needs a statement (a short sentence in the informants' words)")
    with project.store.transaction() as session:
        code = Code(statement=statement, description=description, author_id=project.coder_id(session))
        session.add(code)
        session.flush()
        project.record(session, "create-code", "code", code.id, f"ny kode: {statement}")
        return code.id


def add_coding(project: Project, code_id: int, document_id: int, start: int, end: int) -> int:
    """Code the span [start, end) of a transcript's current text."""
    with project.store.transaction() as session:
        document = session.get(Document, document_id)
        code = session.get(Code, code_id)
        if document is None:
            raise WorkflowError(f"no transcript with id {document_id}")
        if code is None:
            raise WorkflowError(f"no code with id {code_id}")
        if not 0 <= start < end <= len(document.text):
            raise WorkflowError(f"span {start}–{end} is outside the transcript (0–{len(document.text)})")
        anchor = anchor_for(document.text, start, end)
        coding = Coding(
            code_id=code.id,
            document_id=document.id,
            start=start,
            end=end,
            coder_id=project.coder_id(session),
            anchor_text=anchor.text,
            context_before=anchor.before,
            context_after=anchor.after,
            document_version=document.version,
        )
        session.add(coding)
        session.flush()
        project.record(
            session,
            "code",
            "coding",
            coding.id,
            f"kodet «{anchor.text[:60]}» som «{code.statement}»",
            code_id=code.id,
            document_id=document.id,
        )
        return coding.id


def codings_of_document(project: Project, document_id: int) -> list[CodingView]:
    with project.store.reading() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise WorkflowError(f"no transcript with id {document_id}")
        rows = session.execute(
            select(Coding, Code.statement)
            .join(Code, Code.id == Coding.code_id)
            .where(Coding.document_id == document_id)
            .order_by(Coding.start, Coding.id)
        )
        return [
            CodingView(
                c.id,
                c.code_id,
                statement,
                c.document_id,
                c.start,
                c.end,
                document.text[c.start : c.end],
                c.anchor_text,
                c.status,
            )
            for c, statement in rows
        ]
