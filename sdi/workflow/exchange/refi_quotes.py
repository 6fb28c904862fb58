"""Quote sets and concepts' key quotes from a REFI-QDA file, as `sdi.workflow.exchange.refi` writes them (the
schema has no way to put a selection in a Set, so a quote is a Note the coded passage's selection points
at, listed in order by a Set). Called by `refi_import` inside its transaction. Files of other tools have no
such Sets; for them nothing here happens, and their notes stay memos."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.ingest.refi import RefiProject, RefiSet, refi_guid
from sdi.storage.models import CodeGroup, Coding, Concept, ConceptQuote, Quote, QuoteSet
from sdi.workflow.exchange.refi import KEY_QUOTE_PATTERN, QUOTE_SET_PATTERN


@dataclass
class QuoteParts:
    """The file's Sets split: code groups, quote sets, and the notes that are quotes (not memos)."""

    groups: list[RefiSet] = field(default_factory=list)
    quote_sets: list[RefiSet] = field(default_factory=list)
    key_quotes: dict[str, list[str]] = field(default_factory=dict)  # group Set GUID → key-quote notes
    notes: set[str] = field(default_factory=set)


def split_sets(data: RefiProject) -> QuoteParts:
    parts = QuoteParts()
    names = {note.guid: note.name for note in data.notes}
    for item in data.sets:
        if not item.codes and QUOTE_SET_PATTERN.match(item.description):
            parts.quote_sets.append(item)
            parts.notes |= set(item.notes)
            continue
        parts.groups.append(item)
        keys = [guid for guid in item.notes if KEY_QUOTE_PATTERN.match(names.get(guid, ""))]
        if keys:
            parts.key_quotes[item.guid] = keys
            parts.notes |= set(keys)
    return parts


@dataclass
class QuoteCounts:
    quote_sets: int = 0
    quotes: int = 0
    key_quotes: int = 0
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)


def import_quotes(
    session: Session,
    data: RefiProject,
    parts: QuoteParts,
    coding_of: Mapping[str, Coding],
    groups: Mapping[str, CodeGroup],
) -> QuoteCounts:
    """Quote sets matched by GUID, then name; quotes by GUID, then by their passage in the set; key quotes
    by concept and passage. `coding_of` maps a note GUID to the coding whose selection points at it."""
    counts = QuoteCounts()
    notes = {note.guid: note for note in data.notes}
    known_sets = {refi_guid("quote-set", q.uid): q for q in session.scalars(select(QuoteSet))}
    by_name = {q.name: q for q in known_sets.values()}
    known_quotes = {refi_guid("quote", q.uid) for q in session.scalars(select(Quote))}
    for item in parts.quote_sets:
        name = " ".join(item.name.split())[:300] or item.guid[:8]
        quote_set = known_sets.get(item.guid) or by_name.get(name)
        if quote_set is None:
            description = QUOTE_SET_PATTERN.match(item.description)
            quote_set = QuoteSet(uid=item.guid, name=name, description=description.group(1).strip()
                                 if description else "")  # fmt: skip
            session.add(quote_set)
            session.flush()
            by_name[name] = quote_set
            counts.quote_sets += 1
        taken = {q.coding_id for q in quote_set.quotes}
        for guid in item.notes:
            coding, note = coding_of.get(guid), notes.get(guid)
            if coding is None or note is None:
                counts.warnings.append(f"quote {guid} in «{name}» skipped: no coded passage points at it")
                continue
            if guid in known_quotes or coding.id in taken:
                counts.skipped += 1
                continue
            words = coding.document.text[coding.start : coding.end]
            display = note.text if note.text and note.text != words else None
            quote = Quote(uid=guid, quote_set_id=quote_set.id, coding_id=coding.id, display_text=display,
                          position=len(quote_set.quotes), note=note.description)  # fmt: skip
            quote_set.quotes.append(quote)
            taken.add(coding.id)
            counts.quotes += 1
    for set_guid, keys in parts.key_quotes.items():
        group = groups.get(set_guid)
        concept = session.scalar(select(Concept).where(Concept.group_id == group.id)) if group else None
        if concept is None:
            continue
        taken = {k.coding_id for k in concept.key_quotes}
        for guid in keys:
            coding = coding_of.get(guid)
            if coding is None or coding.id in taken:
                counts.skipped += coding is not None
                continue
            concept.key_quotes.append(ConceptQuote(coding_id=coding.id, position=len(concept.key_quotes)))
            taken.add(coding.id)
            counts.key_quotes += 1
    session.flush()
    return counts
