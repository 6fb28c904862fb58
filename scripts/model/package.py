"""Copy a trained pipeline into the package (`sdi/nlp/model/nb_sdi`), for `make model`.

Usage: python scripts/model/package.py TRAINED_DIR TARGET_DIR

Keeps what loading needs (config, meta, vocab, the components' weights; not the tokenizer, which is spaCy's
Norwegian one and is built from the language when sdi loads the pipeline), names the pipeline,
writes its licence and sources into meta.json, and clears the local training paths from the config. The
README beside the target (sdi/nlp/model/README.md) is written by hand: it says where the figures come from.
"""

from __future__ import annotations

import configparser
import json
import shutil
import sys
from pathlib import Path

META = {
    "name": "sdi",
    "version": "1.0.0",
    "description": "sdi's Norwegian Bokmål pipeline: parts of speech and morphology, lemmas, named entities "
    "(NorNE types). Trained on the Norwegian Dependency Treebank's training split; chosen on UD Norwegian "
    "Bokmål dev.",
    "author": "sdi",
    "license": "CC0-1.0 (training data: NDT annotations and NorNE, CC0; see README.md)",
    "sources": [
        {"name": "Norwegian Dependency Treebank (NDT), bokmål", "author": "National Library of Norway",
         "license": "CC0 1.0"},
        {"name": "NorNE named entities (Jørgensen et al., LREC 2020)", "license": "CC0 1.0 (as NDT)"},
        {"name": "UD Norwegian Bokmål dev set (model selection only)", "license": "CC BY-SA 4.0"},
        {"name": "Norsk Ordbank via spacy-lookups-data (reading classes)", "license": "CC BY 4.0"},
    ],
}  # fmt: skip


def package(source: Path, target: Path) -> None:
    if not (source / "config.cfg").is_file():
        raise SystemExit(f"{source}: no trained pipeline (config.cfg missing)")
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(source, staging)
    meta_path = staging / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(META)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    _clear_paths(staging / "config.cfg")
    # The tokenizer is spaCy's Norwegian one, unchanged: sdi builds it from the language and skips the
    # saved copy (re-adding its 748 exceptions cost a tenth of the load).
    (staging / "tokenizer").unlink(missing_ok=True)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    size = sum(path.stat().st_size for path in target.rglob("*") if path.is_file())
    print(f"{target}: {size / 1e6:.1f} MB")


def _clear_paths(config: Path) -> None:
    """The `[paths]` of the training run point into the trainer's scratch folder: set them to null."""
    lines = config.read_text(encoding="utf-8").splitlines()
    out, section = [], ""
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
        elif section == "paths" and "=" in stripped:
            line = stripped.split("=", 1)[0].rstrip() + " = null"
        out.append(line)
    config.write_text("\n".join(out) + "\n", encoding="utf-8")
    configparser.ConfigParser(interpolation=None, strict=False).read(config)  # still readable


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[1])
    package(Path(sys.argv[1]), Path(sys.argv[2]))
