"""Finding what was said: lemma search with key-word-in-context lines, and fuzzy retrieval of a quote that
is only half remembered. Also keeps the index in step with the transcripts (annotations are made once, at
import, in batches)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.storage.search_query import FTS5_COUNT, FTS5_PAGE, Clause, fts5_expression
from sdi.workflow.errors import WorkflowError
from sdi.workflow.search_filter import SearchFilter
from sdi.workflow.search_turns import TurnRow as TurnRow
from sdi.workflow.search_turns import document_texts as document_texts
from sdi.workflow.search_turns import marks_of as marks_of
from sdi.workflow.search_turns import read_document_texts as read_document_texts
from sdi.workflow.search_turns import read_turn_rows as read_turn_rows
from sdi.workflow.search_turns import turn_rows as turn_rows

if TYPE_CHECKING:  # SQLAlchemy and the models are imported where a session is used: a cold search of an
    # SQLite store reads through `sdi.storage.lean` without them
    from sqlalchemy.orm import Session

    from sdi.config import Config
    from sdi.nlp.pipeline import Annotation, NlpPipeline
    from sdi.storage.lean import Reader
    from sdi.storage.models import Document
    from sdi.workflow.project import Project

_QUERY = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
KWIC_WIDTH = 42
INDEX_BATCH = 2_000  # turns annotated and written at a time


def pipeline(project: Project) -> NlpPipeline:
    """The project's language pipeline, loaded on first use (never at start-up)."""
    from sdi.nlp.pipeline import load_pipeline

    return load_pipeline(project.config.nlp_model)


def index_model(project: Project) -> str:
    """The pipeline whose lemmas the search index holds: the project's, or the lookup lemmatiser when
    `[nlp] index = "lookup"` asks for fast imports."""
    from sdi.nlp.pipeline import OFFLINE_NAME

    return OFFLINE_NAME if project.config.nlp_index == "lookup" else project.config.nlp_model


def index_pipeline(project: Project) -> NlpPipeline:
    """The pipeline that lemmatises for the search index — at import and for every query, so the two
    always agree."""
    from sdi.nlp.pipeline import load_pipeline

    return load_pipeline(index_model(project))


def index_document(project: Project, session: Session, document: Document) -> int:
    """Annotate and index the turns of `document` that are not indexed yet, a batch at a time (memory stays
    that of one batch however long the transcript); returns how many."""
    from sdi.storage.search_index import IndexRow, add_rows, unindexed_turns, word_forms

    turns = unindexed_turns(session, document.id)
    if not turns:
        return 0
    nlp = index_pipeline(project)
    for batch in range(0, len(turns), INDEX_BATCH):
        rows = []
        chunk = turns[batch : batch + INDEX_BATCH]
        texts = [document.text[start:end] for _, start, end in chunk]
        annotations = _annotations(nlp, texts)
        for (ident, start, _end), text, annotation in zip(chunk, texts, annotations, strict=True):
            lemmas = " ".join(t.lemma.lower() for t in annotation.tokens if not t.is_punct)
            stop = {t.text.lower() for t in annotation.tokens if t.is_stop}
            rows.append(
                IndexRow(ident, text, lemmas, word_forms(text, lemmas, stop),
                         [[start + s, start + e] for s, e in annotation.sentences],
                         [[start + e.start, start + e.end, e.label] for e in annotation.entities])
            )  # fmt: skip
        add_rows(session, rows)
    document.pipeline = nlp.info.name
    return len(turns)


LONG_TURN = 20_000  # characters; a spoken turn is a few hundred, a very long one a few thousand


def _annotations(nlp: NlpPipeline, texts: list[str]) -> list[Annotation]:
    """The index's annotations of `texts` (no entities: names are found when asked, by sdi anonymise). A
    turn longer than `LONG_TURN` — a pasted document, a run of markup — is read by the lookup rules instead
    of the model: a model takes seconds over such a text and adds nothing a search needs (a lone query word
    matches every lemma it may have)."""
    from sdi.nlp.pipeline import OFFLINE_NAME, load_pipeline

    long = [i for i, text in enumerate(texts) if len(text) > LONG_TURN]
    if not long or nlp.info.name == OFFLINE_NAME:
        return list(nlp.annotate(texts, entities=False))
    short = [i for i in range(len(texts)) if len(texts[i]) <= LONG_TURN]
    found = dict(zip(short, nlp.annotate([texts[i] for i in short], entities=False), strict=True))
    offline = load_pipeline(OFFLINE_NAME)
    found.update(zip(long, offline.annotate([texts[i] for i in long], entities=False), strict=True))
    return [found[i] for i in range(len(texts))]


def compact_index(project: Project) -> None:
    """After a bulk import: the index merged into one segment (one transaction)."""
    from sdi.storage.search_index import compact

    with project.store.transaction() as session:
        compact(session)


def reindex_missing(project: Project) -> int:
    """Index every turn that is not indexed (after an upgrade, or a crash between import and index)."""
    from sqlalchemy import select

    from sdi.storage.models import Document

    total = 0
    with project.store.reading() as session:
        ids = session.scalars(select(Document.id)).all()
    for document_id in ids:
        with project.store.transaction() as session:
            document = session.get(Document, document_id)
            if document is not None:
                total += index_document(project, session, document)
    return total


@dataclass(frozen=True)
class TurnHit:
    """A turn that matched, with where it is and the matched stretches (offsets into `text`)."""

    utterance_id: int
    document_id: int
    source_path: str
    group: str
    stage: int
    line: int
    speaker: str
    role: str
    text: str
    turn_start: int  # offset of the turn in the transcript
    spans: tuple[tuple[int, int], ...]
    score: float

    def kwic(self, width: int = KWIC_WIDTH) -> str:
        """One line: the first match with `width` characters of context each side."""
        left, word, right = self.kwic_parts(width)
        return f"{left}[{word}]{right}" if word else left

    def kwic_parts(self, width: int = KWIC_WIDTH) -> tuple[str, str, str]:
        """The key-word-in-context line in three parts (left context, the match, right context), so a face
        can mark the match its own way; no match: the start of the turn, then two empty parts."""
        flat = self.text.replace("\n", " ")  # the same as joining its lines with spaces
        if not self.spans:
            return flat[: 2 * width], "", ""
        start, end = self.spans[0]
        before = "…" if start > width else ""
        after = "…" if end + width < len(flat) else ""
        return before + flat[max(0, start - width) : start], flat[start:end], flat[end : end + width] + after


_HIT_FIELDS = tuple(f.name for f in fields(TurnHit))


def _hit(values: tuple[object, ...]) -> TurnHit:
    """`TurnHit(*values)` without the frozen dataclass's one `object.__setattr__` per field (a page of 50
    hits spent 0.15 ms on it): the same fields in the instance's `__dict__`, so it equals, hashes and
    prints as the one `TurnHit(*values)` makes."""
    hit = object.__new__(TurnHit)
    hit.__dict__.update(zip(_HIT_FIELDS, values, strict=True))
    return hit


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[TurnHit, ...]
    clauses: tuple[Clause, ...]
    ignored: tuple[str, ...]  # query words dropped as stop words
    total: int = 0  # turns matching in all; more than len(hits) when the limit cut the list


def parse_query(query: str) -> list[tuple[str, str, bool]]:
    """(kind, raw words, negated) for each part: `ord`, `"flere ord"`, `-ord`, `pref*`."""
    parts: list[tuple[str, str, bool]] = []
    for m in _QUERY.finditer(query):
        if m.group(2) is not None:
            if m.group(2).strip():
                parts.append(("phrase", m.group(2), m.group(1) == "-"))
            continue
        word, negated = m.group(4), m.group(3) == "-"
        if word.endswith("*") and len(word.strip("*")) >= 2:
            parts.append(("prefix", word.rstrip("*").lower(), negated))
        elif word.strip("*"):
            parts.append(("term", word.strip("*"), negated))
    return parts


def index_tagged(config: Config) -> bool:
    """Whether a model (sdi's own or the project's) made the search index, so its lemmas may be any reading
    of a word, rather than the offline lookup lemmatiser, which gives each form its one lookup lemma. Found
    without loading the pipeline (a model's own components may tag words without being named a tagger, so
    every model counts)."""
    from sdi.nlp.pipeline import OFFLINE_NAME, describe_pipeline

    model = OFFLINE_NAME if config.nlp_index == "lookup" else config.nlp_model
    return describe_pipeline(model).kind != "offline"


def _clauses(query: str, tagged: bool) -> tuple[list[Clause], list[str]]:
    """The query as index clauses, lemmatised without loading the index pipeline (`word_readings`): each
    word stands for the lookup lemma, or, in an index a tagging model made, for every lemma it may have, so
    the one the model chose in context is among them."""
    from sdi.nlp.word_readings import word_readings

    readings = word_readings(tagged)
    clauses: list[Clause] = []
    ignored: list[str] = []
    for kind, raw, negated in parse_query(query):
        if kind == "prefix":
            clauses.append(Clause("prefix", (raw,), negated))
            continue
        spans = readings.words(raw)
        words = [(raw[start:end], position == 0) for position, (start, end, _) in enumerate(spans)]
        if kind == "term" and all(readings.is_stop(w) for w, _ in words):
            ignored.append(raw)
            continue
        choices = tuple(readings.query_word(w, first) for w, first in words)
        if choices:
            kind = "phrase" if len(choices) > 1 else "term"
            clauses.append(Clause(kind, tuple(c[0] for c in choices), negated, choices))
    return clauses, ignored


def search(project: Project, query: str, limit: int = 50, within: SearchFilter | None = None) -> SearchResult:
    """Turns matching a lemma query: `barnehage` finds barnehagen/barnehager/barnehagene; `"ringe hjem"`
    a phrase; `-perm` excludes; `stafett*` a prefix. `within` narrows it (applied before the limit)."""
    from sdi.storage.lean import session_reader
    from sdi.storage.search_index import count_matches, match
    from sdi.workflow.search_filter import turns_within

    tagged = index_tagged(project.config)
    if not within and project.store.engine.dialect.name == "sqlite":
        from sdi.storage.lean_search import pooled_reader

        with pooled_reader(project.store) as read:  # the plain FTS5 SQL of a cold search, without a session
            return search_sqlite(read, query, limit, tagged)
    clauses, ignored = _wanted_clauses(query, tagged)
    with project.store.reading() as session:
        admitted = turns_within(session, within or SearchFilter())
        scored = match(session, clauses, limit, within=admitted)
        total = len(scored) if len(scored) < limit else count_matches(session, clauses, within=admitted)
        turns = read_turn_rows(session_reader(session), [i for i, _ in scored])
    return _result(clauses, ignored, scored, turns, total, tagged)


def search_at(
    start: Path | None, coder: str | None, query: str, limit: int = 50, within: SearchFilter | None = None
) -> tuple[SearchResult, Config]:
    """`search` in the project at `start` (or found from the cwd), for a command run once: an SQLite store
    at the current schema searched without filters is read through `sdi.storage.lean` (plain SQL, the same
    statements `search` has SQLAlchemy write, no SQLAlchemy import); anything else is opened as usual."""
    with lean_reading(start, within) as (read, config):
        if read is not None:
            return search_sqlite(read, query, limit, index_tagged(config)), config
    from sdi.workflow.project import open_project

    project = open_project(start, coder=coder)
    try:
        return search(project, query, limit, within), config
    finally:
        project.close()


@contextmanager
def lean_reading(
    start: Path | None, within: SearchFilter | None = None
) -> Iterator[tuple[Reader | None, Config]]:
    """The project's config, and a lean reader (`sdi.storage.lean`) of its store when it is an SQLite
    file at the current schema and no filter is asked for (a filter is a select SQLAlchemy writes); None
    then, and the caller opens the project the ordinary way."""
    from sdi.config import find_project, load_config
    from sdi.storage.faults import lock_timeout
    from sdi.storage.lean import sqlite_reader
    from sdi.storage.leftovers import remove_leftovers

    config = load_config(find_project((start or Path.cwd()).resolve()))
    remove_leftovers(config.state_dir)  # a killed `sdi db copy`'s snapshot, as every start does
    if within:
        yield None, config
        return
    with sqlite_reader(config.resolved_database_url(), lock_timeout()) as read:
        yield read, config


def search_sqlite(read: Reader, query: str, limit: int = 50, tagged: bool = True) -> SearchResult:
    """`search` without a filter, over a reader of an SQLite store (its FTS5 index, asked in plain SQL: the
    page, its turns and the count in one statement); `tagged` as `index_tagged` says of the project."""
    clauses, ignored = _wanted_clauses(query, tagged)
    rows = read(FTS5_PAGE, expression=fts5_expression(clauses), limit=limit)
    scored = [(int(row[0]), -float(row[1])) for row in rows]
    if len(rows) < limit:
        total = len(rows)
    else:  # the count came with the page (none when the limit is 0)
        total = int(rows[0][12] if rows else read(FTS5_COUNT, expression=fts5_expression(clauses))[0][0])
    kept = [row for row in rows if row[4] is not None]  # a match whose turn is gone shows nothing
    texts = read_document_texts(read, (), {row[2]: row[11] for row in kept})
    turns = [
        (uid, document, path, group, stage, line, speaker, role or "", texts[document][start:end], start)
        for uid, _, document, path, group, stage, line, speaker, role, start, end, _, _ in kept
    ]
    return _result(clauses, ignored, scored, turns, total, tagged)


def _wanted_clauses(query: str, tagged: bool) -> tuple[list[Clause], list[str]]:
    clauses, ignored = _clauses(query, tagged)
    if not any(not c.negated for c in clauses):
        raise WorkflowError(key="refusal.search.no_word")
    return clauses, ignored


def _result(
    clauses: list[Clause],
    ignored: list[str],
    scored: list[tuple[int, float]],
    turns: list[TurnRow],
    total: int,
    tagged: bool,
) -> SearchResult:
    """The hits, best first, each with its words marked: the words that may have a lemma the query asked
    for (read from the lookup tables, memoised per word: no tokeniser, no model), or that begin with a
    prefix it asked for."""
    from sdi.nlp.word_readings import word_readings

    scores = dict(scored)
    readings = word_readings(tagged)
    asked = [c for c in clauses if not c.negated and c.kind != "prefix"]
    stop = readings.stop
    wanted = frozenset(w for c in asked for choice in c.alternatives() for w in choice if w not in stop)
    prefixes = tuple(c.words[0] for c in clauses if not c.negated and c.kind == "prefix")
    marker = readings.marker(wanted, prefixes)
    hits = [_hit((*turn, marker.spans(turn[8]), scores[turn[0]])) for turn in turns]
    hits.sort(key=lambda h: -h.score)
    return SearchResult(tuple(hits), tuple(clauses), tuple(ignored), total)
