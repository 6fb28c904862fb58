"""Step 5 of SDI, writing: ordered quote sets for posters and papers."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sdi.storage.base import Base, CreatedMixin, UidMixin
from sdi.storage.models.analysis import Coding


class QuoteSet(UidMixin, CreatedMixin, Base):
    """A named, ordered selection of quotes, e.g. «Poster» or «Artikkel 1»."""

    __tablename__ = "quote_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")

    quotes: Mapped[list[Quote]] = relationship(
        back_populates="quote_set", order_by="Quote.position", cascade="all, delete-orphan"
    )


class Quote(UidMixin, CreatedMixin, Base):
    """A coding used as a quote. `display_text` is the edited version (cuts «[…]»); the original stays in
    the transcript, reachable through the coding."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_set_id: Mapped[int] = mapped_column(ForeignKey("quote_sets.id", ondelete="CASCADE"), index=True)
    coding_id: Mapped[int] = mapped_column(ForeignKey("codings.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    display_text: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")

    quote_set: Mapped[QuoteSet] = relationship(back_populates="quotes")
    coding: Mapped[Coding] = relationship()
