"""The decisions of a merge, shared by `sdi merge` and the TUI merge view: the default per pair, the rule
that a right code merges into one code only, and the decisions file written and read back (refused in one
line, in the project's language, when it is not one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.nlp.similarity import TermWeights, engine
from sdi.workflow.errors import WorkflowError
from sdi.workflow.exchange.merge import MergeProposal, Side, SideCode, match
from sdi.workflow.exchange.merge_decisions import (
    FORMAT,
    as_decisions,
    decide,
    proposed_choices,
    read_decisions,
    render_decisions,
)


def _proposal() -> MergeProposal:
    left = Side("file", "", "ola", (SideCode("w1", "vente ringe hjem sikker", "ola"),
                                    SideCode("w2", "vente ringe hjem", "ola")))  # fmt: skip
    right = Side("file", "", "kari", (SideCode("v", "vente ringe hjem sikker", "kari"),))
    return match(left, right, engine(TermWeights()))


def test_choices_start_as_proposed_and_a_right_code_merges_once() -> None:
    proposal = _proposal()
    choices = proposed_choices(proposal)
    assert choices == {("w1", "v"): ("accept", ""), ("w2", "v"): ("apart", "")}
    other = next(p for p in proposal.pairs if p.left == "w2")
    decide(proposal, choices, other, "rename", "Venter med å ringe")
    assert choices == {("w1", "v"): ("apart", ""), ("w2", "v"): ("rename", "Venter med å ringe")}
    assert {(d.left, d.action) for d in as_decisions(choices)} == {("w1", "apart"), ("w2", "rename")}


def test_the_written_file_reads_back_as_the_proposed_choices(tmp_path: Path) -> None:
    proposal = _proposal()
    path = tmp_path / "merge.toml"
    path.write_text(render_decisions(proposal, tmp_path), encoding="utf-8")
    plan = read_decisions(path)
    assert plan.left == ("file", "", "ola") and plan.right == ("file", "", "kari")
    assert list(plan.decisions) == as_decisions(proposed_choices(proposal))


@pytest.mark.parametrize(
    ("language", "said", "not_said"),
    [("nb", ["Sammenslåing av kodebøker", "# 1. likhet", "#   venstre: «vente ringe hjem sikker» (ola"],
      ["Merging", "left:"]),
     ("en", ["Merging codebooks", "# 1. likeness", "#   left:  «vente ringe hjem sikker» (ola", "why: "],
      ["Sammenslåing", "venstre", "hvorfor", "kodinger"])],
)  # fmt: skip
def test_the_file_speaks_the_project_language_and_reads_back_the_same(
    tmp_path: Path, language: str, said: list[str], not_said: list[str]
) -> None:
    proposal = _proposal()
    text = render_decisions(proposal, tmp_path, language)
    assert all(line.startswith("#") for line in text.splitlines()[:4])
    for words in said:
        assert words in text, words
    for words in not_said:
        assert words not in text, words
    path = tmp_path / "merge.toml"
    path.write_text(text, encoding="utf-8")
    assert list(read_decisions(path).decisions) == as_decisions(proposed_choices(proposal))


def test_a_toml_error_in_the_file_names_its_line_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "merge.toml"
    path.write_text(render_decisions(_proposal(), tmp_path).replace('decision = "accept"', "decision accept"))
    with pytest.raises(WorkflowError) as caught:
        read_decisions(path)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text == "decision accept")
    said = caught.value.in_language("nb")
    assert said == f"{path}:{line}: kan ikke lese beslutningene («=» mangler etter nøkkelen)"
    assert str(caught.value).endswith("(Expected '=' after a key in a key/value pair)")


def test_a_file_that_is_not_a_decisions_file_is_one_line_in_either_language(tmp_path: Path) -> None:
    path = tmp_path / "merge.toml"
    path.write_text('format = "sdi-codebook/1"\n', encoding="utf-8")
    with pytest.raises(WorkflowError) as caught:
        read_decisions(path)
    assert str(caught.value) == f'{path}: not a merge decisions file (expected format = "{FORMAT}")'
    assert caught.value.in_language("nb").startswith(f"{path}: ikke en fil med beslutninger")
