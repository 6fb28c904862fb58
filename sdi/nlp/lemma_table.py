"""A compact Bokmål form → lemma table, built once from spacy-lookups-data and cached on disk.

The packaged JSON (≈590,000 forms split by part of speech) takes seconds to parse and has no POS tagger
to choose between readings here, so we merge it once into one lowercase dict with a preference rule and
pickle it. Later runs unpickle it in a fraction of a second. No spaCy import is needed for any of this.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import importlib.util
import json
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sdi.nlp.lexicon import OVERRIDES, PREFERRED, lexicon_digest

FORMAT_VERSION = 1
DATA_PACKAGE = "spacy-lookups-data"

# Regular suffixes by part of speech: (ending of the form, ending of the lemma). Used only to bring
# back readings the packaged table lost when two lemmas share a form (`saker` → `sake`, not `sak`).
NOUN_SUFFIXES = (("ene", ""), ("en", ""), ("et", ""), ("er", ""), ("a", ""), ("ne", ""), ("e", ""),
                 ("ene", "e"), ("en", "e"), ("er", "e"), ("a", "e"), ("r", ""), ("n", ""))
VERB_SUFFIXES = (("r", ""), ("er", "e"), ("te", "e"), ("et", "e"), ("a", "e"), ("de", "e"), ("dde", ""))
ADJ_SUFFIXES = (("e", ""), ("t", ""), ("ere", ""), ("est", ""), ("este", ""))


@dataclass(frozen=True, slots=True)
class LemmaTable:
    """Lowercase form → lemma (proper-noun lemmas keep their capital), and the set of noun lemmas.

    `lemmas` holds every known form, identical ones included, so "known word" is `form in lemmas`.
    `nouns` lets the lemmatiser split compounds on real head nouns only. `source` says whether this
    instance was "built" now or read from the "cache" file.
    """

    lemmas: dict[str, str]
    nouns: frozenset[str]
    source: str = "built"

    def get(self, form: str) -> str | None:
        return self.lemmas.get(form)

    def __len__(self) -> int:
        return len(self.lemmas)


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/sdi`, else `~/.cache/sdi` (the XDG convention for rebuildable files)."""
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "sdi"


def data_version() -> str:
    """The installed spacy-lookups-data version, read from package metadata (no import)."""
    return importlib.metadata.version(DATA_PACKAGE)


def cache_file(cache_dir: Path, format_version: int = FORMAT_VERSION) -> Path:
    """The cache path; it names everything the content depends on, so stale files are never read."""
    name = f"nb-lemmas-lookups{data_version()}-f{format_version}-{lexicon_digest()}.pickle"
    return cache_dir / name


def _data_dir() -> Path:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or spec.origin is None:
        raise RuntimeError("spacy-lookups-data is not installed")
    return Path(spec.origin).parent / "data"


def _read_json(name: str) -> dict[str, Any]:
    with gzip.open(_data_dir() / f"{name}.json.gz", "rt", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _recovered(form: str, pos: str, suffixes: Iterable[tuple[str, str]], lemmas: set[str]) -> set[str]:
    """Lemmas of `pos` that `form` regularly inflects, e.g. `saken` → {`sak`} when `sak` is a noun."""
    found = {form} if form in lemmas else set()
    for ending, replacement in suffixes:
        if form.endswith(ending) and len(form) - len(ending) >= 2:
            stem = form[: len(form) - len(ending)] + replacement
            if stem in lemmas:
                found.add(stem)
    return found


def choose(votes: dict[str, float], rank: dict[str, int]) -> str:
    """The reading to keep: a preferred (frequent) lemma first, then most parts of speech, then shortest.

    Shorter wins ties because an inflected form is more often the stem plus an ending (`får` → `få`,
    `skriver` → `skrive`) than a rare identical base word.
    """
    preferred = [lemma for lemma in votes if lemma.lower() in rank]
    if preferred:
        return min(preferred, key=lambda lemma: rank[lemma.lower()])
    return min(votes, key=lambda lemma: (-votes[lemma], len(lemma), lemma))


def build_table() -> LemmaTable:
    """Merge `nb_lemma_exc` over parts of speech, add `nb_lemma_lookup` and our overrides."""
    exc: dict[str, dict[str, list[str]]] = _read_json("nb_lemma_exc")
    lookup: dict[str, str] = _read_json("nb_lemma_lookup")
    by_pos = {pos: {lemma.lower() for forms in table.values() for lemma in forms} for pos, table in exc.items()}
    suffixes = {"noun": NOUN_SUFFIXES, "verb": VERB_SUFFIXES, "adj": ADJ_SUFFIXES}
    rank = {lemma: index for index, lemma in enumerate(PREFERRED)}
    interned: dict[str, str] = {}

    readings: dict[str, dict[str, float]] = {}
    # Lowercase originals first, so `per` (preposition) is not replaced by the name `Per`.
    for pos, table in exc.items():
        for form, lemmas in table.items():
            if " " in form:
                continue
            key = form.lower()
            if key != form and any(key in t for t in exc.values()):
                continue
            votes = readings.setdefault(key, {})
            for lemma in lemmas:
                votes[lemma] = votes.get(lemma, 0.0) + 1.0

    lemmas: dict[str, str] = {}
    for form, votes in readings.items():
        if len(votes) > 1 or form[-1:] in "aenrt":
            for pos, pos_suffixes in suffixes.items():
                for lemma in _recovered(form, pos, pos_suffixes, by_pos[pos]):
                    votes.setdefault(lemma, 0.5)
        best = choose(votes, rank) if len(votes) > 1 else next(iter(votes))
        lemmas[form] = form if best == form else interned.setdefault(best, best)

    for form, lemma in lookup.items():
        key = form.lower()
        usable = " " not in lemma and (lemma.endswith(".") == form.endswith(".")) and form != "si"
        if usable and (key == form or key not in lemmas) and lemma.lower() == lemma:
            lemmas[key] = key if lemma == key else interned.setdefault(lemma, lemma)
    for form, lemma in OVERRIDES.items():
        lemmas[form] = form if lemma == form else interned.setdefault(lemma, lemma)
    nouns = frozenset(interned.get(lemma, lemma) for lemma in by_pos["noun"])
    return LemmaTable(lemmas, nouns)


def _write_atomically(path: Path, table: LemmaTable) -> None:
    """Temp file in the same folder, then rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, suffix=".tmp", delete=False)
    try:
        with handle:
            pickle.dump((table.lemmas, table.nouns), handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _read(path: Path) -> LemmaTable | None:
    try:
        with path.open("rb") as handle:
            lemmas, nouns = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        return None
    if not isinstance(lemmas, dict) or not isinstance(nouns, frozenset):
        return None
    return LemmaTable(lemmas, nouns, source="cache")


def read_or_build(cache_dir: Path | None = None, format_version: int = FORMAT_VERSION) -> LemmaTable:
    """The cached table if its file exists and reads cleanly, else a fresh build written back.

    An unwritable cache folder is not an error: the table is then simply rebuilt each run.
    """
    path = cache_file(cache_dir or default_cache_dir(), format_version)
    table = _read(path)
    if table is not None:
        return table
    table = build_table()
    try:
        _write_atomically(path, table)
    except OSError:
        pass
    return table


@cache
def lemma_table(cache_dir: Path | None = None) -> LemmaTable:
    """One table per process and cache folder (it is ~100 MB; never load it twice)."""
    return read_or_build(cache_dir)
