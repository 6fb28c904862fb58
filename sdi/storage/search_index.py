"""The full-text index, in each engine's own machinery: a contentless FTS5 table on SQLite (the lemmas and
the word forms that differ from them), a tsvector column with a GIN index on PostgreSQL. Callers describe a
search as `Clause`s; the engine syntax stays here."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Select, Table, column, delete, func, insert, literal_column, select, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnClause

from sdi.storage.models import Document, Utterance, UtteranceIndex
from sdi.storage.search_query import Clause as Clause
from sdi.storage.search_query import fts5_expression, tsquery_expression


@dataclass(frozen=True)
class IndexRow:
    utterance_id: int
    text: str  # the turn's text, as written
    lemmas: str  # the lowercased lemma of every word, in order
    forms: str  # word forms a prefix search needs besides the lemmas (`word_forms`)
    sentences: list[list[int]]
    entities: list[list[object]]


_WORD = re.compile(r"\w+")


def word_forms(text: str, lemmas: str, skip: Collection[str] = ()) -> str:
    """The turn's distinct lowercased word forms that are not among its lemmas (nor in `skip`, the stop
    words): what a prefix search needs besides the lemmas (barnehagen* after barnehage), without indexing
    every word twice."""
    known = set(_WORD.findall(lemmas)).union(skip)
    return " ".join(w for w in dict.fromkeys(_WORD.findall(text.lower())) if w not in known)


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def add_rows(session: Session, rows: Sequence[IndexRow]) -> None:
    if not rows:
        return
    session.execute(  # plain rows, not one ORM object per turn
        insert(cast(Table, UtteranceIndex.__table__)),
        [{"utterance_id": r.utterance_id, "sentences": r.sentences, "entities": r.entities} for r in rows],
    )
    dialect = _dialect(session)
    if dialect == "sqlite":
        session.execute(
            text("INSERT INTO utterance_fts (rowid, lemmas, forms) VALUES (:id, :lemmas, :forms)"),
            [{"id": r.utterance_id, "lemmas": r.lemmas, "forms": r.forms} for r in rows],
        )
    elif dialect == "postgresql":
        session.execute(
            text(
                "UPDATE utterance_index SET search = to_tsvector('norwegian', :text) || "
                "to_tsvector('simple', :lemmas), lemmas = :lemmas WHERE utterance_id = :id"
            ),
            [{"id": r.utterance_id, "text": r.text, "lemmas": r.lemmas} for r in rows],
        )


def indexed_tokens(session: Session, utterance_ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """(lemmas, forms) as the FTS5 index holds them for each turn, read back from the index itself
    (fts5vocab, one pass over it): the lemmas are stored nowhere else."""
    wanted = set(utterance_ids)
    if not wanted:
        return {}
    tokens: dict[int, list[list[tuple[int, str]]]] = {i: [[], []] for i in wanted}
    for doc, part, offset, term in session.execute(
        text("SELECT doc, col, offset, term FROM utterance_fts_instance WHERE doc BETWEEN :lo AND :hi"),
        {"lo": min(wanted), "hi": max(wanted)},
    ):
        if doc in wanted:
            tokens[doc][0 if part == "lemmas" else 1].append((offset, term))
    return {
        i: (" ".join(t for _, t in sorted(lemmas)), " ".join(t for _, t in sorted(forms)))
        for i, (lemmas, forms) in tokens.items()
    }


def turn_lemmas(session: Session, utterance_ids: Collection[int] | None = None) -> dict[int, str]:
    """Each turn's lemmas in order (all indexed turns when `utterance_ids` is None), as stored at import:
    read back from the FTS5 index on SQLite, from their column beside the tsvector on PostgreSQL."""
    if _dialect(session) == "sqlite":
        if utterance_ids is None:
            utterance_ids = list(session.scalars(select(UtteranceIndex.utterance_id)))
        return {uid: held[0] for uid, held in indexed_tokens(session, utterance_ids).items()}
    if utterance_ids is None:
        rows = session.execute(text("SELECT utterance_id, lemmas FROM utterance_index"))
    else:
        ids = list(utterance_ids)
        rows = session.execute(
            text("SELECT utterance_id, lemmas FROM utterance_index WHERE utterance_id = ANY(:ids)"),
            {"ids": ids},
        )
    return {int(uid): words for uid, words in rows}


def remove_document(session: Session, document_id: int) -> None:
    """Take a transcript's turns out of the index (before its turns are replaced by a new version).

    A contentless FTS5 table forgets a row only when told the exact tokens it indexed; they are read back
    from the index (this SQLite predates FTS5's contentless_delete)."""
    turns = select(Utterance.id).where(Utterance.document_id == document_id)
    if _dialect(session) == "sqlite":
        ids = session.scalars(
            select(UtteranceIndex.utterance_id).where(UtteranceIndex.utterance_id.in_(turns))
        )
        held = indexed_tokens(session, list(ids))
        if held:
            session.execute(
                text("INSERT INTO utterance_fts (utterance_fts, rowid, lemmas, forms) "
                     "VALUES ('delete', :id, :lemmas, :forms)"),
                [{"id": i, "lemmas": lemmas, "forms": forms} for i, (lemmas, forms) in held.items()],
            )  # fmt: skip
    session.execute(delete(UtteranceIndex).where(UtteranceIndex.utterance_id.in_(turns)))


def compact(session: Session) -> None:
    """Merge the index's segments into one after a bulk import (smaller on disk, quicker to query)."""
    if _dialect(session) == "sqlite":
        session.execute(text("INSERT INTO utterance_fts (utterance_fts) VALUES ('optimize')"))


def unindexed_turns(session: Session, document_id: int) -> list[tuple[int, int, int]]:
    """(id, start, end) of the transcript's turns that are not indexed, in order: plain numbers, so a
    transcript of hundreds of thousands of turns is not loaded as objects."""
    rows = session.execute(
        select(Utterance.id, Utterance.start, Utterance.end)
        .outerjoin(UtteranceIndex, UtteranceIndex.utterance_id == Utterance.id)
        .where(Utterance.document_id == document_id, UtteranceIndex.utterance_id.is_(None))
        .order_by(Utterance.seq)
    )
    return [(ident, start, end) for ident, start, end in rows]


def unindexed_utterances(session: Session, document_id: int) -> list[Utterance]:
    return list(
        session.scalars(
            select(Utterance)
            .outerjoin(UtteranceIndex, UtteranceIndex.utterance_id == Utterance.id)
            .where(Utterance.document_id == document_id, UtteranceIndex.utterance_id.is_(None))
            .order_by(Utterance.seq)
        )
    )


def match(
    session: Session,
    clauses: Sequence[Clause],
    limit: int,
    *,
    require_all: bool = True,
    within: Select[int] | None = None,
) -> list[tuple[int, float]]:
    """(utterance id, score) of the best matches, best first; needs one clause that is not negated.
    `require_all=False` ranks turns matching any of the clauses (more matches rank higher). `within`, a
    select of utterance ids, restricts the match in the same query, so the limit counts admitted turns."""
    if not any(not c.negated for c in clauses):
        return []
    if _dialect(session) == "sqlite":
        fts = table("utterance_fts", column("rowid"))
        found: ColumnClause[Any] = literal_column("utterance_fts")
        score = func.bm25(found).label("score")
        query = select(fts.c.rowid, score).where(found.op("MATCH")(fts5_expression(clauses, require_all)))
        if within is not None:
            # The unary plus keeps SQLite from handing the rowid list to FTS5 as its access path (one MATCH
            # per admitted turn: 10–15× slower on a 1M-word corpus); the list is then checked per match.
            query = query.where(literal_column("+utterance_fts.rowid").in_(within))
        rows = session.execute(query.order_by(score).limit(limit))
        return [(int(r[0]), -float(r[1])) for r in rows]
    vector: ColumnClause[Any] = literal_column("utterance_index.search")
    wanted = func.to_tsquery(literal_column("'simple'"), tsquery_expression(clauses, require_all))
    rank = func.ts_rank(vector, wanted).label("score")
    query = select(UtteranceIndex.utterance_id, rank).where(vector.op("@@")(wanted))
    if within is not None:
        query = query.where(UtteranceIndex.utterance_id.in_(within))
    rows = session.execute(query.order_by(rank.desc(), UtteranceIndex.utterance_id).limit(limit))
    return [(int(r[0]), float(r[1])) for r in rows]


def count_matches(
    session: Session, clauses: Sequence[Clause], *, within: Select[int] | None = None
) -> int:
    """How many turns `match` would find without a limit — so a face can say «20 of 24»."""
    if not any(not c.negated for c in clauses):
        return 0
    if _dialect(session) == "sqlite":
        fts = table("utterance_fts", column("rowid"))
        found: ColumnClause[Any] = literal_column("utterance_fts")
        query = select(func.count()).select_from(fts).where(found.op("MATCH")(fts5_expression(clauses)))
        if within is not None:
            query = query.where(literal_column("+utterance_fts.rowid").in_(within))
        return int(session.scalar(query) or 0)
    vector: ColumnClause[Any] = literal_column("utterance_index.search")
    wanted = func.to_tsquery(literal_column("'simple'"), tsquery_expression(clauses))
    query = select(func.count()).select_from(UtteranceIndex).where(vector.op("@@")(wanted))
    if within is not None:
        query = query.where(UtteranceIndex.utterance_id.in_(within))
    return int(session.scalar(query) or 0)


def rebuild(session: Session, lemmas: dict[int, str], stop: Collection[str] = ()) -> int:
    """Fill the engine's full-text index for the stored `utterance_index` rows from `lemmas` (each turn's, as
    `turn_lemmas` read them from the source of `sdi db copy`, which copies rows but not the engine-specific
    index); `stop` keeps stop words out of the extra word forms, as at import. Returns the turns indexed."""
    dialect = _dialect(session)
    if dialect == "sqlite":
        session.execute(text("INSERT INTO utterance_fts (utterance_fts) VALUES ('delete-all')"))
    indexed = 0
    for document_id, document_text in session.execute(select(Document.id, Document.text)):
        rows = session.execute(
            select(UtteranceIndex.utterance_id, Utterance.start, Utterance.end)
            .join(Utterance, Utterance.id == UtteranceIndex.utterance_id)
            .where(Utterance.document_id == document_id)
        ).all()
        values = []
        for uid, start, end in rows:
            words = lemmas.get(uid, "")
            turn = document_text[start:end]
            values.append({"id": uid, "text": turn, "lemmas": words, "forms": word_forms(turn, words, stop)})
        if not values:
            continue
        if dialect == "sqlite":
            session.execute(
                text("INSERT INTO utterance_fts (rowid, lemmas, forms) VALUES (:id, :lemmas, :forms)"), values
            )
        elif dialect == "postgresql":
            session.execute(
                text(
                    "UPDATE utterance_index SET search = to_tsvector('norwegian', :text) || "
                    "to_tsvector('simple', :lemmas), lemmas = :lemmas WHERE utterance_id = :id"
                ),
                values,
            )
        indexed += len(values)
    return indexed


def indexed_count(session: Session) -> int:
    """Turns the engine's full-text index holds (to verify a rebuild)."""
    if _dialect(session) == "sqlite":
        return int(session.execute(text("SELECT count(*) FROM utterance_fts")).scalar() or 0)
    return int(
        session.execute(text("SELECT count(*) FROM utterance_index WHERE search IS NOT NULL")).scalar() or 0
    )


POSTGRES_TERMS_BY_FILTER = 24  # up to this many, one indexed count each; beyond, one pass of ts_stat


def term_document_counts(session: Session, terms: Collection[str]) -> tuple[int, dict[str, int]]:
    """(turns indexed, {term: turns whose lemmas or words hold it}) for single-word `terms`; a term no turn
    holds counts 0. What the similarity engine weighs words by (inverse document frequency)."""
    from sdi.storage.lean import session_reader, single_words, sqlite_term_counts

    if _dialect(session) == "sqlite":
        return sqlite_term_counts(session_reader(session), terms)
    wanted = single_words(terms)
    counts = dict.fromkeys(wanted, 0)
    turns = indexed_count(session)
    if not wanted or not turns:
        return turns, counts
    if len(wanted) <= POSTGRES_TERMS_BY_FILTER:
        parts = ", ".join(  # one count through the GIN index per term
            f"(SELECT count(*) FROM utterance_index WHERE search @@ plainto_tsquery('simple', :t{n}))"
            for n in range(len(wanted))
        )
        row = session.execute(text(f"SELECT {parts}"), {f"t{n}": term for n, term in enumerate(wanted)}).one()
        counts.update({term: int(value) for term, value in zip(wanted, row, strict=True)})
        return turns, counts
    rows = session.execute(
        text("SELECT word, ndoc FROM ts_stat('SELECT search FROM utterance_index') WHERE word = ANY(:terms)"),
        {"terms": wanted},
    )
    counts.update({str(word): int(ndoc) for word, ndoc in rows})
    return turns, counts
