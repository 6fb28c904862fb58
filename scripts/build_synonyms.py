"""Build sdi/nlp/data/synonyms.tsv from the Norwegian Wordnet in ../shared/nlp/wordnet/ (not in the repo).

    .venv/bin/python scripts/build_synonyms.py [WORDNET_DIR]

Reads the two Open Multilingual Wordnet tab files (`synset<TAB>lemma<TAB>word`): the Norwegian Wordnet
(The Norwegian Language Bank) and the Wiktionary-derived bokmål lemmas (CC BY-SA). Every synset with two or
more distinct words becomes one line of the table, its words separated by `|`, sorted, so that rebuilding
gives the same file. Synsets with more than MAX_WORDS words are left out: they gather loose senses, and a
synonym the engine trusts should say the same thing. The licence notices go beside the table
(sdi/nlp/data/SYNONYMS-NOTICE.md); keep them when the table is rebuilt.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("wn-data-nob.tab", "wn-wikt-nob.tab")
TARGET = REPO / "sdi/nlp/data/synonyms.tsv"
MAX_WORDS = 8


def synsets(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for name in SOURCES:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            synset, _, word = line.split("\t")
            word = " ".join(word.lower().split())
            if word and "|" not in word:
                found[synset].add(word)
    return found


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared/nlp/wordnet"
    if not folder.is_dir():
        sys.exit(f"build_synonyms: no Wordnet at {folder} (../shared/nlp/wordnet beside the repository)")
    lines = sorted({"|".join(sorted(words)) for words in synsets(folder).values()
                    if 2 <= len(words) <= MAX_WORDS})  # fmt: skip
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(REPO)}: {len(lines)} synsets")


if __name__ == "__main__":
    main()
