"""`sdi nlp evaluate`: how well the active language pipeline does on a researcher's own gold data.

Reads a CoNLL-U file (UPOS, lemmas, and NorNE-style `name=B-PER` tags in MISC when there are entities),
annotates every sentence the way sdi annotates a turn, and scores tokens, parts of speech, lemmas, the
entity recogniser, and the name finder of `sdi anonymise` (entities plus rules, by kind). The scoring itself
is pure (`sdi.nlp.evaluation`); here the pipeline is chosen, loaded and timed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sdi.config import DEFAULT_ACRONYMS, DEFAULT_MODEL, ConfigError, find_project, load_config
from sdi.workflow.errors import WorkflowError


@dataclass(frozen=True)
class Evaluation:
    """Scores of one pipeline on one file; `scores` and `names` as plain data (see `sdi.nlp.evaluation`)."""

    path: Path
    pipeline: str  # the pipeline's name
    description: str  # what it is, for the reader
    scores: dict[str, object]
    names: dict[str, object] | None  # the name finder by kind, when the file has entities
    load_seconds: float
    words_per_second: float


def configured_model(start: Path | None) -> tuple[str, tuple[str, ...]]:
    """The model and acronym list of the project at or above `start`, or the defaults outside a project."""
    try:
        config = load_config(find_project((start or Path.cwd()).resolve()))
    except ConfigError:
        return DEFAULT_MODEL, DEFAULT_ACRONYMS
    return config.nlp_model, config.acronyms


def evaluate_file(
    path: Path, model: str, acronyms: tuple[str, ...] = DEFAULT_ACRONYMS, language: str = "en"
) -> Evaluation:
    """Score the pipeline `load_pipeline(model)` would give on the gold sentences in `path`; what the pipeline
    is, said in `language`."""
    from sdi.nlp.evaluation import GoldError, as_dict, has_entities, read_gold, score
    from sdi.nlp.pipeline import load_pipeline
    from sdi.workflow.overview import pipeline_said

    try:
        gold = read_gold(path)
    except GoldError as error:
        raise WorkflowError.of(error.notice) from error
    began = time.perf_counter()
    nlp = load_pipeline(model)
    loaded = time.perf_counter()
    annotations = list(nlp.annotate([sentence.text for sentence in gold]))
    annotated = time.perf_counter()
    info = nlp.info
    scores = score(gold, annotations, with_pos=info.has_pos, with_entities=info.has_entities)
    names = None
    if has_entities(gold):
        names = _name_finder(gold, annotations, info.has_entities, acronyms)
    words = sum(len(sentence.tokens) for sentence in gold)
    return Evaluation(
        path=path,
        pipeline=info.name,
        description=pipeline_said(info, language),
        scores=as_dict(scores),
        names=names,
        load_seconds=loaded - began,
        words_per_second=words / max(annotated - loaded, 1e-9),
    )


def _name_finder(gold, annotations, use_entities: bool, acronyms: tuple[str, ...]) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The candidates `sdi anonymise` would propose in each sentence, scored by kind against gold."""
    from sdi.nlp.evaluation import KIND_OF_LABEL, EntityScore
    from sdi.nlp.lemmatizer import lemmatizer
    from sdi.nlp.lexicon import DIALECT
    from sdi.nlp.names import NameLists, common_word_test, find_mentions, name_word_test, protected_spans

    lemmas = lemmatizer()
    is_common = common_word_test(lemmas.table.get, DIALECT, lemmas.guess)
    is_name = name_word_test(lemmas.table.get)
    lists = NameLists(skip=frozenset(acronyms))
    expected: set[tuple[int, int, int, str]] = set()
    proposed: set[tuple[int, int, int, str]] = set()
    for index, (sentence, annotation) in enumerate(zip(gold, annotations, strict=True)):
        expected |= {(index, s, e, KIND_OF_LABEL[label]) for s, e, label in sentence.entities
                     if label in KIND_OF_LABEL}  # fmt: skip
        mentions = find_mentions(
            "gold", sentence.text, annotation, lists=lists, is_common=is_common, use_entities=use_entities,
            protected=protected_spans(sentence.text), is_name=is_name,
        )  # fmt: skip
        proposed |= {(index, m.start, m.end, m.kind) for m in mentions}
    table_out: dict[str, object] = {}
    for kind in (*sorted({span[3] for span in expected | proposed}), "ALL"):
        g = {s for s in expected if kind in ("ALL", s[3])}
        p = {s for s in proposed if kind in ("ALL", s[3])}
        found = EntityScore(len(g), len(p), len(g & p))
        # Spans right but kind wrong still hide the name: the share of gold names covered exactly.
        covered = len({s[:3] for s in g} & {s[:3] for s in proposed})
        table_out[kind] = {
            "gold": found.gold, "predicted": found.predicted, "correct": found.correct,
            "precision": round(found.precision, 4), "recall": round(found.recall, 4), "f": round(found.f, 4),
            "span_recall": round(covered / found.gold, 4) if found.gold else 0.0,
        }  # fmt: skip
    return table_out
