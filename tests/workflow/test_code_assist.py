"""Coding assistance over a real store: similar codes by lemma, the closeness check against the coded
passage (widened to its sentences) and the interview guide, grouping suggestions accepted in one undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sdi.config import ConfigError
from sdi.nlp.closeness import ClosenessWarning
from sdi.storage.models import Document
from sdi.workflow.code import create_code, list_codes
from sdi.workflow.code_assist import CodeAssist, closeness_warnings, passage_of, similar_codes
from sdi.workflow.code_group import list_groups
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.grouping import accept_suggestion, suggest_groups
from sdi.workflow.history import undo
from sdi.workflow.project import Project, open_project
from tests.conftest import transcript_md, write

BODY = """\
Moderator: Hvordan brukes stafettloggen hos dere?

P1: Eh, den blir liggende. Loggen ligger i en perm på kontoret, og ingen åpner den. Det er sånn det er.

P2: Foreldrene ringer ikke tilbake når vi har tatt en undringssamtale.
"""
GUIDE = "# Intervjuguide\n\n1. Hvordan brukes stafettloggen?\n2. Hvordan er undringssamtalen?\n"


def configure(root: Path, guide: str = "guide.md") -> None:
    config = root / "sdi.toml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("model_terms = []", 'model_terms = ["Sammen tidlig", "handlingsveileder"]')
    config.write_text(text.replace('guide = ""', f'guide = "{guide}"'), encoding="utf-8")


@pytest.fixture
def studied(project_dir: Path) -> Iterator[Project]:
    """A project with one transcript, an interview guide and model terms configured."""
    configure(project_dir)
    write(project_dir, "guide.md", GUIDE)
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    opened = open_project(project_dir, coder="tester", exact=True)
    import_paths(opened, [])
    yield opened
    opened.close()


def span(project: Project, words: str) -> tuple[int, int, int]:
    with project.store.reading() as session:
        document = session.scalars(select(Document)).one()
        start = document.text.index(words)
        return document.id, start, start + len(words)


def test_similar_codes_find_an_inflected_duplicate(studied: Project) -> None:
    for statement in ("Barnehagen ringer ikke foreldrene tilbake", "Forelder ringe ikke tilbake",
                      "Foreldremøter blir ikke holdt"):  # fmt: skip
        create_code(studied, statement)
    found = similar_codes(studied, "foreldrene ringer ikke tilbake", limit=2)
    assert found[0][0].statement == "Forelder ringe ikke tilbake"
    assert found[0][1].score == 100.0 and found[0][1].same
    assert found[1][0].statement == "Barnehagen ringer ikke foreldrene tilbake"  # contains it, says more


def test_similar_codes_come_before_the_pipeline_is_ready(studied: Project) -> None:
    create_code(studied, "Loggen ligger i en perm")
    assist = CodeAssist(studied)
    assert assist.similar("loggen ligger i en perm") == []  # nothing read yet
    assist.prepare_similar()  # no language pipeline: quick
    assert not assist.ready and assist.warnings("Perm") == []  # no closeness check until prepared
    assert [c.statement for c, _ in assist.similar("loggen ligger i en perm")] == ["Loggen ligger i en perm"]
    assist.prepare()
    assert assist.ready and assist.problem is None


def test_the_passage_is_widened_to_its_sentences(studied: Project) -> None:
    document_id, start, end = span(studied, "i en perm")
    passage = passage_of(studied, document_id, start, end)
    assert passage.text == "Loggen ligger i en perm på kontoret, og ingen åpner den."
    assert (passage.start, passage.end) == (start, end)


def test_each_closeness_warning_on_a_real_passage(studied: Project) -> None:
    where = span(studied, "Loggen ligger i en perm på kontoret")

    def kinds(statement: str) -> list[str]:
        return [w.kind for w in closeness_warnings(studied, statement, *where)]

    assert kinds("Loggen ligger i en perm som ingen åpner") == []
    assert kinds("Permen") == ["topic_label"]
    assert kinds("Ledelsen mangler forankring av arbeidet") == ["not_in_passage"]
    found = closeness_warnings(
        studied, "Stafettloggen brukes i Sammen tidlig", *span(studied, "den blir liggende")
    )
    assert found == [  # the words of the question (and the model's name), not of the answer
        ClosenessWarning("not_in_passage"),
        ClosenessWarning("only_guide_words", ("stafettlogg", "bruke", "tidlig")),
    ]


def test_an_unreadable_guide_names_the_config_line(studied: Project, project_dir: Path) -> None:
    (project_dir / "guide.md").unlink()
    with pytest.raises(ConfigError, match=r"sdi\.toml:\d+: 'analysis\.guide': file not found"):
        closeness_warnings(studied, "Loggen ligger i en perm", *span(studied, "i en perm"))
    assist = CodeAssist(studied)
    assist.prepare()  # the picker goes on without the guide, and says why
    assert assist.problem and "guide.md" in assist.problem


def test_an_accepted_grouping_suggestion_is_one_undo(project: Project) -> None:
    ids = [create_code(project, s) for s in ("Ingen vet hvem som har stafettpinnen",
                                             "Stafettpinnen blir aldri gitt videre til skolen",
                                             "Tolken er fra samme miljø",
                                             "Tolken kjenner hele miljøet")]  # fmt: skip
    suggestions = suggest_groups(project)
    assert {frozenset(s.code_ids) for s in suggestions} == {frozenset(ids[:2]), frozenset(ids[2:])}
    pinne = next(s for s in suggestions if ids[0] in s.code_ids)
    assert pinne.shared == ("stafettpinne",) and pinne.name == "Stafettpinne"
    group_id = accept_suggestion(project, "Stafettpinnen mistes", pinne.code_ids)
    assert {c.id for c in list_codes(project) if c.group_id == group_id} == set(ids[:2])
    assert [set(s.code_ids) for s in suggest_groups(project)] == [set(ids[2:])]  # grouped codes drop out
    undo(project)
    assert list_groups(project) == [] and all(c.group_id is None for c in list_codes(project))


TAGGED = [  # enough for a tiny morphologizer to learn these very sentences (and nothing else)
    ("Tidlig innsats i barnehagen", ["ADJ", "NOUN", "ADP", "NOUN"]),
    ("Barnehagen venter for lenge", ["NOUN", "VERB", "ADV", "ADV"]),
    ("Loggen ligger i en perm", ["NOUN", "VERB", "ADP", "DET", "NOUN"]),
    ("Ingen vet hvem som har stafettpinnen", ["PRON", "VERB", "PRON", "PRON", "VERB", "NOUN"]),
]


@pytest.fixture(scope="module")
def pos_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved pipeline that tags parts of speech (a morphologizer trained on `TAGGED`), so the no-verb
    sign is tested through the real model path."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("nb")
    nlp.add_pipe("morphologizer")
    examples = [Example.from_dict(nlp.make_doc(t), {"pos": p, "morphs": [""] * len(p)}) for t, p in TAGGED]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer)
    folder = tmp_path_factory.mktemp("pos-model") / "nb_test_pos"
    nlp.to_disk(folder)
    return folder


def test_no_verb_is_flagged_where_the_model_tags_parts_of_speech(project_dir: Path, pos_model: Path) -> None:
    config = project_dir / "sdi.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('model = "nb_core_news_sm"', f'model = "{pos_model}"'),
        encoding="utf-8",
    )
    body = "Moderator: Hva skjer?\n\nP1: Barnehagen venter for lenge. Tidlig innsats i barnehagen, sier de.\n"
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, body))
    project = open_project(project_dir, coder="tester", exact=True)
    try:
        import_paths(project, [])
        where = span(project, "Barnehagen venter for lenge")
        kinds = [w.kind for w in closeness_warnings(project, "Tidlig innsats i barnehagen", *where)]
        assert kinds == ["no_verb"]  # four words, but a heading, not a statement
        assert closeness_warnings(project, "Barnehagen venter for lenge", *where) == []
    finally:
        project.close()
