"""Empirically close coding (SDI step 2): codes are short statements in the informants' own terms, and a
coding ties one to a span of a transcript. Every change is one transaction with its audit event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdi.storage import lean_coding
from sdi.workflow.anchor import anchor_for
from sdi.workflow.bounds import fitting
from sdi.workflow.check import brief
from sdi.workflow.code_list import CodeSummary, read_codes
from sdi.workflow.errors import WorkflowError, check_version, missing, require
from sdi.workflow.project import Project

if TYPE_CHECKING:  # the models load where a coding is written, not for the Coding screen's first reads
    from sqlalchemy.orm import Session

    from sdi.storage.models import Code


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
    code_version: int = 1  # the code's version when read: a rename passes it back (optimistic locking)
    group_id: int | None = None  # the code's kodegruppe (the reader colours its stripe by it)


def list_codes(project: Project) -> list[CodeSummary]:
    from sdi.storage.lean import session_reader

    with project.store.reading() as session:
        return read_codes(session_reader(session))


def _statement(text: str) -> str:
    statement = " ".join(text.split())
    if not statement:
        raise WorkflowError(key="error.code.statement_needed")
    return fitting(statement, "codes", "statement")


def _new_code(project: Project, session: Session, statement: str, description: str = "") -> Code:
    from sdi.storage.models import Code

    code = Code(statement=statement, description=description, author_id=project.coder_id(session))
    session.add(code)
    session.flush()
    project.record(session, "create-code", "code", code.id, f"ny kode: {statement}")
    return code


class CodedSpan(tuple[int, int]):
    """(code id, coding id) of a new coding; `moved` is True when the transcript had changed since the
    words were selected and the coding was placed on the same words in its new version."""

    moved: bool

    def __new__(cls, code_id: int, coding_id: int, moved: bool = False) -> CodedSpan:
        made = super().__new__(cls, (code_id, coding_id))
        made.moved = moved
        return made


def _new_coding(
    project: Project, session: Session, code_id: int, document_id: int, start: int, end: int,
    seen_version: int | None = None,
) -> tuple[int, bool]:  # fmt: skip
    """The new coding's id, and whether it had to follow its words into a newer version of the text."""
    from sdi.storage.models import Code, Coding, Document
    from sdi.workflow.selection import follow_selection

    document = require(session, Document, document_id, "transcript")
    code = require(session, Code, code_id, "code")
    moved = seen_version is not None and seen_version != document.version
    if moved:
        start, end = follow_selection(session, document, seen_version or 0, start, end)
    if not 0 <= start < end <= len(document.text):
        raise WorkflowError(key="error.code.span_outside", start=start, end=end, length=len(document.text))
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
    summary = f"kodet «{brief(anchor.text)}» som «{code.statement}»"
    project.record(session, "code", "coding", coding.id, summary, code_id=code.id, document_id=document.id)
    return coding.id, moved


def create_code(project: Project, statement: str, description: str = "") -> int:
    with project.store.transaction() as session:
        return _new_code(project, session, _statement(statement), description).id


def add_coding(
    project: Project, code_id: int, document_id: int, start: int, end: int, *,
    document_version: int | None = None,
) -> int:  # fmt: skip
    """Code the span [start, end) of a transcript's current text — or, given the `document_version` the
    offsets were taken from, of that version: moved onto the same words if the text changed since, refused
    if they are gone (see `follow_selection`)."""
    with project.store.transaction() as session:
        return _new_coding(project, session, code_id, document_id, start, end, document_version)[0]


@dataclass(frozen=True)
class Coded:
    """What coding a passage made: the code (new or existing) and one coding per turn the passage touches."""

    code_id: int
    coding_ids: tuple[int, ...]
    moved: bool = False  # the transcript changed since the words were selected: the codings followed them


def turn_pieces(session: Session, document_id: int, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut where turns end: the part of each turn it covers, in order. Text between turns (the
    line break) belongs to no turn and is left out; a transcript without turns keeps the span whole."""
    from sqlalchemy import select

    from sdi.storage.models import Utterance

    rows = session.execute(
        select(Utterance.start, Utterance.end)
        .where(Utterance.document_id == document_id, Utterance.start < end, Utterance.end > start)
        .order_by(Utterance.start)
    ).all()
    if not rows and session.scalar(select(Utterance.id).where(Utterance.document_id == document_id).limit(1)):
        return []
    pieces = [(max(start, s), min(end, e)) for s, e in rows] or [(start, end)]
    return [(s, e) for s, e in pieces if s < e]


def code_passage(
    project: Project,
    document_id: int,
    spans: list[tuple[int, int]],
    *,
    code_id: int | None = None,
    statement: str | None = None,
    document_version: int | None = None,
) -> Coded:
    """Code the words at `spans` (offsets into the transcript's current text) with an existing code or a new
    one written as `statement` — one transaction, one undo step. A span over several turns becomes one coding
    per turn, so each speaker keeps their own words: quotes, attributions and speaker counts stay true.

    `document_version` is the version of the transcript the spans were selected in: when a colleague's
    re-import or an anonymise made a newer one since, each span follows its words into it (`Coded.moved`) or
    is refused, naming who changed the transcript, when they are gone (see `follow_selection`).

    Every way of coding a selection goes through here (the Coding screen, the search view)."""
    from sdi.storage.models import Document
    from sdi.workflow.selection import follow_selection

    if (code_id is None) == (statement is None):
        raise WorkflowError(key="error.code.either")
    with project.store.transaction() as session:
        document = require(session, Document, document_id, "transcript")
        pieces: list[tuple[int, int]] = []
        for start, end in spans:
            if document_version is not None and document_version != document.version:
                start, end = follow_selection(session, document, document_version, start, end)
            if not 0 <= start < end <= len(document.text):
                raise WorkflowError(
                    key="error.code.span_outside", start=start, end=end, length=len(document.text)
                )
            pieces += turn_pieces(session, document_id, start, end)
        if not pieces:
            raise WorkflowError(key="error.code.no_words")
        if code_id is None:
            code_id = _new_code(project, session, _statement(statement or "")).id
        moved = document_version is not None and document_version != document.version
        pieces = sorted(set(pieces))
        made = tuple(_new_coding(project, session, code_id, document_id, *piece)[0] for piece in pieces)
        return Coded(code_id, made, moved)


def code_span(
    project: Project, document_id: int, start: int, end: int, *, code_id: int | None = None,
    statement: str | None = None, document_version: int | None = None,
) -> CodedSpan:  # fmt: skip
    """Code a span with an existing code, or with a new one written as `statement` — one action, one undo.
    `document_version` is the version of the transcript the span was selected in (see `code_passage`).
    Returns (code id, coding id of its first turn), with `.moved` set when the coding followed its words to a
    newer text; see `code_passage` for a span over several turns."""
    coded = code_passage(project, document_id, [(start, end)], code_id=code_id, statement=statement,
                         document_version=document_version)  # fmt: skip
    return CodedSpan(coded.code_id, coded.coding_ids[0], coded.moved)


def codings_of_document(project: Project, document_id: int) -> list[CodingView]:
    """The transcript's codings by position, with their codes — plain SQL (`sdi.storage.lean_coding`): the
    Coding screen reads them when first shown, which may be before the store is open."""
    with project.reading_rows() as read:
        text = lean_coding.document_text(read, document_id)
        if text is None:
            raise missing("transcript", document_id)
        rows = lean_coding.codings(read, document_id)
    return [
        CodingView(int(ident), int(code_id), statement, int(document), int(start), int(end), text[start:end],
                   original, status, int(version), group_id)
        for ident, code_id, statement, document, start, end, original, status, version, group_id in rows
    ]  # fmt: skip


def rename_code(
    project: Project,
    code_id: int,
    statement: str,
    description: str | None = None,
    *,
    seen_version: int | None = None,
) -> None:
    """Rename a code; `seen_version` (from `CodeSummary.version`) refuses it if someone changed it since."""
    from sdi.storage.models import Code

    statement = " ".join(statement.split())
    if not statement:
        raise WorkflowError(key="error.code.statement_short")
    fitting(statement, "codes", "statement")
    with project.store.transaction() as session:
        code = require(session, Code, code_id, "code")
        check_version(session, code, seen_version, "code", code.statement)
        old = code.statement
        code.statement = statement
        if description is not None:
            code.description = description
        project.record(
            session, "rename-code", "code", code.id, f"«{old}» → «{statement}»", old=old, new=statement
        )


def coding_count(project: Project, code_id: int) -> int:
    """How many codings go with a code — said in the confirmation before it is deleted."""
    from sqlalchemy import func, select

    from sdi.storage.models import Coding

    with project.store.reading() as session:
        return session.scalar(select(func.count()).select_from(Coding).where(Coding.code_id == code_id)) or 0


def delete_code(project: Project, code_id: int) -> int:
    """Delete a code and its codings; returns how many codings went with it."""
    from sqlalchemy import select

    from sdi.storage.models import Code, Coding

    with project.store.transaction() as session:
        code = require(session, Code, code_id, "code")
        codings = list(session.scalars(select(Coding).where(Coding.code_id == code_id)))
        _release_codings(session, [c.id for c in codings])
        for coding in codings:
            session.delete(coding)
        session.flush()
        session.delete(code)
        project.record(
            session, "delete-code", "code", code_id, f"slettet «{code.statement}»", codings=len(codings)
        )
        return len(codings)


def remove_coding(project: Project, coding_id: int) -> None:
    from sdi.storage.models import Coding

    with project.store.transaction() as session:
        coding = require(session, Coding, coding_id, "coding")
        _release_codings(session, [coding_id])
        session.delete(coding)
        project.record(session, "uncode", "coding", coding_id, "fjernet koding", code_id=coding.code_id)


def _release_codings(session: Session, coding_ids: list[int]) -> None:
    """Before codings go: refuse if a quote set uses them (the writing depends on them); drop them as a
    concept's key quotes through the ORM, so undo can bring that back too."""
    from sqlalchemy import select

    from sdi.storage.models import ConceptQuote, Quote, QuoteSet

    if not coding_ids:
        return
    used = session.scalars(
        select(QuoteSet.name)
        .join(Quote, Quote.quote_set_id == QuoteSet.id)
        .where(Quote.coding_id.in_(coding_ids))
    ).all()
    if used:
        names = ", ".join(f"«{n}»" for n in sorted(set(used)))
        raise WorkflowError(key="error.code.quoted", names=names)
    for key_quote in session.scalars(select(ConceptQuote).where(ConceptQuote.coding_id.in_(coding_ids))):
        session.delete(key_quote)
    session.flush()
