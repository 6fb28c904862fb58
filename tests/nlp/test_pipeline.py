"""The pipeline room's public face: model vs offline, plain annotations, offsets, and a spaCy-free
`describe_pipeline` for start-up."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sdi.nlp.pipeline import Annotation, NlpPipeline, describe_pipeline, load_pipeline
from tests.nlp.conftest import MISSING_MODEL

TEXT = (
    "Vi har f.eks. møter med PPT hver uke. [ler] Men altså, det er ikkje alltid så lett! "
    "«Ka skal me gjere no?» Fjordvik kommune har laget nye rutiner.\n\nStafettloggen blir brukt."
)


def test_offline_pipeline_says_what_it_lacks(offline: NlpPipeline) -> None:
    info = offline.info
    assert info.kind == "offline"
    assert not info.has_entities and not info.has_pos
    assert info.description == "offline Norwegian pipeline (lookup lemmas, sentences; no POS, no entities)"


def test_saved_model_is_loaded_and_its_entities_returned(saved_model: Path, lemma_cache: Path) -> None:
    pipeline = load_pipeline(str(saved_model), lemma_cache)
    assert pipeline.info.kind == "model"
    assert pipeline.info.has_entities and not pipeline.info.has_pos
    annotation = next(pipeline.annotate([TEXT]))
    found = {(TEXT[e.start : e.end], e.label) for e in annotation.entities}
    assert found == {("PPT", "ORG"), ("Fjordvik kommune", "LOC")}
    lemmas = {t.text: t.lemma for t in annotation.tokens}
    assert lemmas["møter"] == "møte" and lemmas["ikkje"] == "ikke"  # our lemmatiser fills in


def test_load_pipeline_is_cached_per_process(lemma_cache: Path, offline: NlpPipeline) -> None:
    assert load_pipeline("offline", lemma_cache) is offline
    assert load_pipeline("offline-nb", lemma_cache).info == offline.info


def test_offsets_slice_the_text_exactly(offline: NlpPipeline) -> None:
    annotation = next(offline.annotate([TEXT]))
    assert isinstance(annotation, Annotation)
    for token in annotation.tokens:
        assert TEXT[token.start : token.end] == token.text
    sentences = [TEXT[start:end] for start, end in annotation.sentences]
    assert sentences == [
        "Vi har f.eks. møter med PPT hver uke.",
        "[ler] Men altså, det er ikkje alltid så lett!",
        "«Ka skal me gjere no?»",
        "Fjordvik kommune har laget nye rutiner.",
        "Stafettloggen blir brukt.",
    ]
    assert all(not t.text.isspace() for t in annotation.tokens)


def test_tokens_carry_lemma_stop_and_punct(offline: NlpPipeline) -> None:
    tokens = {t.text: t for t in next(offline.annotate([TEXT])).tokens}
    assert tokens["Stafettloggen"].lemma == "stafettlogg"  # sentence-initial after a blank line
    assert tokens["ikkje"].is_stop and tokens["altså"].is_stop and tokens["f.eks."].is_stop
    assert not tokens["møter"].is_stop
    assert tokens["!"].is_punct and not tokens["PPT"].is_punct
    assert tokens["møter"].pos == ""


def test_annotate_keeps_order_and_handles_empty_texts(offline: NlpPipeline) -> None:
    texts = ["", "Eg veit ikkje.", "  ", "Saken er sendt videre."]
    annotations = list(offline.annotate(texts, batch_size=2))
    assert [len(a.tokens) for a in annotations] == [0, 4, 0, 5]
    assert annotations[0].sentences == [] and annotations[2].sentences == []


def test_lemma_terms_are_content_lemmas(offline: NlpPipeline) -> None:
    text = "Eg trur ikkje at foreldrene fekk snakke med barnehagelærerne om saken, altså."
    terms = offline.lemma_terms(text)
    assert terms == ["forelder", "snakke", "barnehagelærer", "sak"]


def test_describe_offline_and_saved_model(saved_model: Path) -> None:
    offline = describe_pipeline("offline")
    assert (offline.kind, offline.has_entities) == ("offline", False)
    model = describe_pipeline(str(saved_model))
    assert (model.kind, model.has_entities, model.has_pos) == ("model", True, False)
    assert "no POS" in model.description


def test_describe_pipeline_does_not_import_spacy(saved_model: Path) -> None:
    code = (
        "import sys\n"
        "from sdi.nlp.pipeline import describe_pipeline\n"
        f"describe_pipeline({MISSING_MODEL!r}); describe_pipeline({str(saved_model)!r})\n"
        "describe_pipeline('nb_core_news_sm')\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_importing_the_room_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "import sdi.nlp, sdi.nlp.pipeline, sdi.nlp.lemmatizer, sdi.nlp.stopwords, sdi.nlp.lemma_table\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_two_threads_asking_at_once_share_one_pipeline() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from sdi.nlp.pipeline import load_pipeline

    with ThreadPoolExecutor(max_workers=4) as pool:
        loaded = list(pool.map(lambda _: load_pipeline("nb_core_news_sm"), range(4)))
    assert all(pipeline is loaded[0] for pipeline in loaded)


@pytest.fixture
def shipped_at(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Point sdi's own pipeline at another folder, with the per-process load cache and failures cleared
    before and after (so no other test sees the stand-in)."""
    from sdi.nlp import pipeline

    def use(folder: Path) -> None:
        monkeypatch.setattr(pipeline, "SHIPPED_DIR", folder)

    pipeline._load_once.cache_clear()
    pipeline._FAILED.clear()
    yield use
    pipeline._load_once.cache_clear()
    pipeline._FAILED.clear()


def test_a_missing_model_gives_way_to_sdis_own_pipeline(
    shipped_at: Callable[[Path], None], saved_model: Path, lemma_cache: Path
) -> None:
    shipped_at(saved_model)
    described = describe_pipeline(MISSING_MODEL)
    assert (described.kind, described.name, described.missing) == ("shipped", "nb_sdi", MISSING_MODEL)
    assert described.description.endswith(f"— {MISSING_MODEL} is not installed")
    loaded = load_pipeline(MISSING_MODEL, lemma_cache)
    assert loaded.info.kind == "shipped" and loaded.info.has_entities
    assert {e.label for e in next(loaded.annotate([TEXT])).entities} == {"ORG", "LOC"}
    assert load_pipeline("offline", lemma_cache).info.kind == "offline"  # asked for by name: still there


def test_when_sdis_own_pipeline_cannot_load_the_offline_one_stands_in_and_says_why(
    shipped_at: Callable[[Path], None], tmp_path: Path, lemma_cache: Path
) -> None:
    broken = tmp_path / "nb_sdi"
    broken.mkdir()
    (broken / "config.cfg").write_text("[nlp]\nlang = \"nb\"\npipeline = [\"no_such_component\"]\n")
    shipped_at(broken)
    assert describe_pipeline(MISSING_MODEL).kind == "shipped"  # not known before it is tried
    loaded = load_pipeline(MISSING_MODEL, lemma_cache)
    assert loaded.info.kind == "offline" and loaded.info.failure
    assert f"{MISSING_MODEL} is not installed; nb_sdi did not load (" in loaded.info.description
    after = describe_pipeline(MISSING_MODEL)  # the status line now tells the truth
    assert after.kind == "offline" and after.failure == loaded.info.failure
    assert [t.lemma for t in next(loaded.annotate(["Barna leker."])).tokens] == ["barn", "leke", "."]

    from sdi.nlp.pipeline import _FAILED

    _FAILED.clear()  # a new process, without the package's copy
    shipped_at(tmp_path / "absent")
    assert "not found in the package" in describe_pipeline(MISSING_MODEL).failure


def test_the_status_line_says_which_pipeline_runs_and_why(
    shipped_at: Callable[[Path], None], saved_model: Path, tmp_path: Path, lemma_cache: Path
) -> None:
    from types import SimpleNamespace

    from sdi.workflow.overview import nlp_description

    def described(model: str, language: str = "en") -> str:
        project = SimpleNamespace(config=SimpleNamespace(nlp_model=model, language=language))
        return nlp_description(project)  # type: ignore[arg-type]

    shipped_at(saved_model)
    missing = f" — {MISSING_MODEL} is not installed"
    ours = "sdi's own Norwegian pipeline nb_sdi (lemmas, sentences; no POS tags)"
    assert described(MISSING_MODEL) == ours + missing
    offline = "offline norsk pipeline (oppslagslemmaer, setninger; uten ordklasser, navngitte enheter)"
    assert described("offline", "nb") == offline
    broken = tmp_path / "nb_sdi"
    broken.mkdir()
    (broken / "config.cfg").write_text("not a config")
    shipped_at(broken)
    load_pipeline(MISSING_MODEL, lemma_cache)
    text = described(MISSING_MODEL)
    lookup = "offline Norwegian pipeline (lookup lemmas, sentences; no POS tags, entities)"
    assert text.startswith(lookup + missing + "; sdi's own pipeline could not be loaded (")


def test_a_changed_pipeline_config_is_read_again(tmp_path: Path) -> None:
    """What a saved pipeline holds is remembered while its config.cfg is unchanged (every search asks), and
    read again once it changes."""
    from sdi.nlp.pipeline import _factories

    config = tmp_path / "config.cfg"
    config.write_text('[components.ner]\nfactory = "ner"\n', encoding="utf-8")
    assert _factories(tmp_path) == {"ner"}
    assert _factories(tmp_path) == {"ner"}
    config.write_text('[components.ner]\nfactory = "ner"\n\n[components.tagger]\nfactory = "tagger"\n',
                      encoding="utf-8")  # fmt: skip
    assert _factories(tmp_path) == {"ner", "tagger"}
    config.unlink()
    assert _factories(tmp_path) == set()
