"""Filters on lemma search and fuzzy retrieval: each dimension alone, several combined, values in any case,
unknown values refused with the valid ones, and the filter applied before the limit."""

from __future__ import annotations

import pytest

from sdi.workflow.code import code_span, create_code
from sdi.workflow.code_group import create_group, move_codes
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project
from sdi.workflow.quote_finder import find_quote
from sdi.workflow.search import search
from sdi.workflow.search_filter import SearchFilter, filter_options
from sdi.workflow.transcript import list_transcripts
from tests.conftest import write

HEAD = """\
+++
title = "{group} – runde {stage}"
group = "{group}"
site = "{site}"
category = "{category}"
stage = {stage}

[[participants]]
label = "Moderator"
role = "Moderator"
moderator = true

[[participants]]
label = "{p1}"
role = "Pedagogisk leder"

[[participants]]
label = "{p2}"
role = "{role2}"
+++

"""


def transcript(group: str, site: str, category: str, stage: int, p1: str, p2: str, role2: str) -> str:
    head = HEAD.format(group=group, site=site, category=category, stage=stage, p1=p1, p2=p2, role2=role2)
    return head + (
        f"Moderator: Hva gjør dere når dere er bekymret for et barn?\n\n"
        f"{p1}: Vi ringer foreldrene samme dag når vi er bekymret, og vi skriver i stafettloggen.\n\n"
        f"{p2}: Bekymringen går til helsesykepleier, men foreldrene får vite det først.\n\n"
        f"{p1}: Samarbeidet med Åsgården er godt, de svarer alltid på telefonen i runde {stage}.\n"
    )


@pytest.fixture
def corpus(project: Project) -> Project:
    write(
        project.root,
        "corpus/bh-fjordvik-1.md",
        transcript("Barnehage Fjordvik", "Fjordvik", "Barnehage", 1, "FB1", "FB2", "Fagarbeider"),
    )
    write(
        project.root,
        "corpus/bh-fjordvik-2.md",
        transcript("Barnehage Fjordvik", "Fjordvik", "Barnehage", 2, "FB1", "FB2", "Fagarbeider"),
    )
    write(project.root, "corpus/skole-asmark-1.md",
          transcript("Skole Åsmark", "Åsmark", "Skole", 1, "AS1", "AS2", "Lærer"))  # fmt: skip
    report = import_paths(project, [])
    assert not report.failed
    return project


def places(project: Project, query: str, within: SearchFilter, limit: int = 50) -> set[tuple[str, int, str]]:
    return {(h.group, h.stage, h.speaker) for h in search(project, query, limit, within).hits}


def test_each_filter_narrows_the_search(corpus: Project) -> None:
    everything = places(corpus, "foreldre", SearchFilter())
    assert len(everything) == 6  # two turns in each of three transcripts
    assert places(corpus, "foreldre", SearchFilter(groups=("skole åsmark",))) == {
        ("Skole Åsmark", 1, "AS1"), ("Skole Åsmark", 1, "AS2")}  # fmt: skip
    assert {g for g, _, _ in places(corpus, "foreldre", SearchFilter(categories=("BARNEHAGE",)))} == {
        "Barnehage Fjordvik"
    }
    assert {g for g, _, _ in places(corpus, "foreldre", SearchFilter(sites=("åsmark",)))} == {"Skole Åsmark"}
    assert {s for _, s, _ in places(corpus, "foreldre", SearchFilter(stages=("2",)))} == {2}
    assert {p for _, _, p in places(corpus, "foreldre", SearchFilter(roles=("lærer",)))} == {"AS2"}
    assert {p for _, _, p in places(corpus, "foreldre", SearchFilter(participants=("fb2",)))} == {"FB2"}


def test_filters_combine_and_values_of_one_filter_add_up(corpus: Project) -> None:
    both = SearchFilter(categories=("barnehage",), stages=("1",), roles=("pedagogisk leder",))
    assert places(corpus, "foreldre", both) == {("Barnehage Fjordvik", 1, "FB1")}
    either = SearchFilter(participants=("FB2", "as2"), stages=("1",))
    assert places(corpus, "foreldre", either) == {
        ("Barnehage Fjordvik", 1, "FB2"),
        ("Skole Åsmark", 1, "AS2"),
    }
    assert places(corpus, "foreldre", SearchFilter(sites=("Åsmark",), categories=("Barnehage",))) == set()


def test_code_and_code_group_filters(corpus: Project) -> None:
    document = next(t for t in list_transcripts(corpus) if t.source_path == "corpus/skole-asmark-1.md")
    text = transcript_text(corpus, document.id)
    start = text.index("Vi ringer foreldrene")
    code_id, _ = code_span(corpus, document.id, start, start + 20, statement="Vi ringer foreldrene samme dag")
    assert places(corpus, "foreldre", SearchFilter(codes=("vi ringer FORELDRENE samme dag",))) == {
        ("Skole Åsmark", 1, "AS1")
    }
    assert places(corpus, "foreldre", SearchFilter(codes=(str(code_id),))) == {("Skole Åsmark", 1, "AS1")}
    group_id = create_group(corpus, "Rask kontakt")
    move_codes(corpus, [code_id], group_id)
    create_code(corpus, "Ubrukt kode")
    assert places(corpus, "foreldre", SearchFilter(code_groups=("rask kontakt",))) == {
        ("Skole Åsmark", 1, "AS1")
    }
    assert places(corpus, "foreldre", SearchFilter(codes=("ubrukt kode",))) == set()


def transcript_text(project: Project, document_id: int) -> str:
    from sqlalchemy import select

    from sdi.storage.models import Document

    with project.store.reading() as session:
        return session.scalars(select(Document.text).where(Document.id == document_id)).one()


def test_unknown_values_are_refused_with_the_valid_ones(corpus: Project) -> None:
    with pytest.raises(WorkflowError, match=r"--site: no «Oslo» \(valid: Fjordvik, Åsmark\)"):
        search(corpus, "foreldre", within=SearchFilter(sites=("Oslo",)))
    with pytest.raises(WorkflowError, match=r"--stage: no «7» \(valid: 1, 2\)"):
        search(corpus, "foreldre", within=SearchFilter(stages=("7",)))
    with pytest.raises(WorkflowError, match="--code-group: no «x»"):
        find_quote(corpus, "ringer foreldrene", within=SearchFilter(code_groups=("x",)))
    options = filter_options(corpus)
    assert options.categories == ("Barnehage", "Skole") and options.stages == (1, 2)
    assert options.roles == ("Fagarbeider", "Lærer", "Moderator", "Pedagogisk leder")


def test_the_filter_is_applied_before_the_limit(corpus: Project) -> None:
    """The best-ranked turns are in other groups: a filter applied after the limit would leave nothing."""
    assert len(search(corpus, "foreldre", 1).hits) == 1
    hits = search(
        corpus,
        "foreldre",
        1,
        SearchFilter(groups=("Skole Åsmark",)),
    ).hits
    assert [h.group for h in hits] == ["Skole Åsmark"]
    for stage in ("1", "2"):
        hits = search(
            corpus, "foreldre", 1, SearchFilter(groups=("Barnehage Fjordvik",), stages=(stage,))
        ).hits
        assert [(h.group, h.stage) for h in hits] == [("Barnehage Fjordvik", int(stage))]


def test_fuzzy_retrieval_keeps_to_the_filter(corpus: Project) -> None:
    remembered = "vi ringte foreldrene samme dag og skrev i stafettloggen"
    best = find_quote(corpus, remembered, limit=3)
    assert best[0].sentence.startswith("Vi ringer foreldrene samme dag")
    within = SearchFilter(sites=("åsmark",), roles=("lærer",))
    # The teacher in Åsmark said nothing like it: no look-alikes from elsewhere, and none from her.
    assert find_quote(corpus, remembered, limit=20, within=within) == []
    narrowed = find_quote(corpus, "bekymringen går til helsesykepleieren før foreldrene vet det", 20, within)
    assert narrowed and {(m.turn.group, m.turn.speaker) for m in narrowed} == {("Skole Åsmark", "AS2")}
    assert "AS2" in narrowed[0].turn.speaker and narrowed[0].turn.role == "Lærer"
    only_stop_words = find_quote(corpus, "og det er", limit=50, within=SearchFilter(stages=("2",)))
    assert only_stop_words and {m.turn.stage for m in only_stop_words} == {2}
