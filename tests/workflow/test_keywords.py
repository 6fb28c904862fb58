"""Keywords by slice, gathered from the stored lemmas (no spaCy run), on both engines."""

from __future__ import annotations

import pytest

from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.keywords import keywords_by
from sdi.workflow.project import Project
from tests.conftest import transcript_md, write

KINDERGARTEN = """\
Moderator: Hva med stafettloggen, skolen og foreldrene?

P1: Stafettloggen ligger i permen. Vi skriver i stafettloggen hver uke, og stafettloggene blir lest.

P2: Stafettloggen er bra. Jeg leser stafettloggen, og foreldrene får se stafettloggen.

P1: Foreldrene er fornøyde, og barna leker ute.
"""

SCHOOL = """\
Moderator: Hva med stafettloggen, skolen og foreldrene?

P1: Skolen har kontaktlærer for hver elev. Kontaktlæreren snakker med eleven og foreldrene.

P2: Kontaktlæreren ringer hjem. Elevene på skolen får en kontaktlærer, og foreldrene blir med.

P1: Foreldrene er fornøyde, og barna leker ute.
"""


@pytest.fixture
def corpus(project: Project) -> Project:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, KINDERGARTEN))
    write(project.root, "corpus/sk-2.md", transcript_md("Skole Fjordvik", 2, SCHOOL, site="Åsmark"))
    assert not import_paths(project, []).failed
    return project


def test_keywords_by_group_and_stage(corpus: Project) -> None:
    by_group = {s.name: s for s in keywords_by(corpus, "group", min_count=3, min_g2=3.84)}
    assert list(by_group) == ["Barnehage Fjordvik", "Skole Fjordvik"]
    assert [k.lemma for k in by_group["Barnehage Fjordvik"].keywords] == ["stafettlogg"]
    assert by_group["Barnehage Fjordvik"].keywords[0].count == 6  # the moderator's mention is not counted
    assert by_group["Barnehage Fjordvik"].keywords[0].rest == 0
    school = [k.lemma for k in by_group["Skole Fjordvik"].keywords]
    assert school[0] == "kontaktlærer" and "elev" in school and "foreldre" not in school
    assert by_group["Barnehage Fjordvik"].words > 20
    by_stage = keywords_by(corpus, "stage", min_count=3, min_g2=3.84)
    assert [(s.name, s.keywords[0].lemma) for s in by_stage] == [("1", "stafettlogg"), ("2", "kontaktlærer")]
    by_site = keywords_by(corpus, "site", min_count=3, min_g2=3.84)
    assert [s.name for s in by_site] == ["Fjordvik", "Åsmark"]


def test_keywords_are_read_from_the_store_not_recomputed(
    corpus: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pipeline(*args: object) -> None:
        raise AssertionError("the language pipeline was run")

    monkeypatch.setattr("sdi.workflow.search.pipeline", no_pipeline)
    monkeypatch.setattr("sdi.nlp.pipeline.load_pipeline", no_pipeline)
    found = keywords_by(corpus, "group", min_count=3, min_g2=3.84)
    assert [s.keywords[0].lemma for s in found] == ["stafettlogg", "kontaktlærer"]
    only = keywords_by(corpus, "category")  # one category: nothing to compare with
    assert [(s.name, s.keywords) for s in only] == [("Barnehage", ())]


def test_bad_requests(corpus: Project) -> None:
    with pytest.raises(WorkflowError, match="choose one of: group, category, site, stage"):
        keywords_by(corpus, "speaker")
    with pytest.raises(WorkflowError, match="at least 1"):
        keywords_by(corpus, "group", top=0)
