"""Quote sets (SDI step 5, writing): codings gathered as quotes for a poster or a paper, ordered, each with
an edited display version (cuts marked «[…]», hesitations removed) while the original stays in the
transcript."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from sdi.storage.history import delete_children
from sdi.storage.models import Coding, FocusGroup, Participant, Quote, QuoteSet
from sdi.workflow.context import CodingContext, coding_contexts
from sdi.workflow.errors import WorkflowError, refused_if_taken, require
from sdi.workflow.project import Project

CUT = "[…]"
# Hesitations and fillers that a display version usually drops (spoken bokmål and dialect).
_HESITATION = re.compile(r"(?<!\w)(?:e+h+m*|ehm|øh+m*|hm+|mm+)(?!\w)[,.]?\s*", re.IGNORECASE)
_CUE = re.compile(
    r"\s*[(\[](?:ler|latter|pause|flere ler|utydelig|avbrutt|kremter|sukker)[^)\]]{0,30}[)\]]\s*",
    re.IGNORECASE,
)
_REPEAT = re.compile(r"\b(\w+)(?:,?\s+\1\b)+", re.IGNORECASE)


@dataclass(frozen=True)
class QuoteSetSummary:
    id: int
    name: str
    description: str
    quotes: int


@dataclass(frozen=True)
class QuoteView:
    id: int
    position: int
    display: str  # what goes into the paper
    original: str  # the coded words as transcribed
    edited: bool
    note: str
    context: CodingContext

    @property
    def attribution(self) -> str:
        return self.context.attribution


@dataclass(frozen=True)
class QuoteSetExport:
    """What a Word export of a quote set needs, as plain data."""

    name: str
    description: str
    quotes: tuple[QuoteView, ...]
    participants_per_category: dict[str, int]  # informants (not moderators) per category (or group, if none)
    pseudonymised_names: tuple[str, ...]  # every real name the project knows: must never reach an export


def quote_set_export(project: Project, set_id: int) -> QuoteSetExport:
    with project.store.reading() as session:
        quote_set = require(session, QuoteSet, set_id, "quote set")
        name, description = quote_set.name, quote_set.description
        category = func.coalesce(func.nullif(FocusGroup.category, ""), FocusGroup.name)  # as a poster panel
        per_category: dict[str, int] = dict(
            session.execute(
                select(category, func.count(Participant.id))
                .join(Participant, Participant.group_id == FocusGroup.id)
                .where(Participant.is_moderator.is_(False))
                .group_by(category)
            ).all()
        )
    return QuoteSetExport(
        name,
        description,
        tuple(quotes_of_set(project, set_id)),
        per_category,
        tuple(project.config.known_names),
    )


def find_quote_set(project: Project, reference: str) -> int:
    """A quote set by id or by name (case-insensitive)."""
    sets = list_quote_sets(project)
    for item in sets:
        if str(item.id) == reference.strip() or item.name.casefold() == reference.strip().casefold():
            return item.id
    names = ", ".join(f"«{s.name}»" for s in sets) or "none yet"
    raise WorkflowError(key="error.quote.no_set", reference=reference, names=names)


def tidy_display(text: str) -> str:
    """A suggested display version: hesitations, non-speech cues and stutter repeats removed."""
    tidy = _CUE.sub(" ", text)
    tidy = _HESITATION.sub("", tidy)
    tidy = _REPEAT.sub(r"\1", tidy)
    tidy = re.sub(r"\s+([,.!?])", r"\1", re.sub(r"\s{2,}", " ", tidy)).strip(" ,")
    return tidy[:1].upper() + tidy[1:] if tidy else tidy


def list_quote_sets(project: Project) -> list[QuoteSetSummary]:
    with project.store.reading() as session:
        counts = dict(
            session.execute(select(Quote.quote_set_id, func.count()).group_by(Quote.quote_set_id)).all()
        )
        sets = session.scalars(select(QuoteSet).order_by(QuoteSet.name)).all()
        return [QuoteSetSummary(s.id, s.name, s.description, counts.get(s.id, 0)) for s in sets]


def create_quote_set(project: Project, name: str, description: str = "") -> int:
    name = " ".join(name.split())
    if not name:
        raise WorkflowError(key="error.quote.name_needed")
    with project.store.transaction() as session:
        if session.scalar(select(QuoteSet.id).where(QuoteSet.name == name)) is not None:
            raise WorkflowError(key="error.quote.set_exists", name=name)
        quote_set = QuoteSet(name=name, description=description)
        with refused_if_taken(session, WorkflowError(key="error.quote.set_exists", name=name)):
            session.add(quote_set)
        project.record(session, "create-quote-set", "quote_set", quote_set.id, f"nytt sitatsett: {name}")
        return quote_set.id


def rename_quote_set(project: Project, set_id: int, name: str) -> None:
    name = " ".join(name.split())
    with project.store.transaction() as session:
        quote_set = require(session, QuoteSet, set_id, "quote set")
        if not name:
            raise WorkflowError(key="error.quote.name_needed")
        clash = session.scalar(select(QuoteSet.id).where(QuoteSet.name == name, QuoteSet.id != set_id))
        if clash is not None:
            raise WorkflowError(key="error.quote.set_exists", name=name)
        old = quote_set.name
        with refused_if_taken(session, WorkflowError(key="error.quote.set_exists", name=name)):
            quote_set.name = name
        project.record(session, "rename-quote-set", "quote_set", set_id, f"«{old}» → «{name}»")


def delete_quote_set(project: Project, set_id: int) -> None:
    with project.store.transaction() as session:
        quote_set = require(session, QuoteSet, set_id, "quote set")
        delete_children(session, quote_set, "quotes")
        session.delete(quote_set)
        project.record(
            session, "delete-quote-set", "quote_set", set_id, f"slettet sitatsettet «{quote_set.name}»"
        )


def add_quote(project: Project, set_id: int, coding_id: int, display: str | None = None) -> int:
    """Append a coding to a quote set; returns the quote id."""
    with project.store.transaction() as session:
        quote_set = require(session, QuoteSet, set_id, "quote set")
        require(session, Coding, coding_id, "coding")
        if any(q.coding_id == coding_id for q in quote_set.quotes):
            raise WorkflowError(key="error.quote.already", name=quote_set.name)
        quote = Quote(
            quote_set_id=set_id, coding_id=coding_id, position=len(quote_set.quotes), display_text=display
        )
        session.add(quote)
        session.flush()
        project.record(session, "add-quote", "quote", quote.id, f"la til sitat i «{quote_set.name}»")
        return quote.id


def move_quote(project: Project, quote_id: int, position: int) -> None:
    """Move a quote to `position` (0-based) within its set."""
    with project.store.transaction() as session:
        quote = require(session, Quote, quote_id, "quote")
        quotes = list(quote.quote_set.quotes)
        quotes.remove(quote)
        quotes.insert(max(0, min(position, len(quotes))), quote)
        for index, item in enumerate(quotes):
            if item.position != index:
                item.position = index
        project.record(session, "move-quote", "quote", quote_id, f"flyttet sitat til plass {position + 1}")


def edit_display(project: Project, quote_id: int, display: str | None) -> None:
    """Set the display version (None: back to the original words)."""
    with project.store.transaction() as session:
        quote = require(session, Quote, quote_id, "quote")
        quote.display_text = display.strip() if display and display.strip() else None
        project.record(session, "edit-quote", "quote", quote_id, "redigerte sitatets visningstekst")


def remove_quote(project: Project, quote_id: int) -> None:
    with project.store.transaction() as session:
        quote = require(session, Quote, quote_id, "quote")
        quote_set = quote.quote_set
        session.delete(quote)
        session.flush()
        for index, item in enumerate(q for q in quote_set.quotes if q.id != quote_id):
            if item.position != index:
                item.position = index
        project.record(session, "remove-quote", "quote", quote_id, f"fjernet sitat fra «{quote_set.name}»")


def quotes_of_set(project: Project, set_id: int) -> list[QuoteView]:
    with project.store.reading() as session:
        quotes = session.scalars(
            select(Quote).where(Quote.quote_set_id == set_id).order_by(Quote.position)
        ).all()
        contexts = {c.coding_id: c for c in coding_contexts(session, [q.coding_id for q in quotes])}
        views = []
        for q in quotes:
            context = contexts[q.coding_id]
            display = q.display_text or context.text
            views.append(
                QuoteView(
                    q.id, q.position, display, context.text, q.display_text is not None, q.note, context
                )
            )
        return views
