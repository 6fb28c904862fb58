"""The memos of a project for the analysis report: each with the object it is about, named the way the
researcher knows it («Barnehage Fjordvik, runde 1», «kode: Venter til hun er sikker»). Memos on a code
group, its concept or its codes go with that group's section; the rest get a chapter of their own. Called
by `sdi.workflow.report`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.i18n import t
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
    Quote,
    QuoteSet,
    Stage,
    Utterance,
)


@dataclass(frozen=True)
class MemoNote:
    about: str  # the object, named for the reader
    title: str
    text: str
    author: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class ReportMemos:
    by_group: dict[int, tuple[MemoNote, ...]]  # code group id -> memos on it, its concept and its codes
    others: tuple[MemoNote, ...]


def _names(session: Session, language: str) -> dict[str, Callable[[int | None], str]]:
    """Per target type, how to name an object of it."""

    def table(query) -> dict[int, str]:  # type: ignore[no-untyped-def]
        return {ident: name for ident, name in session.execute(query)}

    stage_names = {
        ident: t("mx.transcript", language, group=group, number=number)
        for ident, group, number in session.execute(
            select(Stage.id, FocusGroup.name, Stage.number).join(FocusGroup, FocusGroup.id == Stage.group_id)
        )
    }
    documents = table(select(Document.id, Document.title))
    codes = table(select(Code.id, Code.statement))
    lines = {ident: (document, line) for ident, document, line in
             session.execute(select(Utterance.id, Utterance.document_id, Utterance.line))}  # fmt: skip
    codings = {ident: (code, text) for ident, code, text in
               session.execute(select(Coding.id, Coding.code_id, Coding.anchor_text))}  # fmt: skip
    quote_sets = table(select(QuoteSet.id, QuoteSet.name))
    focus_groups = table(select(FocusGroup.id, FocusGroup.name))
    code_groups = table(select(CodeGroup.id, CodeGroup.name))
    concepts = table(select(Concept.id, Concept.name))
    quotes = table(select(Quote.id, Quote.quote_set_id))
    participants = {ident: f"{name} ({group})" for ident, name, group in session.execute(
        select(Participant.id, Participant.pseudonym, FocusGroup.name)
        .join(FocusGroup, FocusGroup.id == Participant.group_id))}  # fmt: skip

    def about(kind: str, name: str | None) -> str:
        return t(f"report.memo.{kind}", language, name=name if name is not None else "?")

    def turn(ident: int | None) -> str:
        document, line = lines.get(ident or 0, (None, None))
        return about("utterance", f"{documents.get(document or 0, '?')}, {line}")

    def coding(ident: int | None) -> str:
        code, text = codings.get(ident or 0, (None, ""))
        return about("coding", f"{codes.get(code or 0, '?')}: «{' '.join(text.split())[:80]}»")

    def quote(ident: int | None) -> str:
        return about("quote", quote_sets.get(quotes.get(ident or 0, 0)))

    return {
        "project": lambda ident: about("project", ""),
        "focus_group": lambda ident: about("focus_group", focus_groups.get(ident or 0)),
        "stage": lambda ident: about("stage", stage_names.get(ident or 0)),
        "participant": lambda ident: about("participant", participants.get(ident or 0)),
        "document": lambda ident: about("document", documents.get(ident or 0)),
        "utterance": turn,
        "code": lambda ident: about("code", codes.get(ident or 0)),
        "coding": coding,
        "code_group": lambda ident: about("code_group", code_groups.get(ident or 0)),
        "concept": lambda ident: about("concept", concepts.get(ident or 0)),
        "quote_set": lambda ident: about("quote_set", quote_sets.get(ident or 0)),
        "quote": quote,
    }


def report_memos(session: Session, language: str) -> ReportMemos:
    memos = session.execute(
        select(Memo, Coder.name)
        .outerjoin(Coder, Coder.id == Memo.author_id)
        .order_by(Memo.created_at, Memo.id)
    ).all()
    if not memos:
        return ReportMemos({}, ())
    group_of_code = dict(session.execute(select(Code.id, Code.group_id)).all())
    group_of_concept = dict(session.execute(select(Concept.id, Concept.group_id)).all())
    names = _names(session, language)
    by_group: dict[int, list[MemoNote]] = {}
    others: list[MemoNote] = []
    for memo, author in memos:
        namer = names.get(memo.target_type)
        name = namer(memo.target_id) if namer else memo.target_type
        note = MemoNote(name, memo.title, memo.text, author or "", memo.updated_at)
        group = {"code_group": memo.target_id, "concept": group_of_concept.get(memo.target_id or 0),
                 "code": group_of_code.get(memo.target_id or 0)}.get(memo.target_type)  # fmt: skip
        if group is not None:
            by_group.setdefault(group, []).append(note)
        else:
            others.append(note)
    return ReportMemos({g: tuple(notes) for g, notes in by_group.items()}, tuple(others))
