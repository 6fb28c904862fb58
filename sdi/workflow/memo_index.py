"""Every memo of the project with what it is about, named in the method's words — the workbench's memo
browser lists these, searches them and opens each one's object; the Korpus screen shows the memos of a
focus group, a stage and its transcript."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdi.storage.lean import stored_datetime
from sdi.workflow.check import brief
from sdi.workflow.errors import WorkflowError
from sdi.workflow.memo import MemoView

if TYPE_CHECKING:  # the models load where the ORM reads (the memo browser), not for Korpus's plain SQL
    from sqlalchemy.orm import Session

    from sdi.storage.lean import Reader
    from sdi.workflow.project import Project


@dataclass(frozen=True)
class MemoListing:
    """A memo and its object: `label` names the object («Barnehage Fjordvik, runde 1»); `document_id` and
    `offset` say where to read it (transcripts, turns, codings, quotes); `group_id` which code group shows it
    (codes, code groups, concepts); `set_id` which quote set (quote sets, quotes); `focus_group` and `stage`
    where Korpus shows it."""

    memo: MemoView
    label: str
    document_id: int | None = None
    offset: int = 0
    group_id: int | None = None
    set_id: int | None = None
    focus_group: str | None = None
    stage: int | None = None
    gone: bool = False  # the object was deleted since; the memo stays


def _listing(session: Session, project: Project, memo: MemoView) -> MemoListing:
    """The object of one memo, named and placed."""
    from sqlalchemy import select

    from sdi.storage.models import (
        Code,
        CodeGroup,
        Coding,
        Concept,
        Document,
        FocusGroup,
        Participant,
        Quote,
        QuoteSet,
        Stage,
        Utterance,
    )

    kind, ident = memo.target_type, memo.target_id or 0
    if kind == "project":
        return MemoListing(memo, project.config.title)
    if kind == "code":
        code = session.get(Code, ident)
        return MemoListing(memo, code.statement, group_id=code.group_id) if code else _gone(memo)
    if kind == "code_group":
        group = session.get(CodeGroup, ident)
        return MemoListing(memo, group.name, group_id=group.id) if group else _gone(memo)
    if kind == "concept":
        concept = session.get(Concept, ident)
        return MemoListing(memo, concept.name, group_id=concept.group_id) if concept else _gone(memo)
    if kind == "coding":
        coding = session.get(Coding, ident)
        if coding is None:
            return _gone(memo)
        label = f"{coding.code.statement}: «{brief(coding.anchor_text, 50)}»"
        return MemoListing(memo, label, coding.document_id, coding.start, coding.code.group_id)
    if kind == "document":
        document = session.get(Document, ident)
        return MemoListing(memo, document.title, document.id) if document else _gone(memo)
    if kind == "utterance":
        turn = session.get(Utterance, ident)
        if turn is None:
            return _gone(memo)
        title = session.scalar(select(Document.title).where(Document.id == turn.document_id)) or ""
        return MemoListing(memo, f"{title}, {turn.speaker} ({turn.line})", turn.document_id, turn.start)
    if kind == "focus_group":
        focus = session.get(FocusGroup, ident)
        return MemoListing(memo, focus.name, focus_group=focus.name) if focus else _gone(memo)
    if kind == "stage":
        stage = session.get(Stage, ident)
        if stage is None:
            return _gone(memo)
        name = stage.group.name
        return MemoListing(memo, f"{name} {stage.number}", focus_group=name, stage=stage.number)
    if kind == "participant":
        person = session.get(Participant, ident)
        if person is None:
            return _gone(memo)
        return MemoListing(memo, f"{person.pseudonym} ({person.group.name})", focus_group=person.group.name)
    if kind == "quote_set":
        quote_set = session.get(QuoteSet, ident)
        return MemoListing(memo, quote_set.name, set_id=quote_set.id) if quote_set else _gone(memo)
    if kind == "quote":
        quote = session.get(Quote, ident)
        if quote is None:
            return _gone(memo)
        coding = quote.coding
        label = f"{quote.quote_set.name}: «{brief(quote.display_text or coding.anchor_text, 50)}»"
        return MemoListing(memo, label, coding.document_id, coding.start, set_id=quote.quote_set_id)
    return _gone(memo)


def _gone(memo: MemoView) -> MemoListing:
    return MemoListing(memo, "", gone=True)


def _memos(session: Session, *where: object) -> list[MemoView]:
    from sqlalchemy import select

    from sdi.storage.models import Coder, Memo

    rows = session.execute(
        select(Memo, Coder.name)
        .outerjoin(Coder, Coder.id == Memo.author_id)
        .where(*where)  # type: ignore[arg-type]
        .order_by(Memo.updated_at.desc(), Memo.id.desc())
    ).all()
    return [
        MemoView(m.id, m.target_type, m.target_id, m.title, m.text, name or "", m.updated_at)
        for m, name in rows
    ]


def list_memos(project: Project) -> list[MemoListing]:
    """Every memo, most recently written first, each with its object."""
    with project.store.reading() as session:
        return [_listing(session, project, memo) for memo in _memos(session)]


def corpus_target(project: Project, group_name: str, number: int | None = None) -> tuple[str, int]:
    """The focus group `group_name` (or its stage `number`) as a memo target: (target type, id)."""
    from sqlalchemy import select

    from sdi.storage.models import FocusGroup, Stage

    with project.store.reading() as session:
        focus = session.scalar(select(FocusGroup).where(FocusGroup.name == group_name))
        if focus is None:
            raise WorkflowError(key="error.memo.no_group", name=group_name)
        if number is None:
            return "focus_group", focus.id
        stage = session.scalar(select(Stage).where(Stage.group_id == focus.id, Stage.number == number))
        if stage is None:
            raise WorkflowError(key="error.memo.no_group", name=f"{group_name} {number}")
        return "stage", stage.id


# Korpus's memos in plain SQL (the first screen is drawn before SQLAlchemy is loaded): the memo, its
# author, and what names its object — a participant's pseudonym, a transcript's title.
_CORPUS_MEMOS = (
    "SELECT m.id, m.target_type, m.target_id, m.title, m.text, c.name, m.updated_at, p.pseudonym, d.title "
    "FROM memos m LEFT JOIN coders c ON c.id = m.author_id "
    "LEFT JOIN participants p ON m.target_type = 'participant' AND p.id = m.target_id "
    "LEFT JOIN documents d ON m.target_type = 'document' AND d.id = m.target_id WHERE "
)
_ON_GROUP = (
    "(m.target_type = 'focus_group' AND m.target_id = :owner) OR (m.target_type = 'participant' "
    "AND m.target_id IN (SELECT id FROM participants WHERE group_id = :owner))"
)
_ON_STAGE = (
    "(m.target_type = 'stage' AND m.target_id = :owner) OR (m.target_type = 'document' "
    "AND m.target_id IN (SELECT id FROM documents WHERE stage_id = :owner))"
)
_NEWEST_FIRST = " ORDER BY m.updated_at DESC, m.id DESC"


def corpus_memos(project: Project, group_name: str, number: int | None = None) -> list[MemoListing]:
    """The memos Korpus shows: on a focus group and its participants, or on one stage and its transcript."""
    with project.reading_rows() as read:
        return corpus_memos_read(read, group_name, number)


def corpus_memos_read(read: Reader, group_name: str, number: int | None) -> list[MemoListing]:
    """`corpus_memos` over any reader (the lean one of a store not yet opened, or a session's)."""
    focus = read("SELECT id FROM focus_groups WHERE name = :name", name=group_name)
    if not focus:
        return []
    owner, where = int(focus[0][0]), _ON_GROUP
    if number is not None:
        stage = read("SELECT id FROM stages WHERE group_id = :focus AND number = :number",
                     focus=owner, number=number)  # fmt: skip
        if not stage:
            return []
        owner, where = int(stage[0][0]), _ON_STAGE
    listings = []
    for ident, kind, target, title, text, author, updated, pseudonym, document in read(
        _CORPUS_MEMOS + where + _NEWEST_FIRST, owner=owner
    ):
        memo = MemoView(int(ident), kind, target, title, text, author or "", stored_datetime(updated))
        if kind == "focus_group":
            listings.append(MemoListing(memo, group_name, focus_group=group_name))
        elif kind == "participant":
            listings.append(MemoListing(memo, f"{pseudonym} ({group_name})", focus_group=group_name))
        elif kind == "stage":
            listings.append(MemoListing(memo, f"{group_name} {number}", focus_group=group_name, stage=number))
        else:
            listings.append(MemoListing(memo, document, target))
    return listings
