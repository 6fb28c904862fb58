"""The one door to spaCy: load a pipeline lazily and hand back plain annotations.

Which pipeline runs, in order: the model named in `sdi.toml` (e.g. `nb_core_news_sm`) when it is installed,
as a package or a saved pipeline folder; else sdi's own Norwegian pipeline shipped in the package
(`sdi/nlp/model/nb_sdi`: parts of speech, lemmas, entities; see the README there); else, only if that one
fails to load, the offline lookup pipeline (blank tokenizer, sentencizer and our lookup lemmatiser).
`model = "offline"` in `sdi.toml` asks for the lookup pipeline outright. Nothing spaCy-made leaves this
module: callers get dataclasses and tuples, so other rooms never import spaCy and start-up never pays for it.
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

# sdi's spaCy components (the lemmatiser with its tables, entity clean-up, model layers) are imported where a
# pipeline is built or run, not by `describe_pipeline`, which the workbench's first screen asks

OFFLINE_NAME = "offline-nb"
OFFLINE_ALIASES = frozenset({OFFLINE_NAME, "offline"})
SHIPPED_NAME = "nb_sdi"  # sdi's own pipeline, trained by `make model`
SHIPPED_DIR = Path(__file__).resolve().parent / "model" / SHIPPED_NAME
ENTITY_FACTORIES = frozenset({"ner", "entity_ruler", "beam_ner"})
POS_FACTORIES = frozenset({"tagger", "morphologizer"})
# Opening marks the sentencizer leaves at the end of the previous sentence (`… slutt. [ler] Neste`).
MEMO_LIMIT = 100_000  # remembered words (or query texts) per pipeline before the memo starts afresh
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
    """Which pipeline runs and what it can do, worded for the status line.

    `kind` is "model" for a configured model, "shipped" for sdi's own, "offline" for the lookup pipeline;
    `missing` names the configured model that is not installed (if one was asked for and is not running),
    `failure` why sdi's own pipeline did not load (the offline pipeline then stands in)."""

    name: str
    kind: Literal["model", "shipped", "offline"]
    has_entities: bool
    has_pos: bool
    description: str
    missing: str = ""
    failure: str = ""


def _model_description(name: str, has_pos: bool, has_entities: bool) -> str:
    parts = (("POS", has_pos), ("entities", has_entities))
    missing = [what for what, has in parts if not has]
    present = ["lemmas", "sentences", *(what for what, has in parts if has)]
    lacks = "; no " + ", no ".join(missing) if missing else ""
    return f"spaCy pipeline {name} ({', '.join(present)}{lacks})"


def _offline_info(model: str, failure: str = "") -> PipelineInfo:
    missing = "" if not model or model in OFFLINE_ALIASES or model == SHIPPED_NAME else model
    reason = f" — {missing} is not installed" if missing else ""
    if failure:
        reason += f"; {SHIPPED_NAME} did not load ({failure})"
    text = f"offline Norwegian pipeline (lookup lemmas, sentences; no POS, no entities){reason}"
    return PipelineInfo(OFFLINE_NAME, "offline", False, False, text, missing, failure)


def _shipped_info(model: str, has_pos: bool = True, has_entities: bool = True) -> PipelineInfo:
    missing = "" if not model or model == SHIPPED_NAME else model
    text = _model_description(SHIPPED_NAME, has_pos, has_entities).replace("spaCy pipeline", "sdi's pipeline")
    if missing:
        text += f" — {missing} is not installed"
    return PipelineInfo(SHIPPED_NAME, "shipped", has_entities, has_pos, text, missing)


_FAILED: dict[str, str] = {}  # why the shipped pipeline did not load in this process (model → reason)


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


_FACTORIES: dict[tuple[str, int, int], set[str]] = {}  # (config.cfg, its mtime, size) → its factories


def _factories(config_dir: Path) -> set[str]:
    """Component factories named in a saved pipeline's `config.cfg` (read as plain INI), remembered while
    the file is unchanged: every search asks which kind of pipeline made the index, and parsing the file
    took a warm search several milliseconds."""
    try:
        stat = (config_dir / "config.cfg").stat()
    except OSError:
        return _read_factories(config_dir)
    key = (str(config_dir / "config.cfg"), stat.st_mtime_ns, stat.st_size)
    found = _FACTORIES.get(key)
    if found is None:
        found = _FACTORIES[key] = _read_factories(config_dir)
    return set(found)


def _read_factories(config_dir: Path) -> set[str]:
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
    """Which pipeline `load_pipeline(model)` WOULD use, found without importing spaCy (for start-up).

    Whether sdi's own pipeline loads is known only once it has been tried: after a failed load in this
    process the answer is the offline pipeline, with the reason."""
    if model in OFFLINE_ALIASES:
        return _offline_info(model)
    config_dir = _pipeline_dir(model) if model and model != SHIPPED_NAME else None
    if config_dir is None:
        if SHIPPED_NAME in _FAILED or not (SHIPPED_DIR / "config.cfg").is_file():
            return _offline_info(model, _FAILED.get(SHIPPED_NAME, "not found in the package"))
        factories = _factories(SHIPPED_DIR)
        return _shipped_info(model, bool(factories & POS_FACTORIES), bool(factories & ENTITY_FACTORIES))
    factories = _factories(config_dir)
    has_pos = bool(factories & POS_FACTORIES)
    has_entities = bool(factories & ENTITY_FACTORIES)
    description = _model_description(model, has_pos, has_entities)
    return PipelineInfo(model, "model", has_entities, has_pos, description)


class NlpPipeline:
    """A loaded spaCy pipeline behind a plain-data interface."""

    def __init__(self, nlp: Any, info: PipelineInfo) -> None:
        from sdi.nlp.stopwords import stop_words

        self._nlp = nlp
        self.info = info
        self._stop = stop_words()
        self._entity_pipes = [
            name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in ENTITY_FACTORIES
        ]
        # Remembered per process (the workbench's searches repeat words and queries): a word's possible
        # lemmas for marking hits, and a short text's tokens for search terms.
        self._possible: dict[tuple[str, bool], frozenset[str]] = {}
        self._short: dict[str, list[Token]] = {}

    def annotate(
        self, texts: Iterable[str], batch_size: int = 256, *, entities: bool = True
    ) -> Iterator[Annotation]:
        """Annotations in the order of `texts`, streamed in batches (always one process: spawning
        workers costs far more than utterance-sized texts gain). `entities=False` skips the entity
        recogniser (the search index needs lemmas and sentences only; it is a fifth of the work). Long texts
        and long runs without spaces go in pieces (see `sdi.nlp.pieces`)."""
        from sdi.nlp.pieces import Cutter

        disable = [] if entities else self._entity_pipes
        cutter = Cutter()
        docs = self._nlp.pipe(cutter.feed(texts), batch_size=batch_size, n_process=1, disable=disable)
        yield from cutter.gather(self._annotation(doc) for doc in docs)

    def query_tokens(self, text: str) -> list[Token]:
        """The tokens of a short text — a search query or a term of one — annotated as `annotate` does
        (without entities) and remembered, so a repeated query does not run the model again."""
        found = self._short.get(text)
        if found is None:
            if len(self._short) >= MEMO_LIMIT:
                self._short.clear()
            found = self._short[text] = next(self.annotate([text], entities=False)).tokens
        return found

    def lemma_terms(self, text: str) -> list[str]:
        """Lowercased lemmas of the content words in `text`, in order: stop words, punctuation and
        numbers dropped. Build search terms with this so they match what `annotate` indexed."""
        return [
            token.lemma.lower()
            for token in self.query_tokens(text)
            if not token.is_stop and not token.is_punct and any(ch.isalpha() for ch in token.lemma)
        ]

    def readings(self, texts: Iterable[str]) -> Iterator[list[tuple[int, int, frozenset[str]]]]:
        """For each text, its words as (start, end, every lemma the word may have): the lookup lemma and,
        with a tagging model, each reading the table lists. No model runs: this is for marking the words
        of a search hit (the hit itself was decided by the index), hundreds of turns in milliseconds."""
        from sdi.nlp.lemmatizer import COMPONENT, opens_sentence

        component = self._nlp.get_pipe(COMPONENT)
        lemmatize, table = component.lemmatize, component.readings
        memo = self._possible
        for doc in self._nlp.tokenizer.pipe(texts):
            words: list[tuple[int, int, frozenset[str]]] = []
            previous = ""
            for token in doc:
                text = token.text
                if token.is_space or token.is_punct:
                    previous = text
                    continue
                key = (text, opens_sentence(previous))
                found = memo.get(key)
                if found is None:
                    lower = text.lower()
                    possible = {lower, lemmatize(text, key[1]).lower()}
                    if table is not None:
                        readings = table.all(lower).values()
                        possible.update(word.lower() for lemmas in readings for word in lemmas)
                    if len(memo) >= MEMO_LIMIT:
                        memo.clear()
                    found = memo[key] = frozenset(possible)
                words.append((token.idx, token.idx + len(text), found))
                previous = text
            yield words

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


def _load_model(model: str, config_dir: Path, component_config: dict[str, Any]) -> tuple[Any, bool, bool]:
    """spaCy's own loader, plus a sentencizer if the model cannot split sentences, plus our lemmatiser:
    with parts of speech it chooses between the lookup table's readings; without, it fills in where the
    model has no lemmas. Returns the pipeline and whether it tags parts of speech and finds entities."""
    import spacy

    from sdi.nlp import entity_cleanup
    from sdi.nlp.lemmatizer import COMPONENT

    if config_dir == SHIPPED_DIR:  # built on spaCy's own Norwegian tokenizer: not saved, not read twice
        nlp = spacy.load(config_dir, exclude=["tokenizer"])
    else:
        nlp = spacy.load(model if spacy.util.is_package(model) else config_dir)
    if not _assigns(nlp, ["token.is_sent_start", "doc.sents"]):
        nlp.add_pipe("sentencizer")
    has_lemmas = _assigns(nlp, ["token.lemma"])
    has_pos = _assigns(nlp, ["token.pos"])
    has_entities = _assigns(nlp, ["doc.ents"])
    config = {**component_config, "overwrite": not has_lemmas, "tagged": has_pos}
    nlp.add_pipe(COMPONENT, config=config)
    if has_entities:
        nlp.add_pipe(entity_cleanup.COMPONENT, config=component_config)
    return nlp, has_pos, has_entities


_LOADING = threading.Lock()  # the workbench may ask from two worker threads at once: load only once


def load_pipeline(model: str, cache_dir: Path | None = None) -> NlpPipeline:
    """The pipeline for `model` (package name or saved folder), loaded once per process.

    Falls back to sdi's own pipeline when the model is not installed, and to the offline Norwegian pipeline
    when that one cannot be loaded. `cache_dir` is where the lemma tables are cached (default
    `$XDG_CACHE_HOME/sdi`).
    """
    with _LOADING:
        return _load_once(model, cache_dir)


@cache
def _load_once(model: str, cache_dir: Path | None) -> NlpPipeline:
    from sdi.nlp import entity_cleanup, model_layers
    from sdi.nlp.lemmatizer import COMPONENT, register_component
    from sdi.nlp.spacy_import import import_spacy

    spacy = import_spacy()
    register_component()
    entity_cleanup.register_component()
    model_layers.use_cache_dir(cache_dir)
    model_layers.register()
    component_config = {"cache_dir": str(cache_dir) if cache_dir else ""}
    if model not in OFFLINE_ALIASES:
        config_dir = _pipeline_dir(model) if model and model != SHIPPED_NAME else None
        if config_dir is not None:
            nlp, has_pos, has_entities = _load_model(model, config_dir, component_config)
            description = _model_description(model, has_pos, has_entities)
            return NlpPipeline(nlp, PipelineInfo(model, "model", has_entities, has_pos, description))
        try:
            nlp, has_pos, has_entities = _load_model(SHIPPED_NAME, SHIPPED_DIR, component_config)
        except Exception as error:  # a damaged or incompatible copy: say why, and go on without it
            _FAILED[SHIPPED_NAME] = _reason(error)
        else:
            return NlpPipeline(nlp, _shipped_info(model, has_pos, has_entities))
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(COMPONENT, config={**component_config, "overwrite": True})
    return NlpPipeline(nlp, _offline_info(model, _FAILED.get(SHIPPED_NAME, "")))


def _reason(error: Exception) -> str:
    """One line: what went wrong loading the shipped pipeline."""
    if isinstance(error, OSError) and not (SHIPPED_DIR / "config.cfg").is_file():
        return "not found in the package"
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {first}"[:200]
