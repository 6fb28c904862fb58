"""Workflow refusals carry a catalogue key, so the workbench can say them in the project's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sdi.i18n import catalogue
from sdi.workflow.code import create_code, rename_code
from sdi.workflow.code_group import create_group
from sdi.workflow.errors import WorkflowError, describe
from sdi.workflow.project import Project

WORKFLOW = Path(__file__).resolve().parents[2] / "sdi" / "workflow"


def test_a_refusal_is_said_in_either_language(project: Project) -> None:
    create_group(project, "Å vente")
    with pytest.raises(WorkflowError) as raised:
        create_group(project, "Å vente")
    assert str(raised.value) == "there is already a code group called «Å vente»"
    assert describe(raised.value, "nb") == "det finnes allerede en kodegruppe som heter «Å vente»"
    assert describe(raised.value, "en") == str(raised.value)


def test_a_missing_object_is_named_in_the_language(project: Project) -> None:
    with pytest.raises(WorkflowError) as raised:
        rename_code(project, 4711, "Noe")
    assert str(raised.value) == "no code with id 4711"
    assert describe(raised.value, "nb").startswith("finner ingen kode med id 4711")


def test_a_stale_edit_names_who_in_norwegian(project: Project) -> None:
    code = create_code(project, "Venter med å ringe hjem")
    rename_code(project, code, "Venter lenge med å ringe hjem")  # version 1 → 2
    with pytest.raises(WorkflowError) as raised:
        rename_code(project, code, "Ringer straks", seen_version=1)
    assert "was changed by tester since you opened it" in str(raised.value)
    assert "(kode) er endret av tester siden du åpnet visningen" in describe(raised.value, "nb")


def test_other_errors_read_as_written() -> None:
    assert describe(ValueError("plain"), "nb") == "plain"
    assert describe(WorkflowError("written in English"), "nb") == "written in English"


def test_every_error_key_the_workflow_raises_is_in_the_catalogue() -> None:
    used = {
        key
        for path in WORKFLOW.glob("*.py")
        for key in re.findall(r'key="(error\.[a-z_.]+)"', path.read_text(encoding="utf-8"))
    }
    assert len(used) >= 20
    assert used - catalogue().keys() == set()
