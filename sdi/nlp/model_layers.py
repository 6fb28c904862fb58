"""The one layer of sdi's own pipeline (`sdi/nlp/model/nb_sdi`) that spaCy does not have: word embeddings
that also see what Norsk Ordbank knows about a word.

Beside the usual hashed features (the word, its prefix, suffix and shape), each word gets a small embedding
of its *reading class*: which parts of speech the lookup table lists for it (`landet`: adjective, noun,
verb), whether it is known only as a name (`Kari`, `Norge`), and whether it names a Norwegian municipality
or county. The treebank has 243,000 words; the table knows 585,000 forms, so this tells the tagger and the
entity recogniser something about words they never saw in training.

Registered with spaCy's registry by `register()` — called by the pipeline loader before it loads sdi's
pipeline, and by the training recipe (`scripts/model/functions.py`). spaCy and thinc are imported only then.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ARCHITECTURE = "sdi.ReadingsHashEmbed.v1"
_cache_dir: list[Path | None] = [None]  # where the readings table is cached (set by the pipeline loader)


def use_cache_dir(cache_dir: Path | None) -> None:
    _cache_dir[0] = cache_dir


def reading_class(word: str, all_readings: Callable[[str], dict[str, tuple[str, ...]]],
                  places: frozenset[str]) -> str:  # fmt: skip
    """`anv` for a word read as adjective, noun and verb; `P` added when every lemma is a name; `G` when
    it is a municipality or county; `-` for a word the table does not know."""
    found = all_readings(word.lower())
    codes = "".join(sorted(found))
    lemmas = [lemma for values in found.values() for lemma in values]
    if lemmas and all(lemma[:1].isupper() for lemma in lemmas):
        codes += "P"
    if word in places:
        codes += "G"
    return codes or "-"


def register() -> None:
    """Register the embedding architecture (idempotent)."""
    from spacy import registry

    if ARCHITECTURE in registry.architectures:
        return
    registry.architectures.register(ARCHITECTURE, func=readings_hash_embed)


def readings_hash_embed(
    width: int, attrs: list[str], rows: list[int], readings_width: int, readings_rows: int
) -> Any:
    """Hashed embeddings of `attrs` (as spaCy's MultiHashEmbed) and of the reading class, concatenated and
    mixed down to `width` by one maxout layer."""
    from spacy.attrs import intify_attr
    from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array

    from sdi.nlp.name_discovery import places
    from sdi.nlp.pos_readings import readings

    columns = [intify_attr(attr) for attr in attrs]
    memo: dict[str, int] = {}

    def features(model: Any, docs: list[Any], is_train: bool) -> tuple[list[Any], Callable[[Any], list]]:
        table = readings(_cache_dir[0])
        known = places()
        out = []
        for doc in docs:
            array = doc.to_array(columns)
            if array.ndim == 1:
                array = array.reshape((-1, 1))
            classes = []
            for token in doc:
                found = memo.get(token.text)
                if found is None:
                    if len(memo) > 200_000:
                        memo.clear()
                    name = reading_class(token.text, table.all, known)
                    found = memo[token.text] = zlib.crc32(name.encode("utf-8"))
                classes.append(found)
            combined = model.ops.xp.hstack(
                [array.astype("uint64"), model.ops.xp.asarray(classes, dtype="uint64").reshape((-1, 1))]
            )
            out.append(model.ops.asarray(combined, dtype="uint64"))
        return out, lambda d_features: []

    extractor: Model = Model("sdi_readings_features", features)
    embeddings = [
        HashEmbed(width, row, column=index, seed=11 + index, dropout=0.0) for index, row in enumerate(rows)
    ]
    embeddings.append(HashEmbed(readings_width, readings_rows, column=len(rows), seed=11 + len(rows)))
    size = width * len(rows) + readings_width
    return chain(
        extractor,
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, size, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
