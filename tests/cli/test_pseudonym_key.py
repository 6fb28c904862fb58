"""The pseudonym key: kept apart from the database, owner-only, applied on import, checked on export."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from sdi.cli.main import main
from sdi.config import ConfigError, load_config
from tests.conftest import dump_store, transcript_md, write

BODY = "Moderator: Hva skjedde?\n\nP1: Jeg ringte Kari Nordmann på helsestasjonen, og Karis svar kom fort.\n"


def test_key_is_owner_only_applied_on_import_and_guards_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "studie"
    main(["init", str(root)])
    assert main(["--project", str(root), "pseudonym", "add", "Kari", "[helsesykepleier]"]) == 0
    key = root / ".sdi" / "pseudonymnokkel.toml"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert tomllib.loads((root / "sdi.toml").read_text(encoding="utf-8")).get("pseudonyms", {}) == {}
    assert load_config(root).pseudonyms == {"Kari": "[helsesykepleier]"}

    write(root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    assert main(["--project", str(root), "import", "-q"]) == 0
    from sdi.workflow.project import open_project

    project = open_project(root, exact=True)
    try:
        stored = dump_store(project)
    finally:
        project.close()
    assert (
        "Kari" not in stored
        and "[helsesykepleier] Nordmann" in stored
        and "[helsesykepleier]s svar" in stored
    )
    capsys.readouterr()
    assert main(["--project", str(root), "pseudonym", "list"]) == 0
    assert "1 navn i nøkkelen" in capsys.readouterr().out


def test_a_key_others_can_read_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "studie"
    main(["init", str(root)])
    main(["--project", str(root), "pseudonym", "add", "Kari", "[helsesykepleier]"])
    key = root / ".sdi" / "pseudonymnokkel.toml"
    key.chmod(0o644)
    with pytest.raises(ConfigError, match="readable by other users"):
        load_config(root)
