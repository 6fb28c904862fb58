#!/bin/sh
# `make model`: convert the treebank, train sdi's Norwegian pipeline, and copy the best one into the package.
#
#   NLP_DATA   folder with nb-ndt-train.conllu and nb-ud-dev.conllu      (default ../shared/nlp)
#   MODEL_WORK scratch folder for converted data and training output   (default ../model-work; never the repo)
#   MODEL_STEPS   training steps (default 8000: ~40 minutes of one core; the scores level off before)
#   MODEL_MINUTES wall-clock limit (default 60); on a busy machine it may stop training early, and the best
#                 dev checkpoint so far is used
#   MODEL_TARGET  where the trained pipeline goes (default sdi/nlp/model/nb_sdi)
#   MODEL_LABELS  entity labels: sdi (PER, LOC = LOC+GPE_LOC, ORG = ORG+GPE_ORG: the kinds pseudonymisation
#                 needs; the default) or norne (all NorNE types, as nb_core_news_sm)
#
# Never part of `make test` or CI: it takes most of an hour on two cores. Run it niced; the machine is shared.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY="${PYTHON:-$ROOT/.venv/bin/python}"
NLP_DATA="${NLP_DATA:-$ROOT/../shared/nlp}"
MODEL_WORK="${MODEL_WORK:-$ROOT/../model-work}"
MODEL_MINUTES="${MODEL_MINUTES:-60}"
MODEL_STEPS="${MODEL_STEPS:-8000}"
MODEL_LABELS="${MODEL_LABELS:-sdi}"
TARGET="${MODEL_TARGET:-$ROOT/sdi/nlp/model/nb_sdi}"

for file in nb-ndt-train.conllu nb-ud-dev.conllu; do
    if [ ! -f "$NLP_DATA/$file" ]; then
        echo "$NLP_DATA/$file: not found (set NLP_DATA to the folder holding the treebank)" >&2
        exit 1
    fi
done
mkdir -p "$MODEL_WORK"
"$PY" "$ROOT/scripts/model/convert.py" "$NLP_DATA/nb-ndt-train.conllu" "$MODEL_WORK/train.spacy" --labels "$MODEL_LABELS"
"$PY" "$ROOT/scripts/model/convert.py" "$NLP_DATA/nb-ud-dev.conllu" "$MODEL_WORK/dev.spacy" --labels "$MODEL_LABELS"

start=$(date +%s)
# `timeout -s INT` lets spaCy stop as after Ctrl-C; model-best holds the best dev score reached so far.
timeout -s INT "${MODEL_MINUTES}m" "$PY" -m spacy train "$ROOT/scripts/model/config.cfg" \
    --code "$ROOT/scripts/model/functions.py" --output "$MODEL_WORK/output" \
    --paths.train "$MODEL_WORK/train.spacy" --paths.dev "$MODEL_WORK/dev.spacy" \
    --training.max_steps "$MODEL_STEPS" || true
echo "training wall time: $(( $(date +%s) - start )) s (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"

BEST="$MODEL_WORK/output/model-best"
if [ ! -f "$BEST/config.cfg" ]; then
    echo "$BEST: no trained pipeline was saved" >&2
    exit 1
fi
"$PY" "$ROOT/scripts/model/package.py" "$BEST" "$TARGET"
