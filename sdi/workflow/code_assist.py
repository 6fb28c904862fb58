"""Coding assistance while a new code is written (SDI step 2): existing codes that say nearly the same
(the similarity engine, `sdi.nlp.similarity`, weighted by the project's word frequencies), and the closeness
check against the coded passage. Suggestions only — the researcher decides.

A `CodeAssist` lives as long as one code picker. `prepare()` is meant for a worker thread: it reads every
code and looks up the frequencies of their words (the similar-codes list answers from then on), then loads
the language pipeline and lemmatises the passage and the interview guide for the closeness check. Each
keystroke then costs reading one short statement and scoring the codes that share a related word with it.
Used by the TUI code picker, `sdi code similar` and tests.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import select

from sdi.nlp.closeness import ClosenessWarning, check_closeness, content_lemmas
from sdi.nlp.similarity import Likeness, SimilarityIndex
from sdi.storage.models import Document, Utterance, UtteranceIndex
from sdi.workflow.code import list_codes
from sdi.workflow.code_list import CodeSummary
from sdi.workflow.code_similarity import ranked_codes, similarity_index
from sdi.workflow.errors import reportable_errors, require
from sdi.workflow.guide import read_guide
from sdi.workflow.project import Project
from sdi.workflow.search import pipeline

if TYPE_CHECKING:
    from sdi.nlp.pipeline import NlpPipeline, Token

LEMMA_MEMO_LIMIT = 50_000
_lemma_memo: dict[tuple[str, str], tuple[str, ...]] = {}  # (pipeline, statement) → content lemmas
_memo_lock = threading.Lock()


def statement_lemmas(nlp: NlpPipeline, statements: Sequence[str]) -> list[tuple[str, ...]]:
    """Content lemmas of each statement, remembered per process: a statement is lemmatised once, however
    often a picker opens or the grouping suggestions are asked for."""
    name = nlp.info.name
    with _memo_lock:
        found = {s: _lemma_memo[(name, s)] for s in statements if (name, s) in _lemma_memo}
    missing = [s for s in dict.fromkeys(statements) if s not in found]
    if missing:
        fresh = {
            s: tuple(content_lemmas(a.tokens)) for s, a in zip(missing, nlp.annotate(missing), strict=True)
        }
        found.update(fresh)
        with _memo_lock:
            if len(_lemma_memo) + len(fresh) > LEMMA_MEMO_LIMIT:
                _lemma_memo.clear()
            _lemma_memo.update({(name, s): lemmas for s, lemmas in fresh.items()})
    return [found[s] for s in statements]


@dataclass(frozen=True)
class Passage:
    """The coded span, and the text the closeness check compares with: the whole sentences it touches."""

    document_id: int
    start: int
    end: int
    text: str


def passage_of(project: Project, document_id: int, start: int, end: int) -> Passage:
    """The span [start, end) of a transcript widened to the stored sentences it overlaps (a selection of a
    few words still counts the words of its sentence)."""
    with project.store.reading() as session:
        document = require(session, Document, document_id, "transcript")
        text = document.text
        sentences = [
            (int(s), int(e))
            for rows in session.scalars(
                select(UtteranceIndex.sentences)
                .join(Utterance, Utterance.id == UtteranceIndex.utterance_id)
                .where(Utterance.document_id == document_id)
            )
            for s, e in rows
        ]
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    touched = [(s, e) for s, e in sentences if s < end and e > start]
    left = min([start, *(s for s, _ in touched)])
    right = max([end, *(e for _, e in touched)])
    return Passage(document_id, start, end, text[left:right])


@cache
def _guide_lemmas(nlp: NlpPipeline, terms: tuple[str, ...], guide: str) -> frozenset[str]:
    texts = [*terms, guide] if guide else list(terms)
    return frozenset(
        lemma for annotation in nlp.annotate(texts) for lemma in content_lemmas(annotation.tokens)
    )


def guide_lemmas(project: Project, nlp: NlpPipeline) -> frozenset[str]:
    """Content lemmas of the model terms and the interview guide in `sdi.toml` (a ConfigError if the guide
    cannot be read)."""
    return _guide_lemmas(nlp, project.config.model_terms, read_guide(project.config))


class CodeAssist:
    """Similar codes and closeness warnings for one code picker; see the module docstring."""

    def __init__(self, project: Project, codes: list[CodeSummary] | None = None,
                 passage: Passage | None = None) -> None:  # fmt: skip
        self.project = project
        self.codes = codes if codes is not None else list_codes(project)
        self.passage = passage
        self.problem: str | None = None  # a reason the check runs without the guide (shown once)
        self._index: SimilarityIndex | None = None
        self._nlp: NlpPipeline | None = None
        self._passage_lemmas: set[str] = set()
        self._guide: set[str] = set()
        self._last: tuple[str, list[Token]] | None = None

    @property
    def ready(self) -> bool:
        """Whether the closeness check is ready (after `prepare`)."""
        return self._nlp is not None

    def prepare_similar(self) -> None:
        """Read the codes and weigh their words: from then on `similar` answers. Quick (no spaCy), but it
        queries the store: run it off the interface's thread."""
        if self._index is None:
            from sdi.storage.search_index import term_document_counts

            def counts(words: Collection[str]) -> tuple[int, dict[str, int]]:
                with self.project.store.reading() as session:
                    return term_document_counts(session, words)

            self._index = similarity_index([c.statement for c in self.codes], counts)

    def prepare(self, *, strict: bool = False) -> None:
        """`prepare_similar`, then load the pipeline and lemmatise the passage and the guide. Slow; safe
        to run in a worker thread. A guide that cannot be read is kept in `problem` (the check goes on
        with the model terms), or raised when `strict`."""
        self.prepare_similar()
        nlp = pipeline(self.project)
        passage: set[str] = set()
        if self.passage is not None:
            passage = set(content_lemmas(next(nlp.annotate([self.passage.text])).tokens))
        try:
            guide = set(guide_lemmas(self.project, nlp))
        except reportable_errors() as error:
            if strict:
                raise
            guide, self.problem = set(_guide_lemmas(nlp, self.project.config.model_terms, "")), str(error)
        self._passage_lemmas, self._guide = passage, guide
        self._nlp = nlp  # last: `ready` turns true only when everything above is in place

    def _tokens(self, text: str) -> list[Token]:
        if self._nlp is None:
            return []
        if self._last is None or self._last[0] != text:
            self._last = (text, next(self._nlp.annotate([text])).tokens)
        return self._last[1]

    def similar(self, text: str, limit: int = 8) -> list[tuple[CodeSummary, Likeness]]:
        """Existing codes most like `text`, best first (none before `prepare_similar`)."""
        if self._index is None:
            return []
        return ranked_codes(self.codes, self._index, text, limit)

    def warnings(self, statement: str) -> list[ClosenessWarning]:
        """The closeness warnings for `statement` as a new code of the passage (none until `prepare`)."""
        statement = " ".join(statement.split())
        if not statement or self._nlp is None:
            return []
        tokens = self._tokens(statement)
        return check_closeness(tokens, self._passage_lemmas, self._guide, has_pos=self._nlp.info.has_pos)


def closeness_warnings(
    project: Project, statement: str, document_id: int, start: int, end: int
) -> list[ClosenessWarning]:
    """The closeness check for one new code of the span [start, end), in one call (loads the pipeline)."""
    assist = CodeAssist(project, [], passage_of(project, document_id, start, end))
    assist.prepare(strict=True)
    return assist.warnings(statement)


def similar_codes(project: Project, text: str, limit: int = 8) -> list[tuple[CodeSummary, Likeness]]:
    """Existing codes most like `text`, best first, in one call (no language pipeline needed)."""
    assist = CodeAssist(project)
    assist.prepare_similar()
    return assist.similar(text, limit)
