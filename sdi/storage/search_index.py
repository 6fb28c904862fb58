"""The full-text index, in each engine's own machinery: a contentless FTS5 table on SQLite, a tsvector column
with a GIN index on PostgreSQL. Callers describe a search as `Clause`s; the engine syntax stays here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, column, delete, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from sdi.storage.models import Document, Utterance, UtteranceIndex


@dataclass(frozen=True)
class Clause:
    """One part of a search: `term` (a lemma), `phrase` (lemmas in sequence) or `prefix` (a word start)."""

    kind: str
    words: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class IndexRow:
    utterance_id: int
    document_id: int
    text: str  # the turn's text, indexed as written
    lemmas: str
    sentences: list[list[int]]
    entities: list[list[object]]
    pipeline: str


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def add_rows(session: Session, rows: Sequence[IndexRow]) -> None:
    if not rows:
        return
    session.add_all(
        UtteranceIndex(utterance_id=r.utterance_id, document_id=r.document_id, lemmas=r.lemmas,
                       sentences=r.sentences, entities=r.entities, pipeline=r.pipeline)
        for r in rows
    )  # fmt: skip
    session.flush()
    values = [{"id": r.utterance_id, "text": r.text, "lemmas": r.lemmas} for r in rows]
    dialect = _dialect(session)
    if dialect == "sqlite":
        session.execute(
            text("INSERT INTO utterance_fts (rowid, text, lemmas) VALUES (:id, :text, :lemmas)"), values
        )
    elif dialect == "postgresql":
        session.execute(
            text(
                "UPDATE utterance_index SET search = to_tsvector('norwegian', :text) || "
                "to_tsvector('simple', :lemmas) WHERE utterance_id = :id"
            ),
            values,
        )


def remove_document(session: Session, document_id: int, document_text: str) -> None:
    """Take a transcript's turns out of the index (before its turns are replaced by a new version).

    A contentless FTS5 table forgets a row only when told the exact values it indexed, so the old text and
    lemmas are handed back to it."""
    if _dialect(session) == "sqlite":
        rows = session.execute(
            select(UtteranceIndex.utterance_id, UtteranceIndex.lemmas, Utterance.start, Utterance.end)
            .join(Utterance, Utterance.id == UtteranceIndex.utterance_id)
            .where(UtteranceIndex.document_id == document_id)
        ).all()
        if rows:
            session.execute(
                text("INSERT INTO utterance_fts (utterance_fts, rowid, text, lemmas) "
                     "VALUES ('delete', :id, :text, :lemmas)"),
                [{"id": i, "text": document_text[s:e], "lemmas": lemmas} for i, lemmas, s, e in rows],
            )  # fmt: skip
    session.execute(delete(UtteranceIndex).where(UtteranceIndex.document_id == document_id))


def unindexed_utterances(session: Session, document_id: int) -> list[Utterance]:
    indexed = select(UtteranceIndex.utterance_id).where(UtteranceIndex.document_id == document_id)
    return list(
        session.scalars(
            select(Utterance)
            .where(Utterance.document_id == document_id, Utterance.id.not_in(indexed))
            .order_by(Utterance.seq)
        )
    )


def _fts5(clauses: Sequence[Clause], require_all: bool = True) -> str:
    def quoted(words: Sequence[str]) -> str:
        return '"' + " ".join(words).replace('"', '""') + '"'

    def one(clause: Clause) -> str:
        if clause.kind == "prefix":
            return "{text lemmas} : " + quoted(clause.words) + "*"
        return "lemmas : " + quoted(clause.words)

    positive = (" AND " if require_all else " OR ").join(one(c) for c in clauses if not c.negated)
    negative = [one(c) for c in clauses if c.negated]
    return f"({positive})" + "".join(f" NOT ({n})" for n in negative)


def _tsquery(clauses: Sequence[Clause], require_all: bool = True) -> str:
    def lexeme(word: str) -> str:
        return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"

    def one(clause: Clause) -> str:
        if clause.kind == "prefix":
            return lexeme(clause.words[0]) + ":*"
        return "(" + " <-> ".join(lexeme(w) for w in clause.words) + ")"

    positive = (" & " if require_all else " | ").join(one(c) for c in clauses if not c.negated)
    return "(" + positive + ")" + "".join(f" & !{one(c)}" for c in clauses if c.negated)


def match(
    session: Session,
    clauses: Sequence[Clause],
    limit: int,
    *,
    require_all: bool = True,
    within: Select[tuple[int]] | None = None,
) -> list[tuple[int, float]]:
    """(utterance id, score) of the best matches, best first; needs one clause that is not negated.
    `require_all=False` ranks turns matching any of the clauses (more matches rank higher). `within`, a
    select of utterance ids, restricts the match in the same query, so the limit counts admitted turns."""
    if not any(not c.negated for c in clauses):
        return []
    if _dialect(session) == "sqlite":
        fts = table("utterance_fts", column("rowid"))
        found = literal_column("utterance_fts")
        score = func.bm25(found).label("score")
        query = select(fts.c.rowid, score).where(found.op("MATCH")(_fts5(clauses, require_all)))
        if within is not None:
            # The unary plus keeps SQLite from handing the rowid list to FTS5 as its access path (one MATCH
            # per admitted turn: 10–15× slower on a 1M-word corpus); the list is then checked per match.
            query = query.where(literal_column("+utterance_fts.rowid").in_(within))
        rows = session.execute(query.order_by(score).limit(limit))
        return [(int(r[0]), -float(r[1])) for r in rows]
    vector = literal_column("utterance_index.search")
    wanted = func.to_tsquery(literal_column("'simple'"), _tsquery(clauses, require_all))
    rank = func.ts_rank(vector, wanted).label("score")
    query = select(UtteranceIndex.utterance_id, rank).where(vector.op("@@")(wanted))
    if within is not None:
        query = query.where(UtteranceIndex.utterance_id.in_(within))
    rows = session.execute(query.order_by(rank.desc(), UtteranceIndex.utterance_id).limit(limit))
    return [(int(r[0]), float(r[1])) for r in rows]


def rebuild(session: Session) -> int:
    """Fill the engine's full-text index from the stored `utterance_index` rows (after `sdi db copy`, which
    copies the rows but not the engine-specific index). Returns the number of turns indexed."""
    dialect = _dialect(session)
    if dialect == "sqlite":
        session.execute(text("INSERT INTO utterance_fts (utterance_fts) VALUES ('delete-all')"))
    indexed = 0
    for document_id, document_text in session.execute(select(Document.id, Document.text)):
        rows = session.execute(
            select(UtteranceIndex.utterance_id, UtteranceIndex.lemmas, Utterance.start, Utterance.end)
            .join(Utterance, Utterance.id == UtteranceIndex.utterance_id)
            .where(UtteranceIndex.document_id == document_id)
        ).all()
        values = [{"id": i, "text": document_text[s:e], "lemmas": lemmas} for i, lemmas, s, e in rows]
        if not values:
            continue
        if dialect == "sqlite":
            session.execute(
                text("INSERT INTO utterance_fts (rowid, text, lemmas) VALUES (:id, :text, :lemmas)"), values
            )
        elif dialect == "postgresql":
            session.execute(
                text(
                    "UPDATE utterance_index SET search = to_tsvector('norwegian', :text) || "
                    "to_tsvector('simple', :lemmas) WHERE utterance_id = :id"
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
