"""Memos: the researcher's notes on a code, a coding, a transcript, a group, a concept — anything."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sdi.workflow.check import brief
from sdi.workflow.errors import WorkflowError, require

if TYPE_CHECKING:  # the models load where memos are read or written, not with `MemoView` (the first screen's)
    from sdi.workflow.project import Project


@dataclass(frozen=True)
class MemoView:
    id: int
    target_type: str
    target_id: int | None
    title: str
    text: str
    author: str
    updated_at: dt.datetime


def _check_target(target_type: str) -> None:
    from sdi.storage.models.audit import TARGET_TYPES

    if target_type not in TARGET_TYPES:
        raise WorkflowError(key="error.memo.target", target=target_type)


def memos_for(project: Project, target_type: str, target_id: int | None) -> list[MemoView]:
    from sqlalchemy import select

    from sdi.storage.models import Coder, Memo

    _check_target(target_type)
    with project.store.reading() as session:
        rows = session.execute(
            select(Memo, Coder.name)
            .outerjoin(Coder, Coder.id == Memo.author_id)
            .where(Memo.target_type == target_type, Memo.target_id == target_id)
            .order_by(Memo.created_at, Memo.id)
        ).all()
    return [
        MemoView(m.id, m.target_type, m.target_id, m.title, m.text, name or "", m.updated_at)
        for m, name in rows
    ]


def write_memo(
    project: Project,
    target_type: str,
    target_id: int | None,
    text: str,
    title: str = "",
    memo_id: int | None = None,
) -> int:
    """Create a memo, or replace the text of memo `memo_id`."""
    from sdi.storage.base import utcnow
    from sdi.storage.models import Memo

    _check_target(target_type)
    with project.store.transaction() as session:
        if memo_id is None:
            memo = Memo(
                target_type=target_type,
                target_id=target_id,
                title=title,
                text=text,
                author_id=project.coder_id(session),
            )
            session.add(memo)
            session.flush()
            project.record(
                session, "memo", target_type, target_id, f"nytt memo: {title or brief(text)}", memo_id=memo.id
            )
        else:
            memo = require(session, Memo, memo_id, "memo")
            memo.text, memo.title, memo.updated_at = text, title or memo.title, utcnow()
            project.record(
                session,
                "edit-memo",
                memo.target_type,
                memo.target_id,
                f"endret memo {memo_id}",
                memo_id=memo_id,
            )
        return memo.id


def delete_memo(project: Project, memo_id: int) -> None:
    from sdi.storage.models import Memo

    with project.store.transaction() as session:
        memo = require(session, Memo, memo_id, "memo")
        session.delete(memo)
        project.record(session, "delete-memo", memo.target_type, memo.target_id, f"slettet memo {memo_id}")
