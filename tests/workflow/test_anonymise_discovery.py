"""`sdi anonymise` on names nobody listed: sentence-initial names, genitives, municipalities and
institutions get the right kinds, and `--apply` never removes a word that is not part of a name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdi.workflow.anonymise.names import apply_decisions, as_proposed, find_names
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project, open_project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import transcript_md, write

BODY = """\
Moderator: Hva skjedde da?

P1: Det begynte i februar 2018. Siden Ibestad kommune hadde ansvaret, ringte vi dit.

P2: Kari ringte meg etterpå. Karis mor var med på møtet i Tromsø.

P1: Norges regler er strenge. Vi har kontakt med Nav og BUP, og med Gunn Elin på Lia skole.

P2: Time etter time satt vi der. Etter møtet dro Per Olav hjem til Bergen.
"""
# The names in BODY, written down by hand: what may go, and nothing else.
NAMES = ("Ibestad kommune", "Kari", "Tromsø", "Norge", "Gunn Elin", "Lia skole", "Per Olav", "Bergen")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@pytest.fixture(params=["offline", "nb_sdi"])
def discovered(project_dir: Path, request: pytest.FixtureRequest) -> Iterator[Project]:
    """The transcript imported into a project using the lookup pipeline (rules only), or sdi's own
    pipeline (its entities and the rules)."""
    config = project_dir / "sdi.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('"nb_core_news_sm"', f'"{request.param}"'), encoding="utf-8")
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Nordvik", 1, BODY, site="Nordvik"))
    project = open_project(project_dir, coder="tester", exact=True)
    report = import_paths(project, [])
    assert not report.failed, [o.message for o in report.failed]
    yield project
    project.close()


def _text(project: Project) -> str:
    (transcript,) = list_transcripts(project)
    return "\n".join(turn.text for turn in transcript_view(project, transcript.id).turns)


def test_unlisted_names_are_proposed_with_their_kinds(discovered: Project) -> None:
    kinds = {p.name: p.kind for p in find_names(discovered)}
    assert set(kinds) == set(NAMES)
    assert kinds == {
        "Ibestad kommune": "place",
        "Kari": "person",
        "Tromsø": "place",
        "Norge": "place",
        "Gunn Elin": "person",
        "Lia skole": "institution",
        "Per Olav": "person",
        "Bergen": "place",
    }


def test_apply_replaces_the_names_and_never_a_neighbouring_word(discovered: Project) -> None:
    before = _text(discovered)
    proposals = find_names(discovered)
    report = apply_decisions(discovered, as_proposed(proposals))
    after = _text(discovered)
    assert report.replacements == 9
    assert "i februar 2018. Siden [Sted" in after and "[Person A]s mor" in after
    for name in NAMES:  # take the names (and genitive s) out of the old text
        before = re.sub(rf"(?<!\w){re.escape(name)}s?(?!\w)", " ", before)
    kept = WORD.findall(re.sub(r"\[[^\]]*\]s?", " ", after))
    assert kept == WORD.findall(before)  # every other word is still there, in order
    assert not any(name in after for name in NAMES)
