"""Finding a quote that is only half remembered (fuzzy retrieval): the sentences — or whole turns, when the
remembered words run over a sentence boundary — that say most nearly what the researcher typed.

The full-text index narrows the field to the turns sharing most words with the query (its content lemmas,
their synonyms and compound parts); each of their sentences, and each turn as a whole, is then scored by the
similarity engine (`sdi.nlp.similarity`, recall-weighted: the remembered words count more than the
sentence's other words). A turn is listed once, by its best unit. Matches below `RETRIEVAL_FLOOR` are not
listed: a query that matches nothing well gets no look-alikes, and the faces say so."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sdi.nlp.similarity import RETRIEVAL_FLOOR, Likeness, SimilarityEngine, TermWeights, engine, reachable
from sdi.nlp.wording import Wording
from sdi.storage.search_query import FTS5_MATCH, Clause, fts5_expression
from sdi.storage.spans import decode_spans
from sdi.workflow.errors import WorkflowError
from sdi.workflow.likeness import TermCounts, lookup_terms, weights_of
from sdi.workflow.search import TurnHit, marks_of, read_document_texts, read_turn_rows
from sdi.workflow.search_filter import SearchFilter

if TYPE_CHECKING:  # SQLAlchemy loads with the store: a cold `sdi search --fuzzy` reads through lean SQL
    from sdi.config import Config
    from sdi.storage.lean import Reader
    from sdi.workflow.project import Project

CANDIDATE_TURNS = 300
COMMON_WEIGHT = 0.2  # a word this common (by its weight) does not narrow the candidates
RECALL_BETA = 2.0  # F2: the remembered words weigh four times the sentence's own extra words
MIN_PREFIX = 4


@dataclass(frozen=True)
class QuoteMatch:
    score: float  # 0–100, the score that decided the order
    sentence: str  # the matched text: a sentence, or the whole turn when `unit` is "turn"
    start: int  # offsets of the matched text in the transcript
    end: int
    turn: TurnHit
    unit: Literal["sentence", "turn"] = "sentence"
    shared: tuple[tuple[str, str, str], ...] = ()  # (remembered word, word in the quote, how they matched)


def find_quote(
    project: Project, remembered: str, limit: int = 10, within: SearchFilter | None = None
) -> list[QuoteMatch]:
    """The sentences (or turns) most like a half-remembered or paraphrased quote, best first, each with
    the score that placed it; none when nothing reaches `RETRIEVAL_FLOOR`. `within` narrows the search."""
    from sdi.storage.lean import session_reader
    from sdi.storage.search_index import match, term_document_counts
    from sdi.workflow.search_filter import turns_within

    query_text = _query_text(remembered)
    with project.store.reading() as session:
        admitted = turns_within(session, within or SearchFilter())

        def candidates(clauses: list[Clause]) -> list[int]:
            found = match(session, clauses, CANDIDATE_TURNS, require_all=False, within=admitted)
            return [i for i, _ in found]

        def counts(words: Iterable[str]) -> tuple[int, dict[str, int]]:
            return term_document_counts(session, set(words))

        return _find(session_reader(session), counts, candidates, query_text, limit)


def find_quote_at(
    start: Path | None,
    coder: str | None,
    remembered: str,
    limit: int = 10,
    within: SearchFilter | None = None,
) -> tuple[list[QuoteMatch], Config]:
    """`find_quote` in the project at `start` (or found from the cwd), for a command run once: an SQLite
    store at the current schema, searched without filters, is read through `sdi.storage.lean` (the same
    SQL, no SQLAlchemy); anything else is opened as usual."""
    from sdi.storage.lean import sqlite_term_counts
    from sdi.workflow.search import lean_reading

    with lean_reading(start, within) as (read, config):
        if read is not None:
            lean: Reader = read
            query_text = _query_text(remembered)

            def candidates(clauses: list[Clause]) -> list[int]:
                expression = fts5_expression(clauses, require_all=False)
                return [int(row[0]) for row in lean(FTS5_MATCH, expression=expression, limit=CANDIDATE_TURNS)]

            return _find(lean, lambda words: sqlite_term_counts(lean, words), candidates, query_text,
                         limit), config  # fmt: skip
    from sdi.workflow.project import open_project

    project = open_project(start, coder=coder)
    try:
        return find_quote(project, remembered, limit, within), config
    finally:
        project.close()


def _query_text(remembered: str) -> str:
    query_text = " ".join(remembered.split())
    if not query_text:
        raise WorkflowError(key="refusal.quote_finder.empty")
    return query_text


# The candidate turns' sentences and where they lie, as both read paths ask for them
_SENTENCES = (
    'SELECT i.utterance_id, i.sentences, u.start, u."end", u.document_id FROM utterance_index i '
    "JOIN utterances u ON u.id = i.utterance_id WHERE i.utterance_id IN ({marks})"
)


def _find(
    read: Reader,
    counts: TermCounts,
    candidate_turns: Callable[[list[Clause]], list[int]],
    query_text: str,
    limit: int,
) -> list[QuoteMatch]:
    """`find_quote` over a reader of the store, `counts` of the index's words and `candidate_turns`, the
    turns the index ranks best for some clauses."""
    engine_ = engine(TermWeights())
    query = engine_.read(query_text)
    if not query.lemmas:
        return []
    clauses = _index_clauses(engine_, query)
    engine_.weights = weights_of(counts, {w for c in clauses for w in c.words} | lookup_terms([query]))
    candidates = candidate_turns(_telling(clauses, engine_.weights))
    if not candidates:
        return []
    marks, values = marks_of(candidates)
    rows = [(int(uid), [(int(s), int(e)) for s, e, *_ in decode_spans(spans or "")], int(start), int(end),
             int(doc)) for uid, spans, start, end, doc in read(_SENTENCES.format(marks=marks),
                                                                **values)]  # fmt: skip
    texts = read_document_texts(read, {row[4] for row in rows})
    turns_read = [(uid, [(s, e, engine_.read(texts[doc][s:e])) for s, e in spans], start, end, doc)
                  for uid, spans, start, end, doc in rows]  # fmt: skip
    vocabulary = engine_.vocabulary(w for turn in turns_read for _, _, w in turn[1])
    links = engine_.links(query, vocabulary)
    linked = {word for related in links.values() for word in related}
    engine_.weights.update(weights_of(counts, linked - engine_.weights.counts.keys()).counts)
    worth = reachable(engine_, query, links, RETRIEVAL_FLOOR, RECALL_BETA)
    units: list[tuple[int, int, int, str, Literal["sentence", "turn"], Wording]] = []
    for uid, sentences, turn_start, turn_end, document_id in turns_read:
        text = texts[document_id]
        kept = [(s, e, w) for s, e, w in sentences if worth(w)]
        units += [(uid, s, e, text[s:e], "sentence", w) for s, e, w in kept]
        if len(kept) > 1 or (len(sentences) > 1 and not query.content):
            # the remembered words may run over a sentence boundary: the whole turn is a candidate too
            turn_text = text[turn_start:turn_end]
            units.append((uid, turn_start, turn_end, turn_text, "turn", engine_.read(turn_text)))
    best: dict[int, tuple[Likeness, int]] = {}
    for position, unit in enumerate(units):
        likeness = engine_.score(query, unit[5], links, RECALL_BETA)
        if likeness.score >= RETRIEVAL_FLOOR and (
            unit[0] not in best or likeness.key() < best[unit[0]][0].key()
        ):
            best[unit[0]] = (likeness, position)
    ranked = sorted(best.values(), key=lambda pair: (*pair[0].key(), units[pair[1]][1]))[:limit]
    turns = {t[0]: t for t in read_turn_rows(read, {units[p][0] for _, p in ranked})}
    results = []
    for likeness, position in ranked:
        uid, start, end, words, kind, _ = units[position]
        turn = turns[uid]
        local = ((start - turn[9], end - turn[9]),)
        hit = TurnHit(*turn, local, likeness.score)
        results.append(QuoteMatch(likeness.score, words, start, end, hit, kind, likeness.shared))
    return results


def _index_clauses(engine: SimilarityEngine, query: Wording) -> list[Clause]:
    """What to ask the full-text index for: the query's content lemmas (else all its words), their
    synonyms, compound parts, and a prefix search on a compound's first part (`stafett*`)."""
    relations = engine.relations
    terms: dict[str, None] = {}
    prefixes: dict[str, None] = {}
    for term in query.content or query.lemmas:
        terms.update(dict.fromkeys(_words(term)))
        for synonym in relations.synonyms.get(term, ()):
            terms.update(dict.fromkeys(_words(synonym)))
        parts = relations.parts(term)
        if parts is not None:
            terms.update(dict.fromkeys(_words(parts[1])))
            if len(parts[0]) >= MIN_PREFIX:
                prefixes[parts[0]] = None
    clauses = [Clause("term", (t,)) for t in terms]
    return clauses + [Clause("prefix", (p,)) for p in prefixes]


def _telling(clauses: list[Clause], weight: TermWeights) -> list[Clause]:
    """The clauses worth asking the index for: a word most turns use (`forelder` in a study of parents)
    matches thousands of turns and ranks none of them; it is left out when rarer words are there to find
    the quote by (the scoring still counts it)."""
    telling = [c for c in clauses if c.kind == "prefix" or min(map(weight, c.words)) >= COMMON_WEIGHT]
    return telling or clauses


def _words(term: str) -> Iterable[str]:
    return (word for word in term.replace("-", " ").split() if word)
