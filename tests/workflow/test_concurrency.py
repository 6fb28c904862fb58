"""Two coders at once, in two processes: a stale edit is refused with who changed it, and a race of renames
loses no update (every accepted rename is counted once in the version and once in the audit log)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sdi.storage.models import AuditEvent
from sdi.workflow.code import create_code, list_codes, rename_code
from sdi.workflow.code_group import create_group, list_groups, rename_group
from sdi.workflow.concept import concept_view, create_concept, update_concept
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project

REPO = Path(__file__).resolve().parents[2]
RACER = """
import json, sys
from pathlib import Path
from sdi.workflow.project import open_project
from sdi.workflow.code import list_codes, rename_code
from sdi.workflow.errors import reportable_errors
project = open_project(Path(sys.argv[1]), coder=sys.argv[2], exact=True)
accepted = refused = 0
for n in range(int(sys.argv[3])):
    seen = list_codes(project)[0]
    try:
        rename_code(project, seen.id, f"{sys.argv[2]} {n}", seen_version=seen.version)
        accepted += 1
    except reportable_errors():
        refused += 1
print(json.dumps({"accepted": accepted, "refused": refused}))
"""


def other_coder(root: Path, coder: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", RACER, str(root), coder, *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def test_a_stale_edit_is_refused_naming_who_changed_it(project: Project) -> None:
    code = create_code(project, "Venter med å ringe hjem")
    seen = list_codes(project)[0]
    colleague = other_coder(project.root, "ola", "1")
    out, err = colleague.communicate(timeout=60)
    assert json.loads(out) == {"accepted": 1, "refused": 0}, err
    with pytest.raises(WorkflowError, match="changed by ola since you opened it"):
        rename_code(project, code, "Min ordlyd", seen_version=seen.version)
    assert list_codes(project)[0].statement == "ola 0"  # the colleague's work stands


def test_stale_group_and_concept_edits_are_refused(project: Project) -> None:
    group = create_group(project, "Å vente")
    concept = create_concept(project, group, "Sikkerhetsventing")
    seen_group = list_groups(project)[0].version
    seen_concept = concept_view(project, concept).version
    rename_group(project, group, "Å vente lenge")  # another edit in between
    update_concept(project, concept, definition="Ny")
    with pytest.raises(WorkflowError, match="changed by tester"):
        rename_group(project, group, "Å nøle", seen_version=seen_group)
    with pytest.raises(WorkflowError, match="changed by tester"):
        update_concept(project, concept, name="Nøling", seen_version=seen_concept)


def test_racing_renames_lose_no_update(project: Project) -> None:
    create_code(project, "Start")
    racers = [other_coder(project.root, coder, "15") for coder in ("kari", "ola")]
    results = []
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0, err
        results.append(json.loads(out))
    accepted = sum(r["accepted"] for r in results)
    assert accepted >= 15 and sum(r["refused"] + r["accepted"] for r in results) == 30
    final = list_codes(project)[0]
    assert final.version == 1 + accepted
    with project.store.reading() as session:
        renames = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "rename-code")
        )
    assert renames == accepted
