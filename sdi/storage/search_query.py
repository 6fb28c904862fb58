"""A search as the index is asked it: `Clause`s, written as an FTS5 expression (SQLite) or a tsquery
(PostgreSQL), and the plain SQL of an FTS5 search. Pure strings, no SQLAlchemy: the full-text index
(`sdi.storage.search_index`) and the lean read path of a cold `sdi search` (`sdi.storage.lean`) use the
same text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Clause:
    """One part of a search: `term` (a lemma), `phrase` (lemmas in sequence) or `prefix` (a word start)."""

    kind: str
    words: tuple[str, ...]
    negated: bool = False
    # For a term or phrase: per word, the lemmas any of which matches it there (a query word read without
    # context stands for every lemma it may have); empty: each word is its own only choice.
    choices: tuple[tuple[str, ...], ...] = ()

    def alternatives(self) -> tuple[tuple[str, ...], ...]:
        """Per word of the clause, the lemmas that match it."""
        return self.choices or tuple((word,) for word in self.words)


PHRASES_AT_MOST = 64  # a phrase whose words have several lemmas each: the sequences FTS5 is asked for


def fts5_expression(clauses: Sequence[Clause], require_all: bool = True) -> str:
    def quoted(words: Sequence[str]) -> str:
        return '"' + " ".join(words).replace('"', '""') + '"'

    def one(clause: Clause) -> str:
        if clause.kind == "prefix":
            return "{lemmas forms} : " + quoted(clause.words) + "*"
        # FTS5 has no alternatives inside a phrase: every sequence, joined by OR
        sequences: list[tuple[str, ...]] = [()]
        for choice in clause.alternatives():
            sequences = [(*seq, word) for seq in sequences for word in choice][:PHRASES_AT_MOST]
        if len(sequences) == 1:
            return "lemmas : " + quoted(sequences[0])
        return "lemmas : (" + " OR ".join(quoted(seq) for seq in sequences) + ")"

    positive = (" AND " if require_all else " OR ").join(one(c) for c in clauses if not c.negated)
    negative = [one(c) for c in clauses if c.negated]
    return f"({positive})" + "".join(f" NOT ({n})" for n in negative)


def tsquery_expression(clauses: Sequence[Clause], require_all: bool = True) -> str:
    def lexeme(word: str) -> str:
        return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"

    def one(clause: Clause) -> str:
        if clause.kind == "prefix":
            return lexeme(clause.words[0]) + ":*"
        words = ("(" + " | ".join(lexeme(w) for w in choice) + ")" for choice in clause.alternatives())
        return "(" + " <-> ".join(words) + ")"

    positive = (" & " if require_all else " | ").join(one(c) for c in clauses if not c.negated)
    return "(" + positive + ")" + "".join(f" & !{one(c)}" for c in clauses if c.negated)


# The best matches (bm25: lower is better) and how many there are, as `search_index.match` and
# `count_matches` ask SQLite without a filter.
FTS5_MATCH = (
    "SELECT utterance_fts.rowid, bm25(utterance_fts) AS score FROM utterance_fts "
    "WHERE utterance_fts MATCH :expression ORDER BY score LIMIT :limit"
)
FTS5_COUNT = "SELECT count(*) FROM utterance_fts WHERE utterance_fts MATCH :expression"

# A page of an unfiltered search on SQLite in one statement: the best matches (`FTS5_MATCH`, ties in rowid
# order) with what a hit shows of each turn (id, score, transcript id, path, group, stage, line, speaker,
# role, start, end, the transcript's content hash) and how many turns match in all; a match whose turn row
# is gone comes back with NULLs after its score.
FTS5_PAGE = (
    "SELECT m.rowid, m.score, u.document_id, d.source_path, g.name, s.number, u.line, u.speaker, p.role, "
    'u.start, u."end", d.content_hash, '
    "(SELECT count(*) FROM utterance_fts WHERE utterance_fts MATCH :expression) "
    "FROM (SELECT utterance_fts.rowid AS rowid, bm25(utterance_fts) AS score FROM utterance_fts "
    "WHERE utterance_fts MATCH :expression ORDER BY score, rowid LIMIT :limit) AS m "
    "LEFT JOIN utterances u ON u.id = m.rowid LEFT JOIN documents d ON d.id = u.document_id "
    "LEFT JOIN stages s ON s.id = d.stage_id LEFT JOIN focus_groups g ON g.id = s.group_id "
    "LEFT JOIN participants p ON p.id = u.participant_id ORDER BY m.score, m.rowid"
)
