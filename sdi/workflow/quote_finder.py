"""Finding a quote that is only half remembered (fuzzy retrieval): the sentences — or whole turns, when the
remembered words run over a sentence boundary — that say most nearly what the researcher typed.

The full-text index narrows the field to the turns sharing most words with the query (its content lemmas,
their synonyms and compound parts); each of their sentences, and each turn as a whole, is then scored by the
similarity engine (`sdi.nlp.similarity`, recall-weighted: the remembered words count more than the
sentence's other words). A turn is listed once, by its best unit. Matches below `RETRIEVAL_FLOOR` are not
listed: a query that matches nothing well gets no look-alikes, and the faces say so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from sdi.nlp.similarity import RETRIEVAL_FLOOR, Likeness, SimilarityEngine, TermWeights, reachable
from sdi.nlp.wording import Wording
from sdi.storage.models import Utterance, UtteranceIndex
from sdi.storage.search_index import Clause, match
from sdi.workflow.errors import WorkflowError
from sdi.workflow.likeness import lookup_terms, project_engine, project_weights
from sdi.workflow.project import Project
from sdi.workflow.search import TurnHit, document_texts, turn_rows
from sdi.workflow.search_filter import SearchFilter, turns_within

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
    query_text = " ".join(remembered.split())
    if not query_text:
        raise WorkflowError(key="refusal.quote_finder.empty")
    engine = project_engine(project)
    query = engine.read(query_text)
    if not query.lemmas:
        return []
    clauses = _index_clauses(engine, query)
    engine.weights = project_weights(project, {w for c in clauses for w in c.words} | lookup_terms([query]))
    with project.store.reading() as session:
        admitted = turns_within(session, within or SearchFilter())
        candidates = _candidate_turns(session, _telling(clauses, engine.weights), admitted)
        if not candidates:
            return []
        rows = session.execute(
            select(UtteranceIndex.utterance_id, UtteranceIndex.sentences, Utterance.start, Utterance.end,
                   Utterance.document_id)
            .join(Utterance, Utterance.id == UtteranceIndex.utterance_id)
            .where(UtteranceIndex.utterance_id.in_(candidates))
        ).all()  # fmt: skip
        texts = document_texts(session, {row[4] for row in rows})
        turns_read = [(uid, [(s, e, engine.read(texts[doc][s:e])) for s, e in spans], start, end, doc)
                      for uid, spans, start, end, doc in rows]  # fmt: skip
        vocabulary = engine.vocabulary(w for turn in turns_read for _, _, w in turn[1])
        links = engine.links(query, vocabulary)
        linked = {word for related in links.values() for word in related}
        engine.weights.update(project_weights(project, linked - engine.weights.counts.keys()).counts)
        worth = reachable(engine, query, links, RETRIEVAL_FLOOR, RECALL_BETA)
        units: list[tuple[int, int, int, str, Literal["sentence", "turn"], Wording]] = []
        for uid, sentences, turn_start, turn_end, document_id in turns_read:
            text = texts[document_id]
            kept = [(s, e, w) for s, e, w in sentences if worth(w)]
            units += [(uid, s, e, text[s:e], "sentence", w) for s, e, w in kept]
            if len(kept) > 1 or (len(sentences) > 1 and not query.content):
                # the remembered words may run over a sentence boundary: the whole turn is a candidate too
                turn_text = text[turn_start:turn_end]
                units.append((uid, turn_start, turn_end, turn_text, "turn", engine.read(turn_text)))
        best: dict[int, tuple[Likeness, int]] = {}
        for position, unit in enumerate(units):
            likeness = engine.score(query, unit[5], links, RECALL_BETA)
            if likeness.score >= RETRIEVAL_FLOOR and (
                unit[0] not in best or likeness.key() < best[unit[0]][0].key()
            ):
                best[unit[0]] = (likeness, position)
        ranked = sorted(best.values(), key=lambda pair: (*pair[0].key(), units[pair[1]][1]))[:limit]
        turns = {t[0]: t for t in turn_rows(session, {units[p][0] for _, p in ranked})}
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


def _candidate_turns(
    session: Session, clauses: list[Clause], admitted: Select[int] | None
) -> list[int]:
    """The turns sharing most of the query's words (ranked by the index), at most a few hundred: enough to
    hold the sentence looked for, few enough to score in milliseconds."""
    if not clauses:
        return []
    return [i for i, _ in match(session, clauses, CANDIDATE_TURNS, require_all=False, within=admitted)]
