"""Finding what was said: lemma search with key-word-in-context lines, and fuzzy retrieval of a quote that
is only half remembered. Also keeps the index in step with the transcripts (annotations are made once, at
import, in batches)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.storage.models import Document, FocusGroup, Participant, Stage, Utterance
from sdi.storage.search_index import (
    Clause,
    IndexRow,
    add_rows,
    compact,
    count_matches,
    match,
    unindexed_turns,
    word_forms,
)
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project
from sdi.workflow.search_filter import SearchFilter, turns_within

_QUERY = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
KWIC_WIDTH = 42
INDEX_BATCH = 2_000  # turns annotated and written at a time


def pipeline(project: Project):  # type: ignore[no-untyped-def]
    """The project's language pipeline, loaded on first use (never at start-up)."""
    from sdi.nlp.pipeline import load_pipeline

    return load_pipeline(project.config.nlp_model)


def index_model(project: Project) -> str:
    """The pipeline whose lemmas the search index holds: the project's, or the lookup lemmatiser when
    `[nlp] index = "lookup"` asks for fast imports."""
    from sdi.nlp.pipeline import OFFLINE_NAME

    return OFFLINE_NAME if project.config.nlp_index == "lookup" else project.config.nlp_model


def index_pipeline(project: Project):  # type: ignore[no-untyped-def]
    """The pipeline that lemmatises for the search index — at import and for every query, so the two
    always agree."""
    from sdi.nlp.pipeline import load_pipeline

    return load_pipeline(index_model(project))


def index_document(project: Project, session: Session, document: Document) -> int:
    """Annotate and index the turns of `document` that are not indexed yet, a batch at a time (memory stays
    that of one batch however long the transcript); returns how many."""
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


def _annotations(nlp, texts: list[str]) -> list:  # type: ignore[no-untyped-def,type-arg]
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
    with project.store.transaction() as session:
        compact(session)


def reindex_missing(project: Project) -> int:
    """Index every turn that is not indexed (after an upgrade, or a crash between import and index)."""
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
        flat = " ".join(self.text.split("\n"))
        if not self.spans:
            return flat[: 2 * width], "", ""
        start, end = self.spans[0]
        before = "…" if start > width else ""
        after = "…" if end + width < len(flat) else ""
        return before + flat[max(0, start - width) : start], flat[start:end], flat[end : end + width] + after


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


def _clauses(project: Project, query: str) -> tuple[list[Clause], list[str]]:
    nlp = index_pipeline(project)
    clauses: list[Clause] = []
    ignored: list[str] = []
    for kind, raw, negated in parse_query(query):
        if kind == "prefix":
            clauses.append(Clause("prefix", (raw,), negated))
            continue
        tokens = [t for t in nlp.query_tokens(raw) if not t.is_punct]
        if kind == "term" and all(t.is_stop for t in tokens):
            ignored.append(raw)
            continue
        lemmas = tuple(t.lemma.lower() for t in tokens)
        if len(lemmas) == 1:
            # One word alone has no context for a model to tag it by («stafettholder» read as a
            # conjunction): it matches the model's lemma or any reading the tables give the word.
            readings = {lemma for words in nlp.readings([raw]) for _, _, found in words for lemma in found}
            either = tuple(sorted(readings | set(lemmas)))
            single = Clause("either", either, negated) if len(either) > 1 else Clause("term", lemmas, negated)
            clauses.append(single)
        elif lemmas:
            clauses.append(Clause("phrase", lemmas, negated))
    return clauses, ignored


def search(project: Project, query: str, limit: int = 50, within: SearchFilter | None = None) -> SearchResult:
    """Turns matching a lemma query: `barnehage` finds barnehagen/barnehager/barnehagene; `"ringe hjem"`
    a phrase; `-perm` excludes; `stafett*` a prefix. `within` narrows it (applied before the limit)."""
    clauses, ignored = _clauses(project, query)
    if not any(not c.negated for c in clauses):
        raise WorkflowError("a search needs at least one word to look for (not only -excluded or stop words)")
    with project.store.reading() as session:
        admitted = turns_within(session, within or SearchFilter())
        scored = match(session, clauses, limit, within=admitted)
        total = len(scored) if len(scored) < limit else count_matches(session, clauses, within=admitted)
        turns = turn_rows(session, [i for i, _ in scored])
    scores = dict(scored)
    nlp = index_pipeline(project)
    wanted_lemmas = {w for c in clauses if not c.negated and c.kind != "prefix" for w in c.words}
    wanted_lemmas |= _query_readings(nlp, query)
    prefixes = tuple(c.words[0] for c in clauses if not c.negated and c.kind == "prefix")
    words_of_turns = nlp.readings([t[8] for t in turns])
    hits = []
    for turn, words in zip(turns, words_of_turns, strict=True):
        text = turn[8]
        spans = tuple(
            (start, end)
            for start, end, lemmas in words
            if lemmas & wanted_lemmas or (prefixes and text[start:end].lower().startswith(prefixes))
        )
        hits.append(TurnHit(*turn, spans, scores[turn[0]]))
    hits.sort(key=lambda h: -h.score)
    return SearchResult(tuple(hits), tuple(clauses), tuple(ignored), total)


def _query_readings(nlp, query: str) -> set[str]:  # type: ignore[no-untyped-def]
    """Every lemma the query's own words may have (their forms, lookup lemmas and table readings), for
    marking the words of a hit: the index decided the hit with the pipeline's lemma, which for a word no
    list knows may be one only the pipeline makes."""
    from sdi.nlp.stopwords import stop_words

    stop = stop_words()
    raw = [words for kind, words, negated in parse_query(query) if not negated and kind != "prefix"]
    found: set[str] = set()
    for words in nlp.readings(raw):
        found.update(lemma for _, _, lemmas in words for lemma in lemmas if lemma not in stop)
    return found


TEXT_CACHE_CHARS = 64_000_000
_texts: dict[str, str] = {}  # content hash → transcript text, for what searches show (bounded)
_texts_lock = threading.Lock()


def document_texts(session: Session, document_ids: Iterable[int]) -> dict[int, str]:
    """The current text of each transcript, read from the store only when this process has not read that
    exact text before (keyed by its content hash, so a new version is always read): a search shows words
    from a few hundred turns of a few dozen long transcripts, and their text would otherwise be copied out
    of the database on every keystroke."""
    wanted = dict(session.execute(
        select(Document.id, Document.content_hash).where(Document.id.in_(set(document_ids)))
    ).all())  # fmt: skip
    with _texts_lock:
        missing = [i for i, digest in wanted.items() if digest not in _texts]
    fetched = dict(session.execute(select(Document.id, Document.text).where(Document.id.in_(missing))).all())
    with _texts_lock:
        if sum(map(len, _texts.values())) + sum(map(len, fetched.values())) > TEXT_CACHE_CHARS:
            _texts.clear()
        for document_id, text in fetched.items():
            _texts[wanted[document_id]] = text
        return {i: fetched[i] if i in fetched else _texts[digest] for i, digest in wanted.items()}


def turn_rows(session: Session, utterance_ids: Iterable[int]) -> list[tuple]:  # type: ignore[type-arg]
    """Each turn's (id, transcript id, path, group, stage, line, speaker, role, text, start): a `TurnHit`
    without its spans and score."""
    utterance_ids = list(utterance_ids)
    if not utterance_ids:
        return []
    rows = session.execute(
        select(Utterance, Document.source_path, FocusGroup.name, Stage.number, Participant.role)
        .join(Document, Document.id == Utterance.document_id)
        .join(Stage, Stage.id == Document.stage_id)
        .join(FocusGroup, FocusGroup.id == Stage.group_id)
        .outerjoin(Participant, Participant.id == Utterance.participant_id)
        .where(Utterance.id.in_(utterance_ids))
    ).all()
    texts = document_texts(session, {u.document_id for u, *_ in rows})
    return [
        (u.id, u.document_id, path, group, stage, u.line, u.speaker, role or "",
         texts[u.document_id][u.start : u.end], u.start)
        for u, path, group, stage, role in rows
    ]  # fmt: skip
