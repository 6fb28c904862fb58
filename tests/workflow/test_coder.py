"""Who codes: named coders, the login-name fallback that makes the workbench ask, and switching."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.workflow.code import code_span, codings_of_document
from sdi.workflow.coder import list_coders, needs_coder_choice, switch_coder
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project, open_project
from tests.conftest import transcript_md, write

BODY = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Jeg venter med å ringe hjem til jeg er helt sikker.
"""


def imported(project: Project) -> int:
    path = write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [path])
    return 1


def test_a_coder_named_anywhere_is_chosen(project_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SDI_CODER", raising=False)
    named = open_project(project_dir, coder="kari", exact=True)
    assert (named.coder_name, named.coder_chosen) == ("kari", True)
    named.close()
    monkeypatch.setenv("SDI_CODER", "ola")
    from_env = open_project(project_dir, exact=True)
    assert (from_env.coder_name, from_env.coder_chosen) == ("ola", True)
    from_env.close()
    monkeypatch.delenv("SDI_CODER")
    login = open_project(project_dir, exact=True)
    assert login.coder_name and not login.coder_chosen
    login.close()


def test_the_workbench_asks_only_when_the_login_name_is_a_stranger(project: Project) -> None:
    imported(project)
    assert not needs_coder_choice(project)  # named coder
    project.coder_chosen = False
    assert not needs_coder_choice(project)  # nobody has coded yet: nothing to choose from
    code_span(project, 1, 0, 20, statement="Venter med å ringe hjem")
    assert not needs_coder_choice(project)  # the login name is a coder the project knows
    switch_coder(project, "maskin-7")
    project.coder_chosen = False
    assert needs_coder_choice(project)
    first = list_coders(project)[0]
    assert (first.name, first.codings) == ("tester", 1)
    assert codings_of_document(project, 1)[0].statement == "Venter med å ringe hjem"


def test_switching_puts_the_new_name_on_new_codings(project: Project) -> None:
    imported(project)
    code_span(project, 1, 0, 20, statement="Først")
    switch_coder(project, "  kari ")
    code_span(project, 1, 0, 20, statement="Så")
    assert {(c.name, c.codings) for c in list_coders(project)} >= {("tester", 1), ("kari", 1)}
    with pytest.raises(WorkflowError, match="a coder needs a name"):
        switch_coder(project, "  ")
    assert project.coder_name == "kari"
