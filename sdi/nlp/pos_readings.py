"""Norsk Ordbank's readings of a word form by part of speech: what a tagger chooses between.

`sdi.nlp.lemma_table` merges the readings of each form into one lemma, because the offline pipeline has no
parts of speech. With a model that tags words, the choice can be the model's: `landet` is `land` as a
noun and `lande` as a verb. This table keeps every reading: lowercase form → {noun/verb/adj/adv: lemmas}.
It is built once from spacy-lookups-data (`nb_lemma_exc`, ≈590,000 forms, CC BY Norsk Ordbank) and cached
as a packed table beside the merged one; no spaCy import is needed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from sdi.config.files import write_atomically
from sdi.nlp.lemma_table import _read_json, data_version, default_cache_dir
from sdi.nlp.packed_table import PackedTable, mapped, pack

FORMAT_VERSION = 1
# Our short codes for the table's parts of speech, and the UD tags (UPOS) each one reads.
CODES = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
UPOS_CODES = {"NOUN": "n", "VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "r"}
_POS_SEP, _LEMMA_SEP = "\x1e", "\x1f"


class Readings:
    """Lowercase form → {code: lemmas}; `get(form, upos)` reads the lemmas for one UD part of speech."""

    def __init__(self, packed: Mapping[str, str]) -> None:
        self._packed = packed

    def all(self, lower: str) -> dict[str, tuple[str, ...]]:
        """Every reading of `lower`, by part-of-speech code (`n`, `v`, `a`, `r`); empty if unknown."""
        value = self._packed.get(lower)
        if not value or value == lower:
            return {}
        return {part[0]: tuple(part[1:].split(_LEMMA_SEP)) for part in value.split(_POS_SEP)}

    def get(self, lower: str, upos: str) -> tuple[str, ...]:
        """The lemmas of `lower` read as `upos` (a UD tag), or () when the table has no such reading."""
        code = UPOS_CODES.get(upos)
        if code is None:
            return ()
        return self.all(lower).get(code, ())

    def __contains__(self, lower: object) -> bool:
        return lower in self._packed

    def __len__(self) -> int:
        return len(self._packed)


def encode(readings: Mapping[str, list[str]]) -> str:
    """{code: lemmas} → the packed value (the form itself is never a valid encoding: it starts with a code
    followed by a lemma, joined by separators no word holds)."""
    return _POS_SEP.join(code + _LEMMA_SEP.join(lemmas) for code, lemmas in sorted(readings.items()))


def build() -> dict[str, str]:
    """Form → encoded readings, from `nb_lemma_exc` (multi-word forms left out; names only where no lowercase
    word has the same form, as in the merged table)."""
    exc: dict[str, dict[str, list[str]]] = _read_json("nb_lemma_exc")
    lowercase = {form for table in exc.values() for form in table if form == form.lower()}
    by_form: dict[str, dict[str, list[str]]] = {}
    for pos, table in exc.items():
        code = CODES.get(pos)
        if code is None:
            continue
        for form, lemmas in table.items():
            key = form.lower()
            if " " in form or (key != form and key in lowercase):
                continue
            found = by_form.setdefault(key, {}).setdefault(code, [])
            found.extend(lemma for lemma in lemmas if lemma not in found and " " not in lemma)
    return {form: encode(readings) for form, readings in by_form.items() if any(readings.values())}


def cache_file(cache_dir: Path) -> Path:
    return cache_dir / f"nb-readings-lookups{data_version()}-f{FORMAT_VERSION}.table"


def read_or_build(cache_dir: Path | None = None) -> Readings:
    """The cached table if it reads cleanly, else built now and written back (an unwritable folder only
    means building again next time)."""
    path = cache_file(cache_dir or default_cache_dir())
    try:
        return Readings(PackedTable(mapped(path)))
    except (OSError, ValueError):
        pass
    table = build()
    blob = pack(sorted(table.items()))
    with contextlib.suppress(OSError):
        write_atomically(path, blob)
    return Readings(PackedTable(blob))


@cache
def readings(cache_dir: Path | None = None) -> Readings:
    """One table per process and cache folder."""
    return read_or_build(cache_dir)
