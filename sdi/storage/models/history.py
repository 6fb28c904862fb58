"""Undo history: every undoable action as an entry with the row images it changed, so undo and redo work
across screens and survive a restart (and a crash: the entry commits with the change itself)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sdi.storage.base import Base, utcnow


class HistoryEntry(Base):
    """One undoable action of one coder. `state`: done → undone (redo possible) → discarded (a new action
    was taken after the undo, so the redo is gone)."""

    __tablename__ = "history_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    label: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12), default="done", index=True)

    changes: Mapped[list[HistoryChange]] = relationship(
        order_by="HistoryChange.position", cascade="all, delete-orphan"
    )


class HistoryChange(Base):
    """One row's before and after image (None before = inserted, None after = deleted)."""

    __tablename__ = "history_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("history_entries.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    table_name: Mapped[str] = mapped_column(String(60))
    row_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
