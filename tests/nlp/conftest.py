"""Session fixtures: the lemma table is built once into a temporary cache; a tiny real spaCy pipeline is
saved to disk so the model path is tested without downloading a model."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.nlp.lemma_table import LemmaTable, read_or_build
from sdi.nlp.lemmatizer import Lemmatizer
from sdi.nlp.pipeline import NlpPipeline, load_pipeline

# A model name that is certainly not installed (sdi's own pipeline stands in for it).
MISSING_MODEL = "sdi_test_no_such_model"


@pytest.fixture(scope="session")
def lemma_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lemma-cache")


@pytest.fixture(scope="session")
def table(lemma_cache: Path) -> LemmaTable:
    return read_or_build(lemma_cache)


@pytest.fixture(scope="session")
def lemma(table: LemmaTable) -> Lemmatizer:
    return Lemmatizer(table)


@pytest.fixture(scope="session")
def offline(lemma_cache: Path, table: LemmaTable) -> NlpPipeline:
    """The lookup pipeline, asked for by name (`model = "offline"`)."""
    return load_pipeline("offline", lemma_cache)


@pytest.fixture(scope="session")
def saved_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real pipeline on disk: blank Norwegian, sentencizer and an entity ruler with two patterns."""
    import spacy

    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "ORG", "pattern": "PPT"},
            {"label": "LOC", "pattern": [{"LOWER": "fjordvik"}, {"LOWER": "kommune"}]},
        ]
    )
    folder = tmp_path_factory.mktemp("model") / "nb_test_pipeline"
    nlp.to_disk(folder)
    return folder
