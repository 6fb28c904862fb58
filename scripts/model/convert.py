"""CoNLL-U (NDT / UD Norwegian Bokmål with NorNE `name=` tags in MISC) → spaCy DocBin, for `make model`.

Usage: python scripts/model/convert.py IN.conllu OUT.spacy [--labels norne|sdi] [--sentences 10]

Each sentence keeps its words, whitespace (`SpaceAfter=No`), UPOS, XPOS, FEATS and lemma; NDT's punctuation
lemmas (`$.`, `$,`) become the punctuation itself, as sdi writes them. Entities come from the BIO tags in
MISC: `--labels norne` keeps NorNE's types, `--labels sdi` maps them to the kinds sdi pseudonymises
(PER → PER, LOC/GPE_LOC → LOC, ORG/GPE_ORG → ORG) and drops the rest (PROD, EVT, DRV, MISC). Sentences
are grouped into documents of `--sentences` so the entity recogniser sees context across sentences.

The converted files are training material only: never commit them (the treebank's texts may not be
republished). Run from the repository root with the project's virtualenv (spaCy is a dependency of sdi).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SDI_LABELS = {"PER": "PER", "LOC": "LOC", "GPE_LOC": "LOC", "ORG": "ORG", "GPE_ORG": "ORG"}


@dataclass
class Sentence:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # BIO tags, "O" outside


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-U file (multi-word token ranges and empty nodes skipped)."""
    sentence = Sentence()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line:
                if sentence.words:
                    yield sentence
                sentence = Sentence()
                continue
            if line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) != 10:
                raise SystemExit(f"{path}:{number}: expected 10 tab-separated columns, found {len(columns)}")
            ident, form, lemma, upos, xpos, feats, _head, _rel, _deps, misc = columns
            if "-" in ident or "." in ident:
                continue
            extras = dict(item.partition("=")[::2] for item in misc.split("|") if item != "_")
            sentence.words.append(form)
            sentence.spaces.append(extras.get("SpaceAfter") != "No")
            sentence.upos.append(upos)
            sentence.xpos.append(xpos)
            sentence.feats.append("" if feats == "_" else feats)
            sentence.lemmas.append(plain_lemma(form, lemma, upos))
            sentence.names.append(extras.get("name", "O"))
    if sentence.words:
        yield sentence


def plain_lemma(form: str, lemma: str, upos: str) -> str:
    """NDT writes punctuation lemmas as `$` + the mark (`$.`); sdi (and most lemmatisers) the mark itself."""
    if upos == "PUNCT" and lemma.startswith("$") and len(lemma) > 1:
        return form
    return lemma


def entity_spans(tags: list[str], labels: str) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a BIO sequence, mapped by `labels`; stray I- tags open a span."""
    spans: list[tuple[int, int, str]] = []
    start, current = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if current and (prefix != "I" or kind != current):
            spans.append((start, index, current))
            current = ""
        if prefix in ("B", "I") and not current:
            start, current = index, kind
    if labels == "sdi":
        return [(s, e, SDI_LABELS[k]) for s, e, k in spans if k in SDI_LABELS]
    return spans


def convert(source: Path, target: Path, labels: str, per_doc: int) -> Counter[str]:
    """Write the DocBin; returns entity counts by label."""
    from spacy.tokens import Doc, DocBin, Span
    from spacy.vocab import Vocab

    vocab = Vocab()
    store = DocBin(store_user_data=False)
    counts: Counter[str] = Counter()
    batch: list[Sentence] = []

    def flush() -> None:
        words: list[str] = []
        doc_spaces: list[bool] = []
        starts: list[bool] = []
        ents: list[tuple[int, int, str]] = []
        for sentence in batch:
            offset = len(words)
            words += sentence.words
            doc_spaces += [*sentence.spaces[:-1], True]
            starts += [True] + [False] * (len(sentence.words) - 1)
            ents += [(offset + s, offset + e, k) for s, e, k in entity_spans(sentence.names, labels)]
        doc_spaces[-1] = False
        doc = Doc(
            vocab,
            words=words,
            spaces=doc_spaces,
            pos=[p for s in batch for p in s.upos],
            tags=[t for s in batch for t in s.xpos],
            morphs=[m for s in batch for m in s.feats],
            lemmas=[lemma for s in batch for lemma in s.lemmas],
            sent_starts=starts,
        )
        doc.ents = [Span(doc, s, e, label=k) for s, e, k in ents]
        counts.update(k for _, _, k in ents)
        store.add(doc)
        batch.clear()

    for sentence in read_conllu(source):
        batch.append(sentence)
        if len(batch) >= per_doc:
            flush()
    if batch:
        flush()
    target.parent.mkdir(parents=True, exist_ok=True)
    store.to_disk(target)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("--labels", choices=("norne", "sdi"), default="norne")
    parser.add_argument("--sentences", type=int, default=10, help="sentences per document")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source}: no such file", file=sys.stderr)
        return 1
    counts = convert(args.source, args.target, args.labels, max(1, args.sentences))
    print(f"{args.target}: entities {dict(counts.most_common())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
