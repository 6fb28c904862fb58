"""The one door to spaCy: load a pipeline lazily and hand back plain annotations.

The configured model (e.g. `nb_core_news_sm`) is used when installed, as a package or as a saved
pipeline folder; otherwise an offline Norwegian pipeline (blank tokenizer, sentencizer and our lookup
lemmatiser) stands in. Nothing spaCy-made leaves this module: callers get dataclasses and tuples, so
other rooms never import spaCy and start-up never pays for it.
"""

from __future__ import annotations

import configparser
import importlib.util
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sdi.nlp.lemmatizer import COMPONENT, register_component
from sdi.nlp.pieces import Cutter
from sdi.nlp.stopwords import stop_words

OFFLINE_NAME = "offline-nb"
ENTITY_FACTORIES = frozenset({"ner", "entity_ruler", "beam_ner"})
POS_FACTORIES = frozenset({"tagger", "morphologizer"})
# Opening marks the sentencizer leaves at the end of the previous sentence (`… slutt. [ler] Neste`).
OPENERS = frozenset({"[", "(", "«", "“", "„", "‹", "{"})


class Token(NamedTuple):
    """One token; offsets index the annotated text."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    is_stop: bool
    is_punct: bool


class Entity(NamedTuple):
    start: int
    end: int
    label: str


@dataclass
class Annotation:
    """What the pipeline found in one text; plain data, safe to keep after spaCy is gone."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


@dataclass(frozen=True)
class PipelineInfo:
    """Which pipeline runs and what it can do, worded for the status line."""

    name: str
    kind: Literal["model", "offline"]
    has_entities: bool
    has_pos: bool
    description: str


def _model_description(name: str, has_pos: bool, has_entities: bool) -> str:
    parts = (("POS", has_pos), ("entities", has_entities))
    missing = [what for what, has in parts if not has]
    present = ["lemmas", "sentences", *(what for what, has in parts if has)]
    lacks = "; no " + ", no ".join(missing) if missing else ""
    return f"spaCy pipeline {name} ({', '.join(present)}{lacks})"


def _offline_info(model: str) -> PipelineInfo:
    reason = f" — {model} is not installed" if model and model != OFFLINE_NAME else ""
    text = f"offline Norwegian pipeline (lookup lemmas, sentences; no POS, no entities){reason}"
    return PipelineInfo(OFFLINE_NAME, "offline", False, False, text)


def _pipeline_dir(model: str) -> Path | None:
    """The folder holding `config.cfg` for a model path or an installed model package, else None.

    Uses `find_spec`, which locates a package without importing it (and so without importing spaCy).
    """
    path = Path(model).expanduser()
    if (path / "config.cfg").is_file():
        return path
    if not model.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    found = [*sorted(package.glob("*/config.cfg")), package / "config.cfg"]
    return next((candidate.parent for candidate in found if candidate.is_file()), None)


def _factories(config_dir: Path) -> set[str]:
    """Component factories named in a saved pipeline's `config.cfg` (read as plain INI)."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read(config_dir / "config.cfg", encoding="utf-8")
    except configparser.Error:
        return set()
    return {
        parser.get(section, "factory", fallback="").strip('"')
        for section in parser.sections()
        if section.startswith("components.") and section.count(".") == 1
    }


def describe_pipeline(model: str) -> PipelineInfo:
    """Which pipeline `load_pipeline(model)` WOULD use, found without importing spaCy (for start-up)."""
    config_dir = _pipeline_dir(model) if model else None
    if config_dir is None:
        return _offline_info(model)
    factories = _factories(config_dir)
    has_pos = bool(factories & POS_FACTORIES)
    has_entities = bool(factories & ENTITY_FACTORIES)
    description = _model_description(model, has_pos, has_entities)
    return PipelineInfo(model, "model", has_entities, has_pos, description)


class NlpPipeline:
    """A loaded spaCy pipeline behind a plain-data interface."""

    def __init__(self, nlp: Any, info: PipelineInfo) -> None:
        self._nlp = nlp
        self.info = info
        self._stop = stop_words()

    def annotate(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Annotation]:
        """Annotations in the order of `texts`, streamed in batches (always one process: spawning
        workers costs far more than utterance-sized texts gain)."""
        cutter = Cutter()  # long texts and long runs without spaces go in pieces (see `sdi.nlp.pieces`)
        docs = self._nlp.pipe(cutter.feed(texts), batch_size=batch_size, n_process=1)
        yield from cutter.gather(self._annotation(doc) for doc in docs)

    def lemma_terms(self, text: str) -> list[str]:
        """Lowercased lemmas of the content words in `text`, in order: stop words, punctuation and
        numbers dropped. Build search terms with this so they match what `annotate` indexed."""
        annotation = next(self.annotate([text]))
        return [
            token.lemma.lower()
            for token in annotation.tokens
            if not token.is_stop and not token.is_punct and any(ch.isalpha() for ch in token.lemma)
        ]

    def _annotation(self, doc: Any) -> Annotation:
        """Tokens and sentences in one pass over the doc (iterating a spaCy doc is the costly part)."""
        stop = self._stop
        tokens: list[Token] = []
        groups: list[list[Token]] = []  # the non-space tokens of each sentence
        opens = True
        for token in doc:
            if token.is_sent_start:
                opens = True
            if token.is_space:
                continue
            text = token.text
            lemma = token.lemma_ or text
            start = token.idx
            made = Token(start, start + len(text), text, lemma, token.pos_,
                         text.lower() in stop or lemma.lower() in stop, token.is_punct)  # fmt: skip
            tokens.append(made)
            if opens:
                groups.append([])
                opens = False
            groups[-1].append(made)
        entities = [Entity(span.start_char, span.end_char, span.label_) for span in doc.ents]
        return Annotation(_sentences(groups), tokens, entities)


def _sentences(groups: list[list[Token]]) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets without surrounding whitespace; an opening bracket or quote that
    the sentencizer left at the end of one sentence is moved to the start of the next."""
    for index in range(len(groups) - 1):
        while len(groups[index]) > 1 and groups[index][-1].text in OPENERS:
            groups[index + 1].insert(0, groups[index].pop())
    return [(group[0].start, group[-1].end) for group in groups if group]


def _assigns(nlp: Any, what: Iterable[str]) -> bool:
    wanted = set(what)
    return any(wanted & set(nlp.get_pipe_meta(name).assigns) for name in nlp.pipe_names)


def _load_model(model: str, config_dir: Path, component_config: dict[str, Any]) -> NlpPipeline:
    """spaCy's own loader, plus a sentencizer if the model cannot split sentences, plus our lemmatiser
    (which only fills in where the model has no lemmas of its own)."""
    import spacy

    nlp = spacy.load(model if spacy.util.is_package(model) else config_dir)
    if not _assigns(nlp, ["token.is_sent_start", "doc.sents"]):
        nlp.add_pipe("sentencizer")
    has_lemmas = _assigns(nlp, ["token.lemma"])
    has_pos = _assigns(nlp, ["token.pos", "token.tag"])
    has_entities = _assigns(nlp, ["doc.ents"])
    nlp.add_pipe(COMPONENT, config={**component_config, "overwrite": not has_lemmas})
    description = _model_description(model, has_pos, has_entities)
    return NlpPipeline(nlp, PipelineInfo(model, "model", has_entities, has_pos, description))


_LOADING = threading.Lock()  # the workbench may ask from two worker threads at once: load only once


def load_pipeline(model: str, cache_dir: Path | None = None) -> NlpPipeline:
    """The pipeline for `model` (package name or saved folder), loaded once per process.

    Falls back to the offline Norwegian pipeline when the model is not installed. `cache_dir` is where
    the lemma table is cached (default `$XDG_CACHE_HOME/sdi`).
    """
    with _LOADING:
        return _load_once(model, cache_dir)


@cache
def _load_once(model: str, cache_dir: Path | None) -> NlpPipeline:
    from sdi.nlp.spacy_import import import_spacy

    spacy = import_spacy()
    register_component()
    component_config = {"cache_dir": str(cache_dir) if cache_dir else ""}
    config_dir = _pipeline_dir(model) if model else None
    if config_dir is None:
        nlp = spacy.blank("nb")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(COMPONENT, config={**component_config, "overwrite": True})
        return NlpPipeline(nlp, _offline_info(model))
    return _load_model(model, config_dir, component_config)
