# The two commands in the README: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test

.PHONY: run test lint setup bench clean model

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

## make run: set up, import the demo corpus and its seeded example analysis (both skip what is already
## there), and open the workbench.
run: $(STAMP)
	$(BIN)/sdi import --quiet
	$(BIN)/sdi codebook import codebooks/demo-analyse.toml
	$(BIN)/sdi

## make test: set up with the test extras, lint, and run the whole suite — on SQLite and, through a throwaway
## PostgreSQL server on loopback (scripts/with-postgres), on PostgreSQL too.
test: $(STAMP)
	$(BIN)/ruff check sdi tests
	scripts/with-postgres $(BIN)/python -m pytest -q

## make bench: the benchmarks in bench/ (100,000 generated words; `BENCH_WORDS=1000000 make bench` for the large
## study). Never part of the test suite.
BENCH_WORDS ?= 100000
bench: $(STAMP)
	$(BIN)/python bench/run.py --words $(BENCH_WORDS)

## make model: train sdi's own Norwegian pipeline (parts of speech, lemmas, names) from the treebank in
## ../shared/nlp and copy it into sdi/nlp/model/nb_sdi. Most of an hour on two cores; never part of `make
## test` or CI. NLP_DATA, MODEL_WORK, MODEL_STEPS, MODEL_MINUTES: see scripts/model/train.sh.
model: $(STAMP)
	nice -n 10 scripts/model/train.sh

lint: $(STAMP)
	$(BIN)/ruff check sdi tests

clean:
	rm -rf $(VENV) .sdi .pytest_cache
