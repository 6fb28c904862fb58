"""`sdi nlp evaluate` on a small CoNLL-U file we wrote, and `sdi reindex` after the pipeline changed: a
tagging pipeline reads «landet» as the noun, so a search for «land» finds the turn only after the index
is rebuilt."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sdi.cli.main import main
from sdi.workflow.project import Project, open_project
from sdi.workflow.search import search
from tests.conftest import transcript_md, write
from tests.nlp.test_evaluation import GOLD


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_evaluate_scores_the_offline_pipeline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.conllu"
    gold.write_text(GOLD, encoding="utf-8")
    argv = ("--project", str(tmp_path), "nlp", "evaluate", str(gold), "--model", "offline")
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    scores = json.loads(out)
    assert scores["pipeline"] == "offline-nb" and scores["tokens"] == 11
    assert scores["token_acc"] == 1.0 and scores["upos_acc"] is None
    # The lookup pipeline, without parts of speech: «bor» stays the noun (a drill), not the verb «bo»; det
    # for den counts only in the second figure; no entities.
    assert scores["lemma_acc"] == round(9 / 11, 4) and scores["lemma_acc_det"] == round(10 / 11, 4)
    assert scores["entities"]["ALL"]["gold"] == 3 and scores["entities"]["ALL"]["predicted"] == 0
    assert scores["names"]["ALL"]["gold"] == 3  # the rules still find names: Kari, Tromsø, Nordland …

    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "Lemma, det godtatt for den" in out and "90,91 %" in out and "Navnefinneren" in out


def test_evaluate_refuses_a_bad_file_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.conllu"
    bad.write_text("1\tKari\n", encoding="utf-8")
    code, out, err = run(capsys, "nlp", "evaluate", str(bad), "--model", "offline")
    assert code == 2 and out == ""
    assert err.strip() == f"sdi: feil: {bad}:1: venter 10 tabulatorskilte kolonner, fant 2"


@pytest.fixture
def tagging_model(tmp_path: Path) -> Path:
    """A saved pipeline that tags parts of speech (a rule reads «landet» as a noun), no lemmas of its own."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("sdi_test_noun_tagger"):

        @Language.component("sdi_test_noun_tagger", assigns=["token.pos"])
        def noun_tagger(doc: Any) -> Any:
            for token in doc:
                token.pos_ = "NOUN" if token.lower_ == "landet" else "X"
            return doc

    nlp = spacy.blank("nb")
    nlp.add_pipe("sdi_test_noun_tagger")
    folder = tmp_path / "nb_test_tagger"
    nlp.to_disk(folder)
    return folder


def test_reindex_gives_the_index_the_new_pipelines_lemmas(
    project_dir: Path, tagging_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project_dir / "sdi.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('model = "nb_core_news_sm"', 'model = "offline"'), encoding="utf-8")
    body = "Moderator: Hvor bor dere?\n\nP1: Landet er stort, og landet har mange fjorder.\n"
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, body))
    assert run(capsys, "--project", str(project_dir), "import", "--quiet")[0] == 0
    project = open_project(project_dir, exact=True)
    assert _lemmas(project) == ["lande være stor og lande ha mange fjord"]  # the lookup lemma: the verb
    project.close()

    tagging = text.replace('model = "nb_core_news_sm"', f'model = "{tagging_model}"')
    config.write_text(tagging, encoding="utf-8")
    code, out, _ = run(capsys, "--project", str(project_dir), "status")
    assert "1 transkripsjoner er indeksert med en annen pipeline enn" in out and "sdi reindex" in out
    code, out, err = run(capsys, "--project", str(project_dir), "reindex")
    assert code == 0, err
    assert "Indekserer 2 ytringer i 1 transkripsjoner på nytt" in out and "1/1 transkripsjoner" in out
    project = open_project(project_dir, exact=True)
    (hit,) = search(project, "land").hits
    assert [hit.text[s:e] for s, e in hit.spans] == ["Landet", "landet"]
    project.close()
    code, out, _ = run(capsys, "--project", str(project_dir), "reindex")
    assert code == 0 and "allerede indeksert" in out
    assert "sdi reindex" not in run(capsys, "--project", str(project_dir), "status")[1]


def test_lookup_index_keeps_imports_on_the_fast_path(
    project_dir: Path, tagging_model: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`[nlp] index = "lookup"`: the tagging pipeline is the project's, but the index (and every query)
    takes the lookup lemmas; switching back and reindexing gives the pipeline's."""
    from sqlalchemy import select

    from sdi.storage.models import Document

    config = project_dir / "sdi.toml"
    original = config.read_text(encoding="utf-8")
    text = original.replace('model = "nb_core_news_sm"', f'model = "{tagging_model}"')
    config.write_text(text.replace('index = "pipeline"', 'index = "lookup"'), encoding="utf-8")
    body = "Moderator: Hvor bor dere?\n\nP1: Landet er stort, og landet har mange fjorder.\n"
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, body))
    assert run(capsys, "--project", str(project_dir), "import", "--quiet")[0] == 0
    project = open_project(project_dir, exact=True)
    with project.store.reading() as session:
        assert session.scalars(select(Document.pipeline)).all() == ["offline-nb"]
    assert "land " not in _lemmas(project)[0] and len(search(project, "lande").hits) == 1
    project.close()

    config.write_text(text, encoding="utf-8")
    assert run(capsys, "--project", str(project_dir), "reindex", "--quiet")[0] == 0
    project = open_project(project_dir, exact=True)
    assert _lemmas(project)[0].startswith("land ") and len(search(project, "land").hits) == 1
    project.close()


def _lemmas(project: Project) -> list[str]:
    """The lemmas the index holds for the informants' turns (a search for «land» also finds the verb
    reading «lande», as a lone query word is matched by every reading it may have)."""
    from sdi.storage.search_index import turn_lemmas

    with project.store.reading() as session:
        return [lemmas for lemmas in turn_lemmas(session).values() if "fjord" in lemmas]


def test_an_unknown_index_setting_is_refused_naming_the_line(tmp_path: Path) -> None:
    from sdi.config import ConfigError, load_config

    (tmp_path / "sdi.toml").write_text('[nlp]\nmodel = "offline"\nindex = "fast"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sdi\.toml:3: 'nlp.index' must be one of 'pipeline', 'lookup'"):
        load_config(tmp_path)
