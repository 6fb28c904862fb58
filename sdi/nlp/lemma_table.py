"""A compact Bokmål form → lemma table, built once from spacy-lookups-data and cached on disk.

The packaged JSON (≈590,000 forms split by part of speech) takes seconds to parse and has no POS tagger
to choose between readings here, so we merge it once into one lowercase dict with a preference rule and
write it as a packed hash table (`sdi.nlp.packed_table`). Later runs read that file in milliseconds and
look words up in it without making a Python string per form. No spaCy import is needed for any of this.
"""

from __future__ import annotations

import contextlib
import gzip
import importlib.util
import json
import os
import struct
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sdi.config.files import write_atomically
from sdi.nlp.lexicon import OVERRIDES, PREFERRED, lexicon_digest
from sdi.nlp.packed_table import PackedTable, mapped, pack

FORMAT_VERSION = 2  # 1: a pickled dict; 2: packed tables
DATA_PACKAGE = "spacy-lookups-data"

# Noun endings (form ending, lemma ending, the lemma must end with one of) used only to bring back
# readings the packaged table lost where two nouns share a form (`saker` kept `sake`, lost `sak`).
NOUN_ENDINGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ene", "", ("",)), ("en", "", ("",)), ("et", "", ("",)), ("er", "", ("",)), ("a", "", ("",)),
    ("a", "e", ("e",)), ("r", "", ("e",)), ("n", "", ("e",)), ("ne", "", ("e", "er")), ("e", "", ("er",)),
)


@dataclass(frozen=True, slots=True)
class LemmaTable:
    """Lowercase form → lemma (proper-noun lemmas keep their capital), and the set of noun lemmas.

    `lemmas` holds every known form, identical ones included, so "known word" is `form in lemmas`.
    `nouns` lets the lemmatiser split compounds on real head nouns only. `source` says whether this
    instance was "built" now or read from the "cache" file.
    """

    lemmas: Mapping[str, str]  # a dict when built, a `PackedTable` when read from the cache
    nouns: Collection[str]
    source: str = "built"

    def get(self, form: str) -> str | None:
        return self.lemmas.get(form)

    def __len__(self) -> int:
        return len(self.lemmas)


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/sdi`, else `~/.cache/sdi` (the XDG convention for rebuildable files)."""
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "sdi"


@cache
def data_version() -> str:
    """The installed spacy-lookups-data version, read from package metadata (no import): the `Version:`
    line of the one `.dist-info` folder beside the package, as pip installs it — importing
    `importlib.metadata` (and the email parser it brings) costs a cold command 40–80 ms; it is asked only
    when that folder is not there to read."""
    spec = importlib.util.find_spec(DATA_PACKAGE.replace("-", "_"))
    if spec is not None and spec.origin is not None:
        folders = list(Path(spec.origin).parent.parent.glob(DATA_PACKAGE.replace("-", "_") + "-*.dist-info"))
        if len(folders) == 1:
            with contextlib.suppress(OSError), open(folders[0] / "METADATA", encoding="utf-8") as headers:
                for line in headers:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line.strip():
                        break  # the headers end at the first blank line
    from importlib import metadata

    return metadata.version(DATA_PACKAGE)


def cache_file(cache_dir: Path, format_version: int = FORMAT_VERSION) -> Path:
    """The cache path; it names everything the content depends on, so stale files are never read."""
    name = f"nb-lemmas-lookups{data_version()}-f{format_version}-{lexicon_digest()}.table"
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


def _noun_readings(form: str, nouns: set[str]) -> set[str]:
    """Noun lemmas that `form` regularly inflects, e.g. `saken` → {`sak`, `sake`} (both are nouns)."""
    found = {form} if form in nouns else set()
    for ending, replacement, lemma_endings in NOUN_ENDINGS:
        if form.endswith(ending) and len(form) - len(ending) >= 2:
            stem = form[: len(form) - len(ending)] + replacement
            if stem in nouns and stem.endswith(lemma_endings):
                found.add(stem)
    return found


def choose(form: str, votes: dict[str, dict[str, float]], rank: dict[str, int]) -> str:
    """The reading to keep when a form has several lemmas (`votes`: lemma → {part of speech: weight}).

    A preferred (frequent) lemma wins first. Otherwise the lemma backed by most parts of speech, then:
    a verb's present tense in -er over an identical agent noun (`tegner` → `tegne`), the identical base
    word over other readings (`svar`, not `sva`), and the shorter lemma. An imperative (`jobb` of
    `jobbe`) never wins: in speech the noun is far more common.
    """
    imperative = form + "e"
    candidates = [lemma for lemma in votes if lemma != imperative] or list(votes)
    preferred = [lemma for lemma in candidates if lemma.lower() in rank]
    if preferred:
        return min(preferred, key=lambda lemma: rank[lemma.lower()])

    def key(lemma: str) -> tuple[float, bool, bool, int, str]:
        present = "verb" in votes[lemma] and form.endswith("er") and lemma == form[:-1]
        return (-sum(votes[lemma].values()), not present, lemma != form, len(lemma), lemma)

    return min(candidates, key=key)


def build_table() -> LemmaTable:
    """Merge `nb_lemma_exc` over parts of speech, add `nb_lemma_lookup` and our overrides."""
    exc: dict[str, dict[str, list[str]]] = _read_json("nb_lemma_exc")
    lookup: dict[str, str] = _read_json("nb_lemma_lookup")
    nouns = {lemma.lower() for forms in exc["noun"].values() for lemma in forms}
    rank = {lemma: index for index, lemma in enumerate(PREFERRED)}
    interned: dict[str, str] = {}

    readings: dict[str, list[tuple[str, str]]] = {}  # form → [(lemma, part of speech)]
    # A capitalised form (a name) only counts when no lowercase word shares it: `per`, not `Per`.
    for pos, table in exc.items():
        for form, readings_of_form in table.items():
            if " " in form:
                continue
            key = form.lower()
            if key != form and any(key in t for t in exc.values()):
                continue
            readings.setdefault(key, []).extend((lemma, pos) for lemma in readings_of_form)

    del exc  # half the build's peak memory; only `readings` is needed from here on
    lemmas: dict[str, str] = {}
    for form, pairs in readings.items():
        votes: dict[str, dict[str, float]] = {}
        for lemma, pos in pairs:
            votes.setdefault(lemma, {})[pos] = 1.0
        if form[-1:] in "aenrt" or form in nouns:
            for lemma in _noun_readings(form, nouns):
                votes.setdefault(lemma, {}).setdefault("noun", 0.5)
        best = choose(form, votes, rank) if len(votes) > 1 else next(iter(votes))
        lemmas[form] = form if best == form else interned.setdefault(best, best)

    for form, lemma in lookup.items():
        key = form.lower()
        usable = " " not in lemma and (lemma.endswith(".") == form.endswith(".")) and form != "si"
        if usable and (key == form or key not in lemmas) and lemma.lower() == lemma:
            lemmas[key] = key if lemma == key else interned.setdefault(lemma, lemma)
    for form, lemma in OVERRIDES.items():
        lemmas[form] = form if lemma == form else interned.setdefault(lemma, lemma)
    return LemmaTable(lemmas, frozenset(interned.get(lemma, lemma) for lemma in nouns))


def _write_atomically(path: Path, table: LemmaTable) -> None:
    """Temp file in the same folder, then rename: readers never see half a file."""
    lemmas = pack(table.lemmas.items())
    nouns = pack((noun, noun) for noun in sorted(table.nouns))
    write_atomically(path, struct.pack("<Q", len(lemmas)) + lemmas + nouns)


def _read(path: Path) -> LemmaTable | None:
    """The cached table, or None if missing or damaged (any reading error just means: rebuild)."""
    try:
        blob = mapped(path)
        (split,) = struct.unpack_from("<Q", blob)
        lemmas = PackedTable(blob, 8)
        nouns = PackedTable(blob, 8 + split)
    except Exception:
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
    with contextlib.suppress(OSError):
        _write_atomically(path, table)
    return table


@cache
def lemma_table(cache_dir: Path | None = None) -> LemmaTable:
    """One table per process and cache folder (~20 MB in memory when read from the cache)."""
    return read_or_build(cache_dir)
